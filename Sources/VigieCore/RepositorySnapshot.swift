/// A file of the audited commit's tree, as rules see it.
public struct SnapshotEntry: Sendable, Equatable {
    public enum Kind: String, Sendable { case file, executable, symlink, submodule }

    /// The path as git stores it (bytes, no encoding) and as reports show it (lossy UTF-8).
    public let pathBytes: [UInt8]
    public let path: String
    public let kind: Kind
    public let size: Int64
    /// The last path component, and the folder part (empty at the root): computed once, since rules
    /// filter tens of thousands of entries by them.
    public let name: Substring
    public let folder: Substring

    public init(pathBytes: [UInt8], kind: Kind, size: Int64) {
        self.pathBytes = pathBytes
        let path = String(decoding: pathBytes, as: UTF8.self)
        self.path = path
        self.kind = kind
        self.size = size
        if let slash = path.lastIndex(of: "/") {
            folder = path[..<slash]
            name = path[path.index(after: slash)...]
        } else {
            folder = ""
            name = path[...]
        }
    }

    public init(path: String, kind: Kind = .file, size: Int64) {
        self.init(pathBytes: Array(path.utf8), kind: kind, size: size)
    }

    public var isAtRoot: Bool { folder.isEmpty }
}

/// One commit of the history, without libgit2.
public struct HistoryCommit: Sendable, Equatable {
    public let authorName: String
    public let authorEmail: String
    /// Author time, seconds since the epoch.
    public let authorTime: Int64
    public let committerTime: Int64
    public let parentCount: Int

    public init(authorName: String, authorEmail: String, authorTime: Int64, committerTime: Int64, parentCount: Int) {
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorTime = authorTime
        self.committerTime = committerTime
        self.parentCount = parentCount
    }
}

/// A tag, without libgit2.
public struct SnapshotTag: Sendable, Equatable {
    public let name: String
    public let time: Int64
    public init(name: String, time: Int64) {
        self.name = name
        self.time = time
    }
}

/// Where a snapshot's file contents and history come from: a git repository in an audit,
/// a dictionary in a rule example. Reads happen in the task that owns the snapshot.
public protocol SnapshotReader {
    /// The bytes of `entry`; throws `ContentTooLarge` when it is bigger than `cap`.
    func contents(of entry: SnapshotEntry, cap: Int64) throws -> [UInt8]
    /// Calls `body` once per commit reachable from the audited commit, in no particular order, with
    /// identities already resolved through the audited tree's `.mailmap`. Streaming: nothing is kept
    /// per commit, so memory does not grow with the history.
    func walkHistory(_ body: (HistoryCommit) throws -> Void) throws
    /// Every tag of the repository.
    func tags() throws -> [SnapshotTag]
}

/// Thrown when a file is larger than the read cap: it was not read.
public struct ContentTooLarge: Error, Sendable, Equatable {
    public let path: String
    public let size: Int64
    public let cap: Int64
    public init(path: String, size: Int64, cap: Int64) {
        self.path = path
        self.size = size
        self.cap = cap
    }
}

/// The audited commit as rules see it: its files, a capped reader of their contents, its history.
/// Rules never see libgit2, and nothing here changes once built. Reads are memoised, so several
/// rules asking for the README cost one read.
public final class RepositorySnapshot {
    public let name: String
    public let entries: [SnapshotEntry]
    /// Largest file a rule may read, in bytes.
    public let readCap: Int64
    /// True when the history stops early (a shallow clone).
    public let isShallow: Bool
    private let reader: any SnapshotReader
    private let byPath: [String: Int]
    private var contentCache: [String: [UInt8]] = [:]
    private var cachedTags: [SnapshotTag]?
    private var analyses: [String: Any] = [:]
    /// The facts the engine gathered before running the rules (plugins receive them).
    public internal(set) var factsSoFar: [String: JSONValue] = [:]

    public init(name: String, entries: [SnapshotEntry], reader: any SnapshotReader, readCap: Int64 = 1 << 20, isShallow: Bool = false) {
        self.name = name
        self.entries = entries
        self.reader = reader
        self.readCap = readCap
        self.isShallow = isShallow
        var byPath: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where byPath[entry.path] == nil { byPath[entry.path] = index }
        self.byPath = byPath
    }

    public func entry(at path: String) -> SnapshotEntry? { byPath[path].map { entries[$0] } }

    /// Files directly at the root of the tree.
    public var rootEntries: [SnapshotEntry] { entries.filter(\.isAtRoot) }

    /// The bytes of a file, capped at `readCap` (or a smaller `cap`).
    public func bytes(of entry: SnapshotEntry, cap: Int64? = nil) throws -> [UInt8] {
        let limit = min(cap ?? readCap, readCap)
        if entry.size > limit { throw ContentTooLarge(path: entry.path, size: entry.size, cap: limit) }
        if let cached = contentCache[entry.path] { return cached }
        let bytes = try reader.contents(of: entry, cap: limit)
        contentCache[entry.path] = bytes
        return bytes
    }

    /// The text of a file, decoded as UTF-8 (invalid bytes become U+FFFD), without a leading BOM.
    public func text(of entry: SnapshotEntry, cap: Int64? = nil) throws -> String {
        var bytes = try self.bytes(of: entry, cap: cap)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Visits every commit of the history (see `SnapshotReader.walkHistory`).
    public func walkHistory(_ body: (HistoryCommit) throws -> Void) throws {
        try reader.walkHistory(body)
    }

    /// Computes an analysis once per snapshot, however many rules and fact providers ask for it.
    /// A failed analysis is not cached: each asker gets the error.
    public func analysis<T>(_ key: String, _ compute: () throws -> T) rethrows -> T {
        if let cached = analyses[key] as? T { return cached }
        let value = try compute()
        analyses[key] = value
        return value
    }

    public func tags() throws -> [SnapshotTag] {
        if let cachedTags { return cachedTags }
        let tags = try reader.tags()
        cachedTags = tags
        return tags
    }
}

/// A snapshot reader over files held in memory: rule examples and unit tests.
public struct InMemoryReader: SnapshotReader {
    public let files: [String: [UInt8]]
    public let commits: [HistoryCommit]
    public let tagList: [SnapshotTag]

    public init(files: [String: [UInt8]], commits: [HistoryCommit] = [], tags: [SnapshotTag] = []) {
        self.files = files
        self.commits = commits
        self.tagList = tags
    }

    public func contents(of entry: SnapshotEntry, cap: Int64) throws -> [UInt8] {
        guard let bytes = files[entry.path] else { return [] }
        return bytes
    }
    public func walkHistory(_ body: (HistoryCommit) throws -> Void) throws { try commits.forEach(body) }
    public func tags() throws -> [SnapshotTag] { tagList }
}

extension RepositorySnapshot {
    /// A snapshot of files given as text, for examples and tests.
    public convenience init(name: String = "example", files: [String: String], commits: [HistoryCommit] = [], tags: [SnapshotTag] = []) {
        let bytes = files.mapValues { Array($0.utf8) }
        let entries = bytes.keys.sorted().map { SnapshotEntry(path: $0, size: Int64(bytes[$0]!.count)) }
        self.init(name: name, entries: entries, reader: InMemoryReader(files: bytes, commits: commits, tags: tags))
    }
}
