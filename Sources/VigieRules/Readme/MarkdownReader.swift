import VigieMarkdown

/// A Markdown README through cmark-gfm: the outline's headings and links, and the source lines of
/// its prose blocks (paragraphs, tables, HTML), as written.
enum MarkdownReader {
    static func document(_ text: String) -> ReadmeDocument {
        let outline = CommonMark.outline(of: text)
        let headings = outline.headings.map {
            ReadmeDocument.Heading(text: $0.text, textOutsideCode: $0.textOutsideCode, level: $0.level, line: $0.line, anchor: $0.anchor)
        }
        let links = outline.links.map { link in
            ReadmeDocument.Link(target: link.target, line: link.line, isImage: link.isImage, alt: link.alt,
                                isBadge: link.isImage && (link.isInsideLink || ReadmeDocument.isBadgeTarget(link.target)))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var prose: [(line: Int, text: String)] = []
        for block in outline.blocks {
            let start = max(1, block.line), end = min(lines.count, block.endLine)
            guard start <= end else { continue }
            for number in start...end {
                let line = lines[number - 1].trimming(" \t")
                if !line.isEmpty { prose.append((number, line)) }
            }
        }
        return ReadmeDocument(headings: headings, links: links, prose: prose, codeExamples: outline.codeBlocks.filter(\.isFenced).map(\.line))
    }
}
