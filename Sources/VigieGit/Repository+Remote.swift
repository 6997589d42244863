import CLibGit2

extension Repository {
    /// The URL of the remote `name` as the repository's own configuration gives it (vigie ignores the
    /// global and system configuration, so no `insteadOf` rewrite applies), or nil when there is no
    /// such remote. It may hold credentials: callers strip them before showing or writing it.
    public func remoteURL(named name: String = "origin") -> String? {
        var remote: OpaquePointer?
        guard git_remote_lookup(&remote, pointer, name) == 0, let remote else { return nil }
        defer { git_remote_free(remote) }
        return git_remote_url(remote).map { String(cString: $0) }
    }
}
