/// A rule with the weight its rule set gives it.
public struct ConfiguredRule: Sendable {
    public enum Source: String, Sendable { case builtin, declarative, plugin }

    public let rule: any Rule
    public let weight: Int
    public let source: Source
    /// False when the rule set forbids exempting this rule.
    public let exemptible: Bool

    public init(rule: any Rule, weight: Int, source: Source = .builtin, exemptible: Bool = true) {
        self.rule = rule
        self.weight = weight
        self.source = source
        self.exemptible = exemptible
    }
}

/// A team's or a fleet lead's statement that a rule does not apply to a repository, and why.
public struct Exemption: Sendable, Equatable {
    public let rule: String
    public let reason: String?
    public let until: Day?
    /// `.vigie.yml` (the repository) or the manifest's path (the fleet lead).
    public let grantedBy: String
    public let line: Int?

    public init(rule: String, reason: String?, until: Day?, grantedBy: String, line: Int?) {
        self.rule = rule
        self.reason = reason
        self.until = until
        self.grantedBy = grantedBy
        self.line = line
    }
}

/// An error that knows how to say itself in both languages.
public protocol LocalizedFailure: Error {
    var localizedText: LocalizedText { get }
}

extension ContentTooLarge: LocalizedFailure {
    public var localizedText: LocalizedText {
        LocalizedText(
            fr: "\(path) fait \(size) octets, au-delà de la limite de lecture de \(cap) octets : le fichier n'a pas été lu",
            en: "\(path) is \(size) bytes, over the \(cap)-byte read cap: the file was not read"
        )
    }
}

/// Runs the rules on a snapshot and scores the results. A rule that throws becomes one `error`
/// check; the others still run.
public struct AuditEngine: Sendable {
    public let rules: [ConfiguredRule]
    public let factProviders: [any FactProvider]

    public init(rules: [ConfiguredRule], factProviders: [any FactProvider]) {
        self.rules = rules.sorted { ($0.rule.metadata.category.order, $0.rule.metadata.id) < ($1.rule.metadata.category.order, $1.rule.metadata.id) }
        self.factProviders = factProviders
    }

    public struct Result: Sendable {
        public let checks: [CheckResult]
        public let categories: [CategoryScore]
        public let score: Int?
        public let facts: [String: JSONValue]
    }

    public func run(_ snapshot: RepositorySnapshot, context: AuditContext, exemptions: [Exemption] = [],
                    problems: [Finding] = []) -> Result {
        let language = context.language
        var providerFacts: [String: JSONValue] = [:]
        // A family's facts are gathered only when one of its rules runs: `--select licence` or a
        // rule set without activity rules does not walk the history.
        let runningCategories = Set(rules.map(\.rule.metadata.category.id))
        let gather = { (providers: [any FactProvider]) in
            for provider in providers where runningCategories.contains(provider.key) {
                do {
                    providerFacts[provider.key] = try provider.facts(snapshot, context: context)
                } catch {
                    providerFacts[provider.key] = .object(["error": .string(Self.describe(error)[language])])
                }
            }
            snapshot.factsSoFar = providerFacts
        }
        var statuses: [String: CheckStatus] = [:]
        var ruleFacts: [String: JSONValue] = [:]
        var checksByID: [String: CheckResult] = [:]
        let validity = ExemptionValidity(exemptions: exemptions, rules: rules, asOf: context.asOf)
        // What does not read the history first, while the walk runs on its own thread; then the
        // history's facts and the rules that read them. Results do not depend on this order.
        let (beforeHistory, afterHistory) = Self.evaluationPhases(rules)
        var historyGathered = false
        let gatherHistory = {
            if !historyGathered { gather(factProviders.filter(\.readsHistory)) }
            historyGathered = true
        }
        gather(factProviders.filter { !$0.readsHistory })
        for (index, configured) in (beforeHistory + afterHistory).enumerated() {
            if index == beforeHistory.count { gatherHistory() }
            let metadata = configured.rule.metadata
            var outcome: RuleOutcome
            if let unmet = metadata.requires.first(where: { statuses[$0] != .pass }) {
                outcome = .skip(LocalizedText(fr: "Nécessite \(unmet), qui n'a pas réussi.", en: "Requires \(unmet), which did not pass."))
            } else {
                outcome = Self.evaluate(configured.rule, on: snapshot, context: context)
            }
            statuses[metadata.id] = outcome.status
            if let facts = outcome.facts { ruleFacts[metadata.id] = facts }
            var check = CheckResult(
                id: metadata.id,
                category: metadata.category.id,
                status: outcome.status,
                weight: configured.weight,
                title: metadata.title[language],
                message: outcome.message[language],
                // Only the kept items are turned into evidence: 200,000 findings cost 100 strings.
                evidence: outcome.findings.prefix(OutputCaps.evidencePerCheck).map {
                    Evidence(path: $0.path, line: $0.line, message: $0.message?[language])
                },
                remediation: metadata.remediation[language],
                source: configured.source.rawValue
            )
            if outcome.findingsTotal > OutputCaps.evidencePerCheck { check.evidenceTotal = outcome.findingsTotal }
            if let exemption = validity.applicable[metadata.id] {
                check.outcome = check.status
                check.status = .exempt
                check.exemption = AppliedExemption(reason: exemption.reason ?? "", until: exemption.until, grantedBy: exemption.grantedBy)
            }
            checksByID[metadata.id] = check
        }
        gatherHistory()
        var checks = rules.compactMap { checksByID[$0.rule.metadata.id] }
        if !exemptions.isEmpty || !problems.isEmpty {
            checks.append(validity.check(problems: problems, language: language))
        }
        var categories: [CategoryScore] = []
        var seen: Set<String> = []
        let allCategories = rules.map(\.rule.metadata.category) + (checks.count > rules.count ? [ExemptionValidity.category] : [])
        for category in allCategories where seen.insert(category.id).inserted {
            let inCategory = checks.filter { $0.category == category.id }
            let score = Scoring.score(inCategory.map { ($0.status, $0.weight) })
            categories.append(CategoryScore(id: category.id, title: category.title[language], score: score,
                                            grade: score.map(Grade.init(score:)), summary: StatusCounts(inCategory.map(\.status))))
        }
        var facts = providerFacts
        facts.merge(ruleFacts) { provided, _ in provided }
        facts["repository"] = snapshot.integrityFacts()
        facts["reading"] = snapshot.reading.facts(scanBudget: snapshot.scanBudget)
        facts = facts.mapValues { OutputCaps.cappingLists($0) }
        return Result(checks: checks, categories: categories, score: Scoring.score(checks.map { ($0.status, $0.weight) }), facts: facts)
    }

    /// Runs one rule: a rule that throws becomes an `error` saying why; a rule that needed files it
    /// could not read becomes an `error` naming them (`couldNotRead`).
    public static func evaluate(_ rule: any Rule, on snapshot: RepositorySnapshot, context: AuditContext) -> RuleOutcome {
        // The result is caught inside the scope, so that a rule stopped by an unreadable file it did
        // not catch reports the same way, with the same findings, as one that went on without it.
        let (result, needs) = snapshot.recordingNeeds { Swift.Result { try rule.evaluate(snapshot, context: context) } }
        if !needs.isEmpty { return couldNotRead(needs, partial: try? result.get()) }
        switch result {
        case .success(let outcome): return outcome
        case .failure(let error): return RuleOutcome(status: .error, message: describe(error))
        }
    }

    /// A rule that needed files it could not read gives no verdict: a pass or a failure on part of
    /// its evidence could be wrong. It becomes an `error` naming each file, its reason and the fix.
    /// What it did find in the files it could read still matters (a private key is one, whatever the
    /// files it could not read hold): its findings follow, and its message says what it saw.
    static func couldNotRead(_ needs: [UnreadableEntry], partial: RuleOutcome?) -> RuleOutcome {
        let shown = needs.prefix(5).map { "\($0.path) (\($0.reason.localizedText.fr))" }.joined(separator: ", ")
        let shownEN = needs.prefix(5).map { "\($0.path) (\($0.reason.localizedText.en))" }.joined(separator: ", ")
        let more = needs.count > 5 ? LocalizedText(fr: " et \(needs.count - 5) autres", en: " and \(needs.count - 5) more") : LocalizedText.same("")
        let fixes = needs.map(\.reason).fixSentences
        var message = LocalizedText(
            fr: "Vérification impossible : fichier\(needs.count > 1 ? "s" : "") illisible\(needs.count > 1 ? "s" : "") : \(shown)\(more.fr). \(fixes.fr)",
            en: "Could not check: unreadable file\(needs.count > 1 ? "s" : ""): \(shownEN)\(more.en). \(fixes.en)")
        var findings = needs.map { Finding(path: $0.path, message: $0.reason.localizedText) }
        var total = findings.count
        if let partial, !partial.findings.isEmpty, partial.status == .fail || partial.status == .warn {
            total += partial.findingsTotal
            message = LocalizedText(fr: message.fr + " Dans les fichiers lisibles : " + partial.message.fr,
                                    en: message.en + " In the files it could read: " + partial.message.en)
            findings += partial.findings
        }
        return RuleOutcome(status: .error, message: message, findings: findings, facts: partial?.facts, findingsTotal: total)
    }

    /// The rules evaluated before the history's facts are gathered (those that do not read the
    /// history nor require a rule that does), then the others. In each phase a rule comes after those
    /// it requires (ties keep the display order); rules about the audit itself come at the very end.
    /// Unknown requirements and cycles are rejected when the rule set loads.
    static func evaluationPhases(_ rules: [ConfiguredRule]) -> (beforeHistory: [ConfiguredRule], afterHistory: [ConfiguredRule]) {
        let (ordinary, last) = (rules.filter { !$0.rule.metadata.runsLast }, rules.filter(\.rule.metadata.runsLast))
        var late = Set(ordinary.filter(\.rule.metadata.readsHistory).map(\.rule.metadata.id))
        // A rule that requires a late rule is late too (to a fixed point: requirements chain).
        var changed = true
        while changed {
            changed = false
            for rule in ordinary where !late.contains(rule.rule.metadata.id) && rule.rule.metadata.requires.contains(where: late.contains) {
                late.insert(rule.rule.metadata.id)
                changed = true
            }
        }
        return (dependencyOrdered(ordinary.filter { !late.contains($0.rule.metadata.id) }),
                dependencyOrdered(ordinary.filter { late.contains($0.rule.metadata.id) }) + dependencyOrdered(last))
    }

    private static func dependencyOrdered(_ rules: [ConfiguredRule]) -> [ConfiguredRule] {
        var placed: Set<String> = []
        var ordered: [ConfiguredRule] = []
        var remaining = rules
        while !remaining.isEmpty {
            let known = Set(remaining.map(\.rule.metadata.id))
            let ready = remaining.filter { $0.rule.metadata.requires.allSatisfy { placed.contains($0) || !known.contains($0) } }
            let next = ready.isEmpty ? remaining : ready // a cycle cannot reach here; never loop forever
            for rule in next { placed.insert(rule.rule.metadata.id) }
            ordered += next
            remaining.removeAll { placed.contains($0.rule.metadata.id) }
        }
        return ordered
    }

    static func describe(_ error: any Error) -> LocalizedText {
        if let failure = error as? any LocalizedFailure { return failure.localizedText }
        let text = String(describing: error)
        return LocalizedText(fr: "vérification impossible : \(text)", en: "could not check: \(text)")
    }
}
