public import VigieCore

/// A value a rule set may give a rule parameter.
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case int(Int)
    case string(String)
    case bool(Bool)

    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .string(let value): value
        case .bool(let value): String(value)
        }
    }
}

/// A parameter a rule accepts in a rule set, with its default (which also fixes its type).
public struct RuleParameter: Sendable {
    public let name: String
    public let defaultValue: ParameterValue
    public let summary: LocalizedText
    public init(_ name: String, default defaultValue: ParameterValue, _ summary: LocalizedText) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// The parameter values a rule set gave, over the rule's defaults.
public struct RuleParameters: Sendable {
    let values: [String: ParameterValue]
    public init(_ values: [String: ParameterValue]) { self.values = values }

    public func int(_ name: String) -> Int {
        if case .int(let value)? = values[name] { return value }
        preconditionFailure("rule parameter '\(name)' is not an integer: the loader checks types against the defaults")
    }
}

/// An expectation a rule must meet on a small repository: the examples document the rule and are
/// run by the tests (RuleExamplesTests). `file`/`line` point a failure at the example itself.
public struct RuleExample: Sendable, CustomStringConvertible {
    public let name: String
    public let files: [String: String]
    public let expected: CheckStatus
    public let parameters: [String: ParameterValue]
    public let commits: [HistoryCommit]
    public let tags: [SnapshotTag]
    /// Files listed in the tree whose content cannot be read (a partial or damaged repository).
    public let unreadable: [String: UnreadableReason]
    /// Files read before the rule runs, as other rules of an audit would have: corrupt objects and
    /// LFS pointers are only known once read.
    public let readFirst: [String]
    /// Commits the history walk could not read.
    public let gaps: [HistoryGap]
    public let file: String
    public let line: Int

    /// Examples are audited as of this day.
    public static let asOf = Day(iso: "2026-11-29")!

    public init(_ name: String, files: [String: String], expect expected: CheckStatus, parameters: [String: ParameterValue] = [:],
                commits: [HistoryCommit] = [], tags: [SnapshotTag] = [], file: String = #filePath, line: Int = #line) {
        self.init(name: name, files: files, expected: expected, parameters: parameters, commits: commits, tags: tags,
                  unreadable: [:], readFirst: [], gaps: [], file: file, line: line)
    }

    /// An example on a partial or damaged repository.
    public init(_ name: String, files: [String: String], commits: [HistoryCommit] = [], unreadable: [String: UnreadableReason] = [:],
                readFirst: [String] = [], gaps: [HistoryGap] = [], expect expected: CheckStatus, parameters: [String: ParameterValue] = [:],
                file: String = #filePath, line: Int = #line) {
        self.init(name: name, files: files, expected: expected, parameters: parameters, commits: commits, tags: [],
                  unreadable: unreadable, readFirst: readFirst, gaps: gaps, file: file, line: line)
    }

    private init(name: String, files: [String: String], expected: CheckStatus, parameters: [String: ParameterValue], commits: [HistoryCommit],
                 tags: [SnapshotTag], unreadable: [String: UnreadableReason], readFirst: [String], gaps: [HistoryGap], file: String, line: Int) {
        self.name = name
        self.files = files
        self.expected = expected
        self.parameters = parameters
        self.commits = commits
        self.tags = tags
        self.unreadable = unreadable
        self.readFirst = readFirst
        self.gaps = gaps
        self.file = file
        self.line = line
    }

    /// The in-memory snapshot this example describes, with `files` already resolved, its `readFirst`
    /// files read and, when it has gaps, its history walked, as an audit's other rules would have.
    public func snapshot(files: [String: String]) -> RepositorySnapshot {
        let snapshot = RepositorySnapshot(files: files, commits: commits, tags: tags, unreadable: unreadable, gaps: gaps)
        for path in readFirst {
            if let entry = snapshot.entry(at: path) { _ = try? snapshot.bytes(of: entry) }
        }
        if !gaps.isEmpty { _ = try? snapshot.walkHistory { _ in } }
        return snapshot
    }

    public var description: String { name }
}

/// A rule written in Swift: one file holding its metadata, parameters, check and examples.
public protocol BuiltInRule: Rule {
    static var description: RuleMetadata { get }
    static var parameters: [RuleParameter] { get }
    static var examples: [RuleExample] { get }
    /// What `vigie fix` writes when the rule fails or warns (docs/fix.md); nil when it has no fix.
    static var fix: RuleFix? { get }
    init(parameters: RuleParameters, data: RuleData)
}

extension BuiltInRule {
    public var metadata: RuleMetadata { Self.description }
    public static var parameters: [RuleParameter] { [] }
    public static var fix: RuleFix? { nil }

    /// Builds the rule with its defaults overridden by `values`.
    public static func make(_ values: [String: ParameterValue] = [:], data: RuleData) -> Self {
        var merged = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.defaultValue) })
        merged.merge(values) { _, new in new }
        return Self(parameters: RuleParameters(merged), data: data)
    }

    /// `make` for callers holding an existential type (`any BuiltInRule.Type`).
    public static func instance(_ values: [String: ParameterValue] = [:], data: RuleData) -> any Rule {
        make(values, data: data)
    }
}

extension HistoryCommit {
    /// A commit for an example: noon UTC on `day` (YYYY-MM-DD), by `email`.
    public static func at(_ day: String, by email: String = "alice@example.gouv.fr", parents: Int = 1) -> HistoryCommit {
        let time = seconds(day)
        return HistoryCommit(authorName: String(email.split(separator: "@").first ?? ""), authorEmail: email,
                             authorTime: time, committerTime: time, parentCount: parents)
    }
}

/// Noon UTC on a `YYYY-MM-DD` day, in seconds since the epoch (examples only).
public func seconds(_ day: String) -> Int64 {
    (Day(iso: day)?.daysSinceEpoch ?? 0) * 86_400 + 43_200
}
