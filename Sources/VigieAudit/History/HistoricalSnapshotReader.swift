import VigieCore
import VigieGit

/// The snapshot reader of one point of `vigie history`: file contents as in any audit, the history
/// walked through the shared commit graph, identities resolved through that commit's `.mailmap`, and
/// only the tags that existed on the point's day.
final class HistoricalSnapshotReader: SnapshotReader {
    private let files: GitSnapshotReader
    private let graph: SharedCommitGraph
    private let mailmaps: MailmapCache
    private let repository: Repository
    private let commit: ObjectID
    private let mailmapBlob: ObjectID?
    private let visibleTags: [SnapshotTag]

    init(repository: Repository, commit: ObjectID, listing: TreeListing, graph: SharedCommitGraph, mailmaps: MailmapCache,
         tags: [SnapshotTag]) {
        self.files = GitSnapshotReader(repository: repository, commit: commit, listing: listing)
        self.repository = repository
        self.commit = commit
        self.graph = graph
        self.mailmaps = mailmaps
        self.mailmapBlob = listing.entries.first { $0.path.display == ".mailmap" }?.id
        self.visibleTags = tags
    }

    func inventory() -> [UnreadableEntry] { files.inventory() }

    func state(of entry: SnapshotEntry) -> EntryState { files.state(of: entry) }

    func contents(of entry: SnapshotEntry, cap: Int64) throws -> [UInt8] {
        try files.contents(of: entry, cap: cap)
    }

    func walkHistory(_ body: (HistoryCommit) throws -> Void) throws -> [HistoryGap] {
        let resolve = mailmaps.resolver(for: mailmapBlob, in: repository)
        let cuts = try graph.walk(from: commit) { node in
            let person = try resolve(node.author.name, node.author.email)
            try body(HistoryCommit(authorName: person.name, authorEmail: person.email, authorTime: node.author.time,
                                   committerTime: node.committerTime, parentCount: node.parents.count,
                                   malformed: node.malformed.map { MalformedCommit(commit: node.id.hex, reason: $0) }))
        }
        return cuts.map { files.gap($0) }
    }

    func tags() throws -> [SnapshotTag] { visibleTags }
}

/// `.mailmap` files parsed once per blob, with each identity resolved once per blob: most points
/// of a history share the same `.mailmap`.
final class MailmapCache {
    private var parsed: [ObjectID: Mailmap] = [:]
    private var resolved: [ObjectID: [Identity: Identity]] = [:]

    struct Identity: Hashable {
        let name: String
        let email: String
    }

    /// Resolves identities through the `.mailmap` blob; without one, or with one that cannot be read
    /// (absent from a partial clone, corrupt), identities are kept as they are.
    func resolver(for blob: ObjectID?, in repository: Repository) -> (String, String) throws -> Identity {
        let unchanged: (String, String) throws -> Identity = { Identity(name: $0, email: $1) }
        guard let blob else { return unchanged }
        let mailmap: Mailmap
        if let known = parsed[blob] {
            mailmap = known
        } else {
            guard let bytes = try? repository.readBlob(blob, cap: 1 << 20), let read = try? Mailmap(bytes) else { return unchanged }
            mailmap = read
            parsed[blob] = mailmap
        }
        return { [self] name, email in
            let raw = Identity(name: name, email: email)
            if let known = resolved[blob]?[raw] { return known }
            let (resolvedName, resolvedEmail) = try mailmap.resolve(name: name, email: email)
            let person = Identity(name: resolvedName, email: resolvedEmail)
            resolved[blob, default: [:]][raw] = person
            return person
        }
    }
}
