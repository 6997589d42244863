import Foundation
import VigieCore
import VigieReport

/// Writes a scorecard's JSON and Markdown files into an output folder, and nowhere else.
enum ScorecardWriter {
    static func write(_ scorecard: Scorecard, to folder: String) throws {
        let base = safeFileName(scorecard.repository.name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder, reason: reason(error))
        }
        for format in [ReportFormat.json, .markdown] {
            let path = folder + "/" + base + "." + format.fileExtension
            do {
                try Data(try format.render(scorecard).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw OutputError(path: path, reason: reason(error))
            }
        }
    }

    /// A repository name made safe as a file name: no separator, no leading dot, nothing but
    /// letters, digits, '.', '-' and '_'; so a hostile name cannot escape the output folder.
    static func safeFileName(_ name: String) -> String {
        let mapped = String(name.unicodeScalars.map { scalar -> Character in
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            return allowed ? Character(scalar) : "_"
        })
        let trimmed = mapped.drop { $0 == "." }
        return trimmed.isEmpty ? "repository" : String(trimmed.prefix(120))
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message)
        }
        return nsError.localizedDescription
    }
}
