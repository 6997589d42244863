import Foundation
import VigieGit

/// Reads, on a second thread, the blobs a content scan is about to ask for, so that inflating them
/// (a quarter of a head scan on a large repository) overlaps the scan itself on a two-core machine.
///
/// A hint, never a source of truth: the audit's thread takes a blob from here when it has already
/// been read, waits when this thread is reading that very blob, and otherwise reads it itself. A blob
/// this thread could not read (absent, corrupt, over the cap) is simply not handed over, so every
/// error is met, and reported, by the audit's own read, exactly as without read-ahead. Results do not
/// depend on timing: the bytes are the object's, whoever inflates them.
///
/// Bounded: at most `maximumAhead` bytes read and not yet taken; blobs a scan passes over without
/// asking (refused by a budget) are dropped as soon as it asks for a later one, and a new scan's
/// hint replaces the old queue. libgit2 objects are used by one thread at a time: the thread has its
/// own `Repository`, never touched by the audit's thread.
public final class BlobPrefetch: @unchecked Sendable {
    /// A blob to read ahead: the snapshot path the scan will ask for, and its object.
    struct Item: Sendable {
        let path: String
        let id: ObjectID
    }

    /// How far ahead of the scan the thread may read: enough to keep it busy across small files,
    /// small beside the 128 MiB the scans may read in all.
    static let maximumAhead = 4 << 20
    /// Once full, the thread sleeps until the scan has taken half: waking it for every blob taken
    /// cost a context switch per file (3,000 on git/git's head scan).
    static let resumeBelow = maximumAhead / 2
    /// The fewest files a first hint must list to start the thread: below, reading them on the audit's
    /// thread costs less than starting one.
    public static let minimumHint = 16

    // Everything below is guarded by `condition`'s lock.
    private let condition = NSCondition()
    private var queue: [Item] = []
    private var cap: Int64 = 0
    /// Position in `queue` of each path of the current hint.
    private var positions: [String: Int] = [:]
    /// Next item the thread looks at.
    private var next = 0
    /// Items before this position were passed over by the scan: their blobs are dropped.
    private var passed = 0
    /// Blobs read and not yet taken, by path.
    private var ready: [String: [UInt8]] = [:]
    private var readyBytes = 0
    /// The path the thread is reading now, outside the lock.
    private var reading: String?
    /// Paths the audit's thread read itself: never read again here.
    private var taken: Set<String> = []
    /// The thread sleeps because it read `maximumAhead` bytes ahead; it wakes below `resumeBelow`.
    private var full = false
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    init(repository: Repository) throws(GitError) {
        let handle = try Repository(reopening: repository)
        let box = RepositoryBox(handle)
        let thread = Thread { [self] in
            run(box.repository)
            finished.signal()
        }
        thread.name = "vigie-read-ahead"
        thread.start()
    }

    /// The scan's next reads, in its order; replaces the previous hint (that scan is over). Blobs
    /// already read stay if the new hint lists them.
    func willRead(_ items: [Item], cap: Int64) {
        condition.lock()
        defer { condition.unlock() }
        let kept = Set(items.map(\.path))
        for (path, bytes) in ready where !kept.contains(path) {
            ready[path] = nil
            readyBytes -= bytes.count
        }
        queue = items
        self.cap = cap
        positions = [:]
        for (index, item) in items.enumerated() where positions[item.path] == nil { positions[item.path] = index }
        next = 0
        passed = 0
        full = readyBytes >= Self.resumeBelow && full
        condition.broadcast()
    }

    /// The blob of `path` if this thread read it (waiting if it is reading it now); nil when the
    /// caller must read it itself, which it then does (this thread will not).
    func take(_ path: String) -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        var waited = false
        while reading == path {
            waited = true
            condition.wait()
        }
        if let position = positions[path] {
            dropPassed(before: position)
            // The scan caught up with the thread: it reads the next file itself, so that the two
            // leapfrog instead of the scan waiting for every file (a context switch each).
            if waited { claimNext(after: position) }
        }
        if let bytes = ready.removeValue(forKey: path) {
            readyBytes -= bytes.count
            wakeIfRoom()
            return bytes
        }
        taken.insert(path)
        return nil
    }

    /// Bytes read ahead and not yet taken (at most about `maximumAhead`).
    var heldBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return readyBytes
    }

    /// Waits until the thread has gone through the hint or reached its bound: tests use it to take
    /// blobs knowing they were read ahead, not racing the thread.
    func waitUntilCaughtUp() {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && (reading != nil || (next < queue.count && !full && readyBytes < Self.maximumAhead)) { condition.wait() }
    }

    /// Stops the thread and waits for it: no read outlives its audit.
    func finish() {
        condition.lock()
        let wasStopped = stopped
        stopped = true
        condition.broadcast()
        condition.unlock()
        if !wasStopped { finished.wait() }
    }

    /// The scan asked for the item at `position`: the ones before it it did not ask for (a budget
    /// refused them) will not be asked for by this scan, so their blobs go.
    private func dropPassed(before position: Int) {
        guard position > passed else { return }
        for index in passed..<position {
            if let bytes = ready.removeValue(forKey: queue[index].path) { readyBytes -= bytes.count }
        }
        passed = position + 1
        // A scan that jumps ahead of the thread: it need not read what lies behind.
        next = max(next, passed)
        wakeIfRoom()
    }

    /// Leaves the item after `position` to the scan, unless the thread read it or is reading it.
    private func claimNext(after position: Int) {
        let following = position + 1
        guard following < queue.count, following >= next else { return }
        let path = queue[following].path
        guard ready[path] == nil, reading != path else { return }
        taken.insert(path)
    }

    /// Wakes the thread when it sleeps full and the scan has taken enough to make it worth it.
    private func wakeIfRoom() {
        guard full, readyBytes < Self.resumeBelow else { return }
        full = false
        condition.broadcast()
    }

    private func run(_ repository: Repository) {
        condition.lock()
        defer { condition.unlock() }
        while true {
            while !stopped && (next >= queue.count || full || readyBytes >= Self.maximumAhead) {
                if readyBytes >= Self.maximumAhead { full = true }
                // Idle: whoever waits for the thread to catch up may go on.
                condition.broadcast()
                condition.wait()
            }
            if stopped { return }
            let item = queue[next]
            next += 1
            guard ready[item.path] == nil, !taken.contains(item.path) else { continue }
            reading = item.path
            let cap = self.cap
            condition.unlock()
            let bytes = try? repository.readBlob(item.id, cap: cap)
            condition.lock()
            reading = nil
            // Kept only if it is still wanted: the hint may have changed, or the scan read it meanwhile.
            if let bytes, positions[item.path] != nil, !taken.contains(item.path) {
                ready[item.path] = bytes
                readyBytes += bytes.count
            }
            condition.broadcast()
        }
    }
}

/// The thread's repository handle, made on the audit's thread and used only by the reading thread
/// afterwards: the compiler cannot see that the audit's thread lets go of it.
private final class RepositoryBox: @unchecked Sendable {
    let repository: Repository
    init(_ repository: Repository) { self.repository = repository }
}
