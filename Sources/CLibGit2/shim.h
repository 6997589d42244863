#ifndef VIGIE_CLIBGIT2_SHIM_H
#define VIGIE_CLIBGIT2_SHIM_H
#include <git2.h>

/* git_libgit2_opts is C-variadic, which Swift does not import: fixed-arity wrappers. */
static inline int vigie_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
static inline int vigie_git_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}
static inline int vigie_git_set_search_path_empty(int level) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, "");
}
/* Largest object of a type libgit2 keeps in its object cache (0: never cached). */
static inline int vigie_git_set_cache_object_limit(git_object_t type, size_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}
/* Repository extensions a reader may accept: libgit2 1.5 refuses to open a repository naming others. */
static inline int vigie_git_accept_reader_extensions(void) {
    const char *extensions[] = { "partialclone", "preciousobjects", "worktreeconfig" };
    return git_libgit2_opts(GIT_OPT_SET_EXTENSIONS, extensions, (size_t)3);
}
/* Loads the CA bundle at `file` for TLS (libgit2 parses it now; LibGit2.enableTLS). */
static inline int vigie_git_set_ssl_cert_file(const char *file) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, (const char *)0);
}
#endif
