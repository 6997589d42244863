/// The scorecard: a versioned contract (docs/schema/scorecard.schema.json). Later versions add
/// fields; they never rename or remove one. Keys are snake_case and encoded sorted.
public struct Scorecard: Sendable, Equatable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int = Scorecard.currentSchemaVersion
    public var tool: ToolInfo
    public var repository: RepositoryInfo
    public var asOf: Day
    public var ruleset: RulesetInfo
    public var lang: Language
    /// 0–100, or nil when no check could give a verdict.
    public var score: Int?
    public var grade: Grade?
    public var summary: StatusCounts
    public var categories: [CategoryScore]
    public var checks: [CheckResult]
    public var facts: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", tool, repository, asOf = "as_of", ruleset, lang, score, grade, summary, categories, checks, facts
    }

    public init(tool: ToolInfo, repository: RepositoryInfo, asOf: Day, ruleset: RulesetInfo, lang: Language,
                score: Int?, grade: Grade?, summary: StatusCounts, categories: [CategoryScore], checks: [CheckResult], facts: [String: JSONValue]) {
        self.tool = tool
        self.repository = repository
        self.asOf = asOf
        self.ruleset = ruleset
        self.lang = lang
        self.score = score
        self.grade = grade
        self.summary = summary
        self.categories = categories
        self.checks = checks
        self.facts = facts
    }

    /// Explicit nulls for optional values, so every key is always present (the schema requires them).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(tool, forKey: .tool)
        try container.encode(repository, forKey: .repository)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(ruleset, forKey: .ruleset)
        try container.encode(lang, forKey: .lang)
        try container.encode(score, forKey: .score)
        try container.encode(grade, forKey: .grade)
        try container.encode(summary, forKey: .summary)
        try container.encode(categories, forKey: .categories)
        try container.encode(checks, forKey: .checks)
        try container.encode(facts, forKey: .facts)
    }
}

public struct ToolInfo: Sendable, Equatable, Codable {
    public var name: String
    public var version: String
    public var libgit2: String
    public init(name: String = "vigie", version: String, libgit2: String) {
        self.name = name
        self.version = version
        self.libgit2 = libgit2
    }
}

public struct RepositoryInfo: Sendable, Equatable, Codable {
    public var name: String
    /// The path or URL given by the user, never with credentials.
    public var source: String
    /// The revision asked for (`HEAD` by default).
    public var ref: String
    /// The audited commit; nil only for an empty repository.
    public var commit: String?
    /// The commit's committer date, ISO 8601 with its offset; nil only for an empty repository.
    public var commitDate: String?
    /// The branch HEAD was on, or nil when detached.
    public var branch: String?
    public var shallow: Bool
    /// True when the repository has no commit yet.
    public var empty: Bool
    /// True when the audit could not read everything it should have (absent or corrupt objects, an
    /// LFS pointer a rule needed, a cut history): the `repository.complete` check says what.
    public var partial: Bool

    enum CodingKeys: String, CodingKey {
        case name, source, ref, commit, commitDate = "commit_date", branch, shallow, empty, partial
    }

    public init(name: String, source: String, ref: String, commit: String?, commitDate: String?, branch: String?, shallow: Bool, empty: Bool = false, partial: Bool = false) {
        self.name = name
        self.source = source
        self.ref = ref
        self.commit = commit
        self.commitDate = commitDate
        self.branch = branch
        self.shallow = shallow
        self.empty = empty
        self.partial = partial
    }

    /// Scorecards written before `partial` existed read as whole audits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        source = try container.decode(String.self, forKey: .source)
        ref = try container.decode(String.self, forKey: .ref)
        commit = try container.decodeIfPresent(String.self, forKey: .commit)
        commitDate = try container.decodeIfPresent(String.self, forKey: .commitDate)
        branch = try container.decodeIfPresent(String.self, forKey: .branch)
        shallow = try container.decode(Bool.self, forKey: .shallow)
        empty = try container.decodeIfPresent(Bool.self, forKey: .empty) ?? false
        partial = try container.decodeIfPresent(Bool.self, forKey: .partial) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(source, forKey: .source)
        try container.encode(ref, forKey: .ref)
        try container.encode(commit, forKey: .commit)
        try container.encode(commitDate, forKey: .commitDate)
        try container.encode(branch, forKey: .branch)
        try container.encode(shallow, forKey: .shallow)
        try container.encode(empty, forKey: .empty)
        try container.encode(partial, forKey: .partial)
    }
}

public struct RulesetInfo: Sendable, Equatable, Codable {
    public var id: String
    public var version: String
    public init(id: String, version: String) {
        self.id = id
        self.version = version
    }
}

/// How many checks ended in each status.
public struct StatusCounts: Sendable, Equatable, Codable {
    public var pass = 0, warn = 0, fail = 0, skip = 0, error = 0, exempt = 0
    public init() {}
    public init(_ statuses: some Sequence<CheckStatus>) {
        for status in statuses {
            switch status {
            case .pass: pass += 1
            case .warn: warn += 1
            case .fail: fail += 1
            case .skip: skip += 1
            case .error: error += 1
            case .exempt: exempt += 1
            }
        }
    }
}

public struct CategoryScore: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var score: Int?
    public var grade: Grade?
    public var summary: StatusCounts

    public init(id: String, title: String, score: Int?, grade: Grade?, summary: StatusCounts) {
        self.id = id
        self.title = title
        self.score = score
        self.grade = grade
        self.summary = summary
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(score, forKey: .score)
        try container.encode(grade, forKey: .grade)
        try container.encode(summary, forKey: .summary)
    }
}

public struct Evidence: Sendable, Equatable, Codable {
    public var path: String
    public var line: Int?
    public var message: String?
    public init(path: String, line: Int?, message: String?) {
        self.path = path
        self.line = line
        self.message = message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(line, forKey: .line)
        try container.encode(message, forKey: .message)
    }
}

public struct CheckResult: Sendable, Equatable, Codable {
    public var id: String
    public var category: String
    public var status: CheckStatus
    public var weight: Int
    public var title: String
    public var message: String
    public var evidence: [Evidence]
    /// How many evidence items the rule found, when more than `evidence` keeps (`EvidenceCap`);
    /// nil when `evidence` is complete.
    public var evidenceTotal: Int?
    public var remediation: String
    /// Where the rule comes from: `builtin`, `declarative` or `plugin`.
    public var source: String
    /// For an exempted check: the exemption, and the status the check would have had.
    public var exemption: AppliedExemption?
    public var outcome: CheckStatus?
    /// The command that writes the fix into the work tree (`vigie fix --only <id>`), on a failing
    /// or warning check whose rule has one (docs/fix.md); nil otherwise.
    public var fix: String?

    public init(id: String, category: String, status: CheckStatus, weight: Int, title: String, message: String, evidence: [Evidence],
                remediation: String, source: String = "builtin", exemption: AppliedExemption? = nil, outcome: CheckStatus? = nil,
                fix: String? = nil) {
        self.id = id
        self.category = category
        self.status = status
        self.weight = weight
        self.title = title
        self.message = message
        self.evidence = evidence
        self.remediation = remediation
        self.source = source
        self.exemption = exemption
        self.outcome = outcome
        self.fix = fix
    }

    enum CodingKeys: String, CodingKey {
        case id, category, status, weight, title, message, evidence, evidenceTotal = "evidence_total", remediation, source, exemption, outcome, fix
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        category = try container.decode(String.self, forKey: .category)
        status = try container.decode(CheckStatus.self, forKey: .status)
        weight = try container.decode(Int.self, forKey: .weight)
        title = try container.decode(String.self, forKey: .title)
        message = try container.decode(String.self, forKey: .message)
        evidence = try container.decode([Evidence].self, forKey: .evidence)
        evidenceTotal = try container.decodeIfPresent(Int.self, forKey: .evidenceTotal)
        remediation = try container.decode(String.self, forKey: .remediation)
        source = try container.decodeIfPresent(String.self, forKey: .source) ?? "builtin"
        exemption = try container.decodeIfPresent(AppliedExemption.self, forKey: .exemption)
        outcome = try container.decodeIfPresent(CheckStatus.self, forKey: .outcome)
        fix = try container.decodeIfPresent(String.self, forKey: .fix)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(category, forKey: .category)
        try container.encode(status, forKey: .status)
        try container.encode(weight, forKey: .weight)
        try container.encode(title, forKey: .title)
        try container.encode(message, forKey: .message)
        try container.encode(evidence, forKey: .evidence)
        // Present only on truncated evidence, so scorecards under the cap keep their shape.
        try container.encodeIfPresent(evidenceTotal, forKey: .evidenceTotal)
        try container.encode(remediation, forKey: .remediation)
        try container.encode(source, forKey: .source)
        // Present only on exempted checks, so scorecards without exemptions keep their shape.
        try container.encodeIfPresent(exemption, forKey: .exemption)
        try container.encodeIfPresent(outcome, forKey: .outcome)
        // Present only on checks `vigie fix` can mend, so other scorecards keep their shape.
        try container.encodeIfPresent(fix, forKey: .fix)
    }
}

/// An exemption as the scorecard shows it on the check it applies to.
public struct AppliedExemption: Sendable, Equatable, Codable {
    public var reason: String
    public var until: Day?
    /// Who granted it: the repository's `.vigie.yml`, or the fleet manifest.
    public var grantedBy: String

    enum CodingKeys: String, CodingKey { case reason, until, grantedBy = "granted_by" }

    public init(reason: String, until: Day?, grantedBy: String) {
        self.reason = reason
        self.until = until
        self.grantedBy = grantedBy
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reason, forKey: .reason)
        try container.encode(until, forKey: .until)
        try container.encode(grantedBy, forKey: .grantedBy)
    }
}
