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
    /// Only `start` itself must be readable.
    @discardableResult
    public func walkHistory(from start: ObjectID, limit: Int = .max, _ body: (CommitRecord) throws -> Void) throws -> [HistoryCut] {
        let boundary = shallowBoundary()
        let interner = IdentityInterner()
        var seen: Set<ObjectID> = [start]
        var pending: [(id: ObjectID, child: ObjectID?)] = [(start, nil)]
        var cuts: [HistoryCut] = []
        var visited = 0
        while let (id, child) = pending.popLast(), visited < limit {
            let header: CommitHeader
            do {
                header = try readCommitHeader(id, interner: interner)
            } catch {
                guard let child else { throw error }
                cuts.append(HistoryCut(commit: id, child: child, error: error))
                continue
            }
            visited += 1
            try body(CommitRecord(id: id, author: header.author, committerTime: header.committerTime, parentCount: header.parents.count,
                                  malformed: header.malformed))
            if boundary.contains(id) { continue }
            for parent in header.parents where seen.insert(parent).inserted {
                pending.append((parent, id))
            }
        }
        return cuts.sorted { $0.commit < $1.commit }
    }

    /// The commits whose parents a shallow clone does not have.
    private func shallowBoundary() -> Set<ObjectID> {
        guard isShallow, let text = try? String(contentsOfFile: gitDirectory + "shallow", encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).compactMap { ObjectID(hex: String($0)) })
    }

    private func readCommitHeader(_ id: ObjectID, interner: IdentityInterner) throws(GitError) -> CommitHeader {
        try parseCommit(id, interner: interner)
    }

    /// Reads a commit's raw object (through the checked loose reader when it is loose) and parses its
    /// header the way git reads it: a malformed author or committer line is recorded, not fatal.
    /// Only what makes the commit unusable throws: not a commit, or a parent line that is not an id.
    func parseCommit(_ id: ObjectID, interner: IdentityInterner? = nil) throws(GitError) -> CommitHeader {
        try withRawObject(id) { (type, bytes) throws(GitError) -> CommitHeader in
            guard type == .commit else {
                throw GitError(code: .other(-1), category: .object, message: "object \(id.hex) is not a commit", operation: "git_odb_read")
            }
            guard let header = CommitHeader(parsing: bytes, interner: interner) else {
                throw GitError(code: .other(-1), category: .object, message: "commit \(id.hex) has a malformed parent line", operation: "git_odb_read")
            }
            return header
        }
    }
}

/// The header of a raw commit object, parsed by hand: git_commit_lookup would also copy the message,
/// and would refuse a commit whose author line git itself shows.
struct CommitHeader {
    var tree: ObjectID?
    var parents: [ObjectID] = []
    var author = Signature(name: "", email: "", time: 0, offsetMinutes: 0)
    var committerTime: Int64 = 0
    var committerOffset: Int32 = 0
    /// Why git would warn about this header (`git fsck`: badEmail, badDate, missingAuthor…); nil when sound.
    var malformed: String?

    init?(parsing bytes: UnsafeRawBufferPointer, interner: IdentityInterner? = nil) {
        var sawAuthor = false, sawCommitter = false
        var problems: [String] = []
        var lineStart = 0
        let newline = UInt8(ascii: "\n")
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != newline { lineEnd += 1 }
            if lineEnd == lineStart { break } // the blank line that ends the header
            let line = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if line.starts(with: Self.parentKey) {
                guard line.count >= 47, let parent = ObjectID(hexBytes: UnsafeRawBufferPointer(rebasing: line[7..<47])) else { return nil }
                parents.append(parent)
            } else if line.starts(with: Self.treeKey), tree == nil {
                if line.count >= 45 { tree = ObjectID(hexBytes: UnsafeRawBufferPointer(rebasing: line[5..<45])) }
            } else if line.starts(with: Self.authorKey), !sawAuthor {
                sawAuthor = true
                let field = UnsafeRawBufferPointer(rebasing: line[7...])
                if let signature = Self.signature(field, interner: interner) {
                    author = signature
                } else {
                    problems.append("author: " + Self.signatureProblem(field))
                    author = Signature(name: Self.lenientName(field), email: "", time: 0, offsetMinutes: 0)
                }
            } else if line.starts(with: Self.committerKey), !sawCommitter {
                sawCommitter = true
                let field = UnsafeRawBufferPointer(rebasing: line[10...])
                if let signature = Self.signature(field) {
                    committerTime = signature.time
                    committerOffset = signature.offsetMinutes
                } else {
                    problems.append("committer: " + Self.signatureProblem(field))
                }
            }
            lineStart = lineEnd + 1
        }
        if !sawAuthor { problems.append("no author") }
        if !sawCommitter { problems.append("no committer") }
        if tree == nil { problems.append("tree") }
        // git shows a commit without a usable committer date at its author date, if any.
        if committerTime == 0 && problems.contains(where: { $0.hasPrefix("committer") || $0 == "no committer" }) {
            committerTime = author.time
            committerOffset = author.offsetMinutes
        }
        malformed = problems.isEmpty ? nil : problems.joined(separator: ", ")
    }

    private static let treeKey = Array("tree ".utf8)
    private static let parentKey = Array("parent ".utf8)
    private static let authorKey = Array("author ".utf8)
    private static let committerKey = Array("committer ".utf8)

    /// Why `signature` refused a line, in git fsck's terms (missingEmail, badDate, badDateOverflow).
    static func signatureProblem(_ bytes: UnsafeRawBufferPointer) -> String {
        guard let close = bytes.lastIndex(of: UInt8(ascii: ">")), bytes[..<close].contains(UInt8(ascii: "<")) else { return "no e-mail" }
        var index = close + 1
        while index < bytes.count && bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count, asciiDigit(bytes[index]) != nil else { return "no date" }
        return "date overflows"
    }

    /// What a malformed signature shows as a name: the text before any `<` or date, trimmed.
    static func lenientName(_ bytes: UnsafeRawBufferPointer) -> String {
        var end = bytes.firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") || asciiDigit(bytes[end - 1]) != nil
            || bytes[end - 1] == UInt8(ascii: "+") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Parses `Name <email> 1700000000 +0200`; the name may hold any bytes, so it is decoded leniently.
    /// Nil when git's fsck would flag it: no `<email>`, no date, or a date that overflows 64 bits.
    static func signature(_ bytes: UnsafeRawBufferPointer, interner: IdentityInterner? = nil) -> Signature? {
        guard let close = bytes.lastIndex(of: UInt8(ascii: ">")),
              let open = bytes[..<close].lastIndex(of: UInt8(ascii: "<")) else { return nil }
        // " 1700000000 +0200", read as bytes: no intermediate strings for 100 000 commits.
        var index = close + 1
        while index < bytes.count && bytes[index] == UInt8(ascii: " ") { index += 1 }
        var time: Int64 = 0
        var digits = 0
        while index < bytes.count, let digit = asciiDigit(bytes[index]) {
            let (times10, overflow1) = time.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return nil }
            time = sum
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        var nameEnd = open
        while nameEnd > 0 && bytes[nameEnd - 1] == UInt8(ascii: " ") { nameEnd -= 1 }
        let decode = { (String(decoding: bytes[..<nameEnd], as: UTF8.self), String(decoding: bytes[(open + 1)..<close], as: UTF8.self)) }
        let (name, email) = interner?.strings(for: UnsafeRawBufferPointer(rebasing: bytes[...close]), make: decode) ?? decode()
        while index < bytes.count && bytes[index] == UInt8(ascii: " ") { index += 1 }
        var offset: Int32 = 0
        if index + 5 <= bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
           let h1 = asciiDigit(bytes[index + 1]), let h2 = asciiDigit(bytes[index + 2]),
           let m1 = asciiDigit(bytes[index + 3]), let m2 = asciiDigit(bytes[index + 4]) {
            offset = Int32((h1 * 10 + h2) * 60 + m1 * 10 + m2) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        }
        return Signature(name: name, email: email, time: time, offsetMinutes: offset)
    }
}

/// One pair of strings per distinct "Name <email>" of a history, not one per commit: a 100 000-commit
/// history has a few hundred authors.
final class IdentityInterner {
    private var table: [Int: [(bytes: [UInt8], name: String, email: String)]] = [:]

    func strings(for identity: UnsafeRawBufferPointer, make: () -> (String, String)) -> (String, String) {
        var hasher = Hasher()
        hasher.combine(bytes: identity)
        let key = hasher.finalize()
        if let bucket = table[key] {
            for entry in bucket where entry.bytes.elementsEqual(identity) {
                return (entry.name, entry.email)
            }
        }
        let made = make()
        table[key, default: []].append((Array(identity), made.0, made.1))
        return made
    }
}

@inline(__always)
private func asciiDigit(_ byte: UInt8) -> Int? {
    byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
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
