/// The structure of a Markdown (or plain-text) README: headings, links, images and badges, with
/// line numbers, code blocks left out. A line-based reader of the CommonMark constructs READMEs use
/// (ATX and setext headings, inline links and images, reference definitions, HTML `<img>` and `<a>`).
public struct MarkdownDocument: Sendable {
    public struct Heading: Sendable, Equatable {
        public let text: String
        public let level: Int
        public let line: Int
        /// GitHub's anchor for the heading: `## Mise en place` → `mise-en-place`.
        public var anchor: String { MarkdownDocument.slug(text) }
    }

    public struct Link: Sendable, Equatable {
        public let target: String
        public let line: Int
        public let isImage: Bool
        /// Alternative text of an image (nil for links; "" for an image without one).
        public let alt: String?
        /// An image inside a link on the same line, from a badge service, or an SVG status picture.
        public let isBadge: Bool
    }

    public let headings: [Heading]
    public let links: [Link]
    /// Lines of prose (outside code blocks), with their numbers.
    public let prose: [(line: Int, text: String)]

    public init(_ text: String) {
        var headings: [Heading] = []
        var links: [Link] = []
        var prose: [(Int, String)] = []
        var references: [String: String] = [:]
        var fence: String?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimming(" \t")
            if let open = fence {
                if line.hasPrefix(open) { fence = nil }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                fence = String(line.prefix(3))
                continue
            }
            if raw.hasPrefix("    ") || raw.hasPrefix("\t") { continue } // indented code
            if let definition = line.firstMatch(of: Patterns.definition) {
                references[definition.1.lowercased()] = String(definition.2)
                continue
            }
            if line.hasPrefix("#") {
                let level = line.prefix { $0 == "#" }.count
                let title = line.dropFirst(level).trimming(" #\t")
                if level <= 6, line.dropFirst(level).first == " " || title.isEmpty {
                    headings.append(Heading(text: Self.plain(title), level: level, line: number))
                }
            } else if index + 1 < lines.count, !line.isEmpty, !line.hasPrefix("<"),
                      let underline = lines[index + 1].trimming(" \t").first, lines[index + 1].trimming(" \t").allSatisfy({ $0 == underline }),
                      underline == "=" || underline == "-", lines[index + 1].trimming(" \t").count >= 2 {
                headings.append(Heading(text: Self.plain(line), level: underline == "=" ? 1 : 2, line: number))
            } else if !line.isEmpty {
                prose.append((number, line))
            }
            links += Self.inlineLinks(in: line, number: number, references: references)
        }
        // Reference-style links used before their definition.
        for (index, raw) in lines.enumerated() {
            for match in raw.matches(of: Patterns.referenceLink) {
                let key = (match.3.isEmpty ? match.2 : match.3).lowercased()
                guard let target = references[key], !links.contains(where: { $0.line == index + 1 && $0.target == target }) else { continue }
                links.append(Link(target: target, line: index + 1, isImage: match.1 == "!", alt: match.1 == "!" ? String(match.2) : nil, isBadge: Self.isBadgeTarget(target)))
            }
        }
        self.headings = headings
        self.links = links
        self.prose = prose
    }

    static func inlineLinks(in line: String, number: Int, references: [String: String]) -> [Link] {
        var links: [Link] = []
        for match in line.matches(of: Patterns.inlineLink) {
            let isImage = match.1 == "!"
            let target = String(match.3)
            let inLink = isImage && line[..<match.range.lowerBound].hasSuffix("[")
            links.append(Link(target: target, line: number, isImage: isImage, alt: isImage ? String(match.2) : nil,
                              isBadge: isImage && (inLink || isBadgeTarget(target))))
            // An image inside a link's text: `[![alt](img)](target)`.
            if !isImage, let inner = String(match.2).firstMatch(of: Patterns.innerImage) {
                links.append(Link(target: String(inner.2), line: number, isImage: true, alt: String(inner.1), isBadge: true))
            }
        }
        for tag in line.matches(of: Patterns.htmlImage) {
            let html = String(tag.0)
            let source = html.firstMatch(of: Patterns.htmlSource).map { String($0.1) } ?? ""
            let alt = html.firstMatch(of: Patterns.htmlAlt).map { String($0.1) } ?? ""
            links.append(Link(target: source, line: number, isImage: true, alt: alt, isBadge: isBadgeTarget(source)))
        }
        for anchor in line.matches(of: Patterns.htmlAnchor) {
            links.append(Link(target: String(anchor.1), line: number, isImage: false, alt: nil, isBadge: false))
        }
        return links
    }

    static func isBadgeTarget(_ target: String) -> Bool {
        let lowered = target.lowercased()
        return ["shields.io", "badge", "travis-ci", "codecov.io", "coveralls.io", "/badges/", "badgen.net"].contains { lowered.contains($0) }
    }

    /// Heading text without inline markup: links keep their text, emphasis and code marks go.
    static func plain(_ text: String) -> String {
        var result = text.replacing(Patterns.markupLink) { String($0.1) }
        result = result.filter { !"*_`".contains($0) }
        return result.trimming(" ")
    }

    /// GitHub's heading anchor: lowercase, punctuation dropped (letters, digits, spaces, '-' and '_' kept), spaces to '-'.
    static func slug(_ text: String) -> String {
        String(text.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            if character.isLetter || character.isNumber || character == "-" || character == "_" { return character }
            return nil
        })
    }

    /// Relative targets that should exist in the tree: no scheme, no mail, no pure anchor.
    public var relativeLinks: [Link] {
        links.filter { link in
            let target = link.target
            guard !target.isEmpty, !target.hasPrefix("#"), !target.hasPrefix("//"), !target.hasPrefix("mailto:") else { return false }
            return target.firstMatch(of: Patterns.scheme) == nil
        }
    }
}

/// The document's regular expressions, built once: a regex literal used inside a function is
/// rebuilt at every call, which dominated the README parse (docs/performance.md).
/// `nonisolated(unsafe)`: a Regex is immutable once built; the standard library does not mark it Sendable yet.
private enum Patterns {
    nonisolated(unsafe) static let definition = #/^\[([^\]]+)\]:\s*<?([^\s>]+)>?/#
    nonisolated(unsafe) static let referenceLink = #/(!?)\[([^\]]*)\]\[([^\]]*)\]/#
    nonisolated(unsafe) static let inlineLink = #/(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^\s)>]*)>?(?:\s+["'][^"']*["'])?\s*\)/#
    nonisolated(unsafe) static let innerImage = #/!\[([^\]]*)\]\(\s*([^\s)]+)/#
    nonisolated(unsafe) static let htmlImage = #/<img\b[^>]*>/#.ignoresCase()
    nonisolated(unsafe) static let htmlSource = #/src\s*=\s*["']([^"']*)["']/#.ignoresCase()
    nonisolated(unsafe) static let htmlAlt = #/alt\s*=\s*["']([^"']*)["']/#.ignoresCase()
    nonisolated(unsafe) static let htmlAnchor = #/<a\b[^>]*href\s*=\s*["']([^"']*)["']/#.ignoresCase()
    nonisolated(unsafe) static let markupLink = #/!?\[([^\]]*)\]\([^)]*\)/#
    nonisolated(unsafe) static let scheme = #/^[a-zA-Z][a-zA-Z0-9+.-]*:/#
}
