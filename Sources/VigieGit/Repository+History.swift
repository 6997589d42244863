import CLibGit2
import Foundation

extension Repository {
    /// Calls `body` once for every commit reachable from `start`, in no particular order.
    ///
    /// The walk reads each commit's raw object once and parses only its header (parents, author,
    /// committer time): the fastest way libgit2 1.5 allows (docs/performance.md). In a shallow
    /// clone it stops at the shallow boundary instead of failing on the missing parents. A commit
    /// below `start` that cannot be read (absent, corrupt, malformed) ends that line of history the
    /// same way, and is returned as a `HistoryCut`: the walk never stops silently and never aborts.
    /// Only `start` itself must be readable. `countHistory` is the same walk without a value per commit.
    @discardableResult
    public func walkHistory(from start: ObjectID, limit: Int = .max, _ body: (CommitRecord) throws -> Void) throws -> [HistoryCut] {
        var table = IdentityTable()
        var cuts: [HistoryCut] = []
        try walkCommits(from: start, limit: limit, cuts: &cuts, read: { id, scan, bytes in
            let identity = Self.intern(scan, bytes, into: &table)
            let time = scan.author?.time ?? 0, offset = scan.author?.offsetMinutes ?? 0
            return CommitRecord(id: id, author: Signature(name: table.names[identity], email: table.emails[identity], time: time, offsetMinutes: offset),
                                committerTime: scan.committerTime, parentCount: scan.parentCount, malformed: scan.problems)
        }, then: body)
        return cuts.sorted { $0.commit < $1.commit }
    }

    /// The activity figures of the history reachable from `start`, counted in `window` while walking:
    /// integers and one entry per distinct author, no value per commit. Same walk, same cuts and same
    /// leniency as `walkHistory`. When the repository has a commit-graph file and `commitGraph` allows,
    /// the commits are enumerated from it and read on two threads (`countHistoryWithGraph`); the result
    /// is the same, and the sequential walk runs whenever the graph cannot vouch for it. Histories of
    /// fewer than `graphMinimum` commits are always read sequentially (tests lower it).
    public func countHistory(from start: ObjectID, window: ActivityWindow, commitGraph: Bool = true,
                             graphMinimum: Int = Repository.graphWalkMinimum) throws(GitError) -> HistoryCounts {
        if commitGraph, let counts = countHistoryWithGraph(from: start, window: window, minimum: graphMinimum) { return counts }
        var table = IdentityTable()
        var counter = HistoryCounter(window: window)
        var malformed: [(commit: ObjectID, reason: String)] = []
        var cuts: [HistoryCut] = []
        do {
            try walkCommits(from: start, limit: .max, cuts: &cuts, read: { id, scan, bytes in
                counter.add(identity: Self.intern(scan, bytes, into: &table), committerTime: scan.committerTime, parentCount: scan.parentCount)
                if let problems = scan.problems { malformed.append((id, problems)) }
            }, then: { _ in })
        } catch let error as GitError {
            throw error
        } catch {
            preconditionFailure("the counting walk throws only GitError: \(error)")
        }
        return counter.finish(names: table, malformed: malformed, cuts: cuts)
    }

    /// The depth-first walk both entry points share. `read` runs on each commit's raw bytes while
    /// they are mapped (no copy); `then` runs after, where it may throw anything. The order of visits
    /// depends only on the parents lists, which `countHistoryWithGraph` relies on to replay it.
    private func walkCommits<T>(from start: ObjectID, limit: Int, cuts: inout [HistoryCut],
                                read: (ObjectID, CommitHeaderScan, UnsafeRawBufferPointer) -> T, then: (T) throws -> Void) throws {
        let boundary = shallowBoundaryCommits()
        var seen: Set<ObjectID> = [start]
        var pending: [(id: ObjectID, child: ObjectID?)] = [(start, nil)]
        // One parents buffer for the whole walk: no array per commit.
        var parents: [ObjectID] = []
        parents.reserveCapacity(8)
        var visited = 0
        while let (id, child) = pending.popLast(), visited < limit {
            let value: T
            do {
                value = try readScanned(id, parents: &parents) { scan, bytes in read(id, scan, bytes) }
            } catch {
                guard let child else { throw error }
                cuts.append(HistoryCut(commit: id, child: child, error: error))
                continue
            }
            visited += 1
            try then(value)
            if boundary.contains(id) { continue }
            for parent in parents where seen.insert(parent).inserted {
                pending.append((parent, id))
            }
        }
    }

    /// Reads one commit's raw object (through the checked loose reader when it is loose), scans its
    /// header into `parents` (emptied first) and hands the scan to `body`. Throws what makes the
    /// commit unusable: unreadable, not a commit, or a parent line that is not an id.
    func readScanned<T>(_ id: ObjectID, parents: inout [ObjectID], _ body: (CommitHeaderScan, UnsafeRawBufferPointer) -> T) throws(GitError) -> T {
        parents.removeAll(keepingCapacity: true)
        return try withRawObject(id) { (type, bytes) throws(GitError) -> T in
            guard type == .commit else {
                throw GitError(code: .other(-1), category: .object, message: "object \(id.hex) is not a commit", operation: "git_odb_read")
            }
            guard let scan = CommitHeaderScan(bytes, parents: &parents) else {
                throw GitError(code: .other(-1), category: .object, message: "commit \(id.hex) has a malformed parent line", operation: "git_odb_read")
            }
            return body(scan, bytes)
        }
    }

    /// The identity of a commit's author in `table`: its `Name <email>` bytes when sound; when
    /// malformed, the name git shows (bytes without `<`, so never equal to a sound key) and no e-mail.
    static func intern(_ scan: CommitHeaderScan, _ bytes: UnsafeRawBufferPointer, into table: inout IdentityTable) -> Int {
        if let author = scan.author {
            return table.index(of: UnsafeRawBufferPointer(rebasing: bytes[author.start...author.close])) {
                (String(decoding: bytes[author.start..<author.nameEnd], as: UTF8.self),
                 String(decoding: bytes[(author.open + 1)..<author.close], as: UTF8.self))
            }
        }
        let name = scan.sawAuthor ? CommitHeaderScan.lenientName(bytes, scan.authorField) : 0..<0
        return table.index(of: UnsafeRawBufferPointer(rebasing: bytes[name])) {
            (String(decoding: bytes[name], as: UTF8.self), "")
        }
    }

    /// Reads a commit's raw object and parses its header the way git reads it: a malformed author or
    /// committer line is recorded, not fatal. Only what makes the commit unusable throws.
    func parseCommit(_ id: ObjectID) throws(GitError) -> CommitHeader {
        var parents: [ObjectID] = []
        var header = try readScanned(id, parents: &parents) { scan, bytes in CommitHeader(scan, bytes, parents: []) }
        header.parents = parents
        return header
    }
}

/// The header of a raw commit object as values, for commits read one at a time: git_commit_lookup
/// would also copy the message, and would refuse a commit whose author line git itself shows.
struct CommitHeader {
    var tree: ObjectID?
    var parents: [ObjectID] = []
    var author = Signature(name: "", email: "", time: 0, offsetMinutes: 0)
    var committerTime: Int64 = 0
    var committerOffset: Int32 = 0
    /// Why git would warn about this header (`git fsck`: badEmail, badDate, missingAuthor…); nil when sound.
    var malformed: String?

    init?(parsing bytes: UnsafeRawBufferPointer) {
        var parents: [ObjectID] = []
        guard let scan = CommitHeaderScan(bytes, parents: &parents) else { return nil }
        self.init(scan, bytes, parents: parents)
    }

    init(_ scan: CommitHeaderScan, _ bytes: UnsafeRawBufferPointer, parents: [ObjectID]) {
        tree = scan.tree
        self.parents = parents
        if let span = scan.author {
            author = Signature(name: String(decoding: bytes[span.start..<span.nameEnd], as: UTF8.self),
                               email: String(decoding: bytes[(span.open + 1)..<span.close], as: UTF8.self),
                               time: span.time, offsetMinutes: span.offsetMinutes)
        } else if scan.sawAuthor {
            author = Signature(name: String(decoding: bytes[CommitHeaderScan.lenientName(bytes, scan.authorField)], as: UTF8.self),
                               email: "", time: 0, offsetMinutes: 0)
        }
        committerTime = scan.committerTime
        committerOffset = scan.committerOffset
        malformed = scan.problems
    }
}

extension ObjectID {
    /// Parses 40 hexadecimal digits given as bytes.
    init?(hexBytes: UnsafeRawBufferPointer) {
        guard hexBytes.count == 40 else { return nil }
        var oid = git_oid()
        let status = hexBytes.withMemoryRebound(to: CChar.self) { git_oid_fromstrn(&oid, $0.baseAddress, 40) }
        guard status == 0 else { return nil }
        self.init(oid)
    }
}
