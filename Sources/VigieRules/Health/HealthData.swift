import VigieCore
import Yams

/// The project-health family's data, `rules/data/health.yml`: file names, path patterns, the
/// publiccode.yml schema and the secret shapes. Every problem is reported with its place.
struct HealthData: RuleDataSection {
    static let fileName = "health.yml"

    let community: CommunityConventions
    let publiccode: PubliccodeSchema
    let quality: QualityConventions
    let secrets: SecretConventions

    init?(root: Node, reader: YAMLReader) {
        guard let file = HealthFields(root, what: "health.yml", allowed: ["schema_version", "community", "publiccode", "quality", "secrets"], reader: reader) else {
            return nil
        }
        let community = file.value("community").flatMap { CommunityConventions($0, reader: reader) }
        let publiccode = file.value("publiccode").flatMap { PubliccodeSchema($0, reader: reader) }
        let quality = file.value("quality").flatMap { QualityConventions($0, reader: reader) }
        let secrets = file.value("secrets").flatMap { SecretConventions($0, reader: reader) }
        guard let community, let publiccode, let quality, let secrets else { return nil }
        (self.community, self.publiccode, self.quality, self.secrets) = (community, publiccode, quality, secrets)
    }
}

extension RuleData {
    /// The project-health data (declared in HealthRules.swift).
    var health: HealthData { section(HealthData.self) }
}

/// One mapping of health.yml, read through `YAMLReader`: unknown keys, missing keys and wrong types
/// are reported with the node's line and column.
struct HealthFields {
    let reader: YAMLReader
    let node: Node
    let what: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    init?(_ node: Node, what: String, allowed: [String], reader: YAMLReader) {
        guard let pairs = reader.mapping(node, what: what) else { return nil }
        reader.checkKeys(pairs, allowed: allowed, in: what)
        self.reader = reader
        self.node = node
        self.what = what
        self.pairs = pairs
    }

    var keys: [(key: String, keyNode: Node, value: Node)] { pairs }

    /// The value of `key`; reports it missing when `required`.
    func value(_ key: String, required: Bool = true) -> Node? {
        if let pair = pairs.first(where: { $0.key == key }) { return pair.value }
        if required {
            reader.report(node, LocalizedText(fr: "il manque « \(key) » dans \(what)", en: "missing '\(key)' in \(what)"))
        }
        return nil
    }

    func string(_ key: String, required: Bool = true) -> String? {
        value(key, required: required).flatMap { reader.string($0, what: "\(what).\(key)") }
    }

    func strings(_ key: String, required: Bool = true) -> [String]? {
        value(key, required: required).flatMap { reader.strings($0, what: "\(what).\(key)") }
    }

    func int(_ key: String) -> Int? {
        value(key, required: false).flatMap { reader.int($0, what: "\(what).\(key)") }
    }

    func bool(_ key: String) -> Bool? {
        value(key, required: false).flatMap { reader.bool($0, what: "\(what).\(key)") }
    }

    /// A list of globs (braces expanded), as one indexed set.
    func patterns(_ key: String, ignoreCase: Bool = false, required: Bool = true) -> PathPatternSet? {
        guard let list = strings(key, required: required) else { return required ? nil : PathPatternSet([]) }
        return PathPatternSet(list.flatMap { PathPattern.expanding($0, ignoreCase: ignoreCase) })
    }

    /// Phrases, normalised as `TextNormalizer` does, as bytes.
    func phrases(_ key: String) -> [[UInt8]]? {
        strings(key)?.map(TextNormalizer.normalizedBytes).filter { !$0.isEmpty }
    }

    /// A regular expression, compiled on first use (`LazyRegex`: at once from a file on disk, where a
    /// syntax error is reported at the value).
    func regex(_ key: String) -> LazyRegex? {
        guard let node = value(key), let text = reader.string(node, what: "\(what).\(key)") else { return nil }
        return LazyRegex.make(text, at: node, reader: reader)
    }

    /// Each item of a list of mappings.
    func items(_ key: String) -> [Node]? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let sequence) = node else {
            reader.report(node, LocalizedText(fr: "\(what).\(key) doit être une liste", en: "\(what).\(key) must be a list"))
            return nil
        }
        return Array(sequence)
    }
}
