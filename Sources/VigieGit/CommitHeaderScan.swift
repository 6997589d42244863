import Foundation

/// One pass over a raw commit's header that allocates nothing: offsets into the buffer, numbers and
/// flags. The history walk calls it 100 000 times on git/git-sized histories, so it makes no `String`
/// and no array (parents go into the caller's reused buffer); `CommitHeader` builds values from it
/// for the few commits read one at a time (the audited commit, `vigie history`'s nodes).
///
/// It reads the header the way git does: a malformed author or committer line is recorded
/// (`Problems`), only a parent line that is not an id makes the commit unusable.
struct CommitHeaderScan {
    /// A signature's parts as offsets into the scanned buffer: `name` is `start..<nameEnd` (trailing
    /// spaces dropped), the e-mail `open + 1..<close`; `identity` (`start...close`) is what the walk
    /// interns, so two commits by the same person share one table entry.
    struct SignatureSpan {
        var start: Int
        var nameEnd: Int
        var open: Int
        var close: Int
        var time: Int64
        var offsetMinutes: Int32
    }

    /// Why git's fsck would flag a signature line.
    enum SignatureProblem: UInt8 {
        case noEmail, noDate, dateOverflows

        var text: String {
            switch self {
            case .noEmail: "no e-mail"
            case .noDate: "no date"
            case .dateOverflows: "date overflows"
            }
        }
    }

    var tree: ObjectID?
    var parentCount = 0
    var sawAuthor = false
    var sawCommitter = false
    /// The author's signature when sound; when not, `authorProblem` says why and `authorField` is
    /// the line's field (for the lenient name git shows).
    var author: SignatureSpan?
    var authorProblem: SignatureProblem?
    var authorField: Range<Int> = 0..<0
    var committerTime: Int64 = 0
    var committerOffset: Int32 = 0
    var committerProblem: SignatureProblem?
    /// The committer line came before the author line (problems are listed in line order).
    var committerFirst = false

    /// True when git would warn about this header.
    var isMalformed: Bool { authorProblem != nil || committerProblem != nil || !sawAuthor || !sawCommitter || tree == nil }

    /// Scans `bytes`, appending each parent to `parents` (which the caller empties and reuses).
    /// Nil when a parent line is not an id: nothing else makes a commit unusable.
    init?(_ bytes: UnsafeRawBufferPointer, parents: inout [ObjectID]) {
        guard let base = bytes.baseAddress else {
            return // an empty object: no header at all, every problem recorded below
        }
        let count = bytes.count
        var lineStart = 0
        while lineStart < count {
            let rest = count - lineStart
            let lineEnd = memchr(base + lineStart, 0x0A, rest).map { base.distance(to: UnsafeRawPointer($0)) } ?? count
            if lineEnd == lineStart { break } // the blank line that ends the header
            let length = lineEnd - lineStart
            let first = bytes[lineStart]
            if first == 0x70, Self.has(bytes, lineStart, length, Self.parentKey) { // "parent "
                guard length >= 47, let parent = ObjectID(hexBytes: UnsafeRawBufferPointer(rebasing: bytes[(lineStart + 7)..<(lineStart + 47)])) else {
                    return nil
                }
                parents.append(parent)
                parentCount += 1
            } else if first == 0x74, tree == nil, Self.has(bytes, lineStart, length, Self.treeKey) { // "tree "
                if length >= 45 { tree = ObjectID(hexBytes: UnsafeRawBufferPointer(rebasing: bytes[(lineStart + 5)..<(lineStart + 45)])) }
            } else if first == 0x61, !sawAuthor, Self.has(bytes, lineStart, length, Self.authorKey) { // "author "
                sawAuthor = true
                authorField = (lineStart + 7)..<lineEnd
                switch Self.signature(bytes, authorField) {
                case .success(let span): author = span
                case .failure(let problem): authorProblem = problem.problem
                }
            } else if first == 0x63, !sawCommitter, Self.has(bytes, lineStart, length, Self.committerKey) { // "committer "
                sawCommitter = true
                committerFirst = !sawAuthor
                switch Self.signature(bytes, (lineStart + 10)..<lineEnd) {
                case .success(let span):
                    committerTime = span.time
                    committerOffset = span.offsetMinutes
                case .failure(let problem):
                    committerProblem = problem.problem
                }
            }
            lineStart = lineEnd + 1
        }
        // git shows a commit without a usable committer date at its author date, if any.
        if committerTime == 0 && (committerProblem != nil || !sawCommitter) {
            committerTime = author?.time ?? 0
            committerOffset = author?.offsetMinutes ?? 0
        }
    }

    /// What is malformed, in git fsck's words and in line order ("author: no e-mail, no committer"); nil when sound.
    var problems: String? {
        guard isMalformed else { return nil }
        var found: [String] = []
        let authorText = authorProblem.map { "author: " + $0.text }
        let committerText = committerProblem.map { "committer: " + $0.text }
        found += committerFirst ? [committerText, authorText].compactMap { $0 } : [authorText, committerText].compactMap { $0 }
        if !sawAuthor { found.append("no author") }
        if !sawCommitter { found.append("no committer") }
        if tree == nil { found.append("tree") }
        return found.joined(separator: ", ")
    }

    static let treeKey: StaticString = "tree "
    static let parentKey: StaticString = "parent "
    static let authorKey: StaticString = "author "
    static let committerKey: StaticString = "committer "

    @inline(__always)
    private static func has(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ length: Int, _ key: StaticString) -> Bool {
        let size = key.utf8CodeUnitCount
        return length >= size && memcmp(bytes.baseAddress! + start, key.utf8Start, size) == 0
    }

    struct Failure: Error { let problem: SignatureProblem }

    /// Parses `Name <email> 1700000000 +0200` in `field`: the e-mail is between the last `<` and the
    /// last `>`; the date must be digits that fit 64 bits. Failure says what git's fsck would say.
    static func signature(_ bytes: UnsafeRawBufferPointer, _ field: Range<Int>) -> Result<SignatureSpan, Failure> {
        var close = field.upperBound - 1
        while close >= field.lowerBound && bytes[close] != 0x3E { close -= 1 } // '>'
        guard close >= field.lowerBound else { return .failure(Failure(problem: .noEmail)) }
        var open = close - 1
        while open >= field.lowerBound && bytes[open] != 0x3C { open -= 1 } // '<'
        guard open >= field.lowerBound else { return .failure(Failure(problem: .noEmail)) }
        var index = close + 1
        while index < field.upperBound && bytes[index] == 0x20 { index += 1 }
        var time: Int64 = 0
        var digits = 0
        while index < field.upperBound, bytes[index] &- 0x30 < 10 {
            let (times10, overflow1) = time.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(bytes[index] &- 0x30))
            if overflow1 || overflow2 { return .failure(Failure(problem: .dateOverflows)) }
            time = sum
            digits += 1
            index += 1
        }
        guard digits > 0 else { return .failure(Failure(problem: .noDate)) }
        var nameEnd = open
        while nameEnd > field.lowerBound && bytes[nameEnd - 1] == 0x20 { nameEnd -= 1 }
        while index < field.upperBound && bytes[index] == 0x20 { index += 1 }
        var offset: Int32 = 0
        if index + 5 <= field.upperBound, bytes[index] == 0x2B || bytes[index] == 0x2D { // '+' or '-'
            let h1 = bytes[index + 1] &- 0x30, h2 = bytes[index + 2] &- 0x30, m1 = bytes[index + 3] &- 0x30, m2 = bytes[index + 4] &- 0x30
            if h1 < 10 && h2 < 10 && m1 < 10 && m2 < 10 {
                let hours: Int = Int(h1) * 10 + Int(h2)
                let minutes: Int = Int(m1) * 10 + Int(m2)
                let sign: Int = bytes[index] == 0x2D ? -1 : 1
                offset = Int32(truncatingIfNeeded: (hours * 60 + minutes) * sign)
            }
        }
        return .success(SignatureSpan(start: field.lowerBound, nameEnd: nameEnd, open: open, close: close, time: time, offsetMinutes: offset))
    }

    /// What a malformed signature shows as a name: the text before any `<` or date, trimmed.
    static func lenientName(_ bytes: UnsafeRawBufferPointer, _ field: Range<Int>) -> Range<Int> {
        var end = field.upperBound
        for index in field where bytes[index] == 0x3C {
            end = index
            break
        }
        while end > field.lowerBound {
            let byte = bytes[end - 1]
            guard byte == 0x20 || byte &- 0x30 < 10 || byte == 0x2B || byte == 0x2D else { break }
            end -= 1
        }
        return field.lowerBound..<end
    }
}
