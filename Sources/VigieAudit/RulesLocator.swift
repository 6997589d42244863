import Foundation
public import VigieRules

/// Finds the rules: the rules built into vigie (compiled from `rules/` of the source tree), with
/// the user's folder in front of them when there is one: `--rules DIR`, else `$VIGIE_RULES`
/// (docs/cli.md, "Where rules come from"). A rule set or data file of that folder replaces the
/// built-in one of the same name; anything it lacks comes from the built-in rules. Never the audited
/// repository or the current folder: rules, like plugins, come only from the operator.
public enum RulesLocator {
    /// The user's folder, if any: `--rules DIR`, else a non-empty `$VIGIE_RULES`.
    public static func userFolder(explicit: String?, environment: [String: String]) -> String? {
        if let explicit { return explicit }
        if let fromEnvironment = environment["VIGIE_RULES"], !fromEnvironment.isEmpty { return fromEnvironment }
        return nil
    }

    /// The layers to read rules from; a named folder that is not a folder is an error, never skipped.
    public static func locate(explicit: String?, environment: [String: String]? = nil) throws(AuditError) -> RuleSources {
        guard let folder = userFolder(explicit: explicit, environment: environment ?? ProcessInfo.processInfo.environment) else {
            return .builtIn
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .rulesNotFound(searched: [folder])
        }
        return RuleSources(folders: [folder])
    }

    /// The running executable, as the kernel knows it (argv[0] may be a bare name found through PATH).
    public static var executableLocation: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "vigie"
    }
}
