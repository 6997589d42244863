import Foundation
import VigieCore
import VigieGit

/// How an audit reads the history.
public enum HistoryReading: Sendable {
    /// The counting walk starts on its own thread, with its own repository handle, as soon as the
    /// audited commit is known, while this thread lists the tree and runs the other rules; with a
    /// commit-graph file it reads on two threads. The default.
    case concurrent
    /// Everything on the audit's thread, commits counted one by one through `walkHistory` (the path
    /// vigie took before the counting walk): the reference the concurrent path is tested against.
    case sequential
}

/// The history walk of one audit, running on its own thread: the head scan (tree listing, licence,
/// README and content rules) and the walk need nothing from each other, so on two cores the audit
/// takes about as long as the longer of the two.
///
/// libgit2 objects are used by one thread at a time: the thread gets its own `Repository`, opened
/// here and never touched again by the audit's thread. The audit waits for the thread before it
/// returns (`finish`, in a `defer`), so no walk outlives its audit, whether or not a rule asked.
final class HistoryPrefetch: @unchecked Sendable {
    // Written once by the walking thread before `done` is signalled, read by the audit's thread after
    // waiting on it: the semaphore orders the two.
    private var result: Result<HistoryCounts, GitError>?
    private let done = DispatchSemaphore(value: 0)
    private let window: HistoryWindow
    // Touched by the audit's thread only.
    private var waited = false

    init(repository: Repository, commit: ObjectID, window: HistoryWindow, graphMinimum: Int) throws(GitError) {
        self.window = window
        let handle = Handoff(try Repository(reopening: repository))
        let gitWindow = ActivityWindow(window)
        let thread = Thread { [self] in
            let repository = handle.take()
            result = Result { () throws(GitError) -> HistoryCounts in try repository.countHistory(from: commit, window: gitWindow, graphMinimum: graphMinimum) }
            done.signal()
        }
        thread.name = "vigie-history"
        // The default secondary-thread stack is enough: the walk keeps its stack of commits on the heap.
        thread.start()
    }

    /// The counts for `window`, waiting for the walk; nil when the audit asks for another window
    /// (it then walks on its own thread).
    func counts(for window: HistoryWindow) throws(GitError) -> HistoryCounts? {
        guard window == self.window else { return nil }
        finish()
        return try result?.get()
    }

    /// Waits for the walking thread to end (once).
    func finish() {
        guard !waited else { return }
        done.wait()
        waited = true
    }
}

/// A value handed from the thread that made it to the one that uses it, and never used by both:
/// the compiler cannot see that the audit's thread lets go of it.
private final class Handoff<Value>: @unchecked Sendable {
    private var value: Value?
    init(_ value: Value) { self.value = value }
    func take() -> Value {
        defer { value = nil }
        return value!
    }
}
