public import VigieCore
import Foundation
import Yams

/// A rule set: which rules run, with which weights and parameters (rules/<id>.yml, docs/rulesets.md).
public struct RuleSet: Sendable {
    public let id: String
    public let version: String
    public let title: LocalizedText
    public let rules: [ConfiguredRule]
    public let factProviders: [any FactProvider]
    public let data: RuleData
    /// A fingerprint of the rule set files (with those it extends) and every data file: a scorecard
    /// made with another digest may differ, so a fleet run re-audits instead of reusing it.
    public let digest: String
    /// The examples of the declarative rules, by rule id (the tests run them).
    public let declarativeExamples: [String: [RuleExample]]

    public var info: RulesetInfo { RulesetInfo(id: id, version: version) }
    public var engine: AuditEngine { AuditEngine(rules: rules, factProviders: factProviders) }

    /// Loads `<directory>/<id>.yml` (and the rule sets it extends) and the data under
    /// `<directory>/data/`, reporting every problem at once with its `file:line:column`. Never falls
    /// back to defaults. `id` may also be the path of a rule set file kept elsewhere
    /// (`my-rules/cohort.yml`); its data still comes from `directory`.
    public static func load(directory: String, id reference: String) throws(ConfigurationErrors) -> RuleSet {
        let data = try RuleData.load(from: directory)
        var loader = RuleSetLoader(directory: directory, data: data)
        guard let result = loader.load(reference), loader.errors.isEmpty else {
            throw ConfigurationErrors(loader.errors)
        }
        return RuleSet(id: result.id, version: result.version, title: result.title, rules: result.rules,
                       factProviders: BuiltInRules.factProviders(data), data: data,
                       digest: digest(of: loader.filesRead + dataFiles(in: directory)), declarativeExamples: result.examples)
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
