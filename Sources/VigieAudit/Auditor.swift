import Foundation
public import VigieCore
import VigieGit
public import VigieRules

/// What to audit and how.
public struct AuditRequest: Sendable {
    public var path: String
    public var revision: String
    public var asOf: Day
    public var language: Language
    /// Largest file a rule reads, in bytes.
    public var readCap: Int64
    /// Leave contributors' names out of facts and reports.
    public var anonymize: Bool
    /// The name reports give the repository (a fleet manifest's); default: its folder's name.
    public var name: String?
    /// Exemptions granted from outside the repository (a fleet manifest), added to its `.vigie.yml` ones.
    public var exemptions: [Exemption] = []
    /// Only these rules (exact ids or category prefixes such as `licence`); empty: all.
    public var select: [String] = []
    /// Leave these rules out (exact ids or category prefixes).
    public var ignore: [String] = []
    /// All or nothing: a partial audit (absent or corrupt objects, a cut history) is an error
    /// (`AuditError.partialAudit`) instead of a scorecard flagged partial.
    public var strict = false
    /// How the history is read: concurrently with the rest of the audit (default), or all on the
    /// audit's thread, one commit at a time (the reference the concurrent path is tested against).
    public var historyReading: HistoryReading = .concurrent
    /// Histories shorter than this are read on one thread even with a commit-graph file (tests lower it).
    public var graphWalkMinimum = Repository.graphWalkMinimum
    /// Whether the files a content scan is about to read are inflated ahead on a second thread
    /// (`BlobPrefetch`). Changes no result; off is the reference the tests compare with.
    public var readsAhead = true
    /// The fewest files a scan must announce to start the read-ahead thread (tests lower it).
    public var readAheadMinimum = BlobPrefetch.minimumHint

    public init(path: String, revision: String = "HEAD", asOf: Day, language: Language = .fr, readCap: Int64 = 1 << 20,
                anonymize: Bool = false, name: String? = nil) {
        self.path = path
        self.revision = revision
        self.asOf = asOf
        self.language = language
        self.readCap = readCap
        self.anonymize = anonymize
        self.name = name
    }
}

/// The tool's own version, printed by `vigie --version` and recorded in every scorecard.
public enum VigieVersion {
    public static let current = "0.1.0"
    public static var libgit2: String { LibGit2.version }
}

/// Opens a repository, builds the snapshot of the requested commit, runs the rule set and returns the scorecard.
public struct Auditor: Sendable {
    public let ruleSet: RuleSet

    public init(ruleSet: RuleSet) { self.ruleSet = ruleSet }

    /// Loads the rule set `id` from `sources` (a user's folder in front of the built-in rules),
    /// turning configuration errors into `AuditError.invalidRules`.
    public static func loadRuleSet(sources: RuleSources, id: String) throws(AuditError) -> RuleSet {
        do {
            return try RuleSet.load(sources: sources, id: id)
        } catch {
            throw .invalidRules(error)
        }
    }

    public func audit(_ request: AuditRequest) throws(AuditError) -> Scorecard {
        let repository = try Self.openRepository(request.path)
        return try audit(repository, source: Self.displaySource(request.path), request: request)
    }

    /// The repository around `path` (discovered from a sub-folder, a work tree, `.git` or a bare
    /// clone), or the error a user reads: no such path, not a repository, unreadable.
    static func openRepository(_ path: String) throws(AuditError) -> Repository {
        guard FileManager.default.fileExists(atPath: path) else { throw .pathNotFound(path: path) }
        do {
            return try Repository(discoveringFrom: path)
        } catch {
            if error.code == .notFound { throw .notARepository(path: path) }
            throw .unreadableRepository(path: path, error: error)
        }
    }

    /// Audits an open repository; `source` is what reports show as its origin (a path or a URL without credentials).
    /// `keeping` receives the snapshot the rules saw (`vigie fix` plans its fixes on it).
    func audit(_ repository: Repository, source: String, request: AuditRequest,
               keeping: ((RepositorySnapshot) -> Void)? = nil) throws(AuditError) -> Scorecard {
        do {
            return try Self.mapErrors(path: source, revision: request.revision) {
                try auditUnmapped(repository, source: source, request: request, keeping: keeping)
            }
        } catch {
            throw Self.explainingDamagedPacks(error, repository: repository, source: source)
        }
    }

    /// libgit2 skips a damaged pack silently, so what fails is "object not found": when the packs
    /// explain it, the error says which pack is damaged and how.
    static func explainingDamagedPacks(_ error: AuditError, repository: Repository, source: String) -> AuditError {
        guard case .corruptRepository = error else { return error }
        let damaged = repository.damagedPacks()
        guard !damaged.isEmpty else { return error }
        return .corruptPack(path: source, detail: damaged.map { "\($0.file): \($0.reason)" }.joined(separator: "; "))
    }

    /// The `--strict` refusal of a partial audit: the first things that could not be read, and the fixes.
    static func partialAudit(_ snapshot: RepositorySnapshot, source: String) -> AuditError {
        let files = snapshot.partialBecause.map { (item: $0.path, reason: $0.reason) }
        let commits = (snapshot.historyGaps ?? []).map { (item: "commit \($0.commit.prefix(12))", reason: $0.reason) }
        let missing = files + commits
        return .partialAudit(path: source, missing: missing.prefix(3).map { "\($0.item): \($0.reason.code)" }, total: missing.count,
                             fixes: missing.map(\.reason).fixSentences)
    }

    private func auditUnmapped(_ repository: Repository, source: String, request: AuditRequest,
                               keeping: ((RepositorySnapshot) -> Void)?) throws -> Scorecard {
        let head = try repository.head()
        if case .unborn(let branch) = head, request.revision == "HEAD" {
            // Nothing published yet: every rule sees an empty tree and an empty history.
            let snapshot = RepositorySnapshot(name: request.name ?? Self.repositoryName(repository), entries: [], reader: InMemoryReader(files: [:]),
                                              readCap: request.readCap)
            keeping?(snapshot)
            return scorecard(snapshot, request: request,
                             repository: RepositoryInfo(name: snapshot.name, source: source, ref: request.revision,
                                                        commit: nil, commitDate: nil, branch: branch, shallow: false, empty: true))
        }
        let commit = try repository.resolveCommit(request.revision)
        // The walk starts now, on its own thread, and overlaps the tree listing and every other rule.
        // If a second handle cannot be opened, the walk simply runs on this thread when asked.
        let prefetch = request.historyReading == .concurrent && selectedRules(request).contains { $0.rule.metadata.category.id == "activity" }
            ? try? HistoryPrefetch(repository: repository, commit: commit.id, window: HistoryWindow(asOf: request.asOf),
                                   graphMinimum: request.graphWalkMinimum)
            : nil
        defer { prefetch?.finish() }
        let listing = try repository.listTree(commit.treeID)
        let reader = GitSnapshotReader(repository: repository, commit: commit.id, listing: listing, prefetch: prefetch,
                                       historyReading: request.historyReading, graphMinimum: request.graphWalkMinimum,
                                       readsAhead: request.readsAhead, readAheadMinimum: request.readAheadMinimum)
        defer { reader.finishReadingAhead() }
        let snapshot = RepositorySnapshot(
            name: request.name ?? Self.repositoryName(repository),
            entries: listing.entries.map { SnapshotEntry(pathBytes: $0.path.bytes, kind: SnapshotEntry.Kind($0.kind)) },
            reader: reader,
            readCap: request.readCap,
            isShallow: repository.isShallow
        )
        let branch: String? = if case .branch(let name) = head, request.revision == "HEAD" { name } else { nil }
        let card = scorecard(snapshot, request: request, repository: RepositoryInfo(
            name: snapshot.name,
            source: source,
            ref: request.revision,
            commit: commit.id.hex,
            commitDate: isoTimestamp(seconds: commit.time, offsetMinutes: commit.timeOffsetMinutes),
            branch: branch,
            shallow: repository.isShallow
        ))
        if request.strict, snapshot.isPartial { throw Self.partialAudit(snapshot, source: source) }
        keeping?(snapshot)
        return card
    }

    /// Runs the rule set on a snapshot and assembles the scorecard.
    func scorecard(_ snapshot: RepositorySnapshot, request: AuditRequest, repository: RepositoryInfo) -> Scorecard {
        let context = AuditContext(asOf: request.asOf, language: request.language, anonymize: request.anonymize)
        var exemptions = request.exemptions
        var problems: [Finding] = []
        if let file = snapshot.entry(at: ExemptionFile.path) {
            do {
                let parsed = ExemptionFile.parse(text: try snapshot.text(of: file, cap: 64 << 10), path: ExemptionFile.path)
                exemptions += parsed.exemptions
                problems += parsed.problems
            } catch {
                problems.append(Finding(path: ExemptionFile.path, message: LocalizedText(fr: "fichier illisible : \(error)", en: "unreadable file: \(error)")))
            }
        }
        let selected = selectedRules(request)
        let engine = AuditEngine(rules: selected, factProviders: ruleSet.factProviders)
        let result = engine.run(snapshot, context: context, exemptions: exemptions, problems: problems)
        var repository = repository
        repository.partial = snapshot.isPartial
        let card = Scorecard(
            tool: ToolInfo(version: VigieVersion.current, libgit2: VigieVersion.libgit2),
            repository: repository,
            asOf: request.asOf,
            ruleset: ruleSet.info,
            lang: request.language,
            score: result.score,
            grade: result.score.map(Grade.init(score:)),
            summary: StatusCounts(result.checks.map(\.status)),
            categories: result.categories,
            checks: result.checks.map(Self.withFix),
            facts: result.facts
        )
        // Once, before any renderer: every format, file, index and page starts from this card.
        let mask = SecretMask.forAudit(of: snapshot, data: ruleSet.data)
        return card.mappingStrings { TerminalSafeText.clean(mask.mask($0)) }
    }

    /// A failing or warning check of a built-in rule that declares a fix names the command that
    /// writes it (`checks[].fix`, docs/fix.md).
    static func withFix(_ check: CheckResult) -> CheckResult {
        guard check.status == .fail || check.status == .warn, check.source == "builtin", BuiltInRules.named(check.id)?.fix != nil else { return check }
        var check = check
        check.fix = "vigie fix --only \(check.id)"
        return check
    }

    /// The rules `--select` and `--ignore` leave to run.
    func selectedRules(_ request: AuditRequest) -> [ConfiguredRule] {
        ruleSet.rules.filter { configured in
            let id = configured.rule.metadata.id
            let matches = { (pattern: String) in id == pattern || id.hasPrefix(pattern + ".") }
            return (request.select.isEmpty || request.select.contains(where: matches)) && !request.ignore.contains(where: matches)
        }
    }

    /// Sorts libgit2 failures into the errors a user can act on.
    static func mapErrors<T>(path: String, revision: String, _ body: () throws -> T) throws(AuditError) -> T {
        do {
            return try body()
        } catch let error as AuditError {
            throw error
        } catch let error as GitError {
            // A damaged pack or .idx fails every lookup, revision parsing included: that is a corrupt
            // repository (74), never an unknown revision (66).
            if error.category == .odb || error.category == .zlib, error.message.lowercased().contains("pack") {
                throw .corruptPack(path: path, detail: error.message)
            }
            switch error.operation {
            case "git_revparse_single" where !(error.category == .odb || error.category == .zlib),
                 "git_object_peel" where !(error.category == .odb || error.category == .zlib):
                throw .unknownRevision(path: path, revision: revision, detail: error.message)
            default:
                if error.isCorruptOrMissingObject { throw .corruptRepository(path: path, detail: error.message) }
                throw .unreadableRepository(path: path, error: error)
            }
        } catch {
            throw .corruptRepository(path: path, detail: String(describing: error))
        }
    }

    /// The work tree's folder name; for a bare repository, its folder name without `.git`.
    static func repositoryName(_ repository: Repository) -> String {
        let folder = repository.workDirectory ?? repository.gitDirectory
        var name = URL(fileURLWithPath: folder).lastPathComponent
        if name == ".git" { name = URL(fileURLWithPath: folder).deletingLastPathComponent().lastPathComponent }
        if name.hasSuffix(".git") { name = String(name.dropLast(4)) }
        return name.isEmpty ? "repository" : name
    }

    /// The path as an absolute, standardised path (no `.` or `..`).
    static func displaySource(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

extension SnapshotEntry.Kind {
    init(_ kind: EntryKind) {
        switch kind {
        case .file, .directory: self = .file
        case .executable: self = .executable
        case .symlink: self = .symlink
        case .submodule: self = .submodule
        }
    }
}
