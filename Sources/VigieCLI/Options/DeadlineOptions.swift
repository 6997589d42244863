import ArgumentParser
import Foundation
import VigieAudit
import VigieCore

/// `--timeout SECONDS`: a deadline for the whole command (audit, history).
///
/// Why a watchdog thread rather than cancellation: the work that may stall is a C call (libgit2
/// reading a damaged object database, a read on a strange file), and a thread stuck in C cannot be
/// cancelled. When the deadline passes, the watchdog prints the one-line error and ends the process
/// with `_exit`, which runs no cleanup that could wait on the stuck thread's locks.
struct DeadlineOptions: ParsableArguments {
    static let defaultSeconds = 600

    @Option(help: ArgumentHelp("Give up after this many seconds, with exit 75 (default: 600; 0: never).", valueName: "seconds"))
    var timeout: Int = DeadlineOptions.defaultSeconds

    func validate() throws {
        if timeout < 0 { throw ValidationError("--timeout must be 0 (never) or a number of seconds, not \(timeout)") }
    }

    /// Starts the watchdog for `source` (what the user asked to audit).
    func arm(source: String, language: Language) {
        guard timeout > 0 else { return }
        Watchdog.arm(seconds: timeout, failure: CLIFailure(error: AuditError.deadlineExceeded(source: source, seconds: timeout), language: language))
    }
}

/// The thread that ends a stalled process. Everything it prints is rendered before it sleeps, so
/// firing needs no allocation, no lock and no Swift runtime call that a stuck thread might hold.
enum Watchdog {
    static func arm(seconds: Int, failure: CLIFailure) {
        let rendered = ErrorReporting.render(failure)
        let text = Array(rendered.text.utf8)
        let status = rendered.status.rawValue
        let thread = Thread {
            Thread.sleep(forTimeInterval: TimeInterval(seconds))
            text.withUnsafeBytes { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
            _exit(status)
        }
        thread.name = "vigie-deadline"
        thread.start()
    }
}
