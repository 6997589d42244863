/// What a Markdown document says, as plain Swift values: headings, links and images, HTML blocks,
/// tables and the blocks of prose, each with its 1-based line in the text that was parsed.
/// Code (fenced, indented and inline spans) is never read as structure.
public struct MarkdownOutline: Sendable, Equatable {
    public struct Heading: Sendable, Equatable {
        /// The heading's text without markup (code spans keep their content, as on GitHub).
        public let text: String
        /// The text outside code spans: `Options of \`description: |\`` → `Options of`.
        public let textOutsideCode: String
        public let level: Int
        /// Line of the heading's text (for a setext heading, the line above the underline).
        public let line: Int
        /// Last line the heading occupies (the underline of a setext heading).
        public let endLine: Int
        /// GitHub's anchor, unique in the document: the second "Usage" is `usage-1`. An HTML heading
        /// (`<h2 id="setup">`) has its `id`, or "" without one.
        public let anchor: String
    }

    public struct Link: Sendable, Equatable {
        public let target: String
        public let line: Int
        public let isImage: Bool
        /// Alternative text of an image (nil for a link; "" for an image without one).
        public let alt: String?
        /// An image that is the text of a link (`[![build](badge.svg)](ci)`), how badges are written.
        public let isInsideLink: Bool
        /// Where it was written: Markdown syntax or an HTML tag.
        public let isHTML: Bool
    }

    /// A block of raw HTML (`<p align="center">…</p>`).
    public struct HTMLBlock: Sendable, Equatable {
        public let line: Int
        public let html: String
    }

    /// A GFM table: its first line and its cells' text, header row first.
    public struct Table: Sendable, Equatable {
        public let line: Int
        public let rows: [[String]]
    }

    /// A block of prose (paragraph, table or HTML block, in a list or a quote or not) and its lines.
    public struct Block: Sendable, Equatable {
        public let line: Int
        public let endLine: Int
    }

    public let headings: [Heading]
    public let links: [Link]
    public let htmlBlocks: [HTMLBlock]
    public let tables: [Table]
    public let blocks: [Block]
    /// A code block: fenced (```), or indented, which plain-text files hold by accident (a pasted log).
    public struct CodeBlock: Sendable, Equatable {
        public let line: Int
        public let endLine: Int
        public let isFenced: Bool
    }

    /// Code blocks: never structure, but where they are tells something (a code example opening a
    /// README is its usage).
    public let codeBlocks: [CodeBlock]

    public static let empty = MarkdownOutline(headings: [], links: [], htmlBlocks: [], tables: [], blocks: [], codeBlocks: [])
}
