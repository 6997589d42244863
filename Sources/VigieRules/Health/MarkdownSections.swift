/// Markdown (and plain-text) structure for finding a section or a paragraph that names a contact:
/// ATX (`## Sécurité`) and setext (underlined) headings, paragraphs separated by blank lines, code
/// fences skipped.
struct MarkdownSections {
    struct Section {
        let heading: String
        let level: Int
        /// 1-based line of the heading.
        let line: Int
        /// The lines under the heading, up to the next heading of the same or a higher level.
        let body: Substring
    }

    struct Paragraph {
        let line: Int
        let text: Substring
    }

    let sections: [Section]
    let paragraphs: [Paragraph]

    init(_ text: String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var headings: [(index: Int, level: Int, title: String)] = []
        var paragraphs: [Paragraph] = []
        var inFence = false
        var paragraphStart: Int?
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimming(" \t")
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            let next = index + 1 < lines.count ? lines[index + 1].trimming(" \t") : ""
            if !inFence, trimmed.hasPrefix("#") {
                let level = trimmed.prefix { $0 == "#" }.count
                headings.append((index, level, trimmed.dropFirst(level).trimming(" #")))
            } else if !inFence, !trimmed.isEmpty, !next.isEmpty, next.allSatisfy({ $0 == "=" }) || (next.count >= 3 && next.allSatisfy { $0 == "-" }) {
                headings.append((index, next.first == "=" ? 1 : 2, trimmed))
            }
            if trimmed.isEmpty {
                if let start = paragraphStart { paragraphs.append(Paragraph(line: start + 1, text: Self.join(lines, start, index))) }
                paragraphStart = nil
            } else if paragraphStart == nil {
                paragraphStart = index
            }
        }
        if let start = paragraphStart { paragraphs.append(Paragraph(line: start + 1, text: Self.join(lines, start, lines.count))) }
        sections = headings.enumerated().map { position, heading in
            let end = headings[(position + 1)...].first { $0.level <= heading.level }?.index ?? lines.count
            return Section(heading: heading.title, level: heading.level, line: heading.index + 1,
                           body: Self.join(lines, heading.index + 1, end))
        }
        self.paragraphs = paragraphs
    }

    private static func join(_ lines: [Substring], _ start: Int, _ end: Int) -> Substring {
        guard start < end else { return "" }
        return Substring(lines[start..<end].joined(separator: "\n"))
    }
}
