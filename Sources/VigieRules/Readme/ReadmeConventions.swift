import VigieCore
import Yams

/// What the README rules look for, from `rules/data/readme.yml`.
struct ReadmeConventions: RuleDataSection {
    static let fileName = "readme.yml"

    struct Section: Sendable {
        let key: String
        let title: LocalizedText
        /// Normalised names: a heading containing one (as whole words) is this section.
        let names: [String]
        /// Normalised names that make the section only when its text gives a way to reach someone (a
        /// link or an address): "Auteur" followed by "DINUM 2025." is no contact.
        let namesNeedingAWayToReach: [String]
        /// Normalised phrases of prose that give the section without a heading ("sous licence GPLv3").
        let phrases: [String]
        /// Lowercased file stems a link may point to instead ([CONTRIBUTING.md](CONTRIBUTING.md)).
        let linkedFiles: [String]
        /// Lowercased parts of link targets that make the section (a chat room's host: `matrix.to`).
        let linkedHosts: [String]
        /// Normalised words of a heading, or of a heading above it, that put what it holds out of this
        /// section: "Droit d'utilisation du DSFR" is no usage, nor is a "Utiliser make" under "Développement".
        let notUnder: [String]
        /// The README's opening prose (after its title) is this section.
        let fromIntroduction: Bool
        /// Normalised phrases of opening lines that are a notice (moved, deprecated), not an introduction.
        let notices: [String]
        /// A code example in the README's opening is this section.
        let fromOpeningCodeExample: Bool
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
                reader.checkKeys(fields, allowed: ["title", "names", "names_needing_a_way_to_reach", "phrases", "linked_files", "linked_hosts",
                                                   "not_under", "from_introduction", "from_opening_code_example", "notices"], in: "section \(entry.key)")
                let value = { (key: String) in fields.first { $0.key == key }?.value }
                let title = value("title").flatMap { reader.localizedText($0, what: "title") } ?? .same(entry.key)
                let strings = { (key: String) in value(key).flatMap { reader.strings($0, what: key) } ?? [] }
                let flag = { (key: String) in value(key).flatMap { reader.bool($0, what: key) } ?? false }
                sections.append(Section(
                    key: entry.key, title: title,
                    names: strings("names").map(TextNormalizer.normalize),
                    namesNeedingAWayToReach: strings("names_needing_a_way_to_reach").map(TextNormalizer.normalize),
                    phrases: strings("phrases").map(TextNormalizer.normalize),
                    linkedFiles: strings("linked_files").map { $0.lowercased() },
                    linkedHosts: strings("linked_hosts").map { $0.lowercased() },
                    notUnder: strings("not_under").map(TextNormalizer.normalize),
                    fromIntroduction: flag("from_introduction"),
                    notices: strings("notices").map(TextNormalizer.normalize),
                    fromOpeningCodeExample: flag("from_opening_code_example")))
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
