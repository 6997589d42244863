import Foundation

/// Finds the `rules/` folder. Search order (docs/cli.md): `--rules DIR`, then `$VIGIE_RULES`, then
/// `share/vigie/rules` beside the executable's folder (an installed vigie), then the `rules/` folder
/// of the source tree vigie was built from. Never the audited repository or the current folder:
/// rules, like plugins later, come only from the operator.
public enum RulesLocator {
    public static func candidates(explicit: String?, environment: [String: String], executablePath: String) -> [String] {
        if let explicit { return [explicit] }
        var candidates: [String] = []
        if let fromEnvironment = environment["VIGIE_RULES"], !fromEnvironment.isEmpty { candidates.append(fromEnvironment) }
        let binFolder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(binFolder.deletingLastPathComponent().appendingPathComponent("share/vigie/rules").path)
        candidates.append(sourceTreeRules)
        return candidates
    }

    /// The first candidate holding a `data/` folder, or every place searched.
    public static func locate(explicit: String?, environment: [String: String]? = nil, executablePath: String? = nil) throws(AuditError) -> String {
        let searched = candidates(explicit: explicit, environment: environment ?? ProcessInfo.processInfo.environment,
                                  executablePath: executablePath ?? executableLocation)
        var isDirectory: ObjCBool = false
        for candidate in searched where FileManager.default.fileExists(atPath: candidate + "/data", isDirectory: &isDirectory) && isDirectory.boolValue {
            return candidate
        }
        throw .rulesNotFound(searched: searched)
    }

    /// The running executable, as the kernel knows it (argv[0] may be a bare name found through PATH).
    public static var executableLocation: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "vigie"
    }

    /// `<package>/rules`, from this file's place in the source tree (Sources/VigieAudit/RulesLocator.swift).
    static let sourceTreeRules: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rules").path
}
