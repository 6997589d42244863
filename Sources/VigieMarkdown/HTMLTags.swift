/// Images and links written as HTML tags inside Markdown (`<img src="logo.png" alt="Logo">`,
/// `<a href="docs/">`), with the line of each tag.
/// `nonisolated(unsafe)`: a Regex is immutable once built; the standard library does not mark it Sendable yet.
enum HTMLTags {
    nonisolated(unsafe) private static let image = #/<img\b[^>]*>/#.ignoresCase()
    nonisolated(unsafe) private static let source = #/\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/#.ignoresCase()
    nonisolated(unsafe) private static let alt = #/\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/#.ignoresCase()
    nonisolated(unsafe) private static let anchor = #/<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/#.ignoresCase()
    nonisolated(unsafe) private static let heading = #/<h([1-6])\b([^>]*)>(.*?)<\/h\1\s*>/#.ignoresCase().dotMatchesNewlines()
    nonisolated(unsafe) private static let identifier = #/\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/#.ignoresCase()
    nonisolated(unsafe) private static let code = #/<code\b[^>]*>.*?<\/code\s*>/#.ignoresCase().dotMatchesNewlines()
    nonisolated(unsafe) private static let tag = #/<[^>]*>/#

    /// A heading written in HTML (`<h2 id="installation">Installation</h2>`): its level, text, line
    /// and the anchor its `id` gives ("" without one: GitHub makes none for it).
    struct Heading {
        let level: Int, text: String, textOutsideCode: String, line: Int, anchor: String
    }

    /// The `<h1>`…`<h6>` elements of an HTML block whose first line is `line`.
    static func headings(in html: String, line: Int) -> [Heading] {
        guard html.contains("<h") || html.contains("<H") else { return [] }
        return html.matches(of: heading).map { match in
            let inner = String(match.3)
            let plain = { (text: String) in OutlineBuilder.collapsed(decodeBasicEntities(text.replacing(tag, with: " "))) }
            let anchor = match.2.firstMatch(of: identifier).map { String($0.1 ?? $0.2 ?? "") } ?? ""
            let number = line + html[..<match.range.lowerBound].utf8.count { $0 == UInt8(ascii: "\n") }
            return Heading(level: Int(match.1) ?? 1, text: plain(inner), textOutsideCode: plain(inner.replacing(code, with: " ")),
                           line: number, anchor: anchor)
        }
    }

    /// The five entities HTML headings commonly hold.
    private static func decodeBasicEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacing("&amp;", with: "&").replacing("&lt;", with: "<").replacing("&gt;", with: ">")
            .replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&nbsp;", with: " ")
    }

    /// The images and links of `html`, whose first line is `line`.
    static func links(in html: String, line: Int, insideLink: Bool) -> [MarkdownOutline.Link] {
        guard html.contains("<") else { return [] }
        var found: [(offset: String.Index, link: MarkdownOutline.Link)] = []
        let lineOf = { (index: String.Index) in line + html[..<index].utf8.count { $0 == UInt8(ascii: "\n") } }
        for tag in html.matches(of: image) {
            let text = tag.output
            let target = text.firstMatch(of: source).map { String($0.1 ?? $0.2 ?? "") } ?? ""
            // An <img> without alt has no alternative text: "" tells it from a link's nil.
            let alternative = text.firstMatch(of: alt).map { String($0.1 ?? $0.2 ?? "") } ?? ""
            found.append((tag.range.lowerBound, .init(target: target, line: lineOf(tag.range.lowerBound), isImage: true,
                                                      alt: alternative, isInsideLink: insideLink, isHTML: true)))
        }
        for tag in html.matches(of: anchor) {
            found.append((tag.range.lowerBound, .init(target: String(tag.1 ?? tag.2 ?? ""), line: lineOf(tag.range.lowerBound),
                                                      isImage: false, alt: nil, isInsideLink: false, isHTML: true)))
        }
        return found.sorted { $0.offset < $1.offset }.map(\.link)
    }
}
