#ifndef VIGIE_TLS_H
#define VIGIE_TLS_H

/* libgit2's TLS set-up, deferred until a fetch needs it (docs/performance.md, "Fixed costs").
 *
 * Debian's libgit2 1.5.1 is built with mbedTLS, and git_libgit2_init() parses the whole system CA
 * bundle (GIT_DEFAULT_CERT_LOCATION, /etc/ssl/certs/ca-certificates.crt) through
 * mbedtls_x509_crt_parse_file: 52 M of its 62 M instructions, in every process, though only a fetch
 * of a remote repository ever needs it. libgit2 1.5.1 has no option or variable to skip it, so this
 * target takes the place of mbedtls_x509_crt_parse_file for libgit2: with libgit2 linked in (the
 * default on Debian 12, Package.swift), through the linker's --wrap; with a shared libgit2
 * (VIGIE_SHARED_LIBRARIES=1, other systems), by defining it in vigie's executable, which comes first
 * in the dynamic linker's search order. While deferring, it records the path and loads nothing;
 * otherwise it calls the real function. Before a fetch, vigie stops deferring and hands the recorded
 * path back to libgit2 (GIT_OPT_SET_SSL_CERT_LOCATIONS), which then parses it for real: only
 * fetches pay. Were the definition not used (another linker), nothing is recorded and nothing
 * changes. */

/* The CA bundle path whose loading was deferred, or NULL if none was, and stop deferring: from now
 * on every call loads certificates for real. */
const char *vigie_tls_stop_deferring(void);

/* 1 while loading certificates is deferred, 0 after vigie_tls_stop_deferring. */
int vigie_tls_is_deferring(void);

/* The path libgit2 asked to load while deferring, or NULL (no call yet, or the definition above is
 * not the one libgit2 uses). */
const char *vigie_tls_deferred_path(void);

#endif
