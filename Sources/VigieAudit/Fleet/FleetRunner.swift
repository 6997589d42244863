import Foundation
public import VigieCore
import VigieGit
import VigieReport
public import VigieRules

/// How to run a fleet.
public struct FleetOptions: Sendable {
    public var output: String
    public var cache: String
    public var jobs: Int
    public var force: Bool
    public var shard: Shard?
    public var asOf: Day
    public var language: Language
    public var anonymize: Bool
    public var failUnder: Int?
    public var select: [String] = []
    public var ignore: [String] = []

    public init(output: String, cache: String, jobs: Int, force: Bool, shard: Shard?, asOf: Day, language: Language, anonymize: Bool, failUnder: Int?) {
        self.output = output
        self.cache = cache
        self.jobs = jobs
        self.force = force
        self.shard = shard
        self.asOf = asOf
        self.language = language
        self.anonymize = anonymize
        self.failUnder = failUnder
    }

    /// `$XDG_CACHE_HOME/vigie/repositories`, else `~/.cache/vigie/repositories`.
    public static var defaultCache: String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache"
        return base + "/vigie/repositories"
    }
}

/// Where a fleet run stands, for a progress display.
public struct FleetProgress: Sendable {
    public var total: Int
    public var done = 0
    public var running = 0
    public var failed = 0
}

/// Audits every repository of a manifest, at most `jobs` at a time, each in its own task with its
/// own libgit2 repository; one repository's failure becomes its error entry and never stops the others.
public struct FleetRunner: Sendable {
    public let manifest: FleetManifest
    public let ruleSet: RuleSet
    public let options: FleetOptions

    public init(manifest: FleetManifest, ruleSet: RuleSet, options: FleetOptions) {
        self.manifest = manifest
        self.ruleSet = ruleSet
        self.options = options
    }

    public func run(progress: @escaping @Sendable (FleetProgress) -> Void = { _ in }) async throws(AuditError) -> FleetIndex {
        try ScorecardWriter.createFolder(options.output)
        let previous = FleetIndexStore.load(from: options.output)
        let files = FleetIndexStore.assignFileNames(manifest.repositories.map(\.name))
        let selected = manifest.repositories.filter { options.shard?.contains($0.name) ?? true }
        let previousByName = Dictionary((previous?.repositories ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

        var state = FleetProgress(total: selected.count)
        progress(state)
        var outcomes: [FleetOutcome] = []
        await withTaskGroup(of: FleetOutcome.self) { group in
            var pending = selected.makeIterator()
            func startNext() -> Bool {
                guard let repository = pending.next() else { return false }
                let file = files[repository.name] ?? ScorecardWriter.safeFileName(repository.name)
                let previousEntry = previousByName[repository.name]
                group.addTask { await self.audit(repository, file: file, previous: previousEntry) }
                return true
            }
            for _ in 0..<max(1, options.jobs) where startNext() { state.running += 1 }
            progress(state)
            while let outcome = await group.next() {
                outcomes.append(outcome)
                state.running -= 1
                state.done += 1
                if outcome.error != nil { state.failed += 1 }
                if startNext() { state.running += 1 }
                progress(state)
            }
        }
        let index = FleetIndexStore.build(
            fleet: manifest.name, options: options, ruleSet: ruleSet, shard: options.shard,
            outcomes: outcomes, order: manifest.repositories.map(\.name), previous: previous)
        try FleetIndexStore.write(index, to: options.output)
        return index
    }

    /// One repository, start to finish: locate or fetch, resolve, reuse or audit, write its scorecard.
    private func audit(_ repository: FleetManifest.Repository, file: String, previous: FleetRepository?) async -> FleetOutcome {
        let source: String = switch repository.location {
        case .path(let path): path
        case .url(let url): RemoteURL.display(url)
        }
        var request = AuditRequest(path: source, revision: repository.ref, asOf: options.asOf, language: options.language,
                                   anonymize: options.anonymize, name: repository.name)
        request.exemptions = repository.exemptions
        request.strict = repository.strict
        request.select = options.select
        request.ignore = options.ignore
        let auditRequest = request
        let granted = repository.exemptions.map { "\($0.rule):\($0.reason ?? ""):\($0.until?.iso ?? "")" }.joined(separator: ",")
        let reuseKeyPrefix = [ruleSet.digest, VigieVersion.current, options.asOf.iso, options.language.rawValue,
                              String(options.anonymize), repository.ref, options.select.joined(separator: ","),
                              options.ignore.joined(separator: ","), granted, repository.strict ? "strict" : ""].joined(separator: "|")
        let force = options.force
        let outputFolder = options.output
        let cache = options.cache
        let ruleSet = self.ruleSet
        let tokenUser = manifest.tokenUser
        do {
            let result = try await runBlocking(timeout: repository.timeout, onTimeout: { AuditError.timedOut(source: source, seconds: repository.timeout) }) {
                () throws -> FleetOutcome.Result in
                let opened = try Self.open(repository, cache: cache, tokenUser: tokenUser)
                let commit = try Self.commitID(opened, revision: repository.ref, source: source)
                let key = reuseKeyPrefix + "|" + (commit ?? "empty")
                if !force, let previous, previous.status == .audited, previous.reuseKey == key,
                   let card = FleetIndexStore.readScorecard(outputFolder + "/" + file + ".json") {
                    return .reused(card, key: key)
                }
                return .fresh(try Auditor(ruleSet: ruleSet).audit(opened, source: source, request: auditRequest), key: key)
            }
            switch result {
            case .fresh(let card, _):
                try ScorecardWriter.write(card, to: options.output, baseName: file)
            case .reused:
                break
            }
            return FleetOutcome(repository: repository, file: file, source: source, result: result, error: nil)
        } catch let error as AuditError {
            return FleetOutcome(repository: repository, file: file, source: source, result: nil, error: error)
        } catch {
            return FleetOutcome(repository: repository, file: file, source: source, result: nil,
                                error: .corruptRepository(path: source, detail: "\(error)"))
        }
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

    /// The commit `revision` names, or nil for an empty repository audited at HEAD.
    private static func commitID(_ repository: VigieGit.Repository, revision: String, source: String) throws(AuditError) -> String? {
        try Auditor.mapErrors(path: source, revision: revision) {
            if case .unborn = try repository.head(), revision == "HEAD" { return nil }
            return try repository.resolveCommit(revision).id.hex
        }
    }
}

/// What happened to one repository of the fleet.
struct FleetOutcome: Sendable {
    enum Result: Sendable {
        case fresh(Scorecard, key: String)
        case reused(Scorecard, key: String)

        var scorecard: Scorecard {
            switch self {
            case .fresh(let card, _), .reused(let card, _): card
            }
        }
        var key: String {
            switch self {
            case .fresh(_, let key), .reused(_, let key): key
            }
        }
    }

    let repository: FleetManifest.Repository
    let file: String
    let source: String
    let result: Result?
    let error: AuditError?
}
