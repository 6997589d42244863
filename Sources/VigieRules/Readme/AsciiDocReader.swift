import VigieMarkdown

/// An AsciiDoc README, read line by line: section titles (`= Title`, `== Section`…, and the older
/// underlined form), links (`link:target[text]`, `xref:file[text]`, URLs with or without `[text]`),
/// images (`image::path[alt]`, `image:path[alt]`) and prose; delimited blocks (listing, literal,
/// passthrough, comment) and line comments are skipped.
enum AsciiDocReader {
    /// Delimiters of blocks whose content is not prose.
    static let verbatimDelimiters: Set<String> = ["----", "....", "++++", "////", "```"]
    /// Underlines of two-line titles, by level.
    static let underlines: [Character: Int] = ["=": 1, "-": 2, "~": 3, "^": 4, "+": 5]

    static func document(_ text: String) -> ReadmeDocument {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        var headings: [(text: String, level: Int, line: Int)] = []
        var links: [ReadmeDocument.Link] = []
        var prose: [(line: Int, text: String)] = []
        var verbatim: String?
        var index = 0
        while index < lines.count {
            let line = lines[index].trimming(" \t")
            defer { index += 1 }
            if let open = verbatim {
                if line == open { verbatim = nil }
                continue
            }
            if let delimiter = verbatimDelimiter(line) { verbatim = delimiter; continue }
            if line.isEmpty || line.hasPrefix("//") || isAttributeLine(line) { continue }
            if let match = line.firstMatch(of: Patterns.title) {
                headings.append((String(match.2).trimming(" "), match.1.count, index + 1))
                continue
            }
            if index + 1 < lines.count, let level = underlineLevel(lines[index + 1].trimming(" \t"), title: line) {
                headings.append((line, level, index + 1))
                index += 1
                continue
            }
            prose.append((index + 1, line))
            links += self.links(in: line, number: index + 1)
        }
        var anchors = HeadingAnchors()
        return ReadmeDocument(
            headings: headings.map { .init(text: $0.text, textOutsideCode: $0.text, level: $0.level, line: $0.line, anchor: anchors.anchor(for: $0.text)) },
            links: links,
            prose: prose
        )
    }

    /// `----`, `....`, `++++`, `////` (four or more) and Markdown-style fences.
    private static func verbatimDelimiter(_ line: String) -> String? {
        if line.hasPrefix("```") { return "```" }
        guard line.count >= 4, let first = line.first, line.allSatisfy({ $0 == first }),
              verbatimDelimiters.contains(String(repeating: first, count: 4)) else { return nil }
        return line
    }

    /// `:toc:`, `:name: value` document attributes and `[source,java]`, `[[anchor]]` block attributes.
    private static func isAttributeLine(_ line: String) -> Bool {
        if line.hasPrefix("[") && line.hasSuffix("]") && !line.contains("](") { return true }
        return line.firstMatch(of: Patterns.attribute) != nil
    }

    /// The level of a two-line title's underline: one repeated character, within two of the title's length.
    private static func underlineLevel(_ underline: String, title: String) -> Int? {
        guard let first = underline.first, let level = underlines[first], underline.count >= 2, underline.allSatisfy({ $0 == first }),
              abs(underline.count - title.count) <= 2, title.contains(where: \.isLetter) else { return nil }
        return level
    }

    private static func links(in line: String, number: Int) -> [ReadmeDocument.Link] {
        var found: [(offset: String.Index, link: ReadmeDocument.Link)] = []
        var covered: [Range<String.Index>] = []
        for match in line.matches(of: Patterns.image) {
            let target = String(match.1)
            let alt = String(match.2.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimming(" \"")
            found.append((match.range.lowerBound, .init(target: target, line: number, isImage: true, alt: alt, isBadge: ReadmeDocument.isBadgeTarget(target))))
            covered.append(match.range)
        }
        for match in line.matches(of: Patterns.macro) where !covered.contains(where: { $0.overlaps(match.range) }) {
            // `xref:installation[]` names a section of this document, `xref:docs/install.adoc[]` a file.
            let isSection = match.0.hasPrefix("xref:") && !match.1.contains(".") && !match.1.contains("/")
            found.append((match.range.lowerBound, .init(target: (isSection ? "#" : "") + String(match.1), line: number, isImage: false, alt: nil, isBadge: false)))
            covered.append(match.range)
        }
        for match in line.matches(of: Patterns.url) where !covered.contains(where: { $0.overlaps(match.range) }) {
            found.append((match.range.lowerBound, .init(target: String(match.0), line: number, isImage: false, alt: nil, isBadge: false)))
        }
        for match in line.matches(of: Patterns.crossReference) {
            found.append((match.range.lowerBound, .init(target: "#" + String(match.1), line: number, isImage: false, alt: nil, isBadge: false)))
        }
        return found.sorted { $0.offset < $1.offset }.map(\.link)
    }
}

/// `nonisolated(unsafe)`: a Regex is immutable once built; the standard library does not mark it Sendable yet.
private enum Patterns {
    nonisolated(unsafe) static let title = #/^(={1,6}|#{1,6})\s+(\S.*)$/#
    nonisolated(unsafe) static let attribute = #/^:!?[\w-]+!?:(\s.*)?$/#
    nonisolated(unsafe) static let image = #/image::?([^\s\[]+)\[([^\]]*)\]/#
    nonisolated(unsafe) static let macro = #/(?:link|xref):([^\s\[]+)\[[^\]]*\]/#
    nonisolated(unsafe) static let url = #/https?:\/\/[^\s\[<>"]+[^\s\[<>".,;:)]/#
    nonisolated(unsafe) static let crossReference = #/<<([^,>]+)(?:,[^>]*)?>>/#
}
