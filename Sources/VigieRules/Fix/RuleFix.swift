public import VigieCore

/// What `vigie fix` can do for a failing rule, declared beside the rule (`static var fix` of a
/// `BuiltInRule`, like its examples): a sentence saying what it writes, and the plan it makes for
/// one repository. A plan only describes files; `vigie fix` (VigieAudit) checks the work tree and
/// writes them, never overwriting anything (docs/fix.md).
public struct RuleFix: Sendable {
    /// What the fix writes, for `vigie rules show` and docs/fix.md.
    public let summary: LocalizedText
    private let planner: @Sendable (FixContext) throws -> FixPlan

    public init(_ summary: LocalizedText, plan: @escaping @Sendable (FixContext) throws -> FixPlan) {
        self.summary = summary
        planner = plan
    }

    /// The files to write for the repository `context` describes; a fix that cannot write anything
    /// (an option missing, data it needs absent) says why in `notes`.
    public func plan(_ context: FixContext) throws -> FixPlan { try planner(context) }
}

/// One change to the work tree: a new file, or text added at the end of an existing one (the README's
/// missing sections). Paths are relative to the work tree's root, with `/`.
public enum FixChange: Sendable, Equatable {
    case create(path: String, text: String)
    case append(path: String, text: String)

    public var path: String {
        switch self {
        case .create(let path, _), .append(let path, _): path
        }
    }
}

/// A fix's plan: the changes, and what the user must do by hand (an option to give, a manifest to
/// edit, blanks to fill), in the language of the fix.
public struct FixPlan: Sendable {
    public var changes: [FixChange]
    public var notes: [LocalizedText]

    public init(changes: [FixChange] = [], notes: [LocalizedText] = []) {
        self.changes = changes
        self.notes = notes
    }

    public static func note(_ text: LocalizedText) -> FixPlan { FixPlan(notes: [text]) }
}

/// The choices of the person running `vigie fix`.
public struct FixOptions: Sendable {
    /// The language of what is written (`--lang`, else the README's, else French).
    public var language: Language
    /// "Today": the year of a licence's copyright line, the dates of a statement.
    public var today: Day
    /// `--licence ID`, `--holder NAME`, `--security-contact ADDRESS`.
    public var licence: String?
    public var holder: String?
    public var securityContact: String?

    public init(language: Language, today: Day, licence: String? = nil, holder: String? = nil, securityContact: String? = nil) {
        self.language = language
        self.today = today
        self.licence = licence
        self.holder = holder
        self.securityContact = securityContact
    }
}

/// Where the repository is published, from the `origin` remote's URL: it decides between GitHub and
/// GitLab files (issue templates, Dependabot or Renovate, the CI workflow).
public enum Forge: String, Sendable {
    case github, gitlab

    /// GitLab when the host names GitLab (gitlab.com, gitlab.<ministère>.gouv.fr…), else GitHub.
    public init(remote: ForgeAddress?) {
        self = remote?.host.lowercased().contains("gitlab") == true ? .gitlab : .github
    }
}

/// The `origin` remote's web address, without credentials: `git@github.com:org/repo.git` and
/// `https://user:token@github.com/org/repo.git` both give `https://github.com/org/repo`.
public struct ForgeAddress: Sendable, Equatable {
    public let host: String
    public let path: String

    public init?(_ url: String) {
        var rest = Substring(url.trimmingCharacters(in: .whitespaces))
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            if let slash = rest.firstIndex(of: "/") {
                let authority = rest[..<slash]
                // user:token@host:port: keep the host only.
                let hostPort = authority.split(separator: "@").last ?? authority
                host = String(hostPort.split(separator: ":").first ?? hostPort)
                rest = rest[rest.index(after: slash)...]
            } else {
                return nil
            }
        } else if let at = rest.firstIndex(of: "@"), let colon = rest[at...].firstIndex(of: ":") {
            // scp-like: git@host:org/repo.git
            host = String(rest[rest.index(after: at)..<colon])
            rest = rest[rest.index(after: colon)...]
        } else {
            return nil
        }
        var trimmed = String(rest)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.hasSuffix(".git") { trimmed.removeLast(4) }
        guard !host.isEmpty, !trimmed.isEmpty,
              (host + trimmed).allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\"" && $0 != "<" && $0 != ">" }) else { return nil }
        path = trimmed
    }

    public var web: String { "https://\(host)/\(path)" }
    /// The issue tracker's page on the forge.
    public func issues(_ forge: Forge) -> String { forge == .gitlab ? web + "/-/issues" : web + "/issues" }
}

/// The work tree as a fix may look at it (read-only): whether a path is taken, and a file's text
/// (the README the missing sections are added to).
public protocol WorkTreeFiles {
    func exists(_ path: String) -> Bool
    func text(_ path: String) -> String?
}

/// Everything a fix sees: the committed tree (as the rules saw it), the rule data, the fix data and
/// templates, the user's options, where the repository is published, and the work tree.
public struct FixContext {
    public let snapshot: RepositorySnapshot
    public let data: RuleData
    public let templates: FixTemplates
    public let options: FixOptions
    /// The repository's name (its folder).
    public let name: String
    public let remote: ForgeAddress?
    public let workTree: any WorkTreeFiles
    /// The check the fix answers: its status and message.
    public let check: CheckResult

    public init(snapshot: RepositorySnapshot, data: RuleData, templates: FixTemplates, options: FixOptions, name: String,
                remote: ForgeAddress?, workTree: any WorkTreeFiles, check: CheckResult) {
        self.snapshot = snapshot
        self.data = data
        self.templates = templates
        self.options = options
        self.name = name
        self.remote = remote
        self.workTree = workTree
        self.check = check
    }

    public var language: Language { options.language }
    public var forge: Forge { Forge(remote: remote) }
}
