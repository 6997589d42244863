import Dispatch
import Foundation

/// Runs blocking work (libgit2 reads and fetches) on a Dispatch thread, so the cooperative pool
/// that schedules the fleet's tasks is never blocked, and gives up after `timeout` seconds.
///
/// A timed-out piece of work cannot be killed (libgit2 calls are not cancellable from outside);
/// it finishes in the background and its result is dropped, so it can never write an output.
func runBlocking<T: Sendable>(timeout: Int, onTimeout: @escaping @Sendable () -> any Error,
                              _ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let once = ResumeOnce(continuation)
        DispatchQueue.global().async {
            once.resume(with: Result { try work() })
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(timeout)) {
            once.resume(with: .failure(onTimeout()))
        }
    }
}

/// Resumes a continuation exactly once, whichever of the work and the timer finishes first.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = continuation }

    func resume(with result: Result<T, any Error>) {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume(with: result)
    }
}
