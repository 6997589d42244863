import CLibGit2
public import Foundation

/// How to authenticate to a remote: a token for HTTPS, the SSH agent for SSH. Never stored on disk,
/// never printed.
public struct RemoteCredentials: Sendable {
    /// The token for HTTPS (a GitLab or GitHub personal or project access token), if any.
    public var token: String?
    /// The user name sent with the token: GitLab accepts "oauth2", GitHub "x-access-token".
    public var tokenUser: String

    public init(token: String? = nil, tokenUser: String = "oauth2") {
        self.token = token
        self.tokenUser = tokenUser
    }
}

/// State shared with libgit2's C callbacks during one clone or fetch.
private final class TransferSession {
    let credentials: RemoteCredentials
    let deadline: Date
    var attempts = 0
    var timedOut = false

    init(credentials: RemoteCredentials, deadline: Date) {
        self.credentials = credentials
        self.deadline = deadline
    }
}

extension Repository {
    /// Makes or refreshes a bare mirror of `url` (HTTPS, SSH, `file://` or a local path) at `path`:
    /// the first call clones; later calls fetch only what is new. Branches and tags are mirrored as
    /// local refs, so `HEAD` and `--ref` work as on the origin. Nothing is checked out.
    ///
    /// `timeout` bounds the transfer: libgit2 calls back while data flows, and the transfer is
    /// cancelled once the deadline has passed.
    public static func mirror(url: String, at path: String, credentials: RemoteCredentials, timeout: TimeInterval) throws(GitError) -> Repository {
        _ = LibGit2.initialized
        // The CA bundle, skipped at initialisation (LibGit2.tlsEnabled): only a fetch pays for it.
        _ = LibGit2.tlsEnabled
        let session = TransferSession(credentials: credentials, deadline: Date().addingTimeInterval(timeout))
        let payload = Unmanaged.passRetained(session)
        defer { payload.release() }

        let isNew = !FileManager.default.fileExists(atPath: path)
        if isNew {
            var created: OpaquePointer?
            try check(git_repository_init(&created, path, 1), "git_repository_init")
            git_repository_free(created)
        }
        do {
            let repository = try Repository(discoveringFrom: path)
            try repository.fetchMirror(url: url, payload: payload.toOpaque(), session: session, timeout: timeout)
            return repository
        } catch {
            if isNew { try? FileManager.default.removeItem(atPath: path) } // no half-made mirror left behind
            throw error
        }
    }

    /// Connects to `origin` (created with mirror refspecs if missing), learns its default branch,
    /// downloads what is new, updates branches and tags, prunes deleted ones, and points HEAD at
    /// the default branch as the origin does.
    private func fetchMirror(url: String, payload: UnsafeMutableRawPointer, session: TransferSession, timeout: TimeInterval) throws(GitError) {
        var remote: OpaquePointer?
        if git_remote_lookup(&remote, pointer, "origin") < 0 {
            var created: OpaquePointer?
            try check(git_remote_create_with_fetchspec(&created, pointer, "origin", url, "+refs/heads/*:refs/heads/*"), "git_remote_create_with_fetchspec")
            git_remote_free(created)
            try check(git_remote_add_fetch(pointer, "origin", "+refs/tags/*:refs/tags/*"), "git_remote_add_fetch")
            try check(git_remote_lookup(&remote, pointer, "origin"), "git_remote_lookup")
        } else if String(cString: git_remote_url(remote)) != url {
            git_remote_free(remote)
            try check(git_remote_set_url(pointer, "origin", url), "git_remote_set_url")
            try check(git_remote_lookup(&remote, pointer, "origin"), "git_remote_lookup")
        }
        defer { git_remote_free(remote) }
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
        Self.configure(&options, payload: payload)
        let timedOut = { (error: GitError) -> GitError in
            session.timedOut ? GitError(code: error.code, category: error.category, message: "timed out after \(Int(timeout)) s", operation: error.operation) : error
        }
        var status = git_remote_connect(remote, GIT_DIRECTION_FETCH, &options.callbacks, &options.proxy_opts, nil)
        guard status >= 0 else { throw timedOut(lastError(status, "git_remote_connect")) }
        defer { git_remote_disconnect(remote) }
        var defaultBranch = git_buf()
        defer { git_buf_dispose(&defaultBranch) }
        let hasDefault = git_remote_default_branch(&defaultBranch, remote) >= 0 && defaultBranch.ptr != nil
        let branch = hasDefault ? String(cString: defaultBranch.ptr) : nil
        status = git_remote_download(remote, nil, &options)
        guard status >= 0 else { throw timedOut(lastError(status, "git_remote_download")) }
        try check(git_remote_update_tips(remote, &options.callbacks, 0, GIT_REMOTE_DOWNLOAD_TAGS_ALL, "vigie: fetch"), "git_remote_update_tips")
        try check(git_remote_prune(remote, &options.callbacks), "git_remote_prune")
        if let branch, branch.hasPrefix("refs/heads/") {
            try check(git_repository_set_head(pointer, branch), "git_repository_set_head")
        }
    }

    private static func configure(_ options: inout git_fetch_options, payload: UnsafeMutableRawPointer) {
        options.callbacks.payload = payload
        options.callbacks.credentials = acquireCredentials
        options.callbacks.transfer_progress = checkDeadline
        options.callbacks.sideband_progress = checkDeadlineSideband
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL
    }
}

/// Answers libgit2's request for credentials: the token for HTTPS, the SSH agent for SSH; once each.
private func acquireCredentials(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, _ url: UnsafePointer<CChar>?,
                                _ usernameFromURL: UnsafePointer<CChar>?, _ allowedTypes: UInt32, _ payload: UnsafeMutableRawPointer?) -> Int32 {
    guard let payload else { return GIT_PASSTHROUGH.rawValue }
    let session = Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
    session.attempts += 1
    guard session.attempts <= 2 else { return GIT_EAUTH.rawValue } // the server refused what we had: stop, do not loop
    if allowedTypes & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, let token = session.credentials.token {
        return git_credential_userpass_plaintext_new(out, session.credentials.tokenUser, token)
    }
    if allowedTypes & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
        if let usernameFromURL { return git_credential_ssh_key_from_agent(out, usernameFromURL) }
        return git_credential_ssh_key_from_agent(out, "git")
    }
    return GIT_PASSTHROUGH.rawValue
}

private func checkDeadline(_ stats: UnsafePointer<git_indexer_progress>?, _ payload: UnsafeMutableRawPointer?) -> Int32 {
    guard let payload else { return 0 }
    let session = Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
    if Date() > session.deadline {
        session.timedOut = true
        return -1
    }
    return 0
}

private func checkDeadlineSideband(_ text: UnsafePointer<CChar>?, _ length: Int32, _ payload: UnsafeMutableRawPointer?) -> Int32 {
    checkDeadline(nil, payload)
}
