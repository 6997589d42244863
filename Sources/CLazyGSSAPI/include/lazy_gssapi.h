#ifndef VIGIE_LAZY_GSSAPI_H
#define VIGIE_LAZY_GSSAPI_H

/* GSSAPI loaded on first use (Package.swift, docs/architecture.md#libraries-linked-in).
 *
 * Debian's libgit2 is built with GSSAPI, for the "Negotiate" (Kerberos) authentication of HTTP
 * fetches, and calls eight gss_* functions and reads one OID. Linked as a shared library, GSSAPI
 * brings seven (libgssapi_krb5, libkrb5, libk5crypto, libcom_err, libkrb5support, libkeyutils,
 * libresolv): ~1.5 ms of every start, for a server that asks for Kerberos, which public forges never
 * do. With libgit2 linked in, this target defines those functions itself: the first call opens
 * libgssapi_krb5.so.2 (dlopen) and every call goes to the real function; when the library is not
 * installed, each returns GSS_S_FAILURE, and libgit2 then reports that Negotiate authentication is
 * unavailable. With Debian's shared libgit2 (VIGIE_SHARED_LIBRARIES=1) it defines nothing. */

/* 1 once libgssapi_krb5.so.2 has been opened, 0 before; -1 when built for a shared libgit2. */
int vigie_gssapi_is_loaded(void);

/* The number of mechanisms GSSAPI offers, through this target's gss_indicate_mechs (which loads the
 * library); -1 when the library cannot be loaded or the call fails; -2 when built for a shared
 * libgit2. */
int vigie_gssapi_mechanism_count(void);

#endif
