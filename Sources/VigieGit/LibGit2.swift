import CLibGit2
import CLibGit2TLS

/// Process-wide libgit2 set-up, done once before the first call.
///
/// vigie only reads repositories, so it turns off what costs time without protecting a reader
/// (strict hash verification re-hashes every object read: docs/performance.md) and what would
/// make results depend on the machine (user and system git configuration).
public enum LibGit2 {
    /// The libgit2 version actually linked, e.g. "1.5.1".
    /// Reading the version needs no initialisation: `vigie --version` stays cheap.
    public static var version: String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }

    static let initialized: Bool = {
        git_libgit2_init()
        // Objects are read, never written: re-hashing each one on read only costs time (×0.77 when off).
        _ = vigie_git_set_strict_hash_verification(0)
        // vigie reads each commit once (the history walk never comes back to one; no revwalk reads it
        // before us), so caching commits only costs memory: up to 4 KiB per commit kept by default,
        // about 50 MiB on curl's 39k commits, more than the rest of the walk. Trees and blobs keep
        // libgit2's defaults.
        _ = vigie_git_set_cache_object_limit(GIT_OBJECT_COMMIT, 0)
        // Owner validation guards git from running commands named in a foreign repository's config.
        // libgit2 never runs such commands and vigie never checks out, so auditing a checkout owned by
        // another user (a CI workspace, a colleague's clone) is safe: see docs/architecture.md.
        _ = vigie_git_set_owner_validation(0)
        // Ignore ~/.gitconfig and /etc/gitconfig: the same repository gives the same scorecard everywhere.
        for level in [GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_PROGRAMDATA] {
            _ = vigie_git_set_search_path_empty(level.rawValue)
        }
        // A partial clone (`git clone --filter=…`, then `extensions.partialClone`) is a repository vigie
        // must audit: absent objects become states of the files, never a refusal to open. The other two
        // extensions only constrain writers (keep objects; per-worktree configuration).
        _ = vigie_git_accept_reader_extensions()
        return true
    }()

    /// Loads the CA bundle that `git_libgit2_init` did not (CLibGit2TLS defers it: 52 M instructions
    /// in every process, needed only to fetch over HTTPS). Called before every fetch; loads once.
    package static let tlsEnabled: Bool = {
        _ = initialized
        guard let path = vigie_tls_stop_deferring() else { return true } // nothing was deferred
        return vigie_git_set_ssl_cert_file(path) == 0
    }()

    /// Whether the CA bundle is still to be loaded (tests: an audit must leave it so).
    public static var tlsDeferred: Bool { vigie_tls_is_deferring() == 1 && vigie_tls_deferred_path() != nil }

    /// The CA bundle path libgit2 asked for at initialisation, if its loading was deferred.
    public static var deferredCertificatePath: String? { vigie_tls_deferred_path().map { String(cString: $0) } }
}
