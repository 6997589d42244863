import Foundation

/// How licence texts are compared, following the SPDX License List Matching Guidelines: what the
/// tokens are, which spellings are the same word. Loaded from `rules/data/licences.yml`.
public struct LicenceMatching: Sendable, Equatable {
    /// Word → the spelling it is compared as (`license` → `licence`, `authorized` → `authorised`).
    public let equivalentWords: [String: String]
    /// Notice phrases saying a GNU-style licence applies in this version or any later one, or in this one only.
    public let orLaterPhrases: [[String]]
    public let onlyPhrases: [[String]]
    /// What a part of a repository is (`code`, `content`…) → the words that name it in a statement
    /// such as "code: MIT, content: Licence Ouverte 2.0".
    public let scopes: [(scope: String, words: Set<String>)]
    /// Words (as LicenceText words, unmapped) of a README line that gives the project its licences:
    /// "publié", "released", "licensed"…
    public let statementWords: Set<String>

    public init(equivalentWords: [String: String] = [:], orLaterPhrases: [[String]] = [], onlyPhrases: [[String]] = [],
                scopes: [(scope: String, words: Set<String>)] = [], statementWords: Set<String> = []) {
        self.equivalentWords = equivalentWords
        self.orLaterPhrases = orLaterPhrases
        self.onlyPhrases = onlyPhrases
        self.scopes = scopes
        self.statementWords = statementWords
    }

    public static func == (lhs: LicenceMatching, rhs: LicenceMatching) -> Bool {
        lhs.equivalentWords == rhs.equivalentWords && lhs.orLaterPhrases == rhs.orLaterPhrases && lhs.onlyPhrases == rhs.onlyPhrases
            && lhs.statementWords == rhs.statementWords
            && lhs.scopes.map(\.scope) == rhs.scopes.map(\.scope) && lhs.scopes.map(\.words) == rhs.scopes.map(\.words)
    }

    /// A phrase's tokens in each of its forms: every `[bracketed part]` may be there or not (SPDX
    /// "omissible text"), so `a [b] c` is `a b c` and `a c`. At most 4 brackets are expanded.
    public func phraseVariants(_ phrase: String) -> [[String]] {
        var variants = [""]
        var rest = Substring(phrase)
        var expanded = 0
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]"), expanded < 4 {
            let before: String = String(rest[..<open])
            let inside: String = String(rest[rest.index(after: open)..<close])
            let withPart: String = before + " " + inside + " "
            let withoutPart: String = before + " "
            variants = variants.flatMap { (variant: String) -> [String] in [variant + withPart, variant + withoutPart] }
            rest = rest[rest.index(after: close)...]
            expanded += 1
        }
        let tail = String(rest)
        return variants.map { (variant: String) -> [String] in LicenceText(variant + tail, matching: self).words }
    }
}

/// A text cut into the words licences are compared by, each with its line number.
///
/// Per the SPDX matching guidelines, these do not matter: case, accents, punctuation, quotes and
/// dashes of any kind (« » ’ “ ” – —), whitespace and line wrapping, bullets and list numbering,
/// Markdown and HTML markup (headings, emphasis, link targets, tags), copyright lines, and the
/// spellings `rules/data/licences.yml` lists as equivalent ("licence" and "license").
public struct LicenceText: Sendable {
    public private(set) var words: [String] = []
    /// The 1-based line of each word.
    public private(set) var lines: [Int] = []
    public private(set) var lineCount = 0

    public init(_ text: String, matching: LicenceMatching) {
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Self.withoutMarkup(rawLine)
            guard !Self.isCopyrightLine(line) else { continue }
            for word in Self.words(of: line) {
                words.append(matching.equivalentWords[word] ?? word)
                lines.append(lineNumber)
            }
        }
        lineCount = lineNumber
    }

    /// The line without HTML tags, Markdown link targets, and leading bullets, list numbers,
    /// heading or quote markers (several may follow each other: `> - 1. `).
    static func withoutMarkup(_ line: Substring) -> Substring {
        var text = line
        // Bytes, not `contains("<")`: Foundation's string search cost 16,000 instructions a line.
        if text.utf8.contains(0x3C) { text = Substring(text.replacing(htmlTag, with: " ")) }
        if hasLinkTarget(text) { text = Substring(text.replacing(linkTarget, with: "] ")) }
        while true {
            let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            guard mayStartWithListMarker(trimmed), let marker = trimmed.prefixMatch(of: listMarker) else { return trimmed }
            text = trimmed[marker.range.upperBound...]
        }
    }

    /// Whether `](` occurs in the line: a Markdown link target may follow.
    static func hasLinkTarget(_ text: Substring) -> Bool {
        var afterBracket = false
        for byte in text.utf8 {
            if afterBracket && byte == 0x28 { return true }
            afterBracket = byte == 0x5D
        }
        return false
    }

    /// A necessary condition for `listMarker` at the start of `text`, checked before the regex: a
    /// marker (`#`…`######`, `>`, a bullet, `1.`, `a)`, `(iv)`: at most 7 characters) ends with one
    /// of these characters and is followed by a space or a tab. Most lines start with a word and are
    /// settled here; Swift `Regex` costs thousands of instructions a call, and every line of every
    /// fingerprint phrase and licence file goes through this (70 M instructions of each audit's
    /// rule-data loading, issue 14).
    static func mayStartWithListMarker(_ text: Substring) -> Bool {
        var previous: Character?
        for (index, character) in text.prefix(8).enumerated() {
            if character == " " || character == "\t" {
                guard index > 0, let last = previous else { return false }
                return markerEnds.contains(last)
            }
            previous = character
        }
        return false
    }

    private static let markerEnds: Set<Character> = [".", ")", "#", ">", "-", "*", "+", "•", "·", "▪", "◦", "‣", "–", "—"]

    // Built once: a regex literal evaluated in a function is a new Regex, compiled again, at every
    // call; on every line of every fingerprint phrase and licence file that was 74 % of an audit.
    // Regex is not Sendable, but these are never mutated after creation (as in LicenceDeclarations).
    nonisolated(unsafe) private static let htmlTag = #/<[/!]?[A-Za-z][^<>]{0,300}>/#
    nonisolated(unsafe) private static let linkTarget = #/\]\([^()\s]{0,500}\)/#
    nonisolated(unsafe) private static let listMarker = #/(?:#{1,6}|>|[-*+•·▪◦‣–—]|\(?(?:[0-9]{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)])[ \t]+/#
    nonisolated(unsafe) private static let copyrightNotice = #/(?i)(?:copyright\s*(?:\(c\)|©)?\s*[\[\d<{(©]|\(c\)\s*[\[\d<{]|©)/#

    /// A copyright notice line ("Copyright (c) 2021 DINUM", "© 2024 ACME", "Copyright [yyyy] [name]"):
    /// projects change it, the licence does not. A line that merely goes on about the copyright
    /// notice ("copyright notice and this permission notice appear…") is licence text, and so is a
    /// whole licence on one line that happens to start with a notice.
    static func isCopyrightLine(_ line: Substring) -> Bool {
        let start = line.drop { !$0.isLetter && !$0.isNumber && $0 != "©" && $0 != "(" }
        // The notice starts with "copyright", "(c)" or "©": anything else is settled without the regex.
        guard let first = start.first, first == "c" || first == "C" || first == "(" || first == "©" else { return false }
        guard start.count < 300, start.split(separator: " ").count <= 30 else { return false }
        return start.prefixMatch(of: copyrightNotice) != nil
    }

    /// Lowercase ASCII words: accents dropped (compatibility decomposition), every other character a separator.
    static func words(of line: Substring) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        func emit(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: current.append(UInt8(scalar.value))
            case 0x41...0x5A: current.append(UInt8(scalar.value + 0x20))
            default:
                if scalar.properties.generalCategory == .nonspacingMark { return }
                if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
            }
        }
        for scalar in line.unicodeScalars {
            if scalar.isASCII { emit(scalar) } else {
                for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars { emit(part) }
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result
    }
}
