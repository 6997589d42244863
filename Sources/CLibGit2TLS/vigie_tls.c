#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "vigie_tls.h"

/* mbedtls_x509_crt is opaque here: this file never looks inside it. */
struct mbedtls_x509_crt;
typedef int (*parse_file_function)(struct mbedtls_x509_crt *chain, const char *path);

/* MBEDTLS_ERR_X509_FILE_IO_ERROR: what mbedTLS returns when it cannot read the file. */
#define VIGIE_X509_FILE_IO_ERROR (-0x2900)

static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static int deferring = 1;
static char *deferred_path = NULL;

#ifdef VIGIE_STATIC_LIBGIT2
/* libgit2 and mbedTLS are linked in (Package.swift): the linker's --wrap=mbedtls_x509_crt_parse_file
 * sends libgit2's calls to __wrap_…, and names mbedTLS's own function __real_…. */
int __real_mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain, const char *path);
#define VIGIE_PARSE_FILE __wrap_mbedtls_x509_crt_parse_file
#else
#define VIGIE_PARSE_FILE mbedtls_x509_crt_parse_file
#endif

/* Replaces libmbedx509's function for libgit2 (see vigie_tls.h). While deferring, the chain stays
 * as mbedtls_x509_crt_init left it, empty: were a TLS connection attempted anyway, no server
 * certificate would verify (libgit2 then fails with GIT_ECERTIFICATE), never the reverse. */
int VIGIE_PARSE_FILE(struct mbedtls_x509_crt *chain, const char *path) {
    pthread_mutex_lock(&state_lock);
    int defer = deferring;
    if (defer && path != NULL && deferred_path == NULL) deferred_path = strdup(path);
    pthread_mutex_unlock(&state_lock);
    if (defer) return 0;
#ifdef VIGIE_STATIC_LIBGIT2
    parse_file_function real = __real_mbedtls_x509_crt_parse_file;
#else
    parse_file_function real = (parse_file_function)dlsym(RTLD_NEXT, "mbedtls_x509_crt_parse_file");
#endif
    if (real == NULL) return VIGIE_X509_FILE_IO_ERROR;
    return real(chain, path);
}

const char *vigie_tls_stop_deferring(void) {
    pthread_mutex_lock(&state_lock);
    deferring = 0;
    const char *path = deferred_path;
    pthread_mutex_unlock(&state_lock);
    return path;
}

int vigie_tls_is_deferring(void) {
    pthread_mutex_lock(&state_lock);
    int value = deferring;
    pthread_mutex_unlock(&state_lock);
    return value;
}

const char *vigie_tls_deferred_path(void) {
    pthread_mutex_lock(&state_lock);
    const char *path = deferred_path;
    pthread_mutex_unlock(&state_lock);
    return path;
}
