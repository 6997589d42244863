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

    /// Loads the rule set `id` (`<id>.yml` from the first layer of `sources` holding it, and the rule
    /// sets it extends) and the data (`data/*.yml`, each file from the first layer holding it),
    /// reporting every problem at once with its `file:line:column`. Never falls back to defaults.
    /// `id` may also be the path of a rule set file kept elsewhere (`my-rules/cohort.yml`); its data
    /// still comes from `sources`.
    public static func load(sources: RuleSources, id reference: String) throws(ConfigurationErrors) -> RuleSet {
        let data = try RuleData.load(from: sources)
        var loader = RuleSetLoader(sources: sources, data: data)
        guard let result = loader.load(reference), loader.errors.isEmpty else {
            throw ConfigurationErrors(loader.errors)
        }
        return RuleSet(id: result.id, version: result.version, title: result.title, rules: result.rules,
                       factProviders: BuiltInRules.factProviders(data), data: data,
                       digest: digest(of: loader.filesRead + sources.dataFiles()), declarativeExamples: result.examples)
    }

    /// Loads `<directory>/<id>.yml` and `<directory>/data/`, the folder alone (no built-in layer).
    public static func load(directory: String, id reference: String) throws(ConfigurationErrors) -> RuleSet {
        try load(sources: .folder(directory), id: reference)
    }

    /// FNV-1a (64 bits) over each file's name and bytes: cheap, stable, enough to notice a change.
    /// A built-in file counts with its bytes, so the digest does not depend on where a file is read from.
    private static func digest(of files: [RuleSourceFile]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files {
            let input = file.digestInput
            let bytes = Array(input.name.utf8) + [0] + input.bytes
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}
