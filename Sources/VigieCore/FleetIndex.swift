/// `index.json` of a fleet run: one entry per repository of the manifest, the pass rate of each
/// rule across the fleet, and each repository's score history across runs (docs/fleet.md).
/// A versioned contract like the scorecard: later versions add fields, never rename or remove one.
public struct FleetIndex: Sendable, Equatable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion = FleetIndex.currentSchemaVersion
    public var fleet: String
    public var asOf: Day
    public var ruleset: RulesetDigest
    public var tool: ToolInfo
    public var lang: Language
    /// Which part of the manifest this index covers (`--shard K/N`), nil for the whole fleet.
    public var shard: Shard?
    public var summary: FleetSummary
    public var repositories: [FleetRepository]
    public var rules: [RulePassRate]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", fleet, asOf = "as_of", ruleset, tool, lang, shard, summary, repositories, rules
    }

    public init(fleet: String, asOf: Day, ruleset: RulesetDigest, tool: ToolInfo, lang: Language, shard: Shard?,
                summary: FleetSummary, repositories: [FleetRepository], rules: [RulePassRate]) {
        self.fleet = fleet
        self.asOf = asOf
        self.ruleset = ruleset
        self.tool = tool
        self.lang = lang
        self.shard = shard
        self.summary = summary
        self.repositories = repositories
        self.rules = rules
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(fleet, forKey: .fleet)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(ruleset, forKey: .ruleset)
        try container.encode(tool, forKey: .tool)
        try container.encode(lang, forKey: .lang)
        try container.encode(shard, forKey: .shard)
        try container.encode(summary, forKey: .summary)
        try container.encode(repositories, forKey: .repositories)
        try container.encode(rules, forKey: .rules)
    }
}

public struct RulesetDigest: Sendable, Equatable, Codable {
    public var id: String
    public var version: String
    public var digest: String
    public init(id: String, version: String, digest: String) {
        self.id = id
        self.version = version
        self.digest = digest
    }
}

public struct Shard: Sendable, Equatable, Codable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.init(index: index, count: count)
    }

    /// Whether a repository belongs to this shard: FNV-1a of its name, so membership does not
    /// depend on the manifest's order or on the other repositories.
    public func contains(_ name: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}

public struct FleetSummary: Sendable, Equatable, Codable {
    public var repositories: Int
    public var audited: Int
    public var errors: Int
    public var reused: Int
    /// Audited repositories scoring below `--fail-under` (0 without a threshold).
    public var belowThreshold: Int
    /// Audited repositories whose audit was partial (counted in `audited` too).
    public var partial = 0
    public var averageScore: Int?

    enum CodingKeys: String, CodingKey {
        case repositories, audited, errors, reused, belowThreshold = "below_threshold", averageScore = "average_score", partial
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        repositories = try container.decode(Int.self, forKey: .repositories)
        audited = try container.decode(Int.self, forKey: .audited)
        errors = try container.decode(Int.self, forKey: .errors)
        reused = try container.decode(Int.self, forKey: .reused)
        belowThreshold = try container.decode(Int.self, forKey: .belowThreshold)
        averageScore = try container.decodeIfPresent(Int.self, forKey: .averageScore)
        partial = try container.decodeIfPresent(Int.self, forKey: .partial) ?? 0
    }

    public init(repositories: Int, audited: Int, errors: Int, reused: Int, belowThreshold: Int, averageScore: Int?) {
        self.repositories = repositories
        self.audited = audited
        self.errors = errors
        self.reused = reused
        self.belowThreshold = belowThreshold
        self.averageScore = averageScore
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(repositories, forKey: .repositories)
        try container.encode(audited, forKey: .audited)
        try container.encode(errors, forKey: .errors)
        try container.encode(reused, forKey: .reused)
        try container.encode(belowThreshold, forKey: .belowThreshold)
        try container.encode(averageScore, forKey: .averageScore)
        try container.encode(partial, forKey: .partial)
    }
}

/// One point of a repository's score history.
public struct ScorePoint: Sendable, Equatable, Codable {
    public var asOf: Day
    public var commit: String?
    public var score: Int?
    public var grade: Grade?

    enum CodingKeys: String, CodingKey { case asOf = "as_of", commit, score, grade }

    public init(asOf: Day, commit: String?, score: Int?, grade: Grade?) {
        self.asOf = asOf
        self.commit = commit
        self.score = score
        self.grade = grade
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(commit, forKey: .commit)
        try container.encode(score, forKey: .score)
        try container.encode(grade, forKey: .grade)
    }
}

public struct FleetRepository: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable { case audited, error }

    /// The name in the manifest.
    public var name: String
    /// The safe, unique base name of its files in the output folder (`<file>.json`, `<file>.md`).
    public var file: String
    public var team: String?
    /// The manifest's older name for `cohort`, kept as written.
    public var programme: String?
    /// The cohort the repository belongs to (e.g. "EIG 4"); nil in indexes written before it existed.
    public var cohort: String?
    public var tags: [String]
    /// Path or URL, never with credentials.
    public var source: String
    public var status: Status
    public var score: Int?
    public var grade: Grade?
    public var categories: [String: Int?]
    public var commit: String?
    /// `<file>.json`, or nil when the repository could not be audited.
    public var scorecard: String?
    /// True when the scorecard was carried over from the previous run unchanged.
    public var reused: Bool
    /// One line: what went wrong and why.
    public var error: String?
    /// True when the scorecard comes from a partial audit (absent or corrupt objects, a cut history):
    /// a scorecard all the same, whose `repository.complete` check says what could not be read.
    public var partial = false
    /// Ids of the heaviest failing checks, at most three.
    public var topFailing: [String]
    /// The score of the previous run, if there was one.
    public var previousScore: Int?
    /// What the scorecard depends on (commit, rule set digest, vigie version, as-of, language): equal keys, equal scorecards.
    public var reuseKey: String?
    public var history: [ScorePoint]

    enum CodingKeys: String, CodingKey {
        case name, file, team, programme, cohort, tags, source, status, score, grade, categories, commit, scorecard, reused, error, partial
        case topFailing = "top_failing", previousScore = "previous_score", reuseKey = "reuse_key", history
    }

    /// Indexes written before `partial` existed read as whole audits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        file = try container.decode(String.self, forKey: .file)
        team = try container.decodeIfPresent(String.self, forKey: .team)
        programme = try container.decodeIfPresent(String.self, forKey: .programme)
        cohort = try container.decodeIfPresent(String.self, forKey: .cohort)
        tags = try container.decode([String].self, forKey: .tags)
        source = try container.decode(String.self, forKey: .source)
        status = try container.decode(Status.self, forKey: .status)
        score = try container.decodeIfPresent(Int.self, forKey: .score)
        grade = try container.decodeIfPresent(Grade.self, forKey: .grade)
        categories = try container.decode([String: Int?].self, forKey: .categories)
        commit = try container.decodeIfPresent(String.self, forKey: .commit)
        scorecard = try container.decodeIfPresent(String.self, forKey: .scorecard)
        reused = try container.decode(Bool.self, forKey: .reused)
        error = try container.decodeIfPresent(String.self, forKey: .error)
        partial = try container.decodeIfPresent(Bool.self, forKey: .partial) ?? false
        topFailing = try container.decode([String].self, forKey: .topFailing)
        previousScore = try container.decodeIfPresent(Int.self, forKey: .previousScore)
        reuseKey = try container.decodeIfPresent(String.self, forKey: .reuseKey)
        history = try container.decode([ScorePoint].self, forKey: .history)
    }

    public init(name: String, file: String, team: String?, programme: String?, tags: [String], source: String, status: Status,
                score: Int?, grade: Grade?, categories: [String: Int?], commit: String?, scorecard: String?, reused: Bool,
                error: String?, topFailing: [String], previousScore: Int?, reuseKey: String?, history: [ScorePoint], cohort: String? = nil) {
        self.name = name
        self.cohort = cohort
        self.file = file
        self.team = team
        self.programme = programme
        self.tags = tags
        self.source = source
        self.status = status
        self.score = score
        self.grade = grade
        self.categories = categories
        self.commit = commit
        self.scorecard = scorecard
        self.reused = reused
        self.error = error
        self.topFailing = topFailing
        self.previousScore = previousScore
        self.reuseKey = reuseKey
        self.history = history
    }

    /// The cohort, or for a manifest that only says `programme:`, that.
    public var cohortName: String? { cohort ?? programme }

    /// Change since the previous run, when both scores exist.
    public var change: Int? {
        guard let score, let previousScore else { return nil }
        return score - previousScore
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(file, forKey: .file)
        try container.encode(team, forKey: .team)
        try container.encode(programme, forKey: .programme)
        try container.encode(cohort, forKey: .cohort)
        try container.encode(tags, forKey: .tags)
        try container.encode(source, forKey: .source)
        try container.encode(status, forKey: .status)
        try container.encode(score, forKey: .score)
        try container.encode(grade, forKey: .grade)
        try container.encode(categories, forKey: .categories)
        try container.encode(commit, forKey: .commit)
        try container.encode(scorecard, forKey: .scorecard)
        try container.encode(reused, forKey: .reused)
        try container.encode(error, forKey: .error)
        try container.encode(partial, forKey: .partial)
        try container.encode(topFailing, forKey: .topFailing)
        try container.encode(previousScore, forKey: .previousScore)
        try container.encode(reuseKey, forKey: .reuseKey)
        try container.encode(history, forKey: .history)
    }
}

/// How often a rule passes across the fleet's audited repositories.
public struct RulePassRate: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// Repositories where the rule gave a verdict (pass, warn or fail).
    public var applicable: Int
    public var passed: Int
    /// passed / applicable, three decimals; nil when never applicable.
    public var passRate: Double?

    enum CodingKeys: String, CodingKey { case id, title, applicable, passed, passRate = "pass_rate" }

    public init(id: String, title: String, applicable: Int, passed: Int) {
        self.id = id
        self.title = title
        self.applicable = applicable
        self.passed = passed
        self.passRate = applicable > 0 ? (Double(passed) / Double(applicable) * 1000).rounded() / 1000 : nil
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(applicable, forKey: .applicable)
        try container.encode(passed, forKey: .passed)
        try container.encode(passRate, forKey: .passRate)
    }
}
