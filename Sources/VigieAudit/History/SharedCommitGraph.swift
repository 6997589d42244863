import VigieGit

/// The commit headers of one repository, read once and kept for every point of a history: the
/// audit at month 60 walks mostly the same commits as the one at month 59, so each commit's object
/// is read from the database once however many points walk over it.
final class SharedCommitGraph {
    private let repository: Repository
    private let boundary: Set<ObjectID>
    private var nodes: [ObjectID: CommitNode] = [:]

    init(repository: Repository) {
        self.repository = repository
        self.boundary = repository.shallowBoundaryCommits()
    }

    func node(_ id: ObjectID) throws(GitError) -> CommitNode {
        if let node = nodes[id] { return node }
        let node = try repository.commitNode(id)
        nodes[id] = node
        return node
    }

    /// Every commit reachable from `start` once, in no particular order; stops at a shallow clone's
    /// boundary, and at commits that cannot be read, which it returns (as `Repository.walkHistory` does).
    func walk(from start: ObjectID, _ body: (CommitNode) throws -> Void) throws -> [HistoryCut] {
        var seen: Set<ObjectID> = [start]
        var pending: [(id: ObjectID, child: ObjectID?)] = [(start, nil)]
        var cuts: [HistoryCut] = []
        while let (id, child) = pending.popLast() {
            let commit: CommitNode
            do {
                commit = try node(id)
            } catch {
                guard let child else { throw error }
                cuts.append(HistoryCut(commit: id, child: child, error: error))
                continue
            }
            try body(commit)
            if boundary.contains(id) { continue }
            for parent in commit.parents where seen.insert(parent).inserted { pending.append((parent, id)) }
        }
        return cuts.sorted { $0.commit < $1.commit }
    }
}
