public import VigieCore
import Foundation
import Yams

/// A rule set: which rules run, with which weights and parameters (rules/<id>.yml).
public struct RuleSet: Sendable {
    public let id: String
    public let version: String
    public let title: LocalizedText
    public let rules: [ConfiguredRule]
    public let factProviders: [any FactProvider]
    public let data: RuleData
    /// A fingerprint of the rule set file and every data file: a scorecard made with another digest
    /// may differ, so a fleet run re-audits instead of reusing it.
    public let digest: String

    public var info: RulesetInfo { RulesetInfo(id: id, version: version) }
    public var engine: AuditEngine { AuditEngine(rules: rules, factProviders: factProviders) }

    /// Loads `<directory>/<id>.yml` and the data under `<directory>/data/`, reporting every problem
    /// at once with its `file:line:column`. Never falls back to defaults. `id` may also be the path of
    /// a rule set file kept elsewhere (`my-rules/cohort.yml`); its data still comes from `directory`.
    public static func load(directory: String, id reference: String) throws(ConfigurationErrors) -> RuleSet {
        let data = try RuleData.load(from: directory)
        let isPath = reference.contains("/") || reference.hasSuffix(".yml")
        let path = isPath ? reference : directory + "/" + reference + ".yml"
        let id = isPath ? String((reference.split(separator: "/").last ?? "").dropLast(reference.hasSuffix(".yml") ? 4 : 0)) : reference
        let reader = YAMLReader(file: path)
        guard let root = reader.load(), let pairs = reader.mapping(root, what: "the rule set") else {
            throw ConfigurationErrors(reader.errors)
        }
        reader.checkKeys(pairs, allowed: ["id", "version", "title", "description", "rules"], in: "the rule set")
        let field = { (key: String) in pairs.first { $0.key == key }?.value }
        let declaredID = field("id").flatMap { reader.string($0, what: "id") }
        if let declaredID, declaredID != id {
            reader.report(field("id"), LocalizedText(fr: "l'id « \(declaredID) » ne correspond pas au nom du fichier (\(id).yml)",
                                                     en: "id '\(declaredID)' does not match the file name (\(id).yml)"))
        }
        let version = field("version").flatMap { reader.string($0, what: "version") } ?? "0"
        let title = field("title").flatMap { reader.localizedText($0, what: "title") } ?? .same(id)
        var rules: [ConfiguredRule] = []
        if let rulesNode = field("rules"), let entries = reader.mapping(rulesNode, what: "rules") {
            for entry in entries {
                if let rule = configure(entry.key, entry.keyNode, entry.value, data: data, reader: reader) { rules.append(rule) }
            }
        } else {
            reader.report(root, LocalizedText(fr: "il manque la liste « rules »", en: "missing 'rules'"))
        }
        guard reader.errors.isEmpty else { throw ConfigurationErrors(reader.errors) }
        return RuleSet(id: id, version: version, title: title, rules: rules,
                       factProviders: BuiltInRules.factProviders(data), data: data,
                       digest: digest(of: [path] + dataFiles(in: directory)))
    }

    private static func configure(_ id: String, _ keyNode: Node, _ node: Node, data: RuleData, reader: YAMLReader) -> ConfiguredRule? {
        guard let type = BuiltInRules.named(id) else {
            let known = BuiltInRules.all.map { $0.description.id }
            let hint = closest(id, in: known)
            reader.report(keyNode, LocalizedText(
                fr: "règle inconnue « \(id) »" + (hint.map { " (vouliez-vous dire « \($0) » ?)" } ?? "") + "; `vigie rules list` donne les règles",
                en: "unknown rule '\(id)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; `vigie rules list` lists them"))
            return nil
        }
        return configure(type, id: id, node, data: data, reader: reader)
    }

    private static func configure<R: BuiltInRule>(_ type: R.Type, id: String, _ node: Node, data: RuleData, reader: YAMLReader) -> ConfiguredRule? {
        var weight = R.description.defaultWeight
        var enabled = true
        var values: [String: ParameterValue] = [:]
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            // `licence.present:` with no settings keeps the defaults.
        } else if let settings = reader.mapping(node, what: "rule \(id)") {
            let parameterNames = R.parameters.map(\.name)
            reader.checkKeys(settings, allowed: ["weight", "enabled"] + parameterNames, in: "rule \(id)")
            for setting in settings {
                switch setting.key {
                case "weight":
                    if let value = reader.int(setting.value, what: "weight") {
                        if value < 0 { reader.report(setting.value, LocalizedText(fr: "le poids doit être positif ou nul", en: "weight must be zero or more")) }
                        weight = value
                    }
                case "enabled":
                    enabled = reader.bool(setting.value, what: "enabled") ?? true
                default:
                    guard let parameter = R.parameters.first(where: { $0.name == setting.key }) else { continue }
                    switch parameter.defaultValue {
                    case .int: if let value = reader.int(setting.value, what: setting.key) { values[setting.key] = .int(value) }
                    case .bool: if let value = reader.bool(setting.value, what: setting.key) { values[setting.key] = .bool(value) }
                    case .string: if let value = reader.string(setting.value, what: setting.key) { values[setting.key] = .string(value) }
                    }
                }
            }
        }
        guard enabled else { return nil }
        return ConfiguredRule(rule: R.make(values, data: data), weight: weight)
    }

    private static func dataFiles(in directory: String) -> [String] {
        let folder = directory + "/data"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.sorted().map { folder + "/" + $0 }
    }

    /// FNV-1a (64 bits) over each file's name and bytes: cheap, stable, enough to notice a change.
    private static func digest(of files: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files {
            let bytes = Array(URL(fileURLWithPath: file).lastPathComponent.utf8) + [0]
                + ((FileManager.default.contents(atPath: file)).map { Array($0) } ?? [])
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}
