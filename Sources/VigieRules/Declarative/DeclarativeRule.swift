public import VigieCore

/// A rule written in a rule set rather than in Swift: its metadata from YAML and its check from
/// one kind of a closed set (docs/rulesets.md). No code escape hatch: for anything else, a plugin.
public struct DeclarativeRule: Rule {
    public let metadata: RuleMetadata
    public let check: DeclarativeCheck
    public let examples: [RuleExample]
    let data: RuleData

    public init(metadata: RuleMetadata, check: DeclarativeCheck, examples: [RuleExample], data: RuleData) {
        self.metadata = metadata
        self.check = check
        self.examples = examples
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        try check.evaluate(snapshot, data: data)
    }
}

/// The closed set of declarative checks.
public enum DeclarativeCheck: Sendable {
    /// One of the paths (globs allowed) exists.
    case fileExists([Glob])
    /// None of the paths exists.
    case fileAbsent([Glob])
    /// Some file matching `paths` has a line matching `pattern` (read up to `maxBytes` per file).
    case contentMatches(paths: [Glob], pattern: LinePattern, maxBytes: Int64)
    /// No file matching `paths` has a line matching `pattern`; each match is a finding.
    case contentAbsent(paths: [Glob], pattern: LinePattern, maxBytes: Int64)
    /// A key (dotted path) exists in a JSON or YAML file, optionally with a given value.
    case key(file: String, key: [String], value: String?)
    /// The README has a heading matching one of the names (normalised: case, accents, punctuation).
    case readmeSection([String])
    /// The number of files matching `glob` is within bounds.
    case fileCount(glob: Glob, min: Int?, max: Int?)
    /// No file matching `glob` is larger than `maxBytes` (sizes from the tree, nothing read).
    case fileSize(glob: Glob, maxBytes: Int64)

    /// The names of the kinds, as written in rule sets.
    public static let kinds = ["file_exists", "file_absent", "content_matches", "content_absent", "key_exists", "key_equals",
                               "readme_section", "file_count", "file_size", "command"]
}

/// A regular expression matched line by line (so findings carry line numbers).
public struct LinePattern: @unchecked Sendable {
    // Regex is immutable once built; it is not marked Sendable in the standard library yet.
    public let source: String
    let regex: Regex<AnyRegexOutput>

    public init(_ source: String) throws {
        self.source = source
        regex = try Regex(source)
    }

    /// 1-based numbers of the lines that match.
    func matchingLines(_ text: String) -> [Int] {
        var lines: [Int] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.firstMatch(of: regex) != nil {
            lines.append(index + 1)
        }
        return lines
    }
}
