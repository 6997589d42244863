public import VigieCore

/// What a newcomer finds in the README: its format and language, which expected sections it has,
/// and whether its relative links, anchors and images hold up in the audited tree.
public struct ReadmeStructure: Sendable {
    public struct BrokenLink: Sendable, Equatable {
        public let target: String
        public let line: Int
        public let isImage: Bool
    }

    public let file: SnapshotEntry?
    /// `markdown`, `rst`, `org`, `asciidoc` or `text`.
    public let format: String
    /// `fr`, `en`, or nil when undetermined (too short or mixed).
    public let language: Language?
    /// Keys of the expected sections found, with the line of the heading (0 for the introduction).
    public let sections: [(key: String, line: Int)]
    public let missingSections: [String]
    public let linkCount: Int
    public let brokenLinks: [BrokenLink]
    public let imageCount: Int
    /// Lines of images without alternative text.
    public let imagesWithoutAlt: [Int]
    public let document: ReadmeDocument?
    /// How the README's bytes were read (`TextDecoding`), nil without a README.
    public let encoding: TextEncoding?
    public let lineEnding: LineEnding?

    /// The line of the first e-mail address of the README, in its prose or as a `mailto:` link.
    static func contactAddressLine(_ document: ReadmeDocument) -> Int? {
        let mail = document.links.first { $0.target.lowercased().hasPrefix("mailto:") }?.line
        let written = document.prose.first { $0.text.firstMatch(of: ReadmeSections.address) != nil }?.line
        return [mail, written].compactMap { $0 }.min()
    }

    public static func of(_ snapshot: RepositorySnapshot, data: RuleData) throws -> ReadmeStructure {
        try snapshot.analysis("readme-structure") { try ReadmeStructure(snapshot, data: data) }
    }

    init(_ snapshot: RepositorySnapshot, data: RuleData) throws {
        let conventions = data.section(ReadmeConventions.self)
        let readme = try ReadmeAnalysis.of(snapshot, data: data)
        file = readme.file
        guard let file else {
            (format, language, sections, missingSections, linkCount, brokenLinks, imageCount, imagesWithoutAlt, document) =
                ("none", nil, [], conventions.sections.map(\.key), 0, [], 0, [], nil)
            (encoding, lineEnding) = (nil, nil)
            return
        }
        format = Self.format(of: file.path)
        let decoded = try snapshot.decodedText(of: file)
        (encoding, lineEnding) = (decoded.encoding, decoded.lineEnding)
        let document = ReadmeDocument.read(decoded.text, format: format)
        self.document = document
        language = Self.language(of: document.prose.map(\.text).joined(separator: " "), stopwords: conventions.stopwords)

        let found = ReadmeSections(document: document, conventions: conventions).found()
        sections = found
        missingSections = conventions.sections.map(\.key).filter { key in !found.contains { $0.key == key } }

        let folder = file.folder
        let relative = document.relativeLinks
        let paths = relative.isEmpty ? [] : Set(snapshot.entries.map(\.path))
        var folders: Set<Substring> = []
        if !relative.isEmpty {
            for entry in snapshot.entries {
                var folder = entry.folder
                while !folder.isEmpty, folders.insert(folder).inserted {
                    folder = folder.lastIndex(of: "/").map { folder[..<$0] } ?? ""
                }
            }
        }
        let anchors = Set(document.headings.map(\.anchor))
        var broken: [BrokenLink] = []
        for link in document.links where Self.checksAnchors(format) {
            if let anchor = link.anchor {
                if !anchor.isEmpty && !anchors.contains(anchor) { broken.append(BrokenLink(target: link.target, line: link.line, isImage: link.isImage)) }
            }
        }
        for link in relative where Self.checksLinks(format) {
            let resolved = Self.resolve(link.target, from: String(folder))
            guard !resolved.isEmpty else { continue }
            if !paths.contains(resolved) && !folders.contains(Substring(resolved)) {
                broken.append(BrokenLink(target: link.target, line: link.line, isImage: link.isImage))
            }
        }
        brokenLinks = broken.sorted { ($0.line, $0.target) < ($1.line, $1.target) }
        linkCount = document.links.count
        let images = document.links.filter(\.isImage)
        imageCount = images.count
        imagesWithoutAlt = images.filter { ($0.alt ?? "").trimming(" ").isEmpty }.map(\.line)
    }

    /// Formats whose relative links are checked against the tree: those read by a real reader.
    public static func checksLinks(_ format: String) -> Bool { ["markdown", "text", "rst", "asciidoc"].contains(format) }

    /// Formats whose `#anchor` links are checked against their headings' anchors (GitHub's algorithm).
    static func checksAnchors(_ format: String) -> Bool { format == "markdown" || format == "text" }

    static func format(of path: String) -> String {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") { return "markdown" }
        if lowered.hasSuffix(".rst") { return "rst" }
        if lowered.hasSuffix(".org") { return "org" }
        if lowered.hasSuffix(".adoc") || lowered.hasSuffix(".asciidoc") { return "asciidoc" }
        return "text"
    }

    /// The language whose frequent words dominate: at least 8 of them and twice the other's count.
    static func language(of text: String, stopwords: [Language: Set<String>]) -> Language? {
        let words = TextNormalizer.normalize(text).split(separator: " ").map(String.init)
        var counts: [Language: Int] = [:]
        for word in words {
            for (language, set) in stopwords where set.contains(word) { counts[language, default: 0] += 1 }
        }
        let fr = counts[.fr] ?? 0, en = counts[.en] ?? 0
        if fr >= 8 && fr >= 2 * en { return .fr }
        if en >= 8 && en >= 2 * fr { return .en }
        return nil
    }

    /// A link target as a path of the tree: relative to the README's folder, `/x` from the root,
    /// without `#anchor` or `?query`, percent-decoded, `.` and `..` resolved; "" when it leaves the tree.
    static func resolve(_ target: String, from folder: String) -> String {
        var path = target
        // By scalar: "#" or "?" followed by a combining mark is one Character, not "#".
        if let cut = path.unicodeScalars.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path.unicodeScalars[..<cut]) }
        path = path.removingPercentEncodingLeniently
        var components: [Substring] = path.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                if components.isEmpty { return "" }
                components.removeLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    func facts(_ readme: ReadmeAnalysis) -> JSONValue {
        .object([
            "path": file.map { .string($0.path) } ?? .null,
            "format": .string(format),
            "encoding": encoding.map { .string($0.rawValue) } ?? .null,
            "line_ending": lineEnding.map { .string($0.rawValue) } ?? .null,
            "language": language.map { .string($0.rawValue) } ?? .null,
            "words": .int(readme.words),
            "body_words": .int(readme.bodyWords),
            "headings": .int(readme.headings),
            "sections": .array(sections.map { .string($0.key) }),
            "missing_sections": .array(missingSections.map(JSONValue.string)),
            "links": .object(["total": .int(linkCount), "broken": .array(brokenLinks.map { .object(["target": .string($0.target), "line": .int($0.line)]) })]),
            "images": .object(["total": .int(imageCount), "missing_alt": .int(imagesWithoutAlt.count)]),
        ])
    }
}

extension String {
    /// Percent-decoding that keeps the text as it is when it is not valid percent-encoding.
    var removingPercentEncodingLeniently: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
