/// A file of the audited commit's tree, as rules see it. Its size is not part of it: listing a tree
/// reads no blob, so sizes come from `RepositorySnapshot.size(of:)`, when a rule asks.
public struct SnapshotEntry: Sendable, Equatable {
    public enum Kind: String, Sendable { case file, executable, symlink, submodule }

    /// The path as git stores it (bytes, no encoding) and as reports show it (lossy UTF-8).
    public let pathBytes: [UInt8]
    public let path: String
    public let kind: Kind
    /// The last path component, and the folder part (empty at the root): computed once, since rules
    /// filter tens of thousands of entries by them.
    public let name: Substring
    public let folder: Substring
    /// The extension of the file name, lowercased, without the dot; nil when there is none (nor for a
    /// name that only starts with a dot, like `.env`). Stored: several scans ask it of every file, and
    /// computing it at each question was 45 M instructions of a git/git head scan (issue 14).
    public let lowercasedExtension: String?

    public init(pathBytes: [UInt8], kind: Kind) {
        self.pathBytes = pathBytes
        let path = String(decoding: pathBytes, as: UTF8.self)
        self.path = path
        self.kind = kind
        // The last "/" byte, as git splits paths: `String.lastIndex(of:)` compares `Character`s, 6,700
        // instructions a path (issue 14), and misses a slash that a combining mark follows.
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = path[..<slash]
            name = path[path.utf8.index(after: slash)...]
        } else {
            folder = ""
            name = path[...]
        }
        lowercasedExtension = Self.lowercasedExtension(of: name)
    }

    private static func lowercasedExtension(of name: Substring) -> String? {
        // An ASCII name is cut as bytes (95 M instructions of Character searching and lowercasing on
        // git/git otherwise).
        if !name.utf8.contains(where: { $0 >= 0x80 }) {
            guard let dot = name.utf8.lastIndex(of: 0x2E), dot != name.utf8.startIndex else { return nil }
            let suffix = name.utf8[name.utf8.index(after: dot)...]
            guard suffix.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(Substring(suffix)) }
            return String(decoding: suffix.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    public init(path: String, kind: Kind = .file) {
        self.init(pathBytes: Array(path.utf8), kind: kind)
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
    /// Set when the commit's header is malformed (an author line without e-mail, a date that
    /// overflows…): git shows such commits and `git fsck` only warns, so the commit still counts.
    public let malformed: MalformedCommit?

    public init(authorName: String, authorEmail: String, authorTime: Int64, committerTime: Int64, parentCount: Int,
                malformed: MalformedCommit? = nil) {
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorTime = authorTime
        self.committerTime = committerTime
        self.parentCount = parentCount
        self.malformed = malformed
    }
}

/// A commit whose header git would warn about, and what is wrong in it ("author", "committer", "no author"…).
public struct MalformedCommit: Sendable, Equatable {
    public let commit: String
    public let reason: String

    public init(commit: String, reason: String) {
        self.commit = commit
        self.reason = reason
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
    /// What is known to be unreadable without reading any content: files whose object is absent,
    /// folders whose tree could not be read, submodules. Cheap (no blob is read); asked once.
    func inventory() -> [UnreadableEntry]
    /// The size of `entry`, or why it cannot be read. Reads an object header, and the content of
    /// blobs small enough to be Git LFS pointers; never throws.
    func state(of entry: SnapshotEntry) -> EntryState
    /// The bytes of `entry`, which `state(of:)` said is readable and at most `cap` bytes. Throws
    /// `UnreadableContent` when the object turns out corrupt.
    func contents(of entry: SnapshotEntry, cap: Int64) throws -> [UInt8]
    /// Calls `body` once per commit reachable from the audited commit, in no particular order, with
    /// identities already resolved through the audited tree's `.mailmap`. Streaming: nothing is kept
    /// per commit, so memory does not grow with the history. Returns the commits it could not read,
    /// where the history stops early; only an unreadable audited commit throws.
    func walkHistory(_ body: (HistoryCommit) throws -> Void) throws -> [HistoryGap]
    /// The whole history counted against `window`, identities resolved as in `walkHistory`: what the
    /// activity analysis needs, without a value per commit. `HistoryTally(window:walk:)` over
    /// `walkHistory` is the reference (and the default); a git reader counts while it reads.
    func tallyHistory(_ window: HistoryWindow) throws -> HistoryTally
    /// Every tag of the repository.
    func tags() throws -> [SnapshotTag]
    /// A hint: a scan is about to read `entries`, in this order, each at most `cap` bytes. A reader
    /// may read them ahead on another thread; what `contents(of:cap:)` returns must not change.
    func willRead(_ entries: [SnapshotEntry], cap: Int64)
}

extension SnapshotReader {
    /// Readers that read on demand ignore the hint.
    public func willRead(_ entries: [SnapshotEntry], cap: Int64) {}
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
/// Rules never see libgit2, and nothing here changes once built but memoised reads: several rules
/// asking for the README cost one read.
///
/// The snapshot also keeps the account of what could not be read (docs/architecture.md#partial-audits):
/// every unreadable file met, and, per rule, the unreadable files that rule needed (`recordingNeeds`),
/// so that the engine turns exactly those rules into errors and leaves the others' verdicts untouched.
public final class RepositorySnapshot {
    public let name: String
    public let entries: [SnapshotEntry]
    /// Largest file a rule may read, in bytes.
    public let readCap: Int64
    /// The most bytes the content scans may read together (`ContentPass` in VigieRules): a global
    /// budget over secrets, accessibility, open data and licence headers. Reads of single named
    /// files (README, licence, community files) are outside it, but counted in `reading`.
    public let scanBudget: Int64
    /// The default `scanBudget`: larger than the text of every repository of the real corpus
    /// (106 MiB at most), so that it bounds a giant tree without changing any other audit.
    public static let defaultScanBudget: Int64 = 128 << 20
    /// What the audit read, each file once (`facts.reading`).
    public let reading = ReadAccount()
    /// True when the history stops early (a shallow clone).
    public let isShallow: Bool
    private let reader: any SnapshotReader
    private let byPath: [String: Int]
    private var contentCache: [String: [UInt8]] = [:]
    /// Each file's text, decoded once whoever asks (nil: binary): the scans share it.
    private var decodedCache: [String: DecodedText?] = [:]
    private var states: [String: EntryState] = [:]
    private var inventoried: [UnreadableEntry]?
    private var met: [String: UnreadableEntry] = [:]
    private var needLog: [[String: UnreadableEntry]] = []
    private var cachedTags: [SnapshotTag]?
    private var analyses: [AnalysisKey: (value: Any, needs: [String: UnreadableEntry])] = [:]
    /// The commits the last history walk could not read; nil until the history is walked.
    public private(set) var historyGaps: [HistoryGap]?
    /// The facts the engine gathered before running the rules (plugins receive them).
    public internal(set) var factsSoFar: [String: JSONValue] = [:]

    public init(name: String, entries: [SnapshotEntry], reader: any SnapshotReader, readCap: Int64 = 1 << 20,
                scanBudget: Int64 = RepositorySnapshot.defaultScanBudget, isShallow: Bool = false) {
        self.name = name
        self.entries = entries
        self.reader = reader
        self.readCap = readCap
        self.scanBudget = scanBudget
        self.isShallow = isShallow
        var byPath: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where byPath[entry.path] == nil { byPath[entry.path] = index }
        self.byPath = byPath
    }

    public func entry(at path: String) -> SnapshotEntry? { byPath[path].map { entries[$0] } }

    /// Files directly at the root of the tree.
    public var rootEntries: [SnapshotEntry] { entries.filter(\.isAtRoot) }

    /// What is known of a file before reading it: its size, or why it cannot be read. Memoised.
    public func state(of entry: SnapshotEntry) -> EntryState {
        if let known = states[entry.path] { return known }
        let state = reader.state(of: entry)
        states[entry.path] = state
        if case .unreadable(let reason) = state { meet(UnreadableEntry(path: entry.path, reason: reason)) }
        return state
    }

    /// The size of a file in bytes; for a Git LFS pointer, the size of the file it stands for. Nil
    /// when it cannot be known (an absent or corrupt object, a submodule): the current rule is then
    /// recorded as needing an unreadable file.
    public func size(of entry: SnapshotEntry) -> Int64? {
        switch state(of: entry) {
        case .readable(let size): return size
        case .unreadable(.lfsPointer(let size?)): return size
        case .unreadable(let reason):
            need(UnreadableEntry(path: entry.path, reason: reason))
            return nil
        }
    }

    /// The bytes of a file, capped at `readCap` (or a smaller `cap`). Throws `ContentTooLarge` over
    /// the cap and `UnreadableContent` when the content is not in the repository.
    public func bytes(of entry: SnapshotEntry, cap: Int64? = nil) throws -> [UInt8] {
        let limit = min(cap ?? readCap, readCap)
        if let cached = contentCache[entry.path] { return cached }
        switch state(of: entry) {
        case .unreadable(let reason):
            need(UnreadableEntry(path: entry.path, reason: reason))
            throw UnreadableContent(path: entry.path, reason: reason)
        case .readable(let size) where size > limit:
            if size > readCap { meet(UnreadableEntry(path: entry.path, reason: .overReadCap(size: size, cap: readCap))) }
            throw ContentTooLarge(path: entry.path, size: size, cap: limit)
        case .readable:
            do {
                let bytes = try reader.contents(of: entry, cap: limit)
                contentCache[entry.path] = bytes
                reading.recordRead(bytes.count)
                return bytes
            } catch let unreadable as UnreadableContent {
                states[entry.path] = .unreadable(unreadable.reason)
                meet(UnreadableEntry(path: entry.path, reason: unreadable.reason))
                need(UnreadableEntry(path: entry.path, reason: unreadable.reason))
                throw unreadable
            }
        }
    }

    /// Tells the reader that a scan is about to read `entries`, in this order, each under `cap` (the
    /// read cap when nil): it may read them ahead (on a second core, in an audit of a repository).
    /// A hint only: what `bytes(of:cap:)` returns is the same with or without it. Files already read
    /// or known to be unreadable are left out.
    public func willRead(_ entries: [SnapshotEntry], cap: Int64? = nil) {
        let limit = min(cap ?? readCap, readCap)
        let unread = entries.filter { entry in
            guard contentCache[entry.path] == nil, entry.kind == .file || entry.kind == .executable else { return false }
            if case .unreadable? = states[entry.path] { return false }
            return true
        }
        guard !unread.isEmpty else { return }
        reader.willRead(unread, cap: limit)
    }

    /// The text of `bytes`, which `bytes(of: entry)` returned, or nil when they are binary: decoded
    /// once per file, however many scans read it (`decodedCache`).
    public func decoded(_ entry: SnapshotEntry, bytes: [UInt8]) -> DecodedText? {
        if let known = decodedCache[entry.path] { return known }
        let decoded = TextDecoding.decode(bytes)
        decodedCache.updateValue(decoded, forKey: entry.path)
        reading.recordDecoding()
        return decoded
    }

    /// The text of a file, through the one decoding every rule shares (TextDecoding.swift): UTF-8 with
    /// or without BOM, UTF-16 with BOM, Windows-1252 otherwise; CRLF and CR become LF, so line numbers
    /// are the file's; a binary file throws `BinaryContent`.
    public func text(of entry: SnapshotEntry, cap: Int64? = nil) throws -> String {
        try decodedText(of: entry, cap: cap).text
    }

    /// Visits every commit of the history (see `SnapshotReader.walkHistory`). Commits that could not
    /// be read end their line of history; they are kept in `historyGaps`.
    @discardableResult
    public func walkHistory(_ body: (HistoryCommit) throws -> Void) throws -> [HistoryGap] {
        let gaps = try reader.walkHistory(body)
        historyGaps = gaps
        return gaps
    }

    /// Counts the history (see `SnapshotReader.tallyHistory`). Commits that could not be read end
    /// their line of history; they are kept in `historyGaps`.
    public func tallyHistory(_ window: HistoryWindow) throws -> HistoryTally {
        let tally = try reader.tallyHistory(window)
        historyGaps = tally.gaps
        return tally
    }

    /// Computes an analysis once per snapshot, however many rules and fact providers ask for it.
    /// A failed analysis is not cached: each asker gets the error. The unreadable files the
    /// computation needed are needed by every asker, including those served from the cache.
    public func analysis<T>(_ key: String, _ compute: () throws -> T) rethrows -> T {
        try analysis(key, parameters: 0, compute)
    }

    /// `analysis` once per set of parameters: rules configured alike share one computation.
    public func analysis<Parameters: Hashable, T>(_ name: String, parameters: Parameters, _ compute: () throws -> T) rethrows -> T {
        let key = AnalysisKey(name: name, parameters: AnyHashable(parameters))
        if let cached = analyses[key], let value = cached.value as? T {
            for entry in cached.needs.values { need(entry) }
            return value
        }
        let (value, needs) = try recordingNeeds(compute)
        analyses[key] = (value, Dictionary(uniqueKeysWithValues: needs.map { ($0.path, $0) }))
        return value
    }

    /// True when `analysis(name, parameters:)` was computed (and cached) for this snapshot.
    public func hasAnalysis<Parameters: Hashable>(_ name: String, parameters: Parameters) -> Bool {
        analyses[AnalysisKey(name: name, parameters: AnyHashable(parameters))] != nil
    }

    /// The files whose content this audit has read so far, in tree order: an output can quote the
    /// content of these files only.
    public var entriesRead: [SnapshotEntry] {
        entries.filter { contentCache[$0.path] != nil }
    }

    private struct AnalysisKey: Hashable {
        let name: String
        let parameters: AnyHashable
    }

    public func tags() throws -> [SnapshotTag] {
        if let cachedTags { return cachedTags }
        let tags = try reader.tags()
        cachedTags = tags
        return tags
    }

    // MARK: - The account of what could not be read

    /// Runs `body` and returns, with its result, the unreadable files it needed (whose content or
    /// size it asked for and could not get), sorted by path. Scopes nest: an inner scope's needs are
    /// also the outer's.
    public func recordingNeeds<T>(_ body: () throws -> T) rethrows -> (T, [UnreadableEntry]) {
        needLog.append([:])
        let value: T
        do {
            value = try body()
        } catch {
            let needs = needLog.removeLast()
            if !needLog.isEmpty { needLog[needLog.count - 1].merge(needs) { first, _ in first } }
            throw error
        }
        let needs = needLog.removeLast()
        if !needLog.isEmpty { needLog[needLog.count - 1].merge(needs) { first, _ in first } }
        return (value, needs.values.sorted { $0.path < $1.path })
    }

    /// Everything known to be unreadable so far, sorted by path: the inventory (absent objects,
    /// unreadable folders, submodules) and whatever rules met while reading (corrupt objects, LFS
    /// pointers, files over the read cap).
    public var unreadable: [UnreadableEntry] {
        var all = met
        for entry in inventory() where all[entry.path] == nil { all[entry.path] = entry }
        return all.values.sorted { $0.path < $1.path }
    }

    /// The files whose absence makes the audit partial: absent or corrupt objects anywhere in the
    /// tree, LFS pointers a rule needed the content of, and the commits the history walk could not read.
    public var partialBecause: [UnreadableEntry] {
        unreadable.filter { entry in
            if case .lfsPointer = entry.reason { return neededLFS.contains(entry.path) }
            return entry.reason.makesAuditPartial
        }
    }

    /// True when the audit could not read everything it should have: `partialBecause` is not empty,
    /// or the history walk met unreadable commits.
    public var isPartial: Bool { !partialBecause.isEmpty || !(historyGaps ?? []).isEmpty }

    private var neededLFS: Set<String> = []

    private func inventory() -> [UnreadableEntry] {
        if let inventoried { return inventoried }
        let found = reader.inventory()
        inventoried = found
        for entry in found where states[entry.path] == nil && !entry.isFolder {
            states[entry.path] = .unreadable(entry.reason)
        }
        return found
    }

    private func meet(_ entry: UnreadableEntry) {
        if met[entry.path] == nil { met[entry.path] = entry }
    }

    private func need(_ entry: UnreadableEntry) {
        guard entry.reason.makesAuditPartial else { return }
        if case .lfsPointer = entry.reason { neededLFS.insert(entry.path) }
        guard !needLog.isEmpty else { return }
        needLog[needLog.count - 1][entry.path] = entry
    }
}

/// A snapshot reader over files held in memory: rule examples and unit tests. `unreadable` makes
/// some of the files unreadable, as a partial or damaged repository would.
public struct InMemoryReader: SnapshotReader {
    public let files: [String: [UInt8]]
    public let commits: [HistoryCommit]
    public let tagList: [SnapshotTag]
    public let unreadableFiles: [String: UnreadableReason]
    public let gaps: [HistoryGap]

    public init(files: [String: [UInt8]], commits: [HistoryCommit] = [], tags: [SnapshotTag] = [],
                unreadable: [String: UnreadableReason] = [:], gaps: [HistoryGap] = []) {
        self.files = files
        self.commits = commits
        self.tagList = tags
        self.unreadableFiles = unreadable
        self.gaps = gaps
    }

    public func inventory() -> [UnreadableEntry] {
        unreadableFiles.compactMap { path, reason in
            switch reason {
            case .absent, .absentFromPartialClone, .submodule: UnreadableEntry(path: path, reason: reason)
            default: nil // met only when read, as in a repository
            }
        }.sorted { $0.path < $1.path }
    }

    public func state(of entry: SnapshotEntry) -> EntryState {
        if let reason = unreadableFiles[entry.path] { return .unreadable(reason) }
        return .readable(size: Int64(files[entry.path]?.count ?? 0))
    }

    public func contents(of entry: SnapshotEntry, cap: Int64) throws -> [UInt8] {
        files[entry.path] ?? []
    }

    public func walkHistory(_ body: (HistoryCommit) throws -> Void) throws -> [HistoryGap] {
        try commits.forEach(body)
        return gaps
    }

    public func tags() throws -> [SnapshotTag] { tagList }
}

extension RepositorySnapshot {
    /// A snapshot of files given as text, for examples and tests; `unreadable` files are listed but
    /// cannot be read.
    public convenience init(name: String = "example", files: [String: String], commits: [HistoryCommit] = [], tags: [SnapshotTag] = [],
                            unreadable: [String: UnreadableReason] = [:], gaps: [HistoryGap] = []) {
        let bytes = files.mapValues { Array($0.utf8) }
        let paths = Set(bytes.keys).union(unreadable.keys).sorted()
        let entries = paths.map { SnapshotEntry(path: $0, kind: unreadable[$0].map { if case .submodule = $0 { .submodule } else { .file } } ?? .file) }
        self.init(name: name, entries: entries,
                  reader: InMemoryReader(files: bytes, commits: commits, tags: tags, unreadable: unreadable, gaps: gaps))
    }
}
