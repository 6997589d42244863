import Foundation

/// A text reduced to words, the form every phrase of `rules/data/accessibility.yml` and
/// `open_data.yml` is compared in:
///
/// - markup is removed: HTML/JSX tags and comments (the quoted values of the attributes named in
///   `textAttributes` are kept as text, so `title="Accessibilité : …"` still reads while
///   `class="fr-footer"` does not), and HTML entities are decoded (`&nbsp;`, `&eacute;`, `&#8217;`);
/// - accents are dropped through compatibility decomposition (« État » = "etat", œ = "oe"), letters
///   are lowercased;
/// - every other character is a word break: apostrophes (’ and '), non-breaking spaces, colons,
///   Markdown and JSX punctuation;
/// - numbers keep a decimal separator between digits ("72,5", "4.1.2", "12.03.2021"), and `%` is a
///   word of its own, so "72,5 %" and "72,5%" both read "72,5 %".
///
/// Each word remembers its line, so a match points at the line it was found on.
public struct FoldedText: Sendable {
    /// The words joined by single spaces (ASCII only).
    public let bytes: [UInt8]
    /// Where each word starts in `bytes`.
    let starts: [Int]
    /// The 1-based source line of each word.
    let lines: [Int]

    public var wordCount: Int { starts.count }

    /// Folds `text`; with `markup`, tags, comments and entities are removed first, keeping the values
    /// of the attributes named in `textAttributes` (lowercase names).
    public init(_ text: String, markup: Bool = true, textAttributes: Set<String> = []) {
        var folder = Folder(textAttributes: textAttributes)
        folder.run(Array(text.unicodeScalars), markup: markup)
        bytes = folder.output
        starts = folder.starts
        lines = folder.lines
    }

    /// The folded form of a phrase from the rule data.
    public static func phrase(_ text: String) -> [UInt8] { FoldedText(text, markup: false).bytes }

    /// The `index`-th word.
    public func word(_ index: Int) -> Substring {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        return Substring(decoding: bytes[starts[index]..<end], as: UTF8.self)
    }

    /// The line the `index`-th word comes from.
    public func line(ofWord index: Int) -> Int { lines[index] }

    /// Indices of the words where `phrase` (folded) starts, whole words only.
    public func occurrences(of phrase: [UInt8]) -> [Int] {
        guard let first = phrase.first, bytes.count >= phrase.count else { return [] }
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { hay in
            phrase.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return }
                var offset = 0
                let lastStart = hay.count - pin.count
                while offset <= lastStart {
                    guard let hit = memchr(base + offset, Int32(first), lastStart - offset + 1) else { return }
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    let end = position + pin.count
                    if (position == 0 || hay[position - 1] == 0x20) && (end == hay.count || hay[end] == 0x20)
                        && memcmp(base + position, pinBase, pin.count) == 0,
                       let index = wordIndex(startingAt: position) {
                        found.append(index)
                    }
                    offset = position + 1
                }
            }
        }
        return found
    }

    /// The first word index where `phrase` starts, if any.
    public func firstOccurrence(of phrase: [UInt8]) -> Int? { occurrences(of: phrase).first }

    public func contains(_ phrase: [UInt8]) -> Bool { firstOccurrence(of: phrase) != nil }

    /// How many words a folded phrase has.
    public static func wordCount(of phrase: [UInt8]) -> Int { phrase.isEmpty ? 0 : phrase.filter { $0 == 0x20 }.count + 1 }

    /// True when `phrase` starts at word `index`.
    public func matches(_ phrase: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index < starts.count else { return false }
        let start = starts[index], end = start + phrase.count
        guard end <= bytes.count, end == bytes.count || bytes[end] == 0x20 else { return false }
        return bytes[start..<end].elementsEqual(phrase)
    }

    private func wordIndex(startingAt offset: Int) -> Int? {
        var low = 0, high = starts.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if starts[middle] == offset { return middle }
            if starts[middle] < offset { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}

/// The folding state machine behind `FoldedText`.
private struct Folder {
    enum Kind { case none, word, number, symbol }

    let textAttributes: Set<String>
    /// Non-ASCII characters already folded in this text: decomposing each occurrence again is the costly part.
    var folded: [UInt32: [Unicode.Scalar]] = [:]
    var output: [UInt8] = []
    var starts: [Int] = []
    var lines: [Int] = []
    var line = 1
    var kind = Kind.none

    /// Ends the current word.
    mutating func boundary() { kind = .none }

    mutating func append(_ byte: UInt8, as newKind: Kind) {
        if kind != newKind {
            if !output.isEmpty { output.append(0x20) }
            starts.append(output.count)
            lines.append(line)
            kind = newKind
        }
        output.append(byte)
    }

    mutating func run(_ scalars: [Unicode.Scalar], markup: Bool) {
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if markup, scalar == "<", let end = tagEnd(scalars, from: index) {
                boundary()
                emitTag(scalars, from: index, to: end)
                boundary()
                index = end + 1
                continue
            }
            if markup, scalar == "&", let (decoded, end) = entity(scalars, from: index) {
                emit(decoded, next: end + 1 < scalars.count ? scalars[end + 1] : nil)
                index = end + 1
                continue
            }
            emit(scalar, next: index + 1 < scalars.count ? scalars[index + 1] : nil)
            index += 1
        }
    }

    /// Folds one character; `next` decides whether a '.' or ',' sits inside a number.
    mutating func emit(_ scalar: Unicode.Scalar, next: Unicode.Scalar?) {
        let value = scalar.value
        switch value {
        case 0x61...0x7A: append(UInt8(value), as: .word)
        case 0x41...0x5A: append(UInt8(value + 0x20), as: .word)
        case 0x30...0x39: append(UInt8(value), as: .number)
        case 0x2C, 0x2E: // , .
            if kind == .number, let next, (0x30...0x39).contains(next.value) { output.append(UInt8(value)) } else { boundary() }
        case 0x25: // %
            boundary()
            append(0x25, as: .symbol)
            boundary()
        case 0x0A:
            boundary()
            line += 1
        default:
            if value < 0x80 { boundary(); return }
            foldNonASCII(scalar)
        }
    }

    mutating func foldNonASCII(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "œ", "Œ": append(0x6F, as: .word); append(0x65, as: .word)
        case "æ", "Æ": append(0x61, as: .word); append(0x65, as: .word)
        case "ß": append(0x73, as: .word); append(0x73, as: .word)
        case "\u{2028}", "\u{2029}", "\u{85}": boundary(); line += 1
        default:
            let parts: [Unicode.Scalar]
            if let known = folded[scalar.value] {
                parts = known
            } else {
                // ASCII parts of the compatibility decomposition; combining marks dropped; anything else a space.
                parts = String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars.compactMap { part in
                    if part.isASCII { return part == "\n" ? " " : part }
                    return part.properties.generalCategory == .nonspacingMark ? nil : " "
                }
                folded[scalar.value] = parts
            }
            for part in parts { emit(part, next: nil) }
        }
    }

    /// The index of the `>` closing a tag opened at `start`, when `<` really opens one (a letter, `/`
    /// or `!` follows) and it closes within 4096 characters; quotes inside the tag are respected.
    func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < scalars.count else { return nil }
        let next = scalars[start + 1]
        guard next == "/" || next == "!" || (next.isASCII && next.properties.isAlphabetic) else { return nil }
        if next == "!", start + 3 < scalars.count, scalars[start + 2] == "-", scalars[start + 3] == "-" {
            // A comment runs to "-->".
            var index = start + 4
            while index + 2 < scalars.count && index < start + 65_536 {
                if scalars[index] == "-" && scalars[index + 1] == "-" && scalars[index + 2] == ">" { return index + 2 }
                index += 1
            }
            return nil
        }
        var quote: Unicode.Scalar?
        var index = start + 1
        let limit = min(scalars.count, start + 4096)
        while index < limit {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return index
            } else if scalar == "<" {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Inside a tag, only the quoted values of text attributes are text; tag and attribute names,
    /// other values and comments are dropped. Lines still count.
    mutating func emitTag(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) {
        let isComment = scalars[start + 1] == "!"
        var quote: Unicode.Scalar?
        var keep = false
        // The attribute name being read, or the last one read: `title="…"`, JSX `text={"…"}`.
        var name = ""
        var inName = false
        var index = start + 1
        while index < end {
            let scalar = scalars[index]
            index += 1
            if let open = quote {
                if scalar == open {
                    quote = nil
                    boundary()
                } else if scalar == "\n" {
                    boundary()
                    line += 1
                } else if keep {
                    emit(scalar, next: index < end ? scalars[index] : nil)
                }
                continue
            }
            if scalar == "\n" { line += 1 }
            if isComment { continue }
            if scalar == "\"" || scalar == "'" {
                quote = scalar
                keep = textAttributes.contains(name.lowercased())
                inName = false
                boundary()
            } else if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_:".unicodeScalars.contains(scalar)) {
                if !inName { name = "" }
                inName = true
                name.unicodeScalars.append(scalar)
            } else {
                inName = false
            }
        }
    }

    /// Decodes `&name;`, `&#NNN;` or `&#xHH;` starting at `start`; nil when it is not an entity.
    func entity(_ scalars: [Unicode.Scalar], from start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        var name = ""
        while index < scalars.count, index <= start + 10 {
            let scalar = scalars[index]
            if scalar == ";" { break }
            guard scalar.isASCII, scalar == "#" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { return nil }
            name.unicodeScalars.append(scalar)
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", !name.isEmpty else { return nil }
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, index)
        }
        guard let scalar = htmlEntities[name] ?? htmlEntities[name.lowercased()] else { return (" ", index) }
        return (scalar, index)
    }
}

/// The named entities statements use; any other named entity reads as a space.
private let htmlEntities: [String: Unicode.Scalar] = [
    "nbsp": "\u{A0}", "thinsp": "\u{2009}", "ensp": " ", "emsp": " ", "amp": "&", "quot": "\"", "apos": "'",
    "lt": "<", "gt": ">", "rsquo": "’", "lsquo": "‘", "laquo": "«", "raquo": "»", "hellip": "…",
    "eacute": "é", "Eacute": "É", "egrave": "è", "Egrave": "È", "ecirc": "ê", "Ecirc": "Ê", "euml": "ë",
    "agrave": "à", "Agrave": "À", "acirc": "â", "Acirc": "Â", "ccedil": "ç", "Ccedil": "Ç",
    "icirc": "î", "iuml": "ï", "ocirc": "ô", "Ocirc": "Ô", "ucirc": "û", "ugrave": "ù", "uuml": "ü",
    "oelig": "œ", "OElig": "Œ", "aelig": "æ", "percnt": "%", "colon": ":", "ndash": "–", "mdash": "—",
]
