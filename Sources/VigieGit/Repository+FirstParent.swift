import CLibGit2
import Foundation

/// A commit's header as a value: what `vigie history` keeps in memory to share one history walk
/// between the audits of many points in time.
public struct CommitNode: Sendable, Equatable {
    public let id: ObjectID
    public let parents: [ObjectID]
    public let author: Signature
    public let committerTime: Int64
    /// What is malformed in its header (see `CommitRecord.malformed`); nil when sound.
    public var malformed: String? = nil
}

extension Repository {
    /// The first-parent line from `start` back to the root (or to a shallow clone's boundary), newest
    /// first: the commits a branch pointed at over time, merges counting as one step. Each commit's
    /// raw object is read once and only its header is parsed. An unreadable commit below `start`
    /// ends the line there, like a shallow boundary; only an unreadable `start` is thrown.
    public func firstParentChain(from start: ObjectID) throws(GitError) -> [(id: ObjectID, committerTime: Int64)] {
        try firstParentLine(from: start).chain
    }

    /// `firstParentChain`, with the commit that ended it early if one could not be read (`cut`).
    public func firstParentLine(from start: ObjectID) throws(GitError) -> (chain: [(id: ObjectID, committerTime: Int64)], cut: HistoryCut?) {
        let boundary = shallowBoundaryCommits()
        var chain: [(id: ObjectID, committerTime: Int64)] = []
        var seen: Set<ObjectID> = []
        var next: ObjectID? = start
        while let id = next, seen.insert(id).inserted {
            let node: CommitNode
            do {
                node = try commitNode(id)
            } catch {
                if id == start { throw error }
                return (chain, chain.last.map { HistoryCut(commit: id, child: $0.id, error: error) })
            }
            chain.append((id: id, committerTime: node.committerTime))
            next = boundary.contains(id) ? nil : node.parents.first
        }
        return (chain, nil)
    }

    /// The header of one commit: parents, author and committer time, read straight from the object database.
    public func commitNode(_ id: ObjectID) throws(GitError) -> CommitNode {
        let header = try parseCommit(id)
        return CommitNode(id: id, parents: header.parents, author: header.author, committerTime: header.committerTime,
                          malformed: header.malformed)
    }

    /// The commits whose parents a shallow clone does not have (listed in its `shallow` file).
    public func shallowBoundaryCommits() -> Set<ObjectID> {
        guard isShallow, let text = try? String(contentsOfFile: gitDirectory + "shallow", encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).compactMap { ObjectID(hex: String($0)) })
    }
}
