import Foundation
import PackagePlugin

/// Compiles the built-in rules into vigie: runs `vigie-embed-rules` over `rules/*.yml` and
/// `rules/data/*.yml` and adds the generated `BuiltInRuleFiles.swift` to the target (VigieRules).
/// The command is rerun whenever one of those files changes; `rules/` stays the source of truth.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        let files = try yamlFiles(in: rules) + yamlFiles(in: rules.appending(path: "data"))
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInRuleFiles.swift")
        return [.buildCommand(
            displayName: "Embedding the built-in rules (\(files.count) files of rules/)",
            executable: try context.tool(named: "vigie-embed-rules").url,
            arguments: [output.path, rules.path] + files.map(\.path),
            inputFiles: files,
            outputFiles: [output]
        )]
    }

    private func yamlFiles(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
