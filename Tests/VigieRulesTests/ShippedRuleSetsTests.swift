import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// Every rule set shipped in rules/ loads, and the examples of its declarative rules pass.
@Suite("Shipped rule sets")
struct ShippedRuleSetsTests {
    static let references: [String] = {
        let top = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.rules.path)) ?? []
        let examples = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.rules.appendingPathComponent("examples").path)) ?? []
        return top.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
            + examples.filter { $0.hasSuffix(".yml") }.map { "examples/" + $0.dropLast(4) }.sorted()
    }()

    @Test("loads without a problem", arguments: references)
    func loads(_ reference: String) throws {
        let ruleSet = try RuleSet.load(directory: PackagePaths.rules.path, id: reference)
        #expect(!ruleSet.rules.isEmpty)
    }

    @Test("each declarative rule has a passing and a failing example, and they hold", arguments: references)
    func declarativeExamples(_ reference: String) throws {
        let ruleSet = try RuleSet.load(directory: PackagePaths.rules.path, id: reference)
        for configured in ruleSet.rules where configured.source == .declarative {
            let id = configured.rule.metadata.id
            let examples = ruleSet.declarativeExamples[id] ?? []
            #expect(examples.contains { $0.expected == .pass }, "\(reference): \(id) has no passing example")
            #expect(examples.contains { $0.expected == .fail || $0.expected == .warn }, "\(reference): \(id) has no failing example")
            for example in examples {
                let files = try example.files.mapValues(PackagePaths.resolveFixtureReference)
                let outcome = try configured.rule.evaluate(RepositorySnapshot(files: files), context: AuditContext(asOf: RuleExample.asOf, language: .en))
                #expect(outcome.status == example.expected, "\(reference): \(id) › \(example.name): \(outcome.message.en)")
            }
        }
    }

    @Test("every text of every rule exists in French and English", arguments: references)
    func texts(_ reference: String) throws {
        let ruleSet = try RuleSet.load(directory: PackagePaths.rules.path, id: reference)
        for configured in ruleSet.rules {
            let meta = configured.rule.metadata
            for text in [meta.title, meta.rationale, meta.remediation] {
                #expect(!text.fr.isEmpty && !text.en.isEmpty, "\(reference): \(meta.id)")
            }
        }
    }
}

@Suite("Declarative kinds")
struct DeclarativeKindTests {
    let context = AuditContext(asOf: RuleExample.asOf, language: .en)

    func outcome(_ check: DeclarativeCheck, _ files: [String: String]) throws -> RuleOutcome {
        let data = try RuleData.load(from: PackagePaths.rules.path)
        let metadata = RuleMetadata(id: "x.y", category: RuleCategory.builtIn[0], defaultWeight: 1, title: .same("t"), rationale: .same("r"), remediation: .same("f"))
        return try DeclarativeRule(metadata: metadata, check: check, examples: [], data: data)
            .evaluate(RepositorySnapshot(files: files), context: context)
    }

    @Test("globs: ** crosses folders, * does not, case is ignored")
    func globs() throws {
        #expect(try Glob("**/*.md").matches("docs/a/b.md"))
        #expect(try Glob("**/*.md").matches("b.md"))
        #expect(try !Glob("*.md").matches("docs/b.md"))
        #expect(try Glob("LICENSE*").matches("license.txt"))
        #expect(try !Glob("a?c").matches("a/c"))
        #expect(try Glob("docs/(x).md").matches("docs/(x).md"))
    }

    @Test("content_absent reports each matching line; content_matches passes on the first")
    func content() throws {
        let files = ["src/a.py": "ok\npassword = 'x'\nok\n", "src/b.py": "fine\n"]
        let absent = try outcome(.contentAbsent(paths: [Glob("**/*.py")], pattern: LinePattern("password\\s*="), maxBytes: 1 << 20), files)
        #expect(absent.status == .fail)
        #expect(absent.findings == [Finding(path: "src/a.py", line: 2)])
        let present = try outcome(.contentMatches(paths: [Glob("**/*.py")], pattern: LinePattern("^fine$"), maxBytes: 1 << 20), files)
        #expect(present.status == .pass)
        #expect(present.findings.first?.line == 1)
    }

    @Test("key_exists and key_equals read JSON and YAML; invalid JSON is an error naming the file")
    func keys() throws {
        let files = ["package.json": #"{"name": "x", "license": "MIT", "scripts": {"test": "jest"}}"#, "bad.json": "{nope"]
        #expect(try outcome(.key(file: "package.json", key: ["scripts", "test"], value: nil), files).status == .pass)
        #expect(try outcome(.key(file: "package.json", key: ["license"], value: "EUPL-1.2"), files).status == .fail)
        #expect(try outcome(.key(file: "package.json", key: ["license"], value: "MIT"), files).status == .pass)
        #expect(try outcome(.key(file: "missing.yml", key: ["a"], value: nil), files).status == .fail)
        #expect(throws: (any Error).self) { try outcome(.key(file: "bad.json", key: ["a"], value: nil), files) }
    }

    @Test("file_count and file_size use the tree only")
    func countsAndSizes() throws {
        let files = ["tests/test_a.py": "x", "tests/test_b.py": "y", "data/big.csv": String(repeating: "a", count: 2000)]
        #expect(try outcome(.fileCount(glob: Glob("tests/**"), min: 2, max: nil), files).status == .pass)
        #expect(try outcome(.fileCount(glob: Glob("tests/**"), min: 3, max: nil), files).status == .fail)
        let size = try outcome(.fileSize(glob: Glob("**/*.csv"), maxBytes: 1000), files)
        #expect(size.status == .fail && size.findings.map(\.path) == ["data/big.csv"])
    }

    @Test("readme_section finds headings in French and English, accents and case aside")
    func sections() throws {
        let readme = ["README.md": "# Outil\n\n## Démarrage rapide\n\nLancez-le.\n"]
        let found = try outcome(.readmeSection(["demarrage", "getting started"]), readme)
        #expect(found.status == .pass && found.findings.first?.line == 3)
        #expect(try outcome(.readmeSection(["contributing"]), readme).status == .fail)
    }
}
