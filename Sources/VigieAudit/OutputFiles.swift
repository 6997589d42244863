import Foundation
import VigieCore

/// Every file and folder vigie writes, through the system calls themselves: each failure comes
/// with its errno, so the message says why in words (`WriteFailure`). Foundation's writers on Linux
/// often lose the cause ("NSCocoaErrorDomain error 512").
public enum OutputFiles {
    /// Creates `folder` and its parents. A folder that cannot be made is `AuditError.cannotWrite` (73).
    public static func createFolder(_ folder: String) throws(AuditError) {
        var path = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + component
            if mkdir(path, 0o777) == 0 { continue }
            let code = errno
            var status = stat()
            // An existing folder is fine; an existing file in the way is ENOTDIR, said as such.
            if code == EEXIST, stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { continue }
            throw .cannotWrite(path: folder, reason: WriteFailure.reason(errno: code == EEXIST ? ENOTDIR : code))
        }
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder, renamed over the
    /// target once whole, so a reader never sees half a file. A failure is
    /// `AuditError.cannotWriteFile` (74) and leaves no temporary file behind.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(AuditError) {
        let temporary = path + ".vigie-\(getpid())-\(UInt32.random(in: 0 ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWriteFile(path: path, reason: WriteFailure.reason(errno: errno)) }
        var failure = writeAll(bytes, to: descriptor)
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .cannotWriteFile(path: path, reason: WriteFailure.reason(errno: failure))
        }
    }

    public static func write(_ text: String, to path: String) throws(AuditError) {
        try write(text.utf8, to: path)
    }
}
