import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

@Suite("Rule set loading and validation")
struct RuleSetLoaderTests {
    /// A copy of rules/ whose eig.yml is replaced by `ruleSet`.
    func rulesFolder(with ruleSet: String, file: String = "eig.yml") throws -> TemporaryDirectory {
        let scratch = try TemporaryDirectory("vigie-rules")
        try FileManager.default.removeItem(at: scratch.url)
        try FileManager.default.copyItem(at: PackagePaths.rules, to: scratch.url)
        try ruleSet.write(to: scratch.appending(file), atomically: true, encoding: .utf8)
        return scratch
    }

    func errors(_ ruleSet: String) throws -> [ConfigurationError] {
        let folder = try rulesFolder(with: ruleSet)
        let error = try #require(throws: ConfigurationErrors.self) { try RuleSet.load(directory: folder.path, id: "eig") }
        return error.errors
    }

    @Test("the shipped eig rule set loads with its weights")
    func shipped() throws {
        let ruleSet = try RuleSet.load(directory: PackagePaths.rules.path, id: "eig")
        #expect(ruleSet.id == "eig")
        #expect(Set(ruleSet.rules.map(\.rule.metadata.id)) == Set(BuiltInRules.all.map { $0.description.id }))
        #expect(ruleSet.rules.first { $0.rule.metadata.id == "licence.allowed" }?.weight == 3)
    }

    @Test("requirements a rule set adds keep what the rule says of its order (runs last, reads the history)")
    func addedRequirementsKeepOrder() throws {
        let folder = try rulesFolder(with: """
            id: eig
            rules:
              licence.present: {}
              repository.complete: {requires: [licence.present]}
              activity.recent: {requires: [licence.present]}
            """)
        let rules = try RuleSet.load(directory: folder.path, id: "eig").rules.map(\.rule.metadata)
        let complete = try #require(rules.first { $0.id == "repository.complete" })
        let recent = try #require(rules.first { $0.id == "activity.recent" })
        #expect(complete.requires.contains("licence.present") && complete.runsLast)
        #expect(recent.requires.contains("licence.present") && recent.readsHistory)
    }

    @Test("malformed YAML is reported at its line and column")
    func malformedYAML() throws {
        let found = try errors("id: eig\nrules:\n  licence.present: {weight: 3\n  readme.present: {}\n")
        #expect(found.count == 1)
        #expect(found[0].file.hasSuffix("/eig.yml"))
        #expect(found[0].line == 4)
        #expect(found[0].message.en.hasPrefix("invalid YAML"))
    }

    @Test("an unknown key is located and a typo gets a suggestion")
    func unknownKey() throws {
        let found = try errors("id: eig\nrules:\n  licence.present: {wieght: 3}\n")
        #expect(found.map(\.location).first?.hasSuffix("eig.yml:3:21") == true)
        #expect(found[0].message.en == "unknown key 'wieght' in rule licence.present (did you mean 'weight'?)")
    }

    @Test("an unknown rule and a wrong type are both reported, not just the first")
    func collectsAllErrors() throws {
        let found = try errors("id: eig\nrules:\n  licence.presnt: {weight: 3}\n  readme.substantial: {min_words: many}\n")
        #expect(found.count == 2)
        #expect(found[0].message.en.hasPrefix("unknown rule 'licence.presnt' (did you mean 'licence.present'?)"))
        #expect(found[0].line == 3)
        #expect(found[1].message.en == "min_words must be an integer")
        #expect(found[1].line == 4)
    }

    @Test("parameters and enabled: false are applied")
    func parameters() throws {
        let folder = try rulesFolder(with: "id: eig\nrules:\n  readme.substantial: {min_words: 3, weight: 7}\n  readme.present: {enabled: false}\n")
        let ruleSet = try RuleSet.load(directory: folder.path, id: "eig")
        #expect(ruleSet.rules.map(\.rule.metadata.id) == ["readme.substantial"])
        #expect(ruleSet.rules[0].weight == 7)
        let outcome = try ruleSet.rules[0].rule.evaluate(RepositorySnapshot(files: ["README.md": "# T\n\nTrois mots ici.\n"]),
                                                         context: AuditContext(asOf: Day(iso: "2026-01-01")!, language: .en))
        #expect(outcome.status == .pass)
    }

    @Test("broken rule data is reported with its file")
    func brokenData() throws {
        let folder = try rulesFolder(with: "allowed: [MIT\n", file: "data/french-licences.yml")
        let error = try #require(throws: ConfigurationErrors.self) { try RuleSet.load(directory: folder.path, id: "eig") }
        #expect(error.errors.first?.file.hasSuffix("data/french-licences.yml") == true)
        #expect(error.errors.first?.line ?? 0 > 0)
    }
}
