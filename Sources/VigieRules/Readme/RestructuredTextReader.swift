import VigieMarkdown

/// A reStructuredText README, read line by line: section titles (underlined, or over- and
/// underlined, levels in order of first use), hyperlinks (`` `text <url>`_ ``, named targets
/// `.. _name: url` and their references, standalone URLs), images (`.. image::`, `.. figure::`,
/// substitutions) with their `:alt:`, and prose; literal blocks (`::`, `.. code-block::`) and
/// comments are skipped.
enum RestructuredTextReader {
    /// The characters docutils accepts as section adornments.
    static let adornments: Set<Character> = Set("=-`:'\"~^_*+#<>.")

    static func document(_ text: String) -> ReadmeDocument {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        var headings: [(text: String, level: Int, line: Int)] = []
        var styles: [String] = []
        var links: [ReadmeDocument.Link] = []
        var prose: [(line: Int, text: String)] = []
        var targets: [String: String] = [:]
        var references: [(name: String, line: Int)] = []
        var index = 0
        var literalIndent: Int? // inside a literal block or directive body indented deeper than this
        var image: (index: Int, target: String, line: Int)?
        while index < lines.count {
            let raw = lines[index], line = raw.trimming(" \t"), indent = raw.prefix { $0 == " " || $0 == "\t" }.count
            defer { index += 1 }
            if let base = literalIndent {
                if line.isEmpty || indent > base {
                    if let open = image, line.hasPrefix(":alt:") {
                        links[open.index] = .init(target: open.target, line: open.line, isImage: true,
                                                  alt: String(line.dropFirst(5)).trimming(" "), isBadge: links[open.index].isBadge)
                    } else if image != nil, line.hasPrefix(":target:") {
                        // The link around the image: a badge's destination.
                        links.append(.init(target: String(line.dropFirst(8)).trimming(" "), line: index + 1, isImage: false, alt: nil, isBadge: false))
                    }
                    continue
                }
                literalIndent = nil
                image = nil
            }
            if line.isEmpty { continue }
            // Title: text underlined (and maybe overlined) by one adornment character, at least as long.
            if let title = title(at: index, in: lines) {
                let style = title.style
                if !styles.contains(style) { styles.append(style) }
                headings.append((line, styles.firstIndex(of: style)! + 1, index + 1))
                index += title.skip
                continue
            }
            if isAdornment(line) { continue }
            if line.hasPrefix("..") {
                let directive = line.dropFirst(2).trimming(" ")
                if let target = directive.firstMatch(of: Patterns.target) {
                    targets[String(target.1).lowercased()] = String(target.2)
                } else if let match = directive.firstMatch(of: Patterns.image) {
                    let target = String(match.2)
                    links.append(.init(target: target, line: index + 1, isImage: true, alt: "",
                                       isBadge: directive.hasPrefix("|") || ReadmeDocument.isBadgeTarget(target)))
                    image = (links.count - 1, target, index + 1)
                }
                // A directive's or comment's body is indented under it.
                literalIndent = indent
                continue
            }
            prose.append((index + 1, line))
            for match in line.matches(of: Patterns.embedded) {
                links.append(.init(target: String(match.2), line: index + 1, isImage: false, alt: nil, isBadge: false))
            }
            let withoutEmbedded = line.replacing(Patterns.embedded, with: "")
            for match in withoutEmbedded.matches(of: Patterns.url) {
                links.append(.init(target: String(match.0), line: index + 1, isImage: false, alt: nil, isBadge: false))
            }
            for match in withoutEmbedded.matches(of: Patterns.reference) {
                references.append((String(match.1 ?? match.2 ?? ""), index + 1))
            }
            // A paragraph ending with "::" introduces a literal block.
            if line.hasSuffix("::") { literalIndent = indent }
        }
        for reference in references {
            if let target = targets[reference.name.lowercased()] {
                links.append(.init(target: target, line: reference.line, isImage: false, alt: nil, isBadge: false))
            }
        }
        var anchors = HeadingAnchors()
        return ReadmeDocument(
            headings: headings.map { .init(text: $0.text, textOutsideCode: $0.text, level: $0.level, line: $0.line, anchor: anchors.anchor(for: $0.text)) },
            // By line, in the order written on a line (references are resolved after the whole text).
            links: links.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element),
            prose: prose
        )
    }

    /// The title starting at `index`: its style (adornment character, overlined or not) and how many
    /// lines after the text it takes.
    private static func title(at index: Int, in lines: [String]) -> (style: String, skip: Int)? {
        let text = lines[index].trimming(" \t")
        guard !isAdornment(text), index + 1 < lines.count else { return nil }
        let under = lines[index + 1].trimming(" \t")
        guard isAdornment(under), under.count >= min(text.count, 3) else { return nil }
        let over = index > 0 ? lines[index - 1].trimming(" \t") : ""
        let overlined = over == under
        return ((overlined ? "over" : "") + String(under.first!), 1)
    }

    private static func isAdornment(_ line: String) -> Bool {
        guard let first = line.first, line.count >= 3, adornments.contains(first) else { return false }
        return line.allSatisfy { $0 == first }
    }
}

/// `nonisolated(unsafe)`: a Regex is immutable once built; the standard library does not mark it Sendable yet.
private enum Patterns {
    nonisolated(unsafe) static let target = #/^_`?([^`:]+)`?:\s+(\S+)/#
    nonisolated(unsafe) static let image = #/^(\|[^|]+\|\s+)?(?:image|figure)::\s*(\S+)/#
    nonisolated(unsafe) static let embedded = #/`([^`<]*)<([^`>]+)>`__?/#
    nonisolated(unsafe) static let reference = #/(?:`([^`]+)`|\b([\w.-]+))_(?![\w_])/#
    nonisolated(unsafe) static let url = #/https?:\/\/[^\s<>`"')\]]+[^\s<>`"')\].,;:]/#
}
