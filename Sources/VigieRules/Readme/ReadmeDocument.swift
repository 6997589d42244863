/// The structure of a README, whatever its format: headings, links, images and badges, and the
/// lines of prose, each with its 1-based line; code never counts. Markdown is read by cmark-gfm
/// (`VigieMarkdown`), reStructuredText and AsciiDoc by their line readers.
public struct ReadmeDocument: Sendable {
    public struct Heading: Sendable, Equatable {
        public let text: String
        /// The text outside inline code: what a section's name is looked for in.
        public let textOutsideCode: String
        public let level: Int
        public let line: Int
        /// The heading's anchor, unique in the document (GitHub's algorithm for Markdown).
        public let anchor: String
    }

    public struct Link: Sendable, Equatable {
        public let target: String
        public let line: Int
        public let isImage: Bool
        /// Alternative text of an image (nil for links; "" for an image without one).
        public let alt: String?
        /// An image inside a link, from a badge service, or an SVG status picture.
        public let isBadge: Bool

        /// A link to a heading of the document (`#usage`). Compared byte-wise: `#` followed by U+FE0F,
        /// as in GitHub's anchor for "🖼️ Style" (`#️-style`), is one Character that is not "#".
        public var isAnchor: Bool { target.utf8.first == UInt8(ascii: "#") }

        /// The anchor named, without its `#`, percent-decoded and lowercased; nil for other links.
        public var anchor: String? {
            guard isAnchor else { return nil }
            return String(String.UnicodeScalarView(target.unicodeScalars.dropFirst())).removingPercentEncodingLeniently.lowercased()
        }
    }

    public let headings: [Heading]
    public let links: [Link]
    /// Lines of prose (outside code blocks and headings), trimmed, with their numbers.
    public let prose: [(line: Int, text: String)]
    /// Lines of the fenced code blocks (Markdown only: the other readers skip their code).
    public let codeExamples: [Int]

    init(headings: [Heading], links: [Link], prose: [(line: Int, text: String)], codeExamples: [Int] = []) {
        self.headings = headings
        self.links = links
        self.prose = prose
        self.codeExamples = codeExamples
    }

    /// The document in the README's format (`ReadmeStructure.format(of:)`); org and plain text are read as Markdown.
    static func read(_ text: String, format: String) -> ReadmeDocument {
        switch format {
        case "rst": RestructuredTextReader.document(text)
        case "asciidoc": AsciiDocReader.document(text)
        default: MarkdownReader.document(text)
        }
    }

    /// The document's title: its only level-1 heading, when it is the first heading or comes right
    /// after a banner heading ("## ⚠️ Ce service est abandonné ⚠️" above "# APICarto").
    /// A title names the project, not a section ("# Team example" is neither contact nor usage).
    public var title: Heading? {
        let top = headings.filter { $0.level == 1 }
        guard top.count == 1, let title = top.first, headings.prefix(2).contains(title) else { return nil }
        return title
    }

    /// Relative targets that should exist in the tree: no scheme, no mail, no pure anchor.
    public var relativeLinks: [Link] {
        links.filter { link in
            let target = link.target
            guard !target.isEmpty, !link.isAnchor, !target.hasPrefix("//"), !target.hasPrefix("mailto:") else { return false }
            return !Self.hasScheme(target)
        }
    }

    /// `https:`, `data:`, `tel:`…: an RFC 3986 scheme before the first colon.
    static func hasScheme(_ target: String) -> Bool {
        guard let colon = target.firstIndex(of: ":"), let first = target.first, first.isASCII, first.isLetter else { return false }
        return target[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "." || $0 == "-") }
    }

    /// Images from badge services and CI status pictures.
    static func isBadgeTarget(_ target: String) -> Bool {
        let lowered = target.lowercased()
        return ["shields.io", "badge", "travis-ci", "codecov.io", "coveralls.io", "/badges/", "badgen.net"].contains { lowered.contains($0) }
    }
}
