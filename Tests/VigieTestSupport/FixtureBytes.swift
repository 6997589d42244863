public import Foundation
import VigieGit
import Yams

/// Files whose bytes are not UTF-8 text (a Latin-1 CSV, a UTF-16 file), which `FixtureSpec` cannot
/// hold: its contents are Swift strings, written as UTF-8. A fixture lists them under a top-level
/// `byte_files` key, which `FixtureSpec` ignores; `FixtureBytes.build` builds the fixture as usual,
/// then adds one commit on top of HEAD with those files (the other files are kept).
///
/// ```yaml
/// byte_files:
///   message: "Export des communes"
///   date: "2024-02-01T10:00:00+01:00"
///   files:
///     - {path: data/communes.csv, latin1: "code_insee;nom\n01001;L'Abergement-Clémenciat\n"}  # each character one byte
///     - {path: data/bom.csv, hex: "efbbbf612c620a"}                                            # raw bytes
/// ```
public enum FixtureBytes {
    struct Spec: Decodable {
        var byte_files: ByteCommit?
    }

    struct ByteCommit: Decodable {
        var message: String
        var date: String
        var author: FixtureSpec.Person?
        var files: [ByteFile]
    }

    struct ByteFile: Decodable {
        var path: String
        var latin1: String?
        var hex: String?
    }

    /// Builds `fixtures/<name>.yml` into `folder/<name>` with its `byte_files` commit, and returns its path.
    @discardableResult
    public static func build(_ name: String, in folder: TemporaryDirectory) throws -> URL {
        let url = try FixtureBuilder.build(name, in: folder)
        let text = try String(contentsOf: PackagePaths.fixtures.appendingPathComponent(name + ".yml"), encoding: .utf8)
        guard let commit = try YAMLDecoder().decode(Spec.self, from: text).byte_files else { return url }
        try add(commit, to: url)
        return url
    }

    /// The bytes a `byte_files` entry stands for.
    static func bytes(of file: ByteFile) throws -> [UInt8] {
        if let latin1 = file.latin1 {
            return try latin1.unicodeScalars.map { scalar in
                guard scalar.value <= 0xFF else {
                    throw FixtureBuilder.FixtureError(description: "fixture: '\(scalar)' in \(file.path) has no Latin-1 byte")
                }
                return UInt8(scalar.value)
            }
        }
        if let hex = file.hex {
            let digits = Array(hex.filter { !$0.isWhitespace })
            guard digits.count % 2 == 0 else { throw FixtureBuilder.FixtureError(description: "fixture: odd hex length in \(file.path)") }
            return try stride(from: 0, to: digits.count, by: 2).map { index in
                guard let byte = UInt8(String(digits[index...index + 1]), radix: 16) else {
                    throw FixtureBuilder.FixtureError(description: "fixture: bad hex in \(file.path)")
                }
                return byte
            }
        }
        throw FixtureBuilder.FixtureError(description: "fixture: \(file.path) needs `latin1` or `hex`")
    }

    /// Commits `commit`'s files on top of HEAD, keeping HEAD where it was (on its branch, or detached).
    static func add(_ commit: ByteCommit, to url: URL) throws {
        let repository = try Repository(discoveringFrom: url.path)
        let head = try repository.head()
        let parent = try repository.resolveCommit("HEAD")
        var files: [[UInt8]: (ObjectID, UInt32)] = [:]
        for entry in try repository.listTree(parent.treeID).entries { files[entry.path.bytes] = (entry.id, entry.mode) }
        // The writer only creates repositories; initialising an existing one reopens it, objects kept.
        let branch: String? = if case .branch(let name) = head { name } else { nil }
        let writer = try RepositoryWriter(creatingAt: url.path, bare: repository.isBare, initialBranch: branch ?? "main")
        for file in commit.files {
            files[Array(file.path.utf8)] = (try writer.blob(try bytes(of: file)), 0o100644)
        }
        let tree = try writer.tree(files.map { (path: $0.key, blob: $0.value.0, mode: $0.value.1) })
        let (time, offset) = try FixtureBuilder.parseDate(commit.date)
        let person = commit.author ?? FixtureSpec.Person(name: "Fixture Author", email: "author@example.org")
        let signature = Signature(name: person.name, email: person.email, time: time, offsetMinutes: offset)
        let id = try writer.commit(tree: tree, parents: [parent.id], author: signature, committer: signature, message: commit.message)
        if let branch {
            try writer.setReference("refs/heads/" + branch, to: id)
            try writer.setHead(branch: branch)
        } else {
            try writer.detachHead(at: id)
        }
    }
}
