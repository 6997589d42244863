import Foundation
import PackagePlugin

/// Compiles the built-in rules into vigie: runs `vigie-embed-rules` over `rules/*.yml`,
/// `rules/data/*.yml`, the fix data and templates of `rules/fixes/` (every file, at any depth) and
/// the licence texts of `rules/licences/*.txt` (`vigie fix`, docs/fix.md), and adds the generated
/// `BuiltInRuleFiles.swift` to the target (VigieRules). The command is rerun whenever one of those
/// files changes; `rules/` stays the source of truth.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        let files = try yamlFiles(in: rules) + yamlFiles(in: rules.appending(path: "data"))
            + allFiles(in: rules.appending(path: "fixes")) + files(in: rules.appending(path: "licences"), extension: "txt")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInRuleFiles.swift")
        return [.buildCommand(
            displayName: "Embedding the built-in rules (\(files.count) files of rules/)",
            executable: try context.tool(named: "vigie-embed-rules").url,
            arguments: [output.path, rules.path] + files.map(\.path),
            inputFiles: files,
            outputFiles: [output]
        )]
    }

    private func yamlFiles(in folder: URL) throws -> [URL] { try files(in: folder, extension: "yml") }

    private func files(in folder: URL, extension name: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == name }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Every regular file under `folder`, at any depth, sorted by path.
    private func allFiles(in folder: URL) -> [URL] {
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walk.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }
}
