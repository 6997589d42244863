import Foundation
import VigieAudit
import VigieCore
import VigieRules

/// Everything vigie prints on stdout goes through here: each write is flushed and checked, so a
/// full disk or a closed pipe is an error with exit 74 (ErrorReporting), never a silent success.
enum StandardOutput {
    /// Raises `AuditError.cannotWriteStandardOutput`; the root command reports it in the `--lang`
    /// of the command line (Vigie.runMain), so every command can print through here.
    static func write(_ text: String) throws(AuditError) {
        if let failure = writeAndFlush(text) { throw .cannotWriteStandardOutput(reason: failure) }
    }

    static func print(_ text: String, terminator: String = "\n") throws(AuditError) {
        try write(text + terminator)
    }

    /// What stopped the last write, if anything (a bytes written short, or the flush failed).
    static func flushFailure() -> LocalizedText? { writeAndFlush("") }

    /// Writes with write(2) on descriptor 1, so every failure comes with its errno. Commands print
    /// through here only; `fflush(nil)` first sends anything a library printed through C's buffer
    /// (Swift 6 cannot name glibc's `stdout` to ask `ferror`), so order is kept.
    private static func writeAndFlush(_ text: String) -> LocalizedText? {
        errno = 0
        if fflush(nil) != 0 { return WriteFailure.reason(errno: errno == 0 ? EIO : errno) }
        var text = text
        return text.withUTF8 { buffer -> LocalizedText? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return WriteFailure.reason(errno: errno)
                }
                offset += written
            }
            return nil
        }
    }
}

/// Writes one line to standard error, made safe first: control characters from a branch name or a
/// libgit2 message become visible pictures, and any token shape is masked (docs/reliability.md).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((safeErrorLine(line) + "\n").utf8))
}

/// A line for stderr: secrets masked, control characters replaced.
func safeErrorLine(_ line: String) -> String {
    TerminalSafeText.clean(StandardError.mask?.mask(line) ?? line, keepingLineBreaks: false)
}

enum StandardError {
    /// The rule data of the command's rule set once loaded (`use`), then the mask built from it.
    private static let state = LockedMaskState()

    fileprivate enum MaskState {
        case unset
        case data(RuleData)
        case built(SecretMask?)
    }

    /// Masks errors with the token shapes of the rule set the command loaded (its layers, its
    /// `data/health.yml`), so that no rule data is loaded a second time for that.
    static func use(_ data: RuleData) {
        state.withLock { $0 = .data(data) }
    }

    /// Token shapes from the command's rule set, or, for an error raised before it was loaded, from
    /// the rules vigie would use by default; nil when they cannot be loaded (the error about that
    /// still prints, control characters replaced). Built once, on the first error.
    static var mask: SecretMask? {
        state.withLock { state in
            switch state {
            case .built(let mask):
                return mask
            case .data(let data):
                let mask = SecretMask(data: data, values: [])
                state = .built(mask)
                return mask
            case .unset:
                let data = (try? RulesLocator.locate(explicit: nil)).flatMap { try? RuleData.load(from: $0) }
                let mask = data.map { SecretMask(data: $0, values: []) }
                state = .built(mask)
                return mask
            }
        }
    }
}

/// `StandardError`'s state behind a lock: the watchdog thread and the main thread may both print.
private final class LockedMaskState: @unchecked Sendable {
    private let lock = NSLock()
    private var state = StandardError.MaskState.unset

    func withLock<T>(_ body: (inout StandardError.MaskState) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }
}
