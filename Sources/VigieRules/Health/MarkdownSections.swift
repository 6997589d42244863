import VigieMarkdown

/// Markdown (and plain-text) structure for finding a section or a paragraph that names a contact,
/// read by cmark-gfm: ATX and setext headings, each with the source lines under it, and the prose
/// blocks (paragraphs, tables, HTML) as written. Code blocks are never headings nor paragraphs.
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
        let outline = CommonMark.outline(of: text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let headings = outline.headings
        sections = headings.enumerated().map { position, heading in
            let end = headings[(position + 1)...].first { $0.level <= heading.level }.map { $0.line - 1 } ?? lines.count
            return Section(heading: heading.text, level: heading.level, line: heading.line,
                           body: Self.join(lines, from: heading.endLine + 1, through: end))
        }
        paragraphs = outline.blocks.map { Paragraph(line: $0.line, text: Self.join(lines, from: $0.line, through: $0.endLine)) }
    }

    /// Lines `from` through `through` (1-based, inclusive), clamped to the text.
    private static func join(_ lines: [Substring], from start: Int, through end: Int) -> Substring {
        let first = max(start, 1), last = min(end, lines.count)
        guard first <= last else { return "" }
        return Substring(lines[(first - 1)..<last].joined(separator: "\n"))
    }
}
