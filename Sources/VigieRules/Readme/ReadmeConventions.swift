import VigieCore
import Yams

/// What the README rules look for, from `rules/data/readme.yml`.
struct ReadmeConventions: RuleDataSection {
    static let fileName = "readme.yml"

    struct Section: Sendable {
        let key: String
        let title: LocalizedText
        /// Normalised names.
        let names: [String]
    }

    let fallbackFolders: [String]
    let sections: [Section]
    let stopwords: [Language: Set<String>]
    let programmePhrases: [[UInt8]]
    let programmeLinks: [String]

    init?(root: Node, reader: YAMLReader) {
        guard let pairs = reader.mapping(root, what: "the file") else { return nil }
        reader.checkKeys(pairs, allowed: ["schema_version", "fallback_folders", "sections", "stopwords", "eig"], in: "the file")
        let field = { (key: String) in pairs.first { $0.key == key }?.value }
        fallbackFolders = field("fallback_folders").flatMap { reader.strings($0, what: "fallback_folders") } ?? []
        var sections: [Section] = []
        if let node = field("sections"), let entries = reader.mapping(node, what: "sections") {
            for entry in entries {
                guard let fields = reader.mapping(entry.value, what: "section \(entry.key)") else { continue }
                reader.checkKeys(fields, allowed: ["title", "names"], in: "section \(entry.key)")
                let title = fields.first { $0.key == "title" }.flatMap { reader.localizedText($0.value, what: "title") } ?? .same(entry.key)
                let names = fields.first { $0.key == "names" }.flatMap { reader.strings($0.value, what: "names") } ?? []
                sections.append(Section(key: entry.key, title: title, names: names.map(TextNormalizer.normalize)))
            }
        }
        self.sections = sections
        var stopwords: [Language: Set<String>] = [:]
        if let node = field("stopwords"), let entries = reader.mapping(node, what: "stopwords") {
            for entry in entries {
                guard let language = Language(rawValue: entry.key) else {
                    reader.report(entry.keyNode, LocalizedText(fr: "langue inconnue « \(entry.key) » (fr ou en)", en: "unknown language '\(entry.key)' (fr or en)"))
                    continue
                }
                stopwords[language] = Set((reader.strings(entry.value, what: entry.key) ?? []).map(TextNormalizer.normalize))
            }
        }
        self.stopwords = stopwords
        var phrases: [[UInt8]] = [], links: [String] = []
        if let node = field("eig"), let entries = reader.mapping(node, what: "eig") {
            reader.checkKeys(entries, allowed: ["programme_phrases", "programme_links"], in: "eig")
            phrases = (entries.first { $0.key == "programme_phrases" }.flatMap { reader.strings($0.value, what: "programme_phrases") } ?? []).map(TextNormalizer.normalizedBytes)
            links = (entries.first { $0.key == "programme_links" }.flatMap { reader.strings($0.value, what: "programme_links") } ?? []).map { $0.lowercased() }
        }
        programmePhrases = phrases
        programmeLinks = links
    }
}
