import Foundation
public import VigieCore

/// Why a write failed, in plain words in both languages: the system's error number when there is
/// one, never Foundation's "The operation could not be completed (NSCocoaErrorDomain error 512)".
public enum WriteFailure {
    /// The reason for an error thrown by Foundation's file APIs (or a POSIX error).
    public static func reason(_ error: any Error) -> LocalizedText {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return reason(errno: Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(errno: Int32(underlying.code))
        }
        switch nsError.code {
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return reason(errno: ENOENT)
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return reason(errno: EACCES)
        case NSFileWriteOutOfSpaceError: return reason(errno: ENOSPC)
        case NSFileWriteVolumeReadOnlyError: return reason(errno: EROFS)
        case NSFileWriteFileExistsError: return reason(errno: EEXIST)
        default: return LocalizedText(fr: "le système a refusé l'écriture (\(nsError.localizedDescription))",
                                      en: "the system refused the write (\(nsError.localizedDescription))")
        }
    }

    /// The reason for a system error number, the common ones in words, the others as the system says them.
    public static func reason(errno code: Int32) -> LocalizedText {
        let system = String(cString: strerror(code))
        return switch code {
        case ENOSPC: LocalizedText(fr: "plus de place sur le disque", en: "no space left on the device")
        case EDQUOT: LocalizedText(fr: "quota disque dépassé", en: "disk quota exceeded")
        case EACCES, EPERM: LocalizedText(fr: "permission refusée", en: "permission denied")
        case EROFS: LocalizedText(fr: "système de fichiers en lecture seule", en: "read-only file system")
        case ENOENT: LocalizedText(fr: "le dossier n'existe pas", en: "the folder does not exist")
        case ENOTDIR: LocalizedText(fr: "un élément du chemin est un fichier, pas un dossier", en: "part of the path is a file, not a folder")
        case EISDIR: LocalizedText(fr: "c'est un dossier", en: "it is a folder")
        case EEXIST: LocalizedText(fr: "le fichier existe déjà", en: "the file already exists")
        case EPIPE: LocalizedText(fr: "le lecteur de la sortie s'est arrêté (tube fermé)", en: "the reader of the output stopped (broken pipe)")
        case EIO: LocalizedText(fr: "erreur d'entrée-sortie du périphérique", en: "input/output error on the device")
        case EFBIG: LocalizedText(fr: "fichier trop grand pour le système de fichiers", en: "file too large for the file system")
        default: LocalizedText(fr: "erreur système \(code) (\(system))", en: "system error \(code) (\(system))")
        }
    }
}

/// Writes all of `bytes` to an open file, retrying after interruptions and short writes; the
/// system's error number, or 0 when everything was written.
func writeAll(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> Int32 {
    var failure: Int32 = 0
    Array(bytes).withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            offset += written
        }
    }
    return failure
}
