import Foundation
import PackagePlugin

/// Gives `vigie --version` the commit it is built from: `vigie-build-info` reads the package's git
/// references (no `git` process: a build may run where git is absent) and writes `BuildInfo.swift`
/// into the target. The reference files are the command's inputs, so a new commit, a checkout or a
/// `git pack-refs` reruns it: SwiftPM evaluates this plugin only when it plans the build again, so
/// a commit read here, at planning time, went stale after the next commit (issue 14 session: an
/// incremental build named the previous commit). A source tree without `.git` builds with no commit.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo.swift")
        let package = context.package.directoryURL
        return [.buildCommand(
            displayName: "Recording the commit vigie is built from",
            executable: try context.tool(named: "vigie-build-info").url,
            arguments: [output.path, package.path],
            inputFiles: Self.referenceFiles(of: package),
            outputFiles: [output]
        )]
    }

    /// The files HEAD's commit is read from, those that exist (the `gitdir:`/`commondir` resolution
    /// is also in vigie-build-info's HeadCommit: a build plugin cannot import a target's code): `HEAD`, the branch's loose reference
    /// and `packed-refs` (in the common folder of a linked work tree). `.git` may be a `gitdir:` file.
    static func referenceFiles(of package: URL) -> [URL] {
        let dotGit = package.appending(path: ".git")
        var gitDirectory = dotGit
        if let link = text(dotGit), link.hasPrefix("gitdir: ") {
            let path = String(link.dropFirst("gitdir: ".count))
            gitDirectory = path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appending(path: path)
        }
        let common = text(gitDirectory.appending(path: "commondir")).map { path in
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitDirectory.appending(path: path)
        } ?? gitDirectory
        let head = gitDirectory.appending(path: "HEAD")
        var files = [head, common.appending(path: "packed-refs")]
        if let reference = text(head), reference.hasPrefix("ref: ") {
            let name = String(reference.dropFirst("ref: ".count))
            files += [gitDirectory.appending(path: name), common.appending(path: name)]
        }
        return files.filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    private static func text(_ url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path), data.count < 1 << 20 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
