import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

// Shared by the project-health tests (Health*Tests.swift).

/// Runs one built-in rule on in-memory files.
func evaluateHealthRule(_ id: String, _ files: [String: String], parameters: [String: ParameterValue] = [:],
                        commits: [HistoryCommit] = [], tags: [SnapshotTag] = [], language: Language = .en) throws -> RuleOutcome {
    let rule = try #require(BuiltInRules.named(id), "no rule \(id)")
    let snapshot = RepositorySnapshot(files: files, commits: commits, tags: tags)
    return try rule.instance(parameters, data: ruleData).evaluate(snapshot, context: AuditContext(asOf: RuleExample.asOf, language: language))
}

/// `facts.<key>` of in-memory files, after running `rules` on the same snapshot first (the
/// engine's order: checks, then facts).
func healthFacts(_ key: String, _ files: [String: String], after rules: [(String, [String: ParameterValue])] = []) throws -> JSONValue {
    let snapshot = RepositorySnapshot(files: files)
    let context = AuditContext(asOf: RuleExample.asOf, language: .en)
    for (id, parameters) in rules {
        _ = try #require(BuiltInRules.named(id)).instance(parameters, data: ruleData).evaluate(snapshot, context: context)
    }
    let ruleSet = try RuleSet.load(directory: PackagePaths.rules.path, id: PackagePaths.fixtures.appendingPathComponent("rulesets/health.yml").path)
    let provider = try #require(ruleSet.factProviders.first { $0.key == key }, "no provider of facts.\(key)")
    return try provider.facts(snapshot, context: context)
}

/// A JSON value as text, to search it as a reader of the scorecard would.
func jsonText(_ value: JSONValue) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

extension JSONValue {
    subscript(_ key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var stringValues: [String]? {
        guard case .array(let items) = self else { return nil }
        return items.compactMap(\.stringValue)
    }
}

@Suite("Project-health data (rules/data/health.yml)")
struct HealthDataTests {
    /// A copy of rules/ whose health.yml has `original` replaced by `replacement`.
    func errors(replacing original: String, with replacement: String) throws -> [ConfigurationError] {
        let scratch = try TemporaryDirectory("vigie-health-data")
        try FileManager.default.removeItem(at: scratch.url)
        try FileManager.default.copyItem(at: PackagePaths.rules, to: scratch.url)
        let file = scratch.appending("data/health.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(original), "health.yml no longer holds '\(original)'")
        try text.replacingOccurrences(of: original, with: replacement).write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: ConfigurationErrors.self) { try RuleData.load(from: scratch.path) }
        return error.errors.filter { $0.file.hasSuffix("/data/health.yml") }
    }

    /// The 1-based line of the first occurrence of `text` in the shipped health.yml.
    func line(of text: String) throws -> Int {
        let lines = try String(contentsOf: PackagePaths.rules.appendingPathComponent("data/health.yml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    @Test("the shipped health.yml loads, with the health rules and facts registered")
    func shipped() throws {
        let ids = BuiltInRules.all.map { $0.description.id }
        for id in ["community.contributing", "community.code_of_conduct", "community.security", "community.changelog", "community.publiccode",
                   "community.issue_templates", "quality.ci", "quality.tests", "quality.dependency_updates", "security.secrets"] {
            #expect(ids.contains(id), "\(id) is not registered")
        }
        let ruleSet = try RuleSet.load(directory: PackagePaths.rules.path, id: PackagePaths.fixtures.appendingPathComponent("rulesets/health.yml").path)
        #expect(ruleSet.rules.count == 10)
        #expect(Set(ruleSet.factProviders.map(\.key)).isSuperset(of: ["community", "quality", "security"]))
    }

    @Test("an unknown key is reported at its line and column, with the closest known key")
    func unknownKey() throws {
        let found = try errors(replacing: "  contributing_names:", with: "  contributing_name:")
        #expect(found.count >= 1)
        let first = try #require(found.first { $0.message.en.contains("unknown key 'contributing_name'") })
        #expect(first.line == (try line(of: "  contributing_names:")))
        #expect(first.column == 3)
        #expect(first.message.en.contains("did you mean 'contributing_names'?"))
    }

    @Test("a secret pattern that does not compile is reported at its line")
    func invalidPattern() throws {
        let found = try errors(replacing: "pattern: '(?<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])'",
                               with: "pattern: '(?<secret>AIza[0-9A-Za-z_-]{35}'")
        let problem = try #require(found.first)
        #expect(problem.message.en.hasPrefix("invalid regular expression"))
        #expect(problem.line == (try line(of: "(?<secret>AIza")))
    }

    @Test("a token shape without its secret group is refused: the value could not be measured or masked")
    func patternWithoutSecretGroup() throws {
        let found = try errors(replacing: "pattern: '(?<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])'",
                               with: "pattern: 'AIza[0-9A-Za-z_-]{35}'")
        #expect(found.map(\.message.en) == ["the pattern of 'google_api_key' has no (?<secret>…) group"])
    }

    @Test("an unknown publiccode key type is reported with the known ones")
    func unknownType() throws {
        let found = try errors(replacing: "{key: legal.license, type: spdx", with: "{key: legal.license, type: licence")
        let problem = try #require(found.first)
        #expect(problem.message.en.hasPrefix("unknown type 'licence' (known: string, url, date, bool, mapping, list, strings"))
        #expect(problem.line == (try line(of: "{key: legal.license, type: spdx")))
    }

    @Test("a missing section is reported")
    func missingSection() throws {
        let found = try errors(replacing: "\nsecrets:\n", with: "\nsecret_scan:\n")
        #expect(found.contains { $0.message.en == "missing 'secrets' in health.yml" })
        #expect(found.contains { $0.message.en.contains("unknown key 'secret_scan'") })
    }
}
