import VigieCore
import Yams

/// One licence fingerprint: the phrases that must all appear, and those that rule it out.
public struct LicenceFingerprint: Sendable, Equatable {
    public let id: String
    public let name: String
    /// Normalised phrases (TextNormalizer), as bytes.
    public let all: [[UInt8]]
    public let none: [[UInt8]]
}

/// Which licences French administrations may use (CRPA art. D. 323-2-1, data.gouv.fr list).
public struct LicencePolicy: Sendable, Equatable {
    /// SPDX ids on the list, case-folded.
    public let allowed: Set<String>
    /// Older versions of listed licences: not named by the list, reported as a warning.
    public let olderVersions: Set<String>
    /// Licences allowed for data (open data).
    public let data: Set<String>
    /// Spellings seen in metadata mapped to their SPDX id (case-folded keys).
    public let aliases: [String: String]

    public func canonical(_ id: String) -> String { aliases[id.lowercased()] ?? id }
    public func isAllowed(_ id: String) -> Bool { allowed.contains(canonical(id).lowercased()) }
    public func isOlderVersion(_ id: String) -> Bool { olderVersions.contains(canonical(id).lowercased()) }
}

/// File-name conventions: which root files count as a licence or a README.
public struct FileConventions: Sendable, Equatable {
    /// Upper-case stems: `LICENSE` matches LICENSE, license.md, LICENSE-MIT, LICENCE.Apache-2.0.
    public let licenceStems: [String]
    public let readmeStems: [String]
    /// The folder REUSE keeps licence texts in.
    public let reuseFolder: String
}

/// The domain data rules read from `rules/data/`: lists, phrases and conventions, never Swift literals.
public struct RuleData: Sendable {
    public let fingerprints: [LicenceFingerprint]
    public let policy: LicencePolicy
    public let files: FileConventions

    public init(fingerprints: [LicenceFingerprint], policy: LicencePolicy, files: FileConventions) {
        self.fingerprints = fingerprints
        self.policy = policy
        self.files = files
    }

    /// Loads and validates `data/licences.yml`, `data/french-licences.yml` and `data/files.yml` under `rulesDirectory`.
    public static func load(from rulesDirectory: String) throws(ConfigurationErrors) -> RuleData {
        var errors: [ConfigurationError] = []
        let fingerprints = loadFingerprints(rulesDirectory + "/data/licences.yml", errors: &errors)
        let policy = loadPolicy(rulesDirectory + "/data/french-licences.yml", errors: &errors)
        let files = loadFiles(rulesDirectory + "/data/files.yml", errors: &errors)
        guard errors.isEmpty, let fingerprints, let policy, let files else { throw ConfigurationErrors(errors) }
        return RuleData(fingerprints: fingerprints, policy: policy, files: files)
    }

    private static func loadFingerprints(_ path: String, errors: inout [ConfigurationError]) -> [LicenceFingerprint]? {
        let reader = YAMLReader(file: path)
        defer { errors += reader.errors }
        guard let root = reader.load(), let pairs = reader.mapping(root, what: "the file") else { return nil }
        reader.checkKeys(pairs, allowed: ["schema_version", "licences"], in: "the file")
        guard let list = pairs.first(where: { $0.key == "licences" })?.value, case .sequence(let items) = list else {
            reader.report(root, LocalizedText(fr: "il manque la liste « licences »", en: "missing the 'licences' list"))
            return nil
        }
        var result: [LicenceFingerprint] = []
        for item in items {
            guard let fields = reader.mapping(item, what: "a licence") else { continue }
            reader.checkKeys(fields, allowed: ["id", "name", "all", "none"], in: "a licence")
            let field = { (key: String) in fields.first { $0.key == key }?.value }
            guard let id = field("id").flatMap({ reader.string($0, what: "id") }), !id.isEmpty else {
                reader.report(item, LocalizedText(fr: "licence sans « id »", en: "licence without an 'id'"))
                continue
            }
            let all = field("all").flatMap { reader.strings($0, what: "all") } ?? []
            if all.isEmpty {
                reader.report(item, LocalizedText(fr: "la licence \(id) n'a aucune phrase « all »", en: "licence \(id) has no 'all' phrase"))
            }
            let none = field("none").flatMap { reader.strings($0, what: "none") } ?? []
            result.append(LicenceFingerprint(
                id: id,
                name: field("name").flatMap { reader.string($0, what: "name") } ?? id,
                all: all.map(TextNormalizer.normalizedBytes), none: none.map(TextNormalizer.normalizedBytes)
            ))
        }
        return result
    }

    private static func loadPolicy(_ path: String, errors: inout [ConfigurationError]) -> LicencePolicy? {
        let reader = YAMLReader(file: path)
        defer { errors += reader.errors }
        guard let root = reader.load(), let pairs = reader.mapping(root, what: "the file") else { return nil }
        reader.checkKeys(pairs, allowed: ["schema_version", "source", "allowed", "older_versions", "data", "aliases"], in: "the file")
        let list = { (key: String) -> Set<String> in
            Set((pairs.first { $0.key == key }.flatMap { reader.strings($0.value, what: key) } ?? []).map { $0.lowercased() })
        }
        var aliases: [String: String] = [:]
        if let node = pairs.first(where: { $0.key == "aliases" })?.value, let entries = reader.mapping(node, what: "aliases") {
            for entry in entries {
                if let target = reader.string(entry.value, what: "aliases.\(entry.key)") { aliases[entry.key.lowercased()] = target }
            }
        }
        let allowed = list("allowed")
        if allowed.isEmpty { reader.report(root, LocalizedText(fr: "la liste « allowed » est vide", en: "the 'allowed' list is empty")) }
        return LicencePolicy(allowed: allowed, olderVersions: list("older_versions"), data: list("data"), aliases: aliases)
    }

    private static func loadFiles(_ path: String, errors: inout [ConfigurationError]) -> FileConventions? {
        let reader = YAMLReader(file: path)
        defer { errors += reader.errors }
        guard let root = reader.load(), let pairs = reader.mapping(root, what: "the file") else { return nil }
        reader.checkKeys(pairs, allowed: ["schema_version", "licence_names", "readme_names", "reuse_folder"], in: "the file")
        let strings = { (key: String) -> [String] in
            (pairs.first { $0.key == key }.flatMap { reader.strings($0.value, what: key) } ?? []).map { $0.uppercased() }
        }
        let reuse = pairs.first { $0.key == "reuse_folder" }.flatMap { reader.string($0.value, what: "reuse_folder") } ?? "LICENSES"
        return FileConventions(licenceStems: strings("licence_names"), readmeStems: strings("readme_names"), reuseFolder: reuse)
    }
}
