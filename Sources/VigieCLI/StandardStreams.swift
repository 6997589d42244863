import Foundation
import VigieAudit
import VigieCore
import VigieRules

/// Everything vigie prints on stdout goes through here: each write is flushed and checked, so a
/// full disk or a closed pipe is an error with exit 74 (ErrorReporting), never a silent success.
enum StandardOutput {
    static func write(_ text: String, language: Language) throws {
        if let failure = writeAndFlush(text) {
            throw CLIFailure(error: AuditError.cannotWriteStandardOutput(reason: failure), language: language)
        }
    }

    static func print(_ line: String, language: Language) throws {
        try write(line + "\n", language: language)
    }

    /// What stopped the last write, if anything (a bytes written short, or the flush failed).
    static func flushFailure() -> LocalizedText? { writeAndFlush("") }

    /// Writes with write(2) on descriptor 1, after flushing what `print` left in C's buffers
    /// (`fflush(nil)`: Swift 6 cannot name glibc's `stdout` global), so order is kept and every
    /// failure comes with its errno.
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
    let safe = TerminalSafeText.clean(StandardError.mask?.mask(line) ?? line, keepingLineBreaks: false)
    FileHandle.standardError.write(Data((safe + "\n").utf8))
}

enum StandardError {
    /// Token shapes from the rules folder vigie would use by default; nil when none is found (the
    /// error about that still prints, control characters replaced). Loaded once, on the first error.
    static let mask: SecretMask? = {
        guard let folder = try? RulesLocator.locate(explicit: nil), let data = try? RuleData.load(from: folder) else { return nil }
        return SecretMask(data: data, values: [])
    }()
}
