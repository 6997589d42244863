import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// Every example of every built-in rule, run as a test: the examples are the rule's specification.
struct LabelledExample: CustomTestStringConvertible, Sendable {
    let rule: any BuiltInRule.Type
    let example: RuleExample
    var testDescription: String { "\(rule.description.id) › \(example.name)" }
}

let ruleData: RuleData = {
    do { return try RuleData.load(from: PackagePaths.rules.path) } catch { fatalError("rules/data does not load: \(error)") }
}()

@Suite("Rule examples")
struct RuleExamplesTests {
    static let examples = BuiltInRules.all.flatMap { rule in rule.examples.map { LabelledExample(rule: rule, example: $0) } }

    @Test("each example gives its expected status", arguments: examples)
    func example(_ labelled: LabelledExample) throws {
        let example = labelled.example
        let files = try example.files.mapValues(PackagePaths.resolveFixtureReference)
        let rule = labelled.rule.instance(example.parameters, data: ruleData)
        let snapshot = example.snapshot(files: files)
        let outcome = AuditEngine.evaluate(rule, on: snapshot, context: AuditContext(asOf: RuleExample.asOf, language: .en))
        let location = SourceLocation(fileID: example.file, filePath: example.file, line: example.line, column: 1)
        #expect(outcome.status == example.expected, "\(labelled.testDescription): \(outcome.message.en)", sourceLocation: location)
        #expect(!outcome.message.fr.isEmpty && !outcome.message.en.isEmpty, sourceLocation: location)
    }
}

@Suite("Built-in rules: meta checks")
struct BuiltInRulesMetaTests {
    @Test("every rule has a passing and a failing example (a warning for rules whose worst verdict is a warning)")
    func examplesCoverBothWays() {
        for rule in BuiltInRules.all {
            let statuses = Set(rule.examples.map(\.expected))
            #expect(statuses.contains(.pass), "\(rule.description.id) has no passing example")
            #expect(statuses.contains(.fail) || statuses.contains(.warn), "\(rule.description.id) has no failing example")
        }
    }

    @Test("ids are unique, dotted, lowercase, and start with their category")
    func identifiers() {
        let ids = BuiltInRules.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted(), "BuiltInRules.all must stay sorted by id")
        for rule in BuiltInRules.all {
            let id = rule.description.id
            #expect(id.wholeMatch(of: /[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+/) != nil, "\(id)")
            #expect(id.hasPrefix(rule.description.category.id + "."), "\(id)")
        }
    }

    @Test("every text exists in French and English")
    func texts() {
        for rule in BuiltInRules.all {
            let meta = rule.description
            for text in [meta.title, meta.rationale, meta.remediation] + rule.parameters.map(\.summary) {
                #expect(!text.fr.isEmpty && !text.en.isEmpty, "\(meta.id)")
                #expect(text.fr != text.en || text.fr.count < 12, "\(meta.id): '\(text.fr)' looks untranslated")
            }
        }
    }

    @Test("every *Rule.swift file under BuiltIn/ is registered")
    func registry() throws {
        let folder = PackagePaths.root.appendingPathComponent("Sources/VigieRules/BuiltIn")
        let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix("Rule.swift") && !$0.hasSuffix("BuiltInRule.swift") }
            .map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        let registered = BuiltInRules.all.map { String(describing: $0) }
        #expect(Set(files) == Set(registered))
    }
}

@Suite("docs/rules.md")
struct RuleDocumentationTests {
    @Test("is the output of `vigie rules docs` (regenerate it after changing a rule)")
    func upToDate() throws {
        let generated = RuleDocumentation.markdown(ruleSet: try RuleSet.load(directory: PackagePaths.rules.path, id: "eig"))
        let committed = try String(contentsOf: PackagePaths.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(committed == generated, "run: swift run vigie rules docs > docs/rules.md")
    }
}
