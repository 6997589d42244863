import Testing
import VigieCore

private struct FixedRule: Rule {
    let metadata: RuleMetadata
    let outcome: Result<RuleOutcome, TestFailure>

    init(_ id: String, category: String = "licence", _ outcome: Result<RuleOutcome, TestFailure>) {
        metadata = RuleMetadata(id: id, category: RuleCategory.named(category)!, defaultWeight: 1,
                                title: .same(id), rationale: .same("r"), remediation: LocalizedText(fr: "corriger", en: "fix"))
        self.outcome = outcome
    }

    func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome { try outcome.get() }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String { "boom" }
}

private struct ReadsFile: Rule {
    let metadata = RuleMetadata(id: "readme.big", category: RuleCategory.named("readme")!, defaultWeight: 1,
                                title: .same("t"), rationale: .same("r"), remediation: .same("f"))
    func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        _ = try snapshot.text(of: snapshot.entry(at: "README.md")!)
        return .pass(.same("read"))
    }
}

@Suite("AuditEngine: runs every rule, scores, never stops on one failure")
struct AuditEngineTests {
    let context = AuditContext(asOf: Day(iso: "2026-11-29")!, language: .en)

    @Test("a rule that throws becomes one error entry and the others still run")
    func throwingRule() {
        let engine = AuditEngine(rules: [
            ConfiguredRule(rule: FixedRule("licence.a", .failure(TestFailure())), weight: 5),
            ConfiguredRule(rule: FixedRule("licence.b", .success(.pass(.same("ok")))), weight: 1),
        ], factProviders: [])
        let result = engine.run(RepositorySnapshot(files: [:]), context: context)
        #expect(result.checks.map(\.status) == [.error, .pass])
        #expect(result.checks[0].message == "could not check: boom")
        #expect(result.score == 100) // the error leaves both sides
    }

    @Test("a file over the read cap is an error naming the file and the cap")
    func readCap() {
        let files = ["README.md": Array(repeating: UInt8(ascii: "a"), count: 2048)]
        let snapshot = RepositorySnapshot(name: "x", entries: [SnapshotEntry(path: "README.md")],
                                          reader: InMemoryReader(files: files), readCap: 1024)
        let result = AuditEngine(rules: [ConfiguredRule(rule: ReadsFile(), weight: 1)], factProviders: []).run(snapshot, context: context)
        #expect(result.checks[0].status == .error)
        #expect(result.checks[0].message == "README.md is 2048 bytes, over the 1024-byte read cap: the file was not read")
    }

    @Test("checks and categories come in category order, then by id; category scores are their own")
    func ordering() {
        let engine = AuditEngine(rules: [
            ConfiguredRule(rule: FixedRule("readme.z", category: "readme", .success(.fail(.same("no")))), weight: 1),
            ConfiguredRule(rule: FixedRule("licence.b", .success(.pass(.same("ok")))), weight: 1),
            ConfiguredRule(rule: FixedRule("licence.a", .success(.warn(.same("hm")))), weight: 1),
        ], factProviders: [])
        let result = engine.run(RepositorySnapshot(files: [:]), context: context)
        #expect(result.checks.map(\.id) == ["licence.a", "licence.b", "readme.z"])
        #expect(result.categories.map(\.id) == ["licence", "readme"])
        #expect(result.categories.map(\.score) == [75, 0])
        #expect(result.categories.map(\.grade) == [.B, .E])
        #expect(result.score == 50)
    }

    @Test("texts come out in the audit's language")
    func language() {
        let engine = AuditEngine(rules: [ConfiguredRule(rule: FixedRule("licence.a", .success(.fail(LocalizedText(fr: "non", en: "no")))), weight: 1)],
                                 factProviders: [])
        let french = engine.run(RepositorySnapshot(files: [:]), context: AuditContext(asOf: context.asOf, language: .fr))
        #expect(french.checks[0].message == "non")
        #expect(french.checks[0].remediation == "corriger")
        #expect(french.categories[0].title == "Licence")
    }
}
