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

    func walkHistory(_ body: (HistoryCommit) throws -> Void) throws {
        let mailmap = try self.mailmap()
        // Resolve each distinct identity once: a history has far fewer authors than commits.
        var resolved: [Identity: Identity] = [:]
        try repository.walkHistory(from: commit) { record in
            let raw = Identity(name: record.author.name, email: record.author.email)
            var person = raw
            if let mailmap {
                if let known = resolved[raw] {
                    person = known
                } else {
                    let (name, email) = try mailmap.resolve(name: raw.name, email: raw.email)
                    person = Identity(name: name, email: email)
                    resolved[raw] = person
                }
            }
            try body(HistoryCommit(authorName: person.name, authorEmail: person.email,
                                   authorTime: record.author.time, committerTime: record.committerTime,
                                   parentCount: record.parentCount))
        }
    }

    /// The `.mailmap` at the root of the audited tree (not of the work tree, not HEAD's), if any.
    private func mailmap() throws -> Mailmap? {
        guard let id = ids[".mailmap"] else { return nil }
        return try Mailmap(repository.readBlob(id, cap: 1 << 20))
    }

    private struct Identity: Hashable {
        let name: String
        let email: String
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
