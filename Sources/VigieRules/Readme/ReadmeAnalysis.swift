public import VigieCore

/// The README a newcomer reads first, and how much it says.
public struct ReadmeAnalysis: Sendable {
    /// The root README, preferring Markdown, then the shortest name (README.md before README.en.md).
    public let file: SnapshotEntry?
    /// Words outside headings, links' targets and markup.
    public let bodyWords: Int
    /// Words in total, headings included.
    public let words: Int
    public let headings: Int
    /// Each heading's text (markup stripped) and 1-based line.
    public let headingTexts: [Heading]

    public struct Heading: Sendable, Equatable {
        public let text: String
        public let line: Int
    }

    /// The analysis of this snapshot's README, computed once.
    public static func of(_ snapshot: RepositorySnapshot, data: RuleData) throws -> ReadmeAnalysis {
        try snapshot.analysis("readme") { try ReadmeAnalysis(snapshot, data: data) }
    }

    init(_ snapshot: RepositorySnapshot, data: RuleData) throws {
        let isReadme = { (entry: SnapshotEntry) in
            (entry.kind == .file || entry.kind == .executable) && LicenceAnalysis.hasStem(String(entry.name), data.files.readmeStems)
        }
        var candidates = snapshot.rootEntries.filter(isReadme)
        // No README at the root: the first fallback folder (docs/…) that has one.
        if candidates.isEmpty {
            for folder in data.section(ReadmeConventions.self).fallbackFolders {
                candidates = snapshot.entries.filter { $0.folder == Substring(folder) && isReadme($0) }
                if !candidates.isEmpty { break }
            }
        }
        file = candidates.min { a, b in
            let aMarkdown = a.name.lowercased().hasSuffix(".md"), bMarkdown = b.name.lowercased().hasSuffix(".md")
            if aMarkdown != bMarkdown { return aMarkdown }
            return (a.name.count, a.path) < (b.name.count, b.path)
        }
        guard let file else {
            (bodyWords, words, headings, headingTexts) = (0, 0, 0, [])
            return
        }
        (bodyWords, words, headings, headingTexts) = Self.count(try snapshot.text(of: file))
    }

    /// Counts words, telling heading lines (Markdown `#`, setext underlines, RST over/underlines) from body lines.
    static func count(_ text: String) -> (body: Int, total: Int, headings: Int, texts: [Heading]) {
        var body = 0, total = 0, headings = 0
        var texts: [Heading] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var inCodeFence = false
        for (index, rawLine) in lines.enumerated() {
            let line = rawLine.trimming(" \t")
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inCodeFence.toggle(); continue }
            if line.isEmpty || Self.isUnderline(line) { continue }
            let next = index + 1 < lines.count ? lines[index + 1].trimming(" \t") : ""
            let isHeading = !inCodeFence && (line.hasPrefix("#") || (!next.isEmpty && Self.isUnderline(next)))
            let count = Self.words(in: line)
            total += count
            if isHeading {
                headings += 1
                texts.append(Heading(text: String(line.drop { $0 == "#" || $0 == " " }), line: index + 1))
            } else if !line.hasPrefix("<!--") {
                body += count
            }
        }
        return (body, total, headings, texts)
    }

    /// Three or more of one of `=-~^*`, nothing else. Read as bytes: a line whose bytes are all one ASCII
    /// byte is a line whose characters are all that character (`Set(line)` cost 50,000 instructions a line).
    static func isUnderline(_ line: String) -> Bool {
        var bytes = line.utf8.makeIterator()
        guard let first = bytes.next(), "=-~^*".utf8.contains(first) else { return false }
        var count = 1
        while let byte = bytes.next() {
            guard byte == first else { return false }
            count += 1
        }
        return count >= 3
    }

    /// Words are runs of letters or digits; URLs and image markup count as one at most.
    static func words(in line: String) -> Int {
        if let count = asciiWords(in: line) { return count }
        return line.split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" }
            .filter { $0.contains { $0.isLetter } }
            .count
    }

    /// `words(in:)` of an ASCII line, as bytes (a line of prose cost ~100,000 instructions through
    /// `Character` properties); nil for any other line. In ASCII, letters are A–Z and a–z, digits 0–9.
    private static func asciiWords(in line: String) -> Int? {
        var line = line
        return line.withUTF8 { bytes -> Int? in
            var count = 0
            var inWord = false, hasLetter = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let isLetter = (byte | 0x20) &- 0x61 < 26
                if isLetter || byte &- 0x30 < 10 || byte == UInt8(ascii: "'") {
                    inWord = true
                    hasLetter = hasLetter || isLetter
                } else {
                    if inWord && hasLetter { count += 1 }
                    inWord = false
                    hasLetter = false
                }
            }
            return inWord && hasLetter ? count + 1 : count
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set`.
    func trimming(_ set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

/// Contributes `facts.readme`.
public struct ReadmeFacts: FactProvider {
    public let key = "readme"
    let data: RuleData
    public init(data: RuleData) { self.data = data }
    public func facts(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> JSONValue {
        let readme = try ReadmeAnalysis.of(snapshot, data: data)
        return try ReadmeStructure.of(snapshot, data: data).facts(readme)
    }
}
