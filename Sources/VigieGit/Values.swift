/// What HEAD is: on a branch, detached at a commit, or on a branch with no commit yet.
public enum HeadState: Sendable, Equatable {
    case branch(String)
    case detached
    case unborn(String)
}

/// The kind of a tree entry, from its git file mode.
public enum EntryKind: String, Sendable, Equatable {
    case file, executable, symlink, submodule, directory
}

/// One entry of a tree listed recursively; directories themselves are not listed.
public struct TreeEntry: Sendable, Equatable {
    public let path: GitPath
    public let kind: EntryKind
    /// The git file mode, e.g. 0o100644.
    public let mode: UInt32
    /// The blob (or, for a submodule, the commit of the other repository). Listing never reads it:
    /// ask `objectSize` or `readBlob` when the content matters.
    public let id: ObjectID
}

/// A commit resolved from a revision: what the audit reads.
public struct ResolvedCommit: Sendable, Equatable {
    public let id: ObjectID
    public let treeID: ObjectID
    /// Committer time, seconds since the epoch, and its UTC offset in minutes.
    public let time: Int64
    public let timeOffsetMinutes: Int32
    /// What is malformed in its header (see `CommitRecord.malformed`); nil when sound.
    public var malformed: String? = nil
}

/// A person and a moment, as recorded in a commit header.
public struct Signature: Sendable, Equatable {
    public let name: String
    public let email: String
    /// Seconds since the epoch.
    public let time: Int64
    public let offsetMinutes: Int32

    public init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }
}

/// One commit of the history, as the history walk reports it.
public struct CommitRecord: Sendable, Equatable {
    public let id: ObjectID
    public let author: Signature
    public let committerTime: Int64
    public let parentCount: Int
    /// What git's fsck would warn about in its header ("author", "committer", "no author"…); nil when sound.
    /// git shows such commits, so the walk goes on through them.
    public let malformed: String?
}

/// A tag and the commit it leads to.
public struct TagRecord: Sendable, Equatable {
    public let name: String
    public let target: ObjectID
    /// The tagger's time for an annotated tag, else the commit's committer time.
    public let time: Int64
    public let annotated: Bool
}

/// Raised when a blob is larger than the caller's cap: nothing of it was read.
public struct BlobTooLarge: Error, Sendable, Equatable {
    public let id: ObjectID
    public let size: Int64
    public let cap: Int64
}

/// Where a history walk had to stop early: `commit`, a parent of `child`, could not be read.
public struct HistoryCut: Sendable, Equatable {
    public let commit: ObjectID
    public let child: ObjectID
    public let error: GitError

    public init(commit: ObjectID, child: ObjectID, error: GitError) {
        self.commit = commit
        self.child = child
        self.error = error
    }
}
