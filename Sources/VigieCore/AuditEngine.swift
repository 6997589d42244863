/// A rule with the weight its rule set gives it.
public struct ConfiguredRule: Sendable {
    public let rule: any Rule
    public let weight: Int
    public init(rule: any Rule, weight: Int) {
        self.rule = rule
        self.weight = weight
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

    public func run(_ snapshot: RepositorySnapshot, context: AuditContext) -> Result {
        let language = context.language
        let checks = rules.map { configured -> CheckResult in
            let metadata = configured.rule.metadata
            let outcome: RuleOutcome
            do {
                outcome = try configured.rule.evaluate(snapshot, context: context)
            } catch {
                outcome = RuleOutcome(status: .error, message: Self.describe(error))
            }
            return CheckResult(
                id: metadata.id,
                category: metadata.category.id,
                status: outcome.status,
                weight: configured.weight,
                title: metadata.title[language],
                message: outcome.message[language],
                evidence: outcome.findings.map { Evidence(path: $0.path, line: $0.line, message: $0.message?[language]) },
                remediation: metadata.remediation[language]
            )
        }
        var categories: [CategoryScore] = []
        var seen: Set<String> = []
        for configured in rules where seen.insert(configured.rule.metadata.category.id).inserted {
            let category = configured.rule.metadata.category
            let inCategory = checks.filter { $0.category == category.id }
            let score = Scoring.score(inCategory.map { ($0.status, $0.weight) })
            categories.append(CategoryScore(id: category.id, title: category.title[language], score: score,
                                            grade: score.map(Grade.init(score:)), summary: StatusCounts(inCategory.map(\.status))))
        }
        var facts: [String: JSONValue] = [:]
        for provider in factProviders {
            do {
                facts[provider.key] = try provider.facts(snapshot, context: context)
            } catch {
                facts[provider.key] = .object(["error": .string(Self.describe(error)[language])])
            }
        }
        return Result(checks: checks, categories: categories, score: Scoring.score(checks.map { ($0.status, $0.weight) }), facts: facts)
    }

    static func describe(_ error: any Error) -> LocalizedText {
        if let failure = error as? any LocalizedFailure { return failure.localizedText }
        let text = String(describing: error)
        return LocalizedText(fr: "vérification impossible : \(text)", en: "could not check: \(text)")
    }
}
