/// Finds the expected sections of a README (`rules/data/readme.yml`) the way a careful reader does:
/// by their headings first, then by what the text says without a heading of its own (an opening
/// sentence, a code example at the top, "Dual-licensed under MIT", a link to CONTRIBUTING.md, an
/// e-mail address). Each section found comes with the line that shows it (0: the opening prose).
struct ReadmeSections {
    let document: ReadmeDocument
    let conventions: ReadmeConventions
    /// Each prose line, normalised once: every section's phrases are looked for in the same lines.
    private let proseWords: [WordText]
    /// Each prose line with the next line of its paragraph, so that a phrase may run over a line break.
    private let proseWithNextLine: [WordText]

    init(document: ReadmeDocument, conventions: ReadmeConventions) {
        self.document = document
        self.conventions = conventions
        let prose = document.prose
        proseWords = prose.map { WordText($0.text) }
        proseWithNextLine = prose.indices.map { index in
            index + 1 < prose.count && prose[index + 1].line == prose[index].line + 1
                ? WordText(prose[index].text + " " + prose[index + 1].text) : WordText(prose[index].text)
        }
    }

    /// The key of each section found, with its line, in the order of `conventions.sections`.
    func found() -> [(key: String, line: Int)] {
        var found: [(key: String, line: Int)] = []
        for section in conventions.sections {
            if let line = byHeading(section) ?? byOpening(section) ?? byText(section) {
                found.append((section.key, line))
            } else if section.key == "contact", let line = ReadmeStructure.contactAddressLine(document) {
                // An e-mail address anywhere gives a stranger someone to write to, even under another
                // heading (SocialGouv/code-du-travail-numerique, IGNF/ContinuousGeneralisation).
                found.append((section.key, line))
            }
        }
        return found
    }

    // MARK: Headings

    private func byHeading(_ section: ReadmeConventions.Section) -> Int? {
        // The title names the project, not a section; inline code quotes something else (`description: |`).
        let title = document.title
        for (index, heading) in document.headings.enumerated() where heading != title {
            let name = Self.padded(Self.withoutAsides(heading.textOutsideCode))
            let strong = section.names.contains { name.contains(" " + $0 + " ") }
            let weak = !strong && section.namesNeedingAWayToReach.contains { name.contains(" " + $0 + " ") }
            guard strong || weak, !isUnder(section.notUnder, headingAt: index) else { continue }
            if weak && !givesAWayToReach(sectionAt: index) { continue }
            return heading.line
        }
        return nil
    }

    /// Whether the heading at `index`, or one it sits under, contains one of `words`.
    private func isUnder(_ words: [String], headingAt index: Int) -> Bool {
        guard !words.isEmpty else { return false }
        var level = Int.max
        // Not the title: "Guide RGPD de l'équipe de développement" is above every section of its README.
        for candidate in stride(from: index, through: 0, by: -1) where document.headings[candidate] != document.title {
            let heading = document.headings[candidate]
            guard candidate == index || heading.level < level else { continue }
            level = heading.level
            let text = Self.padded(heading.textOutsideCode)
            if words.contains(where: { text.contains(" " + $0 + " ") }) { return true }
        }
        return false
    }

    /// A link (not an image, not to a heading of the README) or an e-mail address in the section's text,
    /// below its heading: "## [Auteurs](CODEOWNERS)" alone names no one to reach (gip-inclusion/data-inclusion).
    private func givesAWayToReach(sectionAt index: Int) -> Bool {
        let lines = bodyLines(ofHeadingAt: index)
        if document.links.contains(where: { lines.contains($0.line) && !$0.isImage && !$0.isAnchor }) { return true }
        return document.prose.contains { lines.contains($0.line) && $0.text.firstMatch(of: Self.address) != nil }
    }

    /// The lines after the heading, to the next heading of its level or above.
    private func bodyLines(ofHeadingAt index: Int) -> Range<Int> {
        let heading = document.headings[index]
        let end = document.headings[(index + 1)...].first { $0.level <= heading.level }?.line ?? Int.max
        return (heading.line + 1)..<max(heading.line + 1, end)
    }

    // MARK: The opening

    /// Lines of the README's opening: after the title (or from the start without one) to the next heading.
    private var opening: Range<Int> {
        if let title = document.title {
            let next = document.headings.first { $0.line > title.line }?.line ?? Int.max
            return (title.line + 1)..<next
        }
        // No title: the first heading may still be one ("## Tool"), so its first section is the opening.
        return 0..<(document.headings.dropFirst().first?.line ?? Int.max)
    }

    private func byOpening(_ section: ReadmeConventions.Section) -> Int? {
        if section.fromIntroduction {
            if isIntroduction(opening, notices: section.notices) { return 0 }
            // "# Catalogi" then "## A Software Catalog application" and its sentence (codegouvfr/sill): the
            // first section, when it is no other known section, is the introduction.
            if let title = document.title, let first = document.headings.firstIndex(where: { $0.line > title.line }),
               document.headings[first].line == opening.upperBound, !isKnownSection(document.headings[first]) {
                let next = document.headings.dropFirst(first + 1).first?.line ?? Int.max
                if isIntroduction((document.headings[first].line + 1)..<next, notices: section.notices) { return document.headings[first].line }
            }
        }
        if section.fromOpeningCodeExample, let line = document.codeExamples.first(where: { opening.contains($0) }) {
            return line
        }
        return nil
    }

    /// Prose that says something: at least one sentence (a line that is no list item, badge, image or
    /// HTML) and ten words, addresses of links not counted. Two links in a list
    /// (SocialGouv/code-du-travail-numerique) are no introduction, nor is a notice that the project moved.
    private func isIntroduction(_ lines: Range<Int>, notices: [String]) -> Bool {
        let text = document.prose.indices.filter { index in
            let line = document.prose[index]
            guard lines.contains(line.line), !line.text.hasPrefix("[!"), !line.text.hasPrefix("!["), !line.text.hasPrefix("<") else { return false }
            return !proseWords[index].containsAny(notices)
        }.map { document.prose[$0] }
        guard text.contains(where: { !Self.isListItem($0.text) }) else { return false }
        return text.map { ReadmeAnalysis.words(in: Self.withoutURLs($0.text)) }.reduce(0, +) >= 10
    }

    /// The line without its URLs. Only a line with a `:` can hold one: the others skip the regex.
    static func withoutURLs(_ line: String) -> String {
        line.utf8.contains(UInt8(ascii: ":")) ? line.replacing(url, with: "") : line
    }

    private func isKnownSection(_ heading: ReadmeDocument.Heading) -> Bool {
        let name = Self.padded(Self.withoutAsides(heading.textOutsideCode))
        return conventions.sections.contains { section in
            (section.names + section.namesNeedingAWayToReach).contains { name.contains(" " + $0 + " ") }
        }
    }

    // MARK: Text without a heading

    private func byText(_ section: ReadmeConventions.Section) -> Int? {
        var line: Int?
        if !section.phrases.isEmpty {
            // A phrase may run over a line break: each line is read with the next line of the same paragraph.
            if let index = proseWithNextLine.firstIndex(where: { $0.containsAny(section.phrases) }) {
                line = document.prose[index].line
            }
        }
        // A badge linking to LICENSE shows a picture, not a sentence: the links of lines holding an image
        // or HTML (codegouvfr/react-dsfr) do not count.
        if !section.linkedFiles.isEmpty {
            let pictureLines = Set(document.links.filter(\.isImage).map(\.line))
            let htmlLines = Set(document.prose.filter { $0.text.hasPrefix("<") }.map(\.line))
            if let link = document.links.first(where: { link in
                !link.isImage && !pictureLines.contains(link.line) && !htmlLines.contains(link.line)
                    && section.linkedFiles.contains(Self.fileStem(of: link.target))
            }) {
                line = min(line ?? Int.max, link.line)
            }
        }
        if !section.linkedHosts.isEmpty, let link = document.links.first(where: { link in
            !link.isImage && section.linkedHosts.contains { link.target.lowercased().contains($0) }
        }) {
            line = min(line ?? Int.max, link.line)
        }
        return line
    }

    /// The lowercased name of the file a link points to, without extension: `../CONTRIBUTING.md` → `contributing`.
    static func fileStem(of target: String) -> String {
        let path = target.split(whereSeparator: { $0 == "#" || $0 == "?" }).first ?? ""
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        let stem = name.split(separator: ".").first.map(String.init) ?? ""
        return stem.lowercased()
    }

    // MARK: Text helpers

    /// Normalised text between spaces, so that a name is found as whole words.
    static func padded(_ text: String) -> String { " " + TextNormalizer.normalize(text) + " " }

    /// The heading without its parenthesised asides: "Créer la page de son API ([exemple](…))" names no usage.
    static func withoutAsides(_ text: String) -> String {
        var result = "", depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { result.append(character) }
        }
        return result
    }

    static func isListItem(_ line: String) -> Bool {
        line.firstMatch(of: Self.listMarker) != nil
    }

    // Built once (a regex literal in a function is compiled at every call). Never mutated.
    nonisolated(unsafe) private static let url = #/[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s)>`]+/#
    nonisolated(unsafe) private static let listMarker = #/^(?:[-*+]|\d{1,3}[.)])\s/#
    nonisolated(unsafe) static let address = #/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/#
}
