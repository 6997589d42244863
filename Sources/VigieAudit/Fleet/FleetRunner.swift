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
    /// Where each repository's work runs (docs/fleet.md, "Isolation").
    public var isolation: FleetIsolation = .inProcess

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
        let pool: FleetWorkerPool? = if case .workers(let launch) = options.isolation { FleetWorkerPool(launch: launch) } else { nil }
        let indexes = Dictionary(manifest.repositories.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        await withTaskGroup(of: FleetOutcome.self) { group in
            var pending = selected.makeIterator()
            func startNext() -> Bool {
                guard let repository = pending.next() else { return false }
                let file = files[repository.name] ?? ScorecardWriter.safeFileName(repository.name)
                let previousEntry = previousByName[repository.name]
                let index = indexes[repository.name] ?? 0
                group.addTask {
                    if let reused = FleetWork(ruleSet: ruleSet, options: options, tokenUser: manifest.tokenUser)
                        .reusedWithoutOpening(repository, file: file, previousKey: previousEntry?.status == .audited ? previousEntry?.reuseKey : nil) {
                        return FleetOutcome(repository: repository, file: file, source: FleetWork.source(of: repository),
                                            result: .reused(reused.scorecard, key: reused.key), error: nil)
                    }
                    if let pool { return await self.audit(repository, index: index, file: file, previous: previousEntry, pool: pool) }
                    return await self.audit(repository, file: file, previous: previousEntry)
                }
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
        await pool?.shutdown()
        let index = FleetIndexStore.build(
            fleet: manifest.name, options: options, ruleSet: ruleSet, shard: options.shard,
            outcomes: outcomes, order: manifest.repositories.map(\.name), previous: previous)
        try FleetIndexStore.write(index, to: options.output)
        return index
    }

    /// One repository in this process, on a Dispatch thread, given up after its timeout.
    private func audit(_ repository: FleetManifest.Repository, file: String, previous: FleetRepository?) async -> FleetOutcome {
        let source = FleetWork.source(of: repository)
        let work = FleetWork(ruleSet: ruleSet, options: options, tokenUser: manifest.tokenUser)
        let previousKey = previous?.status == .audited ? previous?.reuseKey : nil
        do {
            let done = try await runBlocking(timeout: repository.timeout, onTimeout: { AuditError.timedOut(source: source, seconds: repository.timeout) }) {
                try work.perform(repository, file: file, previousKey: previousKey)
            }
            return FleetOutcome(repository: repository, file: file, source: source, result: done.reused ? .reused(done.scorecard, key: done.key)
                                : .fresh(done.scorecard, key: done.key), error: nil)
        } catch let error as AuditError {
            return FleetOutcome(repository: repository, file: file, source: source, result: nil, error: error)
        } catch {
            return FleetOutcome(repository: repository, file: file, source: source, result: nil, error: .corruptRepository(path: source, detail: "\(error)"))
        }
    }

    /// One repository in a worker process: killed at its timeout, its crash reported as this
    /// repository's error; the scorecard the worker wrote is read back for the index.
    private func audit(_ repository: FleetManifest.Repository, index: Int, file: String, previous: FleetRepository?,
                       pool: FleetWorkerPool) async -> FleetOutcome {
        let source = FleetWork.source(of: repository)
        let failed = { (error: AuditError) in FleetOutcome(repository: repository, file: file, source: source, result: nil, error: error) }
        let job = FleetJob(index: index, file: file, previousKey: previous?.status == .audited ? previous?.reuseKey : nil,
                           cpuSeconds: repository.timeout)
        let worker: FleetWorkerProcess
        do {
            worker = try await pool.take()
        } catch {
            return failed(.workerEnded(source: source, reason: LocalizedText(fr: "impossible de lancer le processus d'audit (\(error))",
                                                                             en: "cannot start the audit process (\(error))")))
        }
        let reply: FleetJobReply
        do {
            reply = try await runBlocking(timeout: repository.timeout, onTimeout: { AuditError.timedOut(source: source, seconds: repository.timeout) }) {
                try worker.exchange(job)
            }
        } catch let error as AuditError {
            worker.kill() // still inside libgit2 or a fetch: the process goes, with whatever it holds
            return failed(error)
        } catch let error as FleetWorkerFailure {
            return failed(.workerEnded(source: source, reason: error.reason(cpuSeconds: repository.timeout)))
        } catch {
            return failed(.corruptRepository(path: source, detail: "\(error)"))
        }
        await pool.giveBack(worker)
        if let lines = reply.error { return failed(.reportedByWorker(lines: lines)) }
        guard let key = reply.key, let card = FleetIndexStore.readScorecard(options.output + "/" + file + ".json") else {
            return failed(.cannotWriteFile(path: options.output + "/" + file + ".json",
                                           reason: LocalizedText(fr: "le processus d'audit n'a pas écrit de carte de score", en: "the audit process wrote no scorecard")))
        }
        return FleetOutcome(repository: repository, file: file, source: source,
                            result: reply.reused == true ? .reused(card, key: key) : .fresh(card, key: key), error: nil)
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
