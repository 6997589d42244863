/// What an ASCII text must look like for a pattern of the rule data to match it, read once from the
/// pattern's own syntax, so that a Swift `Regex` search (microseconds) runs only where it may succeed.
/// Used where a few patterns are asked of thousands of short texts (every author of a history).
///
/// Conservative by construction: it only ever rules out ASCII texts (a non-ASCII text goes to the
/// regex, since Unicode case folding maps the Kelvin sign to `k` and the long s to `s`), and it reads
/// only two shapes of syntax, giving up on anything else:
/// - `^x…`, x an ASCII letter or digit not made optional by a quantifier, no `|` anywhere: the text
///   must start with x (either case), and the pattern is tried at the start only;
/// - a run of ASCII letters and digits outside any group or class, with no `|` outside groups: the
///   text must contain it (either case). The run stops before a letter a quantifier applies to.
struct RegexPrefilter: Sendable, Equatable {
    /// The lowercased first character of an anchored pattern.
    let anchoredFirst: UInt8?
    /// The longest mandatory literal run, lowercased; nil when none was found.
    let requiredLiteral: [UInt8]?

    init(pattern: String) {
        let bytes = Array(pattern.utf8)
        // Inline options (`(?x)` reads spaces and `#` comments differently) are not read: no filter.
        let hasOptions = pattern.contains("(?")
        anchoredFirst = hasOptions ? nil : Self.anchoredFirst(bytes)
        requiredLiteral = hasOptions ? nil : Self.requiredLiteral(bytes)
    }

    /// False only when the pattern cannot match `text`.
    func mayMatch(_ text: String) -> Bool {
        PrefilterText(text).allows(self)
    }

    /// `mayMatch` for the bytes of an ASCII text.
    fileprivate func mayMatch(ascii bytes: [UInt8]) -> Bool {
        if let anchoredFirst, bytes.first.map({ ASCIIBytes.lowercased($0) }) != anchoredFirst { return false }
        if let requiredLiteral, !bytes.withUnsafeBufferPointer({ Self.contains($0, requiredLiteral) }) { return false }
        return true
    }

    private static func anchoredFirst(_ bytes: [UInt8]) -> UInt8? {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "^"), !bytes.contains(UInt8(ascii: "|")), isWordByte(bytes[1]) else { return nil }
        // `^a?x`, `^a*x`, `^a{0,2}x`: the first character may be absent.
        if bytes.count > 2, isQuantifier(bytes[2]) && bytes[2] != UInt8(ascii: "+") { return nil }
        return ASCIIBytes.lowercased(bytes[1])
    }

    private static func requiredLiteral(_ bytes: [UInt8]) -> [UInt8]? {
        var runs: [[UInt8]] = []
        var run: [UInt8] = []
        var depth = 0, inClass = false, index = 0
        func endRun() {
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inClass {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "]") { inClass = false }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                // An escaped punctuation mark or a class (`\[`, `\.`, `\d`, `\s`, `\b`…) ends the run;
                // any other escape (`\x41`, `\u{…}`, `\p{…}`, back-references) is not read: no filter.
                guard index + 1 < bytes.count else { return nil }
                let escaped = bytes[index + 1]
                guard !isWordByte(escaped) || "dDwWsSbB".utf8.contains(escaped) else { return nil }
                endRun()
                index += 2
                continue
            case UInt8(ascii: "{"):
                // A counted quantifier (`{2,3}`): its digits are not text. The letter before it was left
                // out of the run already.
                endRun()
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
                index = close + 1
                continue
            case UInt8(ascii: "["):
                endRun()
                inClass = true
            case UInt8(ascii: "("):
                endRun()
                depth += 1
            case UInt8(ascii: ")"):
                endRun()
                depth -= 1
                // A quantified group may be absent or repeated: nothing to undo, the run had ended.
            case UInt8(ascii: "|"):
                // An alternation outside groups makes every run optional; inside a group, the group's
                // content was never part of a run.
                if depth == 0 { return nil }
            default:
                if depth == 0, isWordByte(byte) {
                    // A quantifier after this letter makes it optional (`?`, `*`, `{0,`): the run ends
                    // before it. `+` keeps it mandatory, but the run still ends (repetition).
                    if index + 1 < bytes.count, isQuantifier(bytes[index + 1]) {
                        if bytes[index + 1] == UInt8(ascii: "+") { run.append(ASCIIBytes.lowercased(byte)) }
                        endRun()
                    } else {
                        run.append(ASCIIBytes.lowercased(byte))
                    }
                } else {
                    endRun()
                }
            }
            index += 1
        }
        endRun()
        guard depth == 0, !inClass else { return nil }
        return runs.max { $0.count < $1.count }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in 0..<needle.count where ASCIIBytes.lowercased(haystack[start + offset]) != needle[offset] { continue outer }
            return true
        }
        return false
    }

    private static func isWordByte(_ byte: UInt8) -> Bool { ASCIIBytes.isLetter(byte) || ASCIIBytes.isDigit(byte) }

    private static func isQuantifier(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "?") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "{")
    }

}

/// A text about to be tried against several patterns' prefilters: its bytes are read once.
struct PrefilterText {
    /// The text's bytes when all are ASCII; nil for any other text, which every prefilter lets through.
    private let ascii: [UInt8]?

    init(_ text: String) {
        let bytes = Array(text.utf8)
        ascii = bytes.allSatisfy { $0 < 0x80 } ? bytes : nil
    }

    /// False only when `filter`'s pattern cannot match the text.
    func allows(_ filter: RegexPrefilter) -> Bool {
        guard let ascii else { return true }
        return filter.mayMatch(ascii: ascii)
    }
}
