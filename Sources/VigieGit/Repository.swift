import CLibGit2

/// An open git repository. The only type holding a libgit2 pointer; it frees it when released.
///
/// Not `Sendable`: libgit2 objects are used by one thread at a time, so a `Repository` stays in
/// the task that opened it. Everything it returns is a value.
public final class Repository {
    let pointer: OpaquePointer
    let odb: OpaquePointer

    /// Opens the repository at `path` or in any folder above it: a work tree, a folder inside one,
    /// a `.git` folder or a bare repository. The work tree itself is never read.
    public init(discoveringFrom path: String) throws(GitError) {
        _ = LibGit2.initialized
        var repository: OpaquePointer?
        try check(git_repository_open_ext(&repository, path, 0, nil), "git_repository_open_ext")
        guard let repository else {
            throw GitError(code: .other(-1), category: .repository, message: "no repository returned", operation: "git_repository_open_ext")
        }
        var database: OpaquePointer?
        let status = git_repository_odb(&database, repository)
        guard status >= 0, let database else {
            let error = lastError(status, "git_repository_odb")
            git_repository_free(repository)
            throw error
        }
        self.pointer = repository
        self.odb = database
    }

    deinit {
        git_odb_free(odb)
        git_repository_free(pointer)
    }

    /// True for a repository without a work tree.
    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// True for a shallow clone: its history stops at the commits listed in `shallow`.
    public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// The `.git` folder (or the bare repository's folder), with a trailing slash.
    public var gitDirectory: String { String(cString: git_repository_path(pointer)) }

    /// The work tree folder, or nil for a bare repository.
    public var workDirectory: String? { git_repository_workdir(pointer).map { String(cString: $0) } }

    /// Where HEAD points.
    public func head() throws(GitError) -> HeadState {
        if try check(git_repository_head_unborn(pointer), "git_repository_head_unborn") == 1 {
            return .unborn(try unbornBranchName())
        }
        if try check(git_repository_head_detached(pointer), "git_repository_head_detached") == 1 {
            return .detached
        }
        var reference: OpaquePointer?
        try check(git_repository_head(&reference, pointer), "git_repository_head")
        defer { git_reference_free(reference) }
        return .branch(String(cString: git_reference_shorthand(reference)))
    }

    private func unbornBranchName() throws(GitError) -> String {
        var reference: OpaquePointer?
        try check(git_reference_lookup(&reference, pointer, "HEAD"), "git_reference_lookup")
        defer { git_reference_free(reference) }
        guard let target = git_reference_symbolic_target(reference) else { return "HEAD" }
        let name = String(cString: target)
        return name.hasPrefix("refs/heads/") ? String(name.dropFirst("refs/heads/".count)) : name
    }

    /// Resolves any revision git understands (`HEAD`, a branch, a tag, an abbreviated id, `v1.0~2`) to a commit.
    public func resolveCommit(_ revision: String) throws(GitError) -> ResolvedCommit {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, pointer, revision), "git_revparse_single")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel")
        defer { git_commit_free(commit) }
        return ResolvedCommit(
            id: ObjectID(git_commit_id(commit).pointee),
            treeID: ObjectID(git_commit_tree_id(commit).pointee),
            time: Int64(git_commit_time(commit)),
            timeOffsetMinutes: git_commit_time_offset(commit)
        )
    }
}
