import VigieCore
import Yams

/// The publiccode.yml keys vigie checks (DOMAIN §2.5), read from `publiccode:` in health.yml.
struct PubliccodeSchema: Sendable {
    enum ValueType: String, Sendable, CaseIterable {
        case string, url, date, bool, mapping, list, strings
        case stringOrStrings = "string_or_strings"
        case spdx
    }

    enum Requirement: Sendable, Equatable {
        case optional
        case always
        /// Only in the versions of the standard that still required it.
        case legacy
        /// When the key at `path` has one of `values`.
        case when(path: [String], values: [String])
    }

    struct Key: Sendable {
        /// Segments: names, `*` for any key, `[]` for each item of a list.
        let path: [String]
        let type: ValueType
        let requirement: Requirement
        let values: [String]?
        let minLength: Int?
        let maxLength: Int?
        var dotted: String { PubliccodeSchema.dotted(path) }
    }

    let fileNames: [String]
    let versions: [String]
    let legacyVersions: [String]
    let keys: [Key]
    /// Parent path (dotted, "" for the top level) → the keys the standard defines there.
    let knownKeys: [String: [String]]
    let maintainedTypes: [String]
    let activeStatuses: [String]

    init?(_ node: Node, reader: YAMLReader) {
        guard let fields = HealthFields(node, what: "publiccode", allowed: [
            "file_names", "versions", "legacy_versions", "keys", "known_keys", "maintained_types", "active_statuses",
        ], reader: reader) else { return nil }
        guard let fileNames = fields.strings("file_names"), let versions = fields.strings("versions"),
              let legacyVersions = fields.strings("legacy_versions"), let items = fields.items("keys"),
              let knownNode = fields.value("known_keys"), let known = reader.mapping(knownNode, what: "publiccode.known_keys"),
              let maintainedTypes = fields.strings("maintained_types"), let activeStatuses = fields.strings("active_statuses")
        else { return nil }
        var keys: [Key] = []
        for item in items {
            guard let key = HealthFields(item, what: "publiccode.keys", allowed: [
                "key", "type", "required", "values", "min_length", "max_length", "when_key", "when_values",
            ], reader: reader) else { continue }
            guard let name = key.string("key"), let typeName = key.string("type") else { continue }
            guard let type = ValueType(rawValue: typeName) else {
                reader.report(key.value("type"), LocalizedText(
                    fr: "type inconnu « \(typeName) » (connus : \(ValueType.allCases.map(\.rawValue).joined(separator: ", ")))",
                    en: "unknown type '\(typeName)' (known: \(ValueType.allCases.map(\.rawValue).joined(separator: ", ")))"))
                continue
            }
            var requirement = Requirement.optional
            switch key.string("required", required: false) {
            case nil: break
            case "always": requirement = .always
            case "legacy": requirement = .legacy
            case "when":
                guard let whenKey = key.string("when_key"), let whenValues = key.strings("when_values") else { continue }
                requirement = .when(path: Self.segments(whenKey), values: whenValues)
            case let other?:
                reader.report(key.value("required"), LocalizedText(fr: "« required » vaut always, legacy ou when, pas « \(other) »",
                                                                  en: "'required' is always, legacy or when, not '\(other)'"))
                continue
            }
            keys.append(Key(path: Self.segments(name), type: type, requirement: requirement, values: key.strings("values", required: false),
                            minLength: key.int("min_length"), maxLength: key.int("max_length")))
        }
        var knownKeys: [String: [String]] = [:]
        for entry in known {
            knownKeys[entry.key] = reader.strings(entry.value, what: "publiccode.known_keys.\(entry.key)") ?? []
        }
        self.fileNames = fileNames
        self.versions = versions
        self.legacyVersions = legacyVersions
        self.keys = keys
        self.knownKeys = knownKeys
        self.maintainedTypes = maintainedTypes
        self.activeStatuses = activeStatuses
    }

    /// `maintenance.contacts[].name` → `maintenance`, `contacts`, `[]`, `name`.
    static func segments(_ dotted: String) -> [String] {
        dotted.split(separator: ".").flatMap { part -> [String] in
            part.hasSuffix("[]") ? [String(part.dropLast(2)), "[]"] : [String(part)]
        }
    }

    static func dotted(_ segments: [String]) -> String {
        var text = ""
        for segment in segments {
            if segment == "[]" { text += "[]" } else { text += (text.isEmpty ? "" : ".") + segment }
        }
        return text
    }
}
