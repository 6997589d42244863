/* See include/lazy_gssapi.h. The types are declared here, opaque or as the ABI has them (MIT
 * krb5's gssapi.h is not installed with Debian's runtime package): every argument is a pointer,
 * an OM_uint32 or an int. */
#include "lazy_gssapi.h"

#ifdef VIGIE_STATIC_LIBGIT2
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t OM_uint32;
typedef struct { OM_uint32 length; void *elements; } gss_OID_desc;
typedef struct { size_t count; gss_OID_desc *elements; } gss_OID_set_desc;

/* GSS_S_FAILURE: the routine error "unspecified failure", 13 << 16 (RFC 2744). */
#define VIGIE_GSS_S_FAILURE ((OM_uint32)13 << 16)

/* Hidden: libgit2's objects, linked into the same executable, bind to these definitions, but they
 * are not exported, so the library opened below never binds its own calls to them. */
#define VIGIE_HIDDEN __attribute__((visibility("hidden")))

/* GSS_C_NT_HOSTBASED_SERVICE, 1.2.840.113554.1.2.1.4 (RFC 2744, 4.1). libgit2 passes it to
 * gss_import_name, which compares OIDs by value, so this copy stands for the library's. */
static gss_OID_desc hostbased_service = {10, (void *)"\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x04"};
VIGIE_HIDDEN gss_OID_desc *GSS_C_NT_HOSTBASED_SERVICE = &hostbased_service;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static void *library = NULL;
static int loaded = 0;

static void load(void) {
    library = dlopen("libgssapi_krb5.so.2", RTLD_NOW | RTLD_LOCAL);
    __atomic_store_n(&loaded, 1, __ATOMIC_RELEASE);
}

static void *resolve(const char *name) {
    pthread_once(&load_once, load);
    return library == NULL ? NULL : dlsym(library, name);
}

/* Each function: the real one when it resolves, else GSS_S_FAILURE with a minor status of 0. */
#define FORWARD(name, parameters, arguments)                                  \
    VIGIE_HIDDEN OM_uint32 name parameters {                                  \
        typedef OM_uint32(*function_type) parameters;                         \
        function_type real = (function_type)resolve(#name);                   \
        if (real == NULL) {                                                   \
            if (minor != NULL) *minor = 0;                                    \
            return VIGIE_GSS_S_FAILURE;                                       \
        }                                                                     \
        return real arguments;                                                \
    }

FORWARD(gss_delete_sec_context, (OM_uint32 *minor, void **context, void *output), (minor, context, output))
FORWARD(gss_display_status,
        (OM_uint32 *minor, OM_uint32 status, int status_type, gss_OID_desc *mechanism, OM_uint32 *message_context,
         void *status_string),
        (minor, status, status_type, mechanism, message_context, status_string))
FORWARD(gss_import_name, (OM_uint32 *minor, void *input_name, gss_OID_desc *name_type, void **output_name),
        (minor, input_name, name_type, output_name))
FORWARD(gss_indicate_mechs, (OM_uint32 *minor, gss_OID_set_desc **mechanisms), (minor, mechanisms))
FORWARD(gss_init_sec_context,
        (OM_uint32 *minor, void *credentials, void **context, void *target, gss_OID_desc *mechanism, OM_uint32 flags,
         OM_uint32 time, void *bindings, void *input, gss_OID_desc **actual_mechanism, void *output,
         OM_uint32 *returned_flags, OM_uint32 *returned_time),
        (minor, credentials, context, target, mechanism, flags, time, bindings, input, actual_mechanism, output,
         returned_flags, returned_time))
FORWARD(gss_release_buffer, (OM_uint32 *minor, void *buffer), (minor, buffer))
FORWARD(gss_release_name, (OM_uint32 *minor, void **name), (minor, name))
FORWARD(gss_release_oid_set, (OM_uint32 *minor, gss_OID_set_desc **set), (minor, set))

int vigie_gssapi_is_loaded(void) { return __atomic_load_n(&loaded, __ATOMIC_ACQUIRE) && library != NULL; }

int vigie_gssapi_mechanism_count(void) {
    OM_uint32 minor = 0;
    gss_OID_set_desc *mechanisms = NULL;
    if (gss_indicate_mechs(&minor, &mechanisms) != 0 || mechanisms == NULL) return -1;
    int count = (int)mechanisms->count;
    gss_release_oid_set(&minor, &mechanisms);
    return count;
}

#else

int vigie_gssapi_is_loaded(void) { return -1; }
int vigie_gssapi_mechanism_count(void) { return -2; }

#endif
