import CLibGit2
import Foundation

/// An open git repository. The only type holding a libgit2 pointer; it frees it when released.
///
/// Not `Sendable`: libgit2 objects are used by one thread at a time, so a `Repository` stays in
/// the task that opened it. Everything it returns is a value.
public final class Repository {
    let pointer: OpaquePointer
    let odb: OpaquePointer
    /// Loose objects go through vigie's own checked reader before libgit2 may see them (LooseObjects.swift).
    let loose: LooseObjects

    /// Opens the repository at `path` or in any folder above it: a work tree, a folder inside one,
    /// a `.git` folder or a bare repository. The work tree itself is never read.
    public init(discoveringFrom path: String) throws(GitError) {
        _ = LibGit2.initialized
        // Find the .git folder first, then check that everything libgit2 will open there is a regular
        // file: opening the repository reads HEAD, config and refs, and a FIFO among them would block.
        var found = git_buf()
        let discovery = git_repository_discover(&found, path, 0, nil)
        if discovery == GIT_ENOTFOUND.rawValue {
            // libgit2 does not recognise a folder whose HEAD is not a regular file as a repository:
            // say what is wrong with it rather than "not a repository".
            for folder in [path, path + "/.git"] { try Self.requireRegularFiles(in: folder, only: ["HEAD"]) }
        }
        try check(discovery, "git_repository_discover")
        let discovered = String(cString: found.ptr)
        git_buf_dispose(&found)
        try Self.requireRegularFiles(in: discovered)
        let repository = try Self.open(discovered)
        // Checked before the object database is loaded: loading it scans the packs of the repository
        // and of its alternates, which may live anywhere on the disk.
        let common = String(cString: git_repository_commondir(repository))
        let objectsFolder = common + (common.hasSuffix("/") ? "" : "/") + "objects"
        let alternates: [String]
        do {
            if common != discovered { try Self.requireRegularFiles(in: common) }
            alternates = try Alternates.folders(from: objectsFolder)
            for folder in alternates { try Self.requireRegularFiles(inObjectsFolder: folder) }
        } catch {
            git_repository_free(repository)
            throw error
        }
        self.pointer = repository
        self.odb = try Self.objectDatabase(of: repository)
        self.loose = LooseObjects(objectsFolders: [objectsFolder] + alternates)
    }

    /// `requireRegularFiles` for an alternate object folder: its alternates, its pack list, its packs.
    static func requireRegularFiles(inObjectsFolder folder: String) throws(GitError) {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var paths = [base + "info/alternates", base + "info/packs"]
        if let names = try? FileManager.default.contentsOfDirectory(atPath: base + "pack") { paths += names.map { base + "pack/" + $0 } }
        try requireRegular(paths)
    }

    /// Another handle on an already opened repository, for another thread (libgit2 objects are used
    /// by one thread at a time). The regular-file checks of `init(discoveringFrom:)` were made when
    /// `other` was opened, so this costs one `git_repository_open_ext`.
    public init(reopening other: Repository) throws(GitError) {
        _ = LibGit2.initialized
        let repository = try Self.open(other.gitDirectory)
        self.pointer = repository
        self.odb = try Self.objectDatabase(of: repository)
        self.loose = LooseObjects(objectsFolders: other.loose.folders)
    }

    /// `git_repository_open_ext` on a known git folder, without searching above it.
    private static func open(_ gitDirectory: String) throws(GitError) -> OpaquePointer {
        var repository: OpaquePointer?
        try check(git_repository_open_ext(&repository, gitDirectory, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil), "git_repository_open_ext")
        guard let repository else {
            throw GitError(code: .other(-1), category: .repository, message: "no repository returned", operation: "git_repository_open_ext")
        }
        return repository
    }

    /// The object database of a just-opened repository; frees the repository if there is none, since
    /// the caller's initialiser then fails without owning it.
    private static func objectDatabase(of repository: OpaquePointer) throws(GitError) -> OpaquePointer {
        var database: OpaquePointer?
        let status = git_repository_odb(&database, repository)
        guard status >= 0, let database else {
            let error = lastError(status, "git_repository_odb")
            git_repository_free(repository)
            throw error
        }
        return database
    }

    /// Fails if a file libgit2 opens in `gitDirectory` is a FIFO, a device or a socket (see `RegularFile`):
    /// the repository's own files, every loose reference, and the pack files libgit2 scans.
    static func requireRegularFiles(in gitDirectory: String, only: [String]? = nil) throws(GitError) {
        let folder = gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/"
        var paths = (only ?? ["HEAD", "config", "config.worktree", "commondir", "gitdir", "packed-refs", "shallow",
                              "info/grafts", "objects/info/alternates", "objects/info/packs"]).map { folder + $0 }
        let manager = FileManager.default
        for tree in only == nil ? ["refs", "objects/pack"] : [] {
            guard let enumerator = manager.enumerator(atPath: folder + tree) else { continue }
            while let name = enumerator.nextObject() as? String { paths.append(folder + tree + "/" + name) }
        }
        try requireRegular(paths)
    }

    /// The first of `paths` that is a FIFO, a device or a socket, as an error naming it; absent paths pass.
    private static func requireRegular(_ paths: [String]) throws(GitError) {
        for path in paths {
            if let kind = RegularFile.irregularKind(path) {
                throw GitError(code: .other(-1), category: .filesystem,
                               message: "\(path) is \(kind): vigie reads only regular files in a repository",
                               operation: "vigie_open_regular")
            }
        }
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
    ///
    /// A reference or a full id is resolved without reading any object, then peeled by vigie's own
    /// reader: libgit2's commit parser refuses a commit whose author line git shows (no e-mail, an
    /// overflowing date), and its loose-object reader may spin on a truncated one (LooseObjects.swift).
    /// Only revision expressions (`v1.0~2`, an abbreviated id) go through `git_revparse_single`.
    public func resolveCommit(_ revision: String) throws(GitError) -> ResolvedCommit {
        try peelToCommit(try referencedObject(revision), revision: revision)
    }

    /// Follows tags from `start` to a commit and parses its header, all through vigie's own reader.
    func peelToCommit(_ start: ObjectID, revision: String) throws(GitError) -> ResolvedCommit {
        var id = start
        for _ in 0..<16 {
            let step = try withRawObject(id) { (type, bytes) throws(GitError) -> Either in
                switch type {
                case .commit:
                    return .commit(CommitHeader(parsing: bytes))
                case .tag:
                    // "object <40 hex>" is the first line of a tag.
                    guard bytes.count >= 47, bytes.starts(with: Array("object ".utf8)),
                          let target = ObjectID(hexBytes: UnsafeRawBufferPointer(rebasing: bytes[7..<47])) else {
                        throw GitError(code: .other(-1), category: .object, message: "tag \(id.hex) is malformed", operation: "git_odb_read")
                    }
                    return .tag(target)
                default:
                    throw GitError(code: .invalidSpec, category: .object, message: "'\(revision)' is not a commit", operation: "git_object_peel")
                }
            }
            switch step {
            case .tag(let target):
                id = target
            case .commit(let header):
                guard let header, let tree = header.tree else {
                    throw GitError(code: .other(-1), category: .object, message: "commit \(id.hex) has no readable tree or parent line", operation: "git_odb_read")
                }
                return ResolvedCommit(id: id, treeID: tree, time: header.committerTime, timeOffsetMinutes: header.committerOffset,
                                      malformed: header.malformed)
            }
        }
        throw GitError(code: .other(-1), category: .object, message: "'\(revision)': too many nested tags", operation: "git_object_peel")
    }

    private enum Either {
        case commit(CommitHeader?)
        case tag(ObjectID)
    }

    /// The object a revision names: a full id as is, a reference (`HEAD`, `main`, `v1.0`, as git's
    /// dwim rules find it) through its target, anything else through `git_revparse_single`.
    private func referencedObject(_ revision: String) throws(GitError) -> ObjectID {
        if revision.utf8.count == 40, let id = ObjectID(hex: revision) { return id }
        var reference: OpaquePointer?
        if git_reference_dwim(&reference, pointer, revision) == 0 {
            defer { git_reference_free(reference) }
            var resolved: OpaquePointer?
            try check(git_reference_resolve(&resolved, reference), "git_revparse_single")
            defer { git_reference_free(resolved) }
            guard let target = git_reference_target(resolved) else {
                throw GitError(code: .notFound, category: .reference, message: "'\(revision)' points nowhere", operation: "git_revparse_single")
            }
            return ObjectID(target.pointee)
        }
        var object: OpaquePointer?
        try check(git_revparse_single(&object, pointer, revision), "git_revparse_single")
        defer { git_object_free(object) }
        return ObjectID(git_object_id(object).pointee)
    }
}
