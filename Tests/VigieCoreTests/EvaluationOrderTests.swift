import Foundation
import Testing
import VigieCore

/// What ran, in order: rules and fact providers append their names.
private final class RunLog: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    func append(_ name: String) { lock.withLock { names.append(name) } }
    var entries: [String] { lock.withLock { names } }
}

private struct LoggingRule: Rule {
    let metadata: RuleMetadata
    let log: RunLog
    let status: CheckStatus

    init(_ id: String, category: String, readsHistory: Bool = false, requires: [String] = [], runsLast: Bool = false,
         status: CheckStatus = .pass, log: RunLog) {
        metadata = RuleMetadata(id: id, category: RuleCategory.named(category)!, defaultWeight: 1, title: .same(id), rationale: .same("r"),
                                remediation: .same("f"), requires: requires, runsLast: runsLast, readsHistory: readsHistory)
        self.log = log
        self.status = status
    }

    func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        log.append(metadata.id)
        return RuleOutcome(status: status, message: .same(metadata.id))
    }
}

private struct LoggingFacts: FactProvider {
    let key: String
    let readsHistory: Bool
    let log: RunLog
    func facts(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> JSONValue {
        log.append("facts:" + key)
        return .string(key)
    }
}

/// Rules that do not read the history run first, while the walk runs on its own thread; the history's
/// facts and the rules that read them come after. Only the order of evaluation moves: checks are
/// reported in the rule set's order, requirements are met, rules about the audit itself run last.
@Suite("AuditEngine: what reads the history is evaluated last")
struct EvaluationOrderTests {
    let context = AuditContext(asOf: Day(iso: "2026-11-29")!, language: .en)

    @Test("history facts and rules after the others; a rule requiring a history rule waits for it; checks keep their order")
    func historyLast() {
        let log = RunLog()
        let rules = [
            LoggingRule("activity.recent", category: "activity", readsHistory: true, log: log),
            LoggingRule("community.publiccode", category: "community", readsHistory: true, log: log),
            LoggingRule("licence.present", category: "licence", log: log),
            // Requires a history rule: evaluated after it, and sees its status.
            LoggingRule("readme.status", category: "readme", requires: ["activity.recent"], log: log),
            LoggingRule("repository.complete", category: "repository", runsLast: true, log: log),
            LoggingRule("readme.present", category: "readme", log: log),
        ].map { ConfiguredRule(rule: $0, weight: 1) }
        let providers: [any FactProvider] = [
            LoggingFacts(key: "activity", readsHistory: true, log: log),
            LoggingFacts(key: "licence", readsHistory: false, log: log),
        ]
        let result = AuditEngine(rules: rules, factProviders: providers).run(RepositorySnapshot(files: [:]), context: context)
        #expect(log.entries == ["facts:licence", "licence.present", "readme.present", "facts:activity", "activity.recent",
                                "community.publiccode", "readme.status", "repository.complete"])
        // The same rules, none reading the history: the checks come out in the same order.
        let plain = rules.map { configured in
            let meta = configured.rule.metadata
            return ConfiguredRule(rule: LoggingRule(meta.id, category: meta.category.id, requires: meta.requires, runsLast: meta.runsLast, log: RunLog()),
                                  weight: 1)
        }
        let plainResult = AuditEngine(rules: plain, factProviders: []).run(RepositorySnapshot(files: [:]), context: context)
        #expect(result.checks.map(\.id) == plainResult.checks.map(\.id))
        #expect(result.checks.first { $0.id == "readme.status" }?.status == .pass)
        #expect(result.facts["activity"] == .string("activity") && result.facts["licence"] == .string("licence"))
    }

    @Test("history facts are gathered even when no rule of the phase after reads the history")
    func historyFactsWithoutHistoryRules() {
        let log = RunLog()
        let rules = [ConfiguredRule(rule: LoggingRule("activity.custom", category: "activity", log: log), weight: 1)]
        let providers: [any FactProvider] = [LoggingFacts(key: "activity", readsHistory: true, log: log)]
        let result = AuditEngine(rules: rules, factProviders: providers).run(RepositorySnapshot(files: [:]), context: context)
        #expect(log.entries == ["activity.custom", "facts:activity"])
        #expect(result.facts["activity"] == .string("activity"))
    }

    @Test("a rule requiring a failing history rule is skipped, as before")
    func requirementFails() {
        let log = RunLog()
        let rules = [
            LoggingRule("readme.status", category: "readme", requires: ["activity.recent"], log: log),
            LoggingRule("activity.recent", category: "activity", readsHistory: true, status: .fail, log: log),
        ].map { ConfiguredRule(rule: $0, weight: 1) }
        let result = AuditEngine(rules: rules, factProviders: []).run(RepositorySnapshot(files: [:]), context: context)
        #expect(log.entries == ["activity.recent"])
        #expect(result.checks.first { $0.id == "readme.status" }?.status == .skip)
    }
}
