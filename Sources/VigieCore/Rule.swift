/// Everything a report says about a rule, independent of any repository.
public struct RuleMetadata: Sendable {
    /// Stable forever, dotted and lowercase: `licence.allowed`. The first segment is the category.
    public let id: String
    public let category: RuleCategory
    /// Weight used when the rule set does not set one.
    public let defaultWeight: Int
    public let title: LocalizedText
    /// Why the rule matters (Markdown).
    public let rationale: LocalizedText
    /// How to fix a failure, shown when the rule does not pass.
    public let remediation: LocalizedText
    /// Rules that must pass for this one to be checked; otherwise it is skipped with that reason.
    public let requires: [String]
    /// True for a rule about the audit itself (`repository.complete`): it runs after all the others,
    /// so that it sees everything they could not read.
    public let runsLast: Bool
    /// True for a rule that reads the commit history, or the facts (which hold the history's): it is
    /// evaluated after the rules that do not, so that the history walk, on its own thread, overlaps
    /// them instead of making them wait for it. Only the order of evaluation changes, never a result.
    public let readsHistory: Bool

    public init(id: String, category: RuleCategory, defaultWeight: Int, title: LocalizedText, rationale: LocalizedText,
                remediation: LocalizedText, requires: [String] = [], runsLast: Bool = false, readsHistory: Bool = false) {
        self.runsLast = runsLast
        self.readsHistory = readsHistory
        self.id = id
        self.category = category
        self.defaultWeight = defaultWeight
        self.title = title
        self.rationale = rationale
        self.remediation = remediation
        self.requires = requires
    }

    /// The same rule, with `extra` requirements added (a rule set's `requires`).
    public func requiring(_ extra: [String]) -> RuleMetadata {
        RuleMetadata(id: id, category: category, defaultWeight: defaultWeight, title: title, rationale: rationale,
                     remediation: remediation, requires: requires + extra, runsLast: runsLast, readsHistory: readsHistory)
    }
}

/// The result of a check. `error` means "could not check", never "the repository fails";
/// `exempt` means the repository recorded, with a reason, why the rule does not apply to it.
public enum CheckStatus: String, Sendable, Codable, CaseIterable {
    case pass, warn, fail, skip, error, exempt
}

/// A place in the repository a result points at.
public struct Finding: Sendable, Equatable {
    public let path: String
    public let line: Int?
    public let message: LocalizedText?

    public init(path: String, line: Int? = nil, message: LocalizedText? = nil) {
        self.path = path
        self.line = line
        self.message = message
    }
}

/// What a rule concludes about one repository.
public struct RuleOutcome: Sendable, Equatable {
    public let status: CheckStatus
    /// One sentence saying what was found (or, for `skip` and `error`, why there is no verdict).
    public let message: LocalizedText
    public let findings: [Finding]
    /// Facts a rule adds to the scorecard under `facts.<rule id>` (plugins do).
    public let facts: JSONValue?
    /// How many findings the rule found: more than `findings` holds when the rule kept only the
    /// first `OutputCaps.evidencePerCheck` (a README with 170,000 broken links need not build 170,000
    /// messages that the engine would drop).
    public let findingsTotal: Int

    public init(status: CheckStatus, message: LocalizedText, findings: [Finding] = [], facts: JSONValue? = nil, findingsTotal: Int? = nil) {
        self.status = status
        self.message = message
        self.findings = findings
        self.facts = facts
        self.findingsTotal = max(findingsTotal ?? 0, findings.count)
    }

    /// A failure listing the first `OutputCaps.evidencePerCheck` of `items`, and counting them all.
    public static func fail<Item>(_ message: LocalizedText, first items: some Collection<Item>, _ finding: (Item) -> Finding) -> RuleOutcome {
        .init(status: .fail, message: message, findings: items.prefix(OutputCaps.evidencePerCheck).map(finding), findingsTotal: items.count)
    }

    public static func pass(_ message: LocalizedText, _ findings: [Finding] = []) -> RuleOutcome { .init(status: .pass, message: message, findings: findings) }
    public static func warn(_ message: LocalizedText, _ findings: [Finding] = []) -> RuleOutcome { .init(status: .warn, message: message, findings: findings) }
    public static func fail(_ message: LocalizedText, _ findings: [Finding] = []) -> RuleOutcome { .init(status: .fail, message: message, findings: findings) }
    public static func skip(_ reason: LocalizedText) -> RuleOutcome { .init(status: .skip, message: reason) }
}

/// What a rule may read besides the snapshot: the day the audit is "as of" and the report language.
/// Rules never read the clock.
public struct AuditContext: Sendable {
    public let asOf: Day
    public let language: Language
    /// Leave people's names out of facts and reports.
    public let anonymize: Bool

    public init(asOf: Day, language: Language, anonymize: Bool = false) {
        self.asOf = asOf
        self.language = language
        self.anonymize = anonymize
    }
}

/// A check. Configured instances are built by the rule set loader; `evaluate` must not keep state.
public protocol Rule: Sendable {
    var metadata: RuleMetadata { get }
    func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome
}

/// Extra named values a rule contributes to the scorecard's `facts`, computed once per audit.
public protocol FactProvider: Sendable {
    /// The key under `facts`, e.g. "licence".
    var key: String { get }
    /// True when the facts come from the commit history: gathered after the rules that do not read it
    /// (`RuleMetadata.readsHistory`), so that the walk overlaps them.
    var readsHistory: Bool { get }
    func facts(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> JSONValue
}

extension FactProvider {
    public var readsHistory: Bool { false }
}
