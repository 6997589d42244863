import VigieCore
import VigieGit

/// Gives rules the contents and history of the audited commit, through VigieGit.
final class GitSnapshotReader: SnapshotReader {
    private let repository: Repository
    private let commit: ObjectID
    private let ids: [String: ObjectID]

    init(repository: Repository, commit: ObjectID, ids: [String: ObjectID]) {
        self.repository = repository
        self.commit = commit
        self.ids = ids
    }

    func contents(of entry: SnapshotEntry, cap: Int64) throws -> [UInt8] {
        guard let id = ids[entry.path] else { return [] }
        do {
            return try repository.readBlob(id, cap: cap)
        } catch let tooLarge as BlobTooLarge {
            throw ContentTooLarge(path: entry.path, size: tooLarge.size, cap: tooLarge.cap)
        } catch let error as GitError {
            throw UnreadableObject(path: entry.path, error: error)
        }
    }

    func history() throws -> [HistoryCommit] {
        var commits: [HistoryCommit] = []
        try repository.walkHistory(from: commit) { record in
            commits.append(HistoryCommit(authorName: record.author.name, authorEmail: record.author.email,
                                         authorTime: record.author.time, committerTime: record.committerTime,
                                         parentCount: record.parentCount))
        }
        return commits
    }

    func tags() throws -> [SnapshotTag] {
        try repository.listTags().map { SnapshotTag(name: $0.name, time: $0.time) }
    }
}

/// A file whose object could not be read: the rule reading it reports an error, the audit goes on.
struct UnreadableObject: LocalizedFailure {
    let path: String
    let error: GitError
    var localizedText: LocalizedText {
        LocalizedText(fr: "lecture impossible de \(path) : \(error.message) (lancez `git fsck`)",
                      en: "cannot read \(path): \(error.message) (run `git fsck`)")
    }
}
