import Foundation
import PackagePlugin

/// Gives `vigie --version` the commit it is built from: reads the package's git references (no
/// `git` process: a build may run where git is absent) and passes the commit to `vigie-build-info`,
/// which writes `BuildInfo.swift` into the target. The commit is an argument of the build command,
/// so a new commit reruns it; a source tree without `.git` (a tarball) builds with no commit.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo.swift")
        let commit = Self.headCommit(of: context.package.directoryURL) ?? ""
        return [.buildCommand(
            displayName: "Recording the commit vigie is built from (\(commit.isEmpty ? "none" : String(commit.prefix(12))))",
            executable: try context.tool(named: "vigie-build-info").url,
            arguments: [output.path, commit],
            outputFiles: [output]
        )]
    }

    /// HEAD's commit: `.git` as a folder or as a `gitdir:` file (a linked work tree), a loose
    /// reference or `packed-refs` (in the common folder of a linked work tree).
    static func headCommit(of package: URL) -> String? {
        let dotGit = package.appending(path: ".git")
        var gitDirectory = dotGit
        if let link = text(dotGit), link.hasPrefix("gitdir: ") {
            let path = String(link.dropFirst("gitdir: ".count))
            gitDirectory = path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appending(path: path)
        }
        let common = text(gitDirectory.appending(path: "commondir")).map { path in
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitDirectory.appending(path: path)
        } ?? gitDirectory
        guard var head = text(gitDirectory.appending(path: "HEAD")) else { return nil }
        for _ in 0..<5 {
            guard head.hasPrefix("ref: ") else { return isCommitID(head) ? head : nil }
            let name = String(head.dropFirst("ref: ".count))
            if let loose = text(gitDirectory.appending(path: name)) ?? text(common.appending(path: name)) {
                head = loose
            } else {
                let packed = text(common.appending(path: "packed-refs")) ?? ""
                let line = packed.split(separator: "\n").first { $0.hasSuffix(" " + name) }
                return line.map { String($0.prefix(40)) }.flatMap { isCommitID($0) ? $0 : nil }
            }
        }
        return nil
    }

    private static func text(_ url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path), data.count < 1 << 20 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isCommitID(_ text: String) -> Bool {
        text.utf8.count == 40 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
