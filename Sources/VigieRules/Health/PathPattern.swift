/// A glob over repository paths, as `rules/data/health.yml` writes them: `*` matches within one
/// folder level, `**` across levels (`**/` also matches no folder at all), `?` one character, and
/// `{a,b}` alternatives (expanded when the pattern is read). A pattern names a whole path from the
/// root: `**/` in front means "at any depth". Matching is on bytes, so it costs no string decoding
/// per file: thousands of files are matched against dozens of patterns on every audit.
struct PathPattern: Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written (one alternative, braces already expanded).
    let source: String
    let ignoreCase: Bool
    private let bytes: [UInt8]
    /// The literal extension the last segment ends with (`py` for `**/test_*.py`), lowercase; nil
    /// when the pattern can end in anything. Used to skip patterns that cannot match a file.
    let extensionKey: String?
    /// The longest run of the pattern without wildcards or slashes: any matching path contains it,
    /// so a path without it is rejected by one byte search before any backtracking.
    private let literal: [UInt8]

    var description: String { source }

    /// Every pattern `text` stands for, braces expanded: `*.{yml,yaml}` → `*.yml`, `*.yaml`.
    static func expanding(_ text: String, ignoreCase: Bool) -> [PathPattern] {
        expandBraces(text).map { PathPattern(single: $0, ignoreCase: ignoreCase) }
    }

    private init(single source: String, ignoreCase: Bool) {
        self.source = source
        self.ignoreCase = ignoreCase
        self.bytes = Array((ignoreCase ? source.lowercased() : source).utf8)
        extensionKey = Self.extensionKey(of: source)
        literal = bytes.split { $0 == Self.star || $0 == Self.question || $0 == Self.slash }.max { $0.count < $1.count }.map(Array.init) ?? []
    }

    /// The literal extension of the last segment, lowercase (see `extensionKey`).
    private static func extensionKey(of source: String) -> String? {
        let utf8 = source.utf8
        // ASCII (every pattern of rules/): characters are bytes, and the same test on bytes costs a
        // tenth of the Character one (263 patterns built at every start, issue 14).
        if utf8.allSatisfy({ $0 < 0x80 }) {
            let last = utf8.split(separator: slash, omittingEmptySubsequences: false).last ?? Substring("").utf8[...]
            guard let dot = last.lastIndex(of: UInt8(ascii: ".")) else { return nil }
            let after = last[last.index(after: dot)...]
            guard !after.isEmpty, !after.contains(where: { $0 == star || $0 == question || $0 == UInt8(ascii: "[") }) else { return nil }
            return String(decoding: after, as: UTF8.self).lowercased()
        }
        let last = source.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        if let dot = last.lastIndex(of: "."), !last[dot...].contains(where: { "*?[".contains($0) }), last.index(after: dot) < last.endIndex {
            return String(last[last.index(after: dot)...]).lowercased()
        }
        return nil
    }

    func matches(_ path: String) -> Bool { matches(SnapshotEntryPath(path)) }

    func matches(_ path: SnapshotEntryPath) -> Bool {
        let subject = ignoreCase ? path.lowered : path.bytes
        guard contains(subject, literal) else { return false }
        return bytes.withUnsafeBufferPointer { pattern in
            subject.withUnsafeBufferPointer { text in Self.match(pattern, 0, text, 0) }
        }
    }

    private static let star = UInt8(ascii: "*"), question = UInt8(ascii: "?"), slash = UInt8(ascii: "/")

    /// Backtracking match; patterns and paths are short, and `*` never crosses a `/`.
    private static func match(_ p: UnsafeBufferPointer<UInt8>, _ pi: Int, _ s: UnsafeBufferPointer<UInt8>, _ si: Int) -> Bool {
        var pi = pi, si = si
        while pi < p.count {
            let c = p[pi]
            if c == star {
                if pi + 1 < p.count && p[pi + 1] == star {
                    let rest = pi + 2
                    // `**/x` also matches `x` at the current level.
                    if rest < p.count && p[rest] == slash && match(p, rest + 1, s, si) { return true }
                    var k = si
                    while k <= s.count {
                        if match(p, rest, s, k) { return true }
                        k += 1
                    }
                    return false
                }
                var k = si
                while true {
                    if match(p, pi + 1, s, k) { return true }
                    if k == s.count || s[k] == slash { return false }
                    k += 1
                }
            }
            guard si < s.count else { return false }
            if c == question {
                if s[si] == slash { return false }
            } else if c != s[si] {
                return false
            }
            pi += 1
            si += 1
        }
        return si == s.count
    }

    /// `a{b,c}d{e,f}` → `abde`, `abdf`, `acde`, `acdf` (no nesting: health.yml needs none).
    static func expandBraces(_ text: String) -> [String] {
        // Most patterns have no brace: settled by a byte search.
        guard text.utf8.contains(UInt8(ascii: "{")) else { return [text] }
        guard let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") else { return [text] }
        let head = text[..<open], tail = String(text[text.index(after: close)...])
        let options = text[text.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
        return options.flatMap { option in expandBraces(tail).map { head + option + $0 } }
    }
}

/// Several patterns, indexed by the extension they require, so a file is only tried against the
/// patterns that can match it.
struct PathPatternSet: Sendable, Equatable {
    let patterns: [PathPattern]
    private let byExtension: [String: [PathPattern]]
    private let anyExtension: [PathPattern]

    init(_ patterns: [PathPattern]) {
        self.patterns = patterns
        var byExtension: [String: [PathPattern]] = [:]
        var anyExtension: [PathPattern] = []
        for pattern in patterns {
            if let key = pattern.extensionKey { byExtension[key, default: []].append(pattern) } else { anyExtension.append(pattern) }
        }
        self.byExtension = byExtension
        self.anyExtension = anyExtension
    }

    var isEmpty: Bool { patterns.isEmpty }
    /// The extensions this set's patterns require.
    var extensionKeys: Set<String> { Set(byExtension.keys) }
    /// The patterns a file with extension `key` (nil: none, or one no pattern requires) may match.
    func candidates(forExtension key: String?) -> [PathPattern] {
        (key.flatMap { byExtension[$0] } ?? []) + anyExtension
    }

    func matches(_ entry: SnapshotEntryPath) -> Bool {
        if let ext = entry.extensionKey, let candidates = byExtension[ext], candidates.contains(where: { $0.matches(entry) }) {
            return true
        }
        return anyExtension.contains { $0.matches(entry) }
    }

    func matches(_ path: String) -> Bool { matches(SnapshotEntryPath(path)) }
}

/// Several pattern sets matched together (the languages' sources, the CI systems…): one extension
/// lookup per path gives the few patterns worth trying, instead of one lookup per set.
struct PathPatternIndex: Sendable {
    private typealias Candidates = [(set: Int, patterns: [PathPattern])]
    let count: Int
    private let byExtension: [String: Candidates]
    /// For paths whose extension no pattern requires: the sets with patterns that accept any.
    private let anyExtension: Candidates

    init(_ sets: [PathPatternSet]) {
        count = sets.count
        func candidates(_ key: String?) -> Candidates {
            sets.enumerated().compactMap { index, set in
                let patterns = set.candidates(forExtension: key)
                return patterns.isEmpty ? nil : (index, patterns)
            }
        }
        let keys = sets.reduce(into: Set<String>()) { $0.formUnion($1.extensionKeys) }
        byExtension = Dictionary(uniqueKeysWithValues: keys.map { ($0, candidates($0)) })
        anyExtension = candidates(nil)
    }

    /// The indices of the sets `path` matches, in order.
    func matching(_ path: SnapshotEntryPath) -> [Int] {
        let candidates = path.extensionKey.flatMap { byExtension[$0] } ?? anyExtension
        return candidates.compactMap { candidate in candidate.patterns.contains { $0.matches(path) } ? candidate.set : nil }
    }
}

/// A path prepared once for matching against many pattern sets: its bytes, and the lowercase
/// extension of its last segment, found with one pass over the bytes (no string splitting).
struct SnapshotEntryPath {
    let bytes: [UInt8]
    /// ASCII letters lowercased, for the patterns compared without case.
    let lowered: [UInt8]
    let extensionKey: String?

    init(_ path: String) {
        bytes = Array(path.utf8)
        lowered = bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        var dot: Int?
        for index in bytes.indices.reversed() {
            if bytes[index] == UInt8(ascii: "/") { break }
            if bytes[index] == UInt8(ascii: "."), dot == nil { dot = index }
        }
        if let dot, dot + 1 < bytes.count {
            extensionKey = String(decoding: lowered[(dot + 1)...], as: UTF8.self)
        } else {
            extensionKey = nil
        }
    }
}
