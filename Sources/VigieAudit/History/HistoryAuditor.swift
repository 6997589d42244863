import Foundation
public import VigieCore
import VigieGit
public import VigieReport

/// What `vigie history` audits: a repository, a revision, how often, since when.
public struct HistoryRequest: Sendable {
    /// The audit options (path, revision, as-of day, language, anonymize, select/ignore) shared by
    /// every point; each point's audit is as of its period's last day.
    public var audit: AuditRequest
    public var every: HistoryInterval
    /// The first day of interest (default: the first commit's day).
    public var since: Day?

    public init(audit: AuditRequest, every: HistoryInterval, since: Day?) {
        self.audit = audit
        self.every = every
        self.since = since
    }
}

extension Auditor {
    /// Audits the repository at the last commit of each period on the first-parent line of the
    /// requested revision (by committer date), as of the period's last day (or the request's as-of
    /// day for the period still running). One repository is opened for every point, and the commit
    /// headers read by one point's history walk serve the next ones.
    public func history(_ request: HistoryRequest) throws(AuditError) -> ScoreHistory {
        let path = request.audit.path
        let repository = try Auditor.openRepository(path)
        let source = Self.displaySource(path)
        let name = request.audit.name ?? Self.repositoryName(repository)
        do {
            return try history(repository, request: request, source: source, name: name)
        } catch {
            throw Self.explainingDamagedPacks(error, repository: repository, source: source)
        }
    }

    private func history(_ repository: Repository, request: HistoryRequest, source: String, name: String) throws(AuditError) -> ScoreHistory {
        try Self.mapErrors(path: source, revision: request.audit.revision) {
            let empty = ScoreHistory(repository: name, ref: request.audit.revision, every: request.every.rawValue,
                                     language: request.audit.language, points: [])
            if case .unborn = try repository.head(), request.audit.revision == "HEAD" { return empty }
            let tip = try repository.resolveCommit(request.audit.revision)
            let (chain, cut) = try repository.firstParentLine(from: tip.id)
            var unreadable = cut.map { [ScoreHistory.UnreadablePoint(commit: $0.commit.hex, period: nil, detail: $0.error.message)] } ?? []
            guard let oldest = chain.last else { return empty }
            let start = request.since ?? Day(secondsSinceEpoch: oldest.committerTime)
            let graph = SharedCommitGraph(repository: repository)
            let mailmaps = MailmapCache()
            let tags = try repository.listTags()
            var points: [ScoreHistory.Point] = []
            for end in request.every.periodEnds(from: start, to: request.audit.asOf) {
                // The newest commit of the line committed before the end of that day.
                let cutoff = (end.daysSinceEpoch + 1) * 86_400
                guard let commit = chain.first(where: { $0.committerTime < cutoff }) else { continue }
                var pointRequest = request.audit
                pointRequest.asOf = end
                pointRequest.revision = commit.id.hex
                pointRequest.name = name
                let visibleTags = tags.filter { $0.time < cutoff }.map { SnapshotTag(name: $0.name, time: $0.time) }
                let card: Scorecard
                do {
                    card = try audit(repository, commit: commit.id, source: source, request: pointRequest, graph: graph, mailmaps: mailmaps,
                                     tags: visibleTags)
                } catch let error as GitError where error.isCorruptOrMissingObject {
                    // That point's commit or root tree cannot be read: the other points stand, and this one is reported.
                    unreadable.append(ScoreHistory.UnreadablePoint(commit: commit.id.hex, period: request.every.label(end), detail: error.message))
                    continue
                }
                points.append(ScoreHistory.Point(
                    date: end, period: request.every.label(end), commit: commit.id.hex, score: card.score, grade: card.grade,
                    categories: card.categories, checks: card.checks.map { (id: $0.id, status: $0.status) }))
            }
            var history = ScoreHistory(repository: name, ref: request.audit.revision, every: request.every.rawValue,
                                       language: request.audit.language, points: points)
            history.unreadable = unreadable
            return history
        }
    }

    /// One point: the commit's tree as the snapshot, the shared graph as its history.
    private func audit(_ repository: Repository, commit id: ObjectID, source: String, request: AuditRequest, graph: SharedCommitGraph,
                       mailmaps: MailmapCache, tags: [SnapshotTag]) throws -> Scorecard {
        let commit = try repository.resolveCommit(id.hex)
        let listing = try repository.listTree(commit.treeID)
        let entries = listing.entries.map { SnapshotEntry(pathBytes: $0.path.bytes, kind: SnapshotEntry.Kind($0.kind)) }
        let reader = HistoricalSnapshotReader(repository: repository, commit: commit.id, listing: listing, graph: graph, mailmaps: mailmaps,
                                              tags: tags)
        let snapshot = RepositorySnapshot(name: request.name ?? Self.repositoryName(repository), entries: entries, reader: reader,
                                          readCap: request.readCap, isShallow: repository.isShallow)
        return scorecard(snapshot, request: request, repository: RepositoryInfo(
            name: snapshot.name, source: source, ref: request.revision, commit: commit.id.hex,
            commitDate: isoTimestamp(seconds: commit.time, offsetMinutes: commit.timeOffsetMinutes), branch: nil,
            shallow: repository.isShallow))
    }
}
