import Foundation

/// HEAD's commit, read from the reference files: `.git` as a folder or as a `gitdir:` file (a linked
/// work tree), a loose reference or `packed-refs` (in the common folder of a linked work tree).
enum HeadCommit {
    static func of(package: URL) -> String? {
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
