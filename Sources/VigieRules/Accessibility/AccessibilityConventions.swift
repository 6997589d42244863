public import VigieCore
import Yams

/// A conformity status, as a statement or a mention declares it (RGAA, DOMAIN §3.2 point 4).
public enum ConformityStatus: String, Sendable, CaseIterable {
    case full
    case partial
    case nonCompliant = "non_compliant"
    case unknown

    public var label: LocalizedText {
        switch self {
        case .full: LocalizedText(fr: "totalement conforme", en: "fully compliant")
        case .partial: LocalizedText(fr: "partiellement conforme", en: "partially compliant")
        case .nonCompliant: LocalizedText(fr: "non conforme", en: "not compliant")
        case .unknown: LocalizedText(fr: "état non déclaré", en: "status not stated")
        }
    }

    init?(key: String) {
        guard let status = ConformityStatus(rawValue: key), status != .unknown else { return nil }
        self = status
    }
}

/// A mandatory section of the statement model.
public struct StatementSection: Sendable, Equatable {
    public let id: String
    public let label: LocalizedText
    let phrases: [[UInt8]]
}

/// An automated accessibility testing tool and how to see it is wired in.
struct AccessibilityTool: Sendable {
    let name: String
    /// Lowercased byte patterns searched in manifests and CI files.
    let patterns: [[UInt8]]
    /// Configuration file names.
    let files: [String]
}

/// Everything the accessibility rules read from `rules/data/accessibility.yml` (docs/accessibility.md).
public struct AccessibilityConventions: Sendable, RuleDataSection {
    static let fileName = "accessibility.yml"

    // Applicability
    let templateExtensions: Set<String>
    let frameworkFiles: [String]
    let frameworkDependencies: Set<String>
    let dsfrFiles: Set<String>
    let interfaceExclusions: FolderFilter
    /// File names that mark their folder as generated output (Doxygen's `doxygen.css`).
    let generatedMarkers: Set<String>
    /// Words that make a template file an e-mail layout rather than a page (`mailer.html.erb`).
    let excludedNameWords: [String]
    /// Keys of a root package.json that publish a library's entry points (`module`, `types`).
    let libraryManifestKeys: [String]
    // Where to look
    let scanExtensions: Set<String>
    let scanExclusions: FolderFilter
    let excludedSuffixes: [String]
    let priorityPathWords: [String]
    let hints: [[UInt8]]
    let hintsAny: [[UInt8]]
    /// Attributes whose values are text (FoldedText `textAttributes`).
    public let textAttributes: Set<String>
    // The statement
    let titles: [(language: Language, phrase: [UInt8])]
    let markers: [[UInt8]]
    let minMarkers: Int
    let templateMarkers: [[UInt8]]
    let statuses: [(status: ConformityStatus, phrase: [UInt8])]
    let statusAnchors: [[UInt8]]
    /// Words right before a status phrase that make it an aim, not a state (« mise en conformité totale »).
    let statusNotAfter: [[UInt8]]
    let statusWindow: Int
    let rateAnchorsAfter: [[UInt8]]
    let rateAnchorsBefore: [[UInt8]]
    let rateWindow: Int
    let versionWords: [[UInt8]]
    let versionFillers: Set<String>
    let versionMajors: Set<Int>
    let datePhrases: [[UInt8]]
    let dateWindow: Int
    let months: [String: Int]
    let ordinalSuffixes: Set<String>
    public let sections: [StatementSection]
    // The mention
    let mentions: [(status: ConformityStatus, phrase: [UInt8])]
    /// Each pattern is compiled on first use (LazyRegex): only where its hint occurs.
    let mentionPatterns: [(hint: [UInt8], pattern: LazyRegex, values: [String: ConformityStatus])]
    let mentionPreferredPathWords: [String]
    // Tooling
    let toolingManifests: Set<String>
    let ciFolders: [String]
    let tools: [AccessibilityTool]

    init?(root: Node, reader: YAMLReader) {
        guard let file = YAMLFields(root, reader: reader, what: "the file",
                                    allowed: ["schema_version", "interface", "scan", "statement", "mention", "tooling"]) else { return nil }
        let lower = { (values: [String]) in values.map { $0.lowercased() } }

        let interface = file.fields("interface", allowed: ["template_extensions", "framework_files", "framework_dependencies",
                                                           "dsfr_files", "excluded_folders", "generated_markers", "excluded_name_words",
                                                           "library_manifest_keys"])
        templateExtensions = Set(lower(interface?.strings("template_extensions") ?? []))
        frameworkFiles = lower(interface?.strings("framework_files") ?? [])
        frameworkDependencies = Set(interface?.strings("framework_dependencies") ?? [])
        dsfrFiles = Set(lower(interface?.strings("dsfr_files") ?? []))
        interfaceExclusions = FolderFilter(interface?.strings("excluded_folders") ?? [])
        generatedMarkers = Set(lower(interface?.strings("generated_markers", required: false) ?? []))
        excludedNameWords = lower(interface?.strings("excluded_name_words", required: false) ?? [])
        libraryManifestKeys = interface?.strings("library_manifest_keys", required: false) ?? []

        let scan = file.fields("scan", allowed: ["extensions", "excluded_folders", "excluded_suffixes", "priority_path_words", "hints",
                                                     "hints_any", "text_attributes"])
        scanExtensions = Set(lower(scan?.strings("extensions") ?? []))
        scanExclusions = FolderFilter(scan?.strings("excluded_folders") ?? [])
        excludedSuffixes = lower(scan?.strings("excluded_suffixes") ?? [])
        priorityPathWords = lower(scan?.strings("priority_path_words") ?? [])
        hints = lower(scan?.strings("hints") ?? []).map { Array($0.utf8) }
        hintsAny = lower(scan?.strings("hints_any", required: false) ?? []).map { Array($0.utf8) }
        textAttributes = Set(lower(scan?.strings("text_attributes", required: false) ?? []))

        let statement = file.fields("statement", allowed: [
            "titles", "markers", "min_markers", "template_markers", "statuses", "status_anchors", "status_window", "status_not_after",
            "rate_anchors_after", "rate_anchors_before", "rate_window", "version_words", "version_fillers", "version_majors",
            "date_phrases", "date_window", "months", "ordinal_suffixes", "sections",
        ])
        var titles: [(Language, [UInt8])] = []
        if let byLanguage = statement?.fields("titles", allowed: Language.allCases.map(\.rawValue)) {
            for language in Language.allCases {
                titles += byLanguage.phrases(language.rawValue, required: false).map { (language, $0) }
            }
            if titles.isEmpty { reader.report(byLanguage.node, LocalizedText(fr: "aucun titre de déclaration", en: "no statement title")) }
        }
        self.titles = titles
        markers = statement?.phrases("markers") ?? []
        minMarkers = statement?.int("min_markers") ?? 2
        templateMarkers = statement?.phrases("template_markers", required: false) ?? []
        statuses = Self.statusPhrases(statement?.fields("statuses", allowed: ["full", "partial", "non_compliant"]))
        statusAnchors = statement?.phrases("status_anchors") ?? []
        statusWindow = statement?.int("status_window") ?? 8
        statusNotAfter = statement?.phrases("status_not_after", required: false) ?? []
        rateAnchorsAfter = statement?.phrases("rate_anchors_after") ?? []
        rateAnchorsBefore = statement?.phrases("rate_anchors_before") ?? []
        rateWindow = statement?.int("rate_window") ?? 4
        versionWords = statement?.phrases("version_words") ?? []
        versionFillers = Set(lower(statement?.strings("version_fillers", required: false) ?? []))
        versionMajors = Set((statement?.value("version_majors")).flatMap { node -> [Int]? in
            guard case .sequence(let items) = node else { return nil }
            return items.compactMap { reader.int($0, what: "statement.version_majors") }
        } ?? [])
        datePhrases = statement?.phrases("date_phrases") ?? []
        dateWindow = statement?.int("date_window") ?? 4
        var months: [String: Int] = [:]
        if let node = statement?.value("months"), case .sequence(let items) = node {
            if items.count != 12 { reader.report(node, LocalizedText(fr: "il faut 12 mois", en: "there must be 12 months")) }
            for (index, item) in items.enumerated() {
                for name in reader.strings(item, what: "statement.months") ?? [] {
                    months[String(decoding: FoldedText.phrase(name), as: UTF8.self)] = index + 1
                }
            }
        }
        self.months = months
        ordinalSuffixes = Set(lower(statement?.strings("ordinal_suffixes", required: false) ?? []))
        sections = (statement?.items("sections", allowed: ["id", "label", "phrases"]) ?? []).compactMap { item in
            guard let id = item.string("id"), let labelNode = item.value("label"),
                  let label = reader.localizedText(labelNode, what: "statement.sections[].label") else { return nil }
            return StatementSection(id: id, label: label, phrases: item.phrases("phrases"))
        }

        let mention = file.fields("mention", allowed: ["full", "partial", "non_compliant", "patterns", "preferred_path_words"])
        mentions = Self.statusPhrases(mention)
        mentionPatterns = (mention?.items("patterns", allowed: ["hint", "pattern", "values"], required: false) ?? []).compactMap { item in
            guard let hint = item.string("hint"), !hint.isEmpty,
                  let node = item.value("pattern"), let pattern = item.regex(node, what: "mention.patterns[].pattern"),
                  let valuesNode = item.value("values"), let values = reader.mapping(valuesNode, what: "mention.patterns[].values")
            else { return nil }
            // `values` maps a captured text to a status: its keys are free text.
            var map: [String: ConformityStatus] = [:]
            for pair in values {
                guard let key = reader.string(pair.value, what: "mention.patterns[].values"), let status = ConformityStatus(key: key) else {
                    reader.report(pair.value, LocalizedText(fr: "statut inconnu (full, partial ou non_compliant)",
                                                            en: "unknown status (full, partial or non_compliant)"))
                    continue
                }
                map[pair.key.lowercased()] = status
            }
            return (Array(hint.lowercased().utf8), pattern, map)
        }
        mentionPreferredPathWords = lower(mention?.strings("preferred_path_words", required: false) ?? [])

        let tooling = file.fields("tooling", allowed: ["manifests", "ci_folders", "tools"])
        toolingManifests = Set(lower(tooling?.strings("manifests") ?? []))
        ciFolders = lower(tooling?.strings("ci_folders", required: false) ?? [])
        tools = (tooling?.items("tools", allowed: ["name", "patterns", "files"]) ?? []).compactMap { item in
            guard let name = item.string("name") else { return nil }
            return AccessibilityTool(name: name, patterns: lower(item.strings("patterns")).map { Array($0.utf8) },
                                     files: lower(item.strings("files", required: false)))
        }
    }

    private static func statusPhrases(_ fields: YAMLFields?) -> [(status: ConformityStatus, phrase: [UInt8])] {
        guard let fields else { return [] }
        var result: [(ConformityStatus, [UInt8])] = []
        for status in [ConformityStatus.full, .partial, .nonCompliant] {
            result += fields.phrases(status.rawValue).map { (status, $0) }
        }
        return result
    }

    /// True when a file's lowercased bytes may hold a title or a mention (the `hints`).
    func mayHoldStatement(_ lowered: [UInt8]) -> Bool {
        hints.allSatisfy { contains(lowered, $0) } && (hintsAny.isEmpty || hintsAny.contains { contains(lowered, $0) })
    }

    /// True when a file of this path is read by the scan (extension, folders, suffixes).
    func isScanned(_ entry: SnapshotEntry) -> Bool {
        guard entry.isRegularFile, let ext = entry.lowercasedExtension, scanExtensions.contains(ext) else { return false }
        let lower = entry.path.lowercased()
        if excludedSuffixes.contains(where: { lower.hasSuffix($0) }) { return false }
        return !scanExclusions.excludes(entry.path)
    }
}

extension RuleData {
    /// `rules/data/accessibility.yml`.
    public var accessibility: AccessibilityConventions { section(AccessibilityConventions.self) }
}
