import VigieCore
import VigieGit

/// Gives rules the contents and history of the audited commit, through VigieGit. Turns every
/// object that cannot be read into an `UnreadableReason`: nothing here aborts the audit but an
/// unreadable audited commit.
final class GitSnapshotReader: SnapshotReader {
    private let repository: Repository
    private let commit: ObjectID
    private let ids: [String: ObjectID]
    private let listing: TreeListing
    private let isPartialClone: Bool
    /// The history walk already under way on its own thread (`HistoryPrefetch`), if the audit started one.
    private let prefetch: HistoryPrefetch?
    private let historyReading: HistoryReading
    private let graphMinimum: Int
    /// Whether blobs a scan announces are read ahead on a second thread (`BlobPrefetch`).
    private var readsAhead: Bool
    /// The read-ahead thread, started by the first scan that announces its reads.
    private var readAhead: BlobPrefetch?
    private let readAheadMinimum: Int
    /// Submodule URLs from the audited tree's `.gitmodules`, read once when a submodule is met.
    private lazy var submoduleURLs: [String: String] = {
        guard let id = ids[".gitmodules"], let bytes = try? repository.readBlob(id, cap: 1 << 20) else { return [:] }
        return GitModules(bytes).urls
    }()

    /// The paths `.gitattributes` sends to Git LFS: only those are opened to look for a pointer when a
    /// size is asked (a pointer met while reading content is recognised anyway).
    private lazy var lfs: LFSTracking = lfsTracking()

    init(repository: Repository, commit: ObjectID, listing: TreeListing, prefetch: HistoryPrefetch? = nil,
         historyReading: HistoryReading = .concurrent, graphMinimum: Int = Repository.graphWalkMinimum, readsAhead: Bool = false, readAheadMinimum: Int = BlobPrefetch.minimumHint) {
        self.repository = repository
        self.readsAhead = readsAhead
        self.readAheadMinimum = readAheadMinimum
        self.commit = commit
        self.listing = listing
        self.prefetch = prefetch
        self.historyReading = historyReading
        self.graphMinimum = graphMinimum
        var ids: [String: ObjectID] = [:]
        for entry in listing.entries where ids[entry.path.display] == nil { ids[entry.path.display] = entry.id }
        self.ids = ids
        self.isPartialClone = repository.isPartialClone
    }

    func inventory() -> [UnreadableEntry] {
        var found: [UnreadableEntry] = listing.unreadableFolders.map {
            UnreadableEntry(path: $0.path.display, reason: reason(for: $0.error), isFolder: true)
        }
        let lfs = self.lfs
        for entry in listing.entries {
            let path = entry.path.display
            if entry.kind == .submodule {
                found.append(UnreadableEntry(path: path, reason: .submodule(url: submoduleURLs[path])))
            } else if !repository.contains(entry.id) {
                found.append(UnreadableEntry(path: path, reason: absent))
            } else if !lfs.isEmpty, lfs.tracks(path), case .unreadable(let reason) = state(of: SnapshotEntry(pathBytes: entry.path.bytes, kind: .file)) {
                found.append(UnreadableEntry(path: path, reason: reason))
            }
        }
        return found
    }

    /// The tree's `.gitattributes` files that mention LFS (one substring test each before parsing).
    private func lfsTracking() -> LFSTracking {
        let marker = Array("filter=lfs".utf8)
        let files = listing.entries.filter { $0.path.display == ".gitattributes" || $0.path.display.hasSuffix("/.gitattributes") }
            .compactMap { entry -> (folder: String, bytes: [UInt8])? in
                guard let bytes = try? repository.readBlob(entry.id, cap: 1 << 20), contains(bytes, marker) else { return nil }
                let path = entry.path.display
                return (path.count > ".gitattributes".count ? String(path.dropLast(".gitattributes".count + 1)) : "", bytes)
            }
            .sorted { $0.folder.count < $1.folder.count }
        return LFSTracking(files)
    }

    private func contains(_ bytes: [UInt8], _ marker: [UInt8]) -> Bool {
        guard bytes.count >= marker.count else { return false }
        return (0...(bytes.count - marker.count)).contains { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }
    }

    func state(of entry: SnapshotEntry) -> EntryState {
        if entry.kind == .submodule { return .unreadable(.submodule(url: submoduleURLs[entry.path])) }
        guard let id = ids[entry.path] else { return .unreadable(absent) }
        let size: Int64
        do {
            size = try repository.objectSize(id)
        } catch {
            return .unreadable(reason(for: error))
        }
        // A small blob LFS tracks is a pointer: its content is elsewhere, its size is in the pointer.
        if size <= Int64(LFSPointer.maximumSize), !lfs.isEmpty, lfs.tracks(entry.path),
           let bytes = try? repository.readBlob(id, cap: size), let pointer = LFSPointer(bytes) {
            return .unreadable(.lfsPointer(size: pointer.size))
        }
        return .readable(size: size)
    }

    func contents(of entry: SnapshotEntry, cap: Int64) throws -> [UInt8] {
        guard let id = ids[entry.path] else { throw UnreadableContent(path: entry.path, reason: absent) }
        do {
            let bytes: [UInt8]
            if let early = readAhead?.take(entry.path) {
                // Read ahead at the scan's cap, which a later caller may have lowered.
                guard Int64(early.count) <= cap else { throw ContentTooLarge(path: entry.path, size: Int64(early.count), cap: cap) }
                bytes = early
            } else {
                bytes = try repository.readBlob(id, cap: cap)
            }
            if bytes.count <= LFSPointer.maximumSize, let pointer = LFSPointer(bytes) {
                throw UnreadableContent(path: entry.path, reason: .lfsPointer(size: pointer.size))
            }
            return bytes
        } catch let tooLarge as BlobTooLarge {
            throw ContentTooLarge(path: entry.path, size: tooLarge.size, cap: tooLarge.cap)
        } catch let error as GitError {
            throw UnreadableContent(path: entry.path, reason: reason(for: error))
        }
    }

    func willRead(_ entries: [SnapshotEntry], cap: Int64) {
        guard readsAhead else { return }
        let items = entries.compactMap { entry in ids[entry.path].map { BlobPrefetch.Item(path: entry.path, id: $0) } }
        // A handful of files is not worth a thread.
        guard items.count >= readAheadMinimum || readAhead != nil else { return }
        if readAhead == nil {
            // No second handle (file descriptors exhausted, say): every blob is read when asked.
            readAhead = try? BlobPrefetch(repository: repository)
            if readAhead == nil { readsAhead = false }
        }
        readAhead?.willRead(items, cap: cap)
    }

    /// Stops the read-ahead thread, if one was started: called when the audit ends.
    func finishReadingAhead() {
        readAhead?.finish()
    }

    func walkHistory(_ body: (HistoryCommit) throws -> Void) throws -> [HistoryGap] {
        let mailmap = self.mailmap()
        // Resolve each distinct identity once: a history has far fewer authors than commits.
        var resolved: [Identity: Identity] = [:]
        let cuts = try repository.walkHistory(from: commit) { record in
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
                                   parentCount: record.parentCount,
                                   malformed: record.malformed.map { MalformedCommit(commit: record.id.hex, reason: $0) }))
        }
        return cuts.map(gap)
    }

    /// The history counted by VigieGit's counting walk (or taken from the prefetch that ran it on its
    /// own thread), then identities resolved through the `.mailmap`, once per distinct identity.
    /// `.sequential` counts `walkHistory`'s commits one by one instead: the reference path.
    func tallyHistory(_ window: HistoryWindow) throws -> HistoryTally {
        if historyReading == .sequential { return try HistoryTally(window: window, walk: walkHistory) }
        let counts = try prefetch?.counts(for: window) ?? repository.countHistory(from: commit, window: ActivityWindow(window), graphMinimum: graphMinimum)
        return try tally(counts)
    }

    /// `HistoryCounts` as the snapshot's `HistoryTally`: identities after the `.mailmap`, those that
    /// end up the same person joined in order of first appearance (as a per-commit count joins them).
    func tally(_ counts: HistoryCounts) throws -> HistoryTally {
        let mailmap = self.mailmap()
        var tally = HistoryTally()
        tally.commits = counts.commits
        tally.merges = counts.merges
        tally.commitsInYear = counts.commitsInYear
        tally.first = counts.first
        tally.last = counts.last
        tally.monthly = counts.monthly
        var indexes: [Identity: Int] = [:]
        for identity in counts.identities {
            var person = Identity(name: identity.name, email: identity.email)
            if let mailmap {
                let (name, email) = try mailmap.resolve(name: person.name, email: person.email)
                person = Identity(name: name, email: email)
            }
            if let index = indexes[person] {
                tally.authors[index].commits += identity.commits
                tally.authors[index].commitsInYear += identity.commitsInYear
            } else {
                indexes[person] = tally.authors.count
                tally.authors.append(HistoryTally.Author(name: person.name, email: person.email, commits: identity.commits,
                                                         commitsInYear: identity.commitsInYear))
            }
        }
        tally.malformed = counts.malformed.map { MalformedCommit(commit: $0.commit.hex, reason: $0.reason) }
        tally.gaps = counts.cuts.map(gap)
        return tally
    }

    func gap(_ cut: HistoryCut) -> HistoryGap {
        HistoryGap(commit: cut.commit.hex, child: cut.child.hex, reason: reason(for: cut.error))
    }

    /// The `.mailmap` at the root of the audited tree (not of the work tree, not HEAD's), if any and
    /// readable: without it, identities are simply not merged.
    private func mailmap() -> Mailmap? {
        guard let id = ids[".mailmap"], let bytes = try? repository.readBlob(id, cap: 1 << 20) else { return nil }
        return try? Mailmap(bytes)
    }

    private var absent: UnreadableReason { isPartialClone ? .absentFromPartialClone : .absent }

    private func reason(for error: GitError) -> UnreadableReason {
        error.isAbsentObject ? absent : .corrupt(detail: error.message)
    }

    private struct Identity: Hashable {
        let name: String
        let email: String
    }

    func tags() throws -> [SnapshotTag] {
        try repository.listTags().map { SnapshotTag(name: $0.name, time: $0.time) }
    }
}

extension ActivityWindow {
    /// The snapshot's window in VigieGit's terms (VigieGit knows nothing of days).
    init(_ window: HistoryWindow) {
        self.init(yearStart: window.yearStart, end: window.end, monthStarts: window.monthStarts)
    }
}
