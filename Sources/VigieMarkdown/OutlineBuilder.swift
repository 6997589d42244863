internal import CCmarkGFM

/// Turns cmark's walk (enter and exit events, in document order) into a `MarkdownOutline`.
/// Lines: blocks carry their own; inline nodes take the line of their text (cmark gives text nodes
/// exact positions, but not always links), counting line breaks in between.
struct OutlineBuilder {
    private var headings: [MarkdownOutline.Heading] = []
    private var links: [MarkdownOutline.Link] = []
    private var htmlBlocks: [MarkdownOutline.HTMLBlock] = []
    private var tables: [MarkdownOutline.Table] = []
    private var blocks: [MarkdownOutline.Block] = []
    private var codeBlocks: [MarkdownOutline.CodeBlock] = []
    private var anchors = HeadingAnchors()

    /// The line of the inline content being read.
    private var line = 1

    private struct OpenHeading {
        let level: Int, line: Int, endLine: Int
        var text = "", textOutsideCode = ""
    }
    private var heading: OpenHeading?

    /// A link or image whose content is being read; it is inserted at `position` when it closes,
    /// so a link comes before the image inside it, as written.
    private struct OpenLink {
        let target: String, isImage: Bool, position: Int
        var line: Int
        var lineFromText = false
        var text = ""
    }
    private var openLinks: [OpenLink] = []

    private var tableRows: [[String]] = []
    private var cell: String?

    var outline: MarkdownOutline {
        MarkdownOutline(headings: headings, links: links, htmlBlocks: htmlBlocks, tables: tables, blocks: blocks, codeBlocks: codeBlocks)
    }

    mutating func visit(_ node: Node, entering: Bool) {
        switch node.type {
        case CMARK_NODE_PARAGRAPH:
            if entering { line = node.startLine } else { blocks.append(.init(line: node.startLine, endLine: node.endLine)) }
        case CMARK_NODE_HEADING:
            if entering {
                line = node.startLine
                heading = OpenHeading(level: node.headingLevel, line: node.startLine, endLine: node.endLine)
            } else if let open = heading {
                let text = Self.collapsed(open.text)
                // cmark ends a setext heading one line late; its underline is the line after its last text line.
                let endLine = open.endLine > line ? line + 1 : max(open.line, open.endLine)
                headings.append(.init(text: text, textOutsideCode: Self.collapsed(open.textOutsideCode), level: open.level,
                                      line: open.line, endLine: endLine, anchor: anchors.anchor(for: text)))
                heading = nil
            }
        case CMARK_NODE_CODE_BLOCK:
            codeBlocks.append(.init(line: node.startLine, endLine: node.endLine, isFenced: node.isFenced))
        case CMARK_NODE_HTML_BLOCK:
            let html = node.literal
            htmlBlocks.append(.init(line: node.startLine, html: html))
            for found in HTMLTags.headings(in: html, line: node.startLine) {
                headings.append(.init(text: found.text, textOutsideCode: found.textOutsideCode, level: found.level,
                                      line: found.line, endLine: found.line, anchor: found.anchor))
            }
            links += HTMLTags.links(in: html, line: node.startLine, insideLink: false)
            blocks.append(.init(line: node.startLine, endLine: node.endLine))
        case CMARK_NODE_TEXT:
            moveTo(node)
            append(node.literal, isCode: false)
        case CMARK_NODE_CODE:
            moveTo(node)
            append(node.literal, isCode: true)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            line += 1
            append(" ", isCode: false)
        case CMARK_NODE_HTML_INLINE:
            let html = node.literal
            links += HTMLTags.links(in: html, line: line, insideLink: openLinks.contains { !$0.isImage })
            line += html.utf8.count { $0 == UInt8(ascii: "\n") }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let isImage = node.type == CMARK_NODE_IMAGE
            if entering {
                openLinks.append(OpenLink(target: node.url, isImage: isImage, position: links.count, line: line))
            } else if let open = openLinks.popLast() {
                let insideLink = open.isImage && openLinks.contains { !$0.isImage }
                let link = MarkdownOutline.Link(target: open.target, line: open.line, isImage: open.isImage,
                                                alt: open.isImage ? Self.collapsed(open.text) : nil,
                                                isInsideLink: insideLink, isHTML: false)
                links.insert(link, at: min(open.position, links.count))
            }
        default:
            visitExtension(node, entering: entering)
        }
    }

    /// Table nodes come from the table extension, known by name only.
    private mutating func visitExtension(_ node: Node, entering: Bool) {
        switch node.typeName {
        case "table":
            if entering {
                tableRows = []
            } else {
                tables.append(.init(line: node.startLine, rows: tableRows))
                blocks.append(.init(line: node.startLine, endLine: node.endLine))
            }
        case "table_header", "table_row":
            if entering {
                tableRows.append([])
                line = node.startLine
            }
        case "table_cell":
            if entering {
                cell = ""
            } else if let text = cell {
                if tableRows.isEmpty { tableRows.append([]) }
                tableRows[tableRows.count - 1].append(Self.collapsed(text))
                cell = nil
            }
        default:
            break
        }
    }

    /// Text and code nodes know their line exactly (0 when cmark did not record it).
    private mutating func moveTo(_ node: Node) {
        let start = node.startLine
        guard start > 0 else { return }
        line = start
        if let last = openLinks.indices.last, !openLinks[last].lineFromText, openLinks[last].text.isEmpty {
            openLinks[last].line = start
            openLinks[last].lineFromText = true
        }
    }

    private mutating func append(_ text: String, isCode: Bool) {
        let inImage = openLinks.contains(where: \.isImage)
        if heading != nil, !inImage {
            heading!.text += text
            if !isCode { heading!.textOutsideCode += text } else { heading!.textOutsideCode += " " }
        }
        for index in openLinks.indices { openLinks[index].text += text }
        if cell != nil { cell! += text }
    }

    /// Runs of white space as one space, none at the ends.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
