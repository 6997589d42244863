import Foundation
public import VigieCore
import VigieGit
import VigieReport
public import VigieRules

/// One repository of a fleet, start to finish: locate or fetch it, resolve its commit, reuse its
/// previous scorecard or audit it, write the scorecard. The same work runs inside the fleet's
/// process (`--in-process`) or in a worker process (`vigie fleet-worker`), which is where libgit2
/// reads untrusted repositories: a hang or a crash there costs that worker, never the fleet.
public struct FleetWork: Sendable {
    public let ruleSet: RuleSet
    public let options: FleetOptions
    public let tokenUser: String

    public init(ruleSet: RuleSet, options: FleetOptions, tokenUser: String) {
        self.ruleSet = ruleSet
        self.options = options
        self.tokenUser = tokenUser
    }

    /// What the fleet shows for a repository: the path, or the URL without credentials.
    public static func source(of repository: FleetManifest.Repository) -> String {
        switch repository.location {
        case .path(let path): path
        case .url(let url): RemoteURL.display(url)
        }
    }

    /// The key under which a scorecard may be reused: everything that changes a verdict, then the commit.
    func reuseKeyPrefix(_ repository: FleetManifest.Repository) -> String {
        let granted = repository.exemptions.map { "\($0.rule):\($0.reason ?? ""):\($0.until?.iso ?? "")" }.joined(separator: ",")
        return [ruleSet.digest, VigieVersion.current, options.asOf.iso, options.language.rawValue,
                String(options.anonymize), repository.ref, options.select.joined(separator: ","),
                options.ignore.joined(separator: ","), granted, repository.strict ? "strict" : ""].joined(separator: "|")
    }

    /// Audits (or reuses) one repository and writes its fresh scorecard to `options.output/file.json`.
    /// `previousKey`: the reuse key of the previous run's scorecard, when it was audited.
    public func perform(_ repository: FleetManifest.Repository, file: String, previousKey: String?) throws(AuditError) -> FleetWorkResult {
        let source = Self.source(of: repository)
        var request = AuditRequest(path: source, revision: repository.ref, asOf: options.asOf, language: options.language,
                                   anonymize: options.anonymize, name: repository.name)
        request.exemptions = repository.exemptions
        request.strict = repository.strict
        request.select = options.select
        request.ignore = options.ignore
        // Audits running side by side already keep the cores busy: a read-ahead thread per audit
        // would only add hand-overs that wait for a core (measured slower under load).
        request.readsAhead = options.jobs <= 1
        let opened = try Self.open(repository, cache: options.cache, tokenUser: tokenUser)
        let commit = try Self.commitID(opened, revision: repository.ref, source: source)
        let key = reuseKeyPrefix(repository) + "|" + (commit ?? "empty")
        if !options.force, previousKey == key, let card = FleetIndexStore.readScorecard(options.output + "/" + file + ".json") {
            return FleetWorkResult(scorecard: card, key: key, reused: true)
        }
        let card = try Auditor(ruleSet: ruleSet).audit(opened, source: source, request: request)
        try ScorecardWriter.write(card, to: options.output, baseName: file)
        return FleetWorkResult(scorecard: card, key: key, reused: false)
    }

    /// The previous scorecard, when the reference files alone show that the repository's commit has
    /// not changed: no repository is opened, no worker is involved (ReferencePeek.swift). Nil means
    /// "audit it", never "changed": the audit then decides with libgit2.
    public func reusedWithoutOpening(_ repository: FleetManifest.Repository, file: String, previousKey: String?) -> FleetWorkResult? {
        guard !options.force, let previousKey, case .path(let path) = repository.location,
              let commit = ReferencePeek.objectID(repositoryAt: path, revision: repository.ref) else { return nil }
        let key = reuseKeyPrefix(repository) + "|" + commit
        guard key == previousKey, let card = FleetIndexStore.readScorecard(options.output + "/" + file + ".json") else { return nil }
        return FleetWorkResult(scorecard: card, key: key, reused: true)
    }

    /// Opens a local repository, or mirrors a remote one into the cache first.
    private static func open(_ repository: FleetManifest.Repository, cache: String, tokenUser: String) throws(AuditError) -> VigieGit.Repository {
        switch repository.location {
        case .path(let path):
            guard FileManager.default.fileExists(atPath: path) else { throw .pathNotFound(path: path) }
            do {
                return try VigieGit.Repository(discoveringFrom: path)
            } catch {
                if error.code == .notFound { throw .notARepository(path: path) }
                throw .unreadableRepository(path: path, error: error)
            }
        case .url(let url):
            try OutputFiles.createFolder(cache)
            let token = repository.tokenEnvironment.flatMap { ProcessInfo.processInfo.environment[$0] }
            do {
                return try VigieGit.Repository.mirror(url: url, at: cache + "/" + RemoteURL.cacheName(url),
                                                      credentials: RemoteCredentials(token: token, tokenUser: tokenUser),
                                                      timeout: TimeInterval(repository.timeout))
            } catch {
                // libgit2's message may quote the URL it was given: show the URL without credentials only.
                throw .fetchFailed(url: RemoteURL.display(url), detail: error.message.replacingOccurrences(of: url, with: RemoteURL.display(url)))
            }
        }
    }

    /// The commit to audit, or nil for an empty repository (HEAD unborn).
    private static func commitID(_ repository: VigieGit.Repository, revision: String, source: String) throws(AuditError) -> String? {
        try Auditor.mapErrors(path: source, revision: revision) {
            if case .unborn = try repository.head(), revision == "HEAD" { return nil }
            return try repository.resolveCommit(revision).id.hex
        }
    }
}

/// A repository's scorecard and its reuse key, fresh or reused.
public struct FleetWorkResult: Sendable {
    public let scorecard: Scorecard
    public let key: String
    public let reused: Bool
}
