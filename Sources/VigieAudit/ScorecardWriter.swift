import Foundation
public import VigieCore
import VigieReport

/// Writes scorecards and indexes into an output folder, and nowhere else.
public enum ScorecardWriter {
    /// Writes `<folder>/<base>.json` and `<folder>/<base>.md`; `base` defaults to the repository's safe name.
    public static func write(_ scorecard: Scorecard, to folder: String, baseName: String? = nil) throws(AuditError) {
        let base = baseName ?? safeFileName(scorecard.repository.name)
        try createFolder(folder)
        do {
            try writeFile(try ReportFormat.json.render(scorecard), to: folder + "/" + base + ".json")
        } catch let error as AuditError { throw error } catch { throw .cannotWriteFile(path: folder + "/" + base + ".json", reason: WriteFailure.reason(error)) }
        try writeFile(MarkdownRenderer.render(scorecard), to: folder + "/" + base + ".md")
    }

    static func createFolder(_ folder: String) throws(AuditError) {
        try OutputFiles.createFolder(folder)
    }

    /// Writes text atomically (a reader never sees half a file).
    static func writeFile(_ text: String, to path: String) throws(AuditError) {
        try OutputFiles.write(text, to: path)
    }

    /// A name made safe as a file name: no separator, no leading dot, nothing but letters, digits,
    /// '.', '-' and '_'; so a hostile repository or manifest name cannot escape the output folder.
    public static func safeFileName(_ name: String) -> String {
        let mapped = String(name.unicodeScalars.map { scalar -> Character in
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            return allowed ? Character(scalar) : "_"
        })
        let trimmed = mapped.drop { $0 == "." }
        let reserved: Set<String> = ["index", "rules"]  // the fleet's own files
        let base = trimmed.isEmpty ? "repository" : String(trimmed.prefix(120))
        return reserved.contains(base.lowercased()) ? base + "_" : base
    }
}
