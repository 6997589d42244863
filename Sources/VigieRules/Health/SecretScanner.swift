import VigieCore

/// Finds secrets in the bytes of one text file: token shapes from their anchors, and secret-named
/// variables of `.env` files. One pass over the bytes skips to where an anchor may start
/// (`PatternStarts`); only at an anchor does a regular expression run, on that line (or the kind's span).
struct SecretScanner: Sendable {
    let conventions: SecretConventions
    /// Byte → the (kind, anchor) pairs whose anchor starts with it (both cases for `ignore_case`).
    private let anchorsByFirstByte: [[(kind: Int, anchor: [UInt8])]]
    /// Where an anchor may start: the only question asked of most bytes, and most are skipped. A
    /// first-byte table asked of every byte sent each word starting with `a`, `g` or `h` the slow way
    /// (316,000 times on git/git, 141 M instructions).
    private let anchorStarts: PatternStarts

    init(_ conventions: SecretConventions) {
        self.conventions = conventions
        var table = [[(kind: Int, anchor: [UInt8])]](repeating: [], count: 256)
        var spellings: [[[UInt8]]] = []
        for (index, kind) in conventions.kinds.enumerated() {
            for anchor in kind.anchors {
                guard let first = anchor.first else { continue }
                table[Int(first)].append((index, anchor))
                if kind.ignoreCase, let upper = Self.upper(first), upper != first { table[Int(upper)].append((index, anchor)) }
                spellings.append(anchor.map { Self.spellings(of: $0, ignoreCase: kind.ignoreCase) })
            }
        }
        anchorsByFirstByte = table
        anchorStarts = PatternStarts(spellings)
    }

    /// The findings of one file, at most one per line (a token shape before a `.env` variable).
    func scan(_ bytes: [UInt8], path: String, isEnvFile: Bool) -> [SecretFinding] {
        var findings = bytes.withUnsafeBufferPointer { tokenFindings($0, path: path) }
        if isEnvFile { findings += envFindings(bytes, path: path, skipping: Set(findings.map(\.line))) }
        return findings.sorted { $0.line < $1.line }
    }

    /// Token shapes: one pass over the bytes.
    private func tokenFindings(_ buffer: UnsafeBufferPointer<UInt8>, path: String) -> [SecretFinding] {
        var findings: [SecretFinding] = []
        var lines = LineCounter()
        var index = 0
        while let token = nextToken(in: buffer, from: index) {
            let kind = conventions.kinds[token.kind]
            let line = lines.line(at: token.start, in: buffer)
            if !findings.contains(where: { $0.line == line }) {
                findings.append(SecretFinding(path: path, line: line, kind: kind.id, allowed: isAllowed(lineOf: token.start, in: buffer),
                                              label: kind.label, shown: kind.showAnchor ? String(decoding: token.anchor, as: UTF8.self) : nil,
                                              value: token.value))
            }
            index = token.start + max(token.length, 1)
        }
        return findings
    }

    /// The byte ranges of every token-shaped value in `buffer` (no `.env` reading, no allow marker:
    /// an output string is masked whatever surrounds it). Same anchor table and patterns as `scan`.
    func tokenValueRanges(_ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while let token = nextToken(in: buffer, from: index) {
            ranges.append(token.valueRange)
            index = token.start + max(token.length, 1)
        }
        return ranges
    }

    /// A token shape found from an anchor.
    private struct Token {
        let start: Int
        let kind: Int
        let anchor: [UInt8]
        let value: Substring
        /// The bytes the kind's pattern covers from `start`.
        let length: Int
        let valueRange: Range<Int>
    }

    /// The first token at or after `start`: at an anchor not preceded by a letter or digit, the first
    /// anchor (in table order) whose kind's pattern confirms it.
    private func nextToken(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Token? {
        var index = anchorStarts.nextCandidate(in: buffer, from: start)
        while index < buffer.count {
            if index == 0 || !Self.isAlphanumeric(buffer[index - 1]) {
                for (kindIndex, anchor) in anchorsByFirstByte[Int(buffer[index])]
                where Self.hasAnchor(anchor, at: index, in: buffer, ignoreCase: conventions.kinds[kindIndex].ignoreCase) {
                    guard let (value, length, valueRange) = confirm(conventions.kinds[kindIndex], at: index, in: buffer) else { continue }
                    return Token(start: index, kind: kindIndex, anchor: anchor, value: value, length: length, valueRange: valueRange)
                }
            }
            index = anchorStarts.nextCandidate(in: buffer, from: index + 1)
        }
        return nil
    }

    /// Runs the kind's pattern from the anchor; returns the value, the bytes the match covers and
    /// the value's byte range in `buffer`.
    private func confirm(_ kind: SecretConventions.Kind, at start: Int, in buffer: UnsafeBufferPointer<UInt8>) -> (Substring, Int, Range<Int>)? {
        let limit = min(buffer.count, start + kind.span)
        var end = limit
        if !kind.multiline {
            end = start
            while end < limit && buffer[end] != 0x0A { end += 1 }
        }
        let window = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        guard let match = try? kind.pattern.prefixMatch(in: window), let value = match.output["secret"]?.substring else { return nil }
        let meaningful = value.filter { !$0.isWhitespace && $0 != "\\" }
        guard meaningful.count >= kind.minLength, !conventions.isPlaceholder(value) else { return nil }
        let valueStart = start + window.utf8.distance(from: window.startIndex, to: value.startIndex)
        return (value, window[match.range].utf8.count, valueStart..<(valueStart + value.utf8.count))
    }

    /// True when an allow marker sits on the line holding `offset` or on the line above it.
    private func isAllowed(lineOf offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = offset
        while start > 0 && buffer[start - 1] != 0x0A { start -= 1 }
        var previous = max(0, start - 1)
        while previous > 0 && buffer[previous - 1] != 0x0A { previous -= 1 }
        var end = offset
        while end < buffer.count && buffer[end] != 0x0A { end += 1 }
        let region = Array(buffer[previous..<end])
        return conventions.allowMarkers.contains { contains(region, $0) }
    }

    /// `.env` lines `[export] NAME=value` whose name holds a secret word and whose value is real.
    private func envFindings(_ bytes: [UInt8], path: String, skipping: Set<Int>) -> [SecretFinding] {
        let text = String(decoding: bytes, as: UTF8.self)
        var findings: [SecretFinding] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = offset + 1
            guard !skipping.contains(lineNumber) else { continue }
            var line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = line.dropFirst("export ".count).drop { $0 == " " } }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimming(" \t")
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }) else { continue }
            let upperName = name.uppercased()
            guard conventions.envSecretWords.contains(where: { upperName.contains($0) }) else { continue }
            let value = Self.envValue(line[line.index(after: equals)...])
            // Empty, a reference to another variable, too short to be worth revoking, a placeholder, or
            // a value that merely names itself.
            guard !value.isEmpty, !value.hasPrefix("$"), value.filter({ !$0.isWhitespace }).count >= conventions.envMinValueLength,
                  !conventions.isPlaceholder(value), !conventions.describesItself(value, variable: Substring(name)) else { continue }
            // An allow marker on this line or the line above, as for token shapes.
            let nearby = Array(((offset > 0 ? lines[offset - 1] + "\n" : "") + rawLine).utf8)
            let allowed = conventions.allowMarkers.contains { contains(nearby, $0) }
            findings.append(SecretFinding(path: path, line: lineNumber, kind: SecretFinding.envKind, allowed: allowed,
                                          label: LocalizedText(fr: "variable \(name) renseignée dans un fichier .env",
                                                               en: "variable \(name) given a value in a .env file"),
                                          shown: nil, value: value))
        }
        return findings
    }

    /// The value of `NAME=value`: quotes removed, or an unquoted value cut at ` #`.
    static func envValue(_ raw: Substring) -> Substring {
        let trimmed = Substring(raw.trimming(" \t\r"))
        if let quote = trimmed.first, quote == "\"" || quote == "'" {
            let body = trimmed.dropFirst()
            return body.firstIndex(of: quote).map { body[..<$0] } ?? body
        }
        if let comment = trimmed.firstRange(of: " #") { return Substring(trimmed[..<comment.lowerBound].trimming(" \t")) }
        return trimmed
    }

    private static func hasAnchor(_ anchor: [UInt8], at index: Int, in buffer: UnsafeBufferPointer<UInt8>, ignoreCase: Bool) -> Bool {
        guard index + anchor.count <= buffer.count else { return false }
        for offset in 0..<anchor.count {
            let byte = buffer[index + offset]
            if byte != anchor[offset] && !(ignoreCase && lower(byte) == anchor[offset]) { return false }
        }
        return true
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }

    /// The bytes `hasAnchor` accepts for an anchor's `byte`: itself, and its upper case under `ignore_case`.
    private static func spellings(of byte: UInt8, ignoreCase: Bool) -> [UInt8] {
        guard ignoreCase, let upper = upper(byte) else { return [byte] }
        return [byte, upper]
    }
    private static func upper(_ byte: UInt8) -> UInt8? { (0x61...0x7A).contains(byte) ? byte - 0x20 : nil }
}

/// Line numbers by counting newlines forward from the last asked offset (offsets only grow).
private struct LineCounter {
    private var offset = 0
    private var line = 1

    mutating func line(at target: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        while offset < target {
            if buffer[offset] == 0x0A { line += 1 }
            offset += 1
        }
        return line
    }
}
