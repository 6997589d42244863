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
    /// Token shapes from the rules folder vigie would use by default; nil when none is found (the
    /// error about that still prints, control characters replaced). Loaded once, on the first error.
    static let mask: SecretMask? = {
        guard let folder = try? RulesLocator.locate(explicit: nil), let data = try? RuleData.load(from: folder) else { return nil }
        return SecretMask(data: data, values: [])
    }()
}
