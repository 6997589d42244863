public import Foundation
import VigieGit
import VigieReport

/// Builds a git repository from a `FixtureSpec` with VigieGit's writer (libgit2), so tests need no
/// committed repository and no `git` binary for the basics.
public enum FixtureBuilder {
    /// Builds `fixtures/<name>.yml` into `folder/<name>` (or `<name>.git` when bare) and returns its path.
    @discardableResult
    public static func build(_ name: String, in folder: TemporaryDirectory, as folderName: String? = nil, lfsContent: Bool = false) throws -> URL {
        let spec = try FixtureSpec.load(named: name)
        let base = folderName ?? name
        let url = folder.appending(spec.bare == true ? base + ".git" : base)
        try build(spec, at: url, lfsContent: lfsContent)
        return url
    }

    /// Builds `spec` at `url`. Files marked `lfs:` are stored as Git LFS pointers, or with their
    /// content when `lfsContent` is true (the "intact twin" a partial audit is compared with).
    public static func build(_ spec: FixtureSpec, at url: URL, lfsContent: Bool = false) throws {
        let initial = spec.branch ?? "main"
        let writer = try RepositoryWriter(creatingAt: url.path, bare: spec.bare ?? false, initialBranch: initial)
        var commitIDs: [String: ObjectID] = [:]
        var tips: [String: ObjectID] = [:]
        var trees: [String: [[UInt8]: (ObjectID, UInt32)]] = [:]
        var treeAtCommit: [ObjectID: [[UInt8]: (ObjectID, UInt32)]] = [:]

        for (index, commit) in (spec.commits ?? []).enumerated() {
            let branch = commit.branch ?? initial
            let parents: [ObjectID] = try commit.parents.map { try $0.map { try lookup($0, commitIDs) } } ?? tips[branch].map { [$0] } ?? []
            var files = parents.first.flatMap { treeAtCommit[$0] } ?? trees[branch] ?? [:]
            for path in commit.remove ?? [] { files[Array(path.utf8)] = nil }
            for (path, file) in commit.files ?? [:] {
                var (text, mode) = try resolve(file)
                if case .lfs = file, !lfsContent { text = lfsPointer(for: text) }
                files[Array(path.utf8)] = (try writer.blob(Array(text.utf8)), mode)
            }
            for (path, commit) in commit.submodules ?? [:] {
                guard let id = ObjectID(hex: commit) else { throw FixtureError(description: "fixture: bad submodule commit '\(commit)'") }
                files[Array(path.utf8)] = (id, 0o160000)
            }
            for raw in commit.raw_files ?? [] {
                files[hexBytes(raw.path_hex)] = (try writer.blob(Array(raw.text.utf8)), 0o100644)
            }
            let tree = try writer.tree(files.map { (path: $0.key, blob: $0.value.0, mode: $0.value.1) })
            let (time, offset) = try parseDate(commit.date)
            let person = commit.author ?? FixtureSpec.Person(name: "Fixture Author", email: "author@example.org")
            let signature = Signature(name: person.name, email: person.email, time: time, offsetMinutes: offset)
            let id = try writer.commit(tree: tree, parents: parents, author: signature, committer: signature, message: commit.message)
            commitIDs[commit.id ?? "#\(index)"] = id
            tips[branch] = id
            trees[branch] = files
            treeAtCommit[id] = files
            try writer.setReference("refs/heads/" + branch, to: id)
        }
        for branch in spec.branches ?? [] {
            try writer.setReference("refs/heads/" + branch.name, to: try lookup(branch.at, commitIDs))
        }
        for tag in spec.tags ?? [] {
            let tagger = try tag.date.map { date -> Signature in
                let (time, offset) = try parseDate(date)
                return Signature(name: "Fixture Tagger", email: "tagger@example.org", time: time, offsetMinutes: offset)
            }
            try writer.tag(tag.name, at: try lookup(tag.at, commitIDs), tagger: tagger, message: tag.message)
        }
        if let detached = spec.head?.detached {
            try writer.detachHead(at: try lookup(detached, commitIDs))
        } else if let branch = spec.head?.branch {
            try writer.setHead(branch: branch)
        }
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
    }

    private static func lookup(_ label: String, _ ids: [String: ObjectID]) throws -> ObjectID {
        guard let id = ids[label] else { throw FixtureError(description: "fixture: no commit with id '\(label)'") }
        return id
    }

    private static func resolve(_ file: FixtureSpec.FileSpec) throws -> (String, UInt32) {
        switch file {
        case .text(let text): (text, 0o100644)
        case .executable(let text): (text, 0o100755)
        case .lfs(let text): (text, 0o100644)
        case .repeated(let text, let times): (String(repeating: text, count: times), 0o100644)
        case .fixture(let path):
            (try String(contentsOf: PackagePaths.fixtures.appendingPathComponent(path), encoding: .utf8), 0o100644)
        }
    }

    /// The pointer Git LFS commits in place of `text` (spec v1: version, oid sha256, size).
    static func lfsPointer(for text: String) -> String {
        let bytes = Array(text.utf8)
        return "version https://git-lfs.github.com/spec/v1\noid sha256:\(SHA256.hex(text))\nsize \(bytes.count)\n"
    }

    private static func hexBytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0x3F)
            index = next
        }
        return bytes
    }

    /// `2024-01-15T10:00:00+01:00` (or `Z`) → seconds since the epoch and offset in minutes.
    static func parseDate(_ text: String) throws -> (Int64, Int32) {
        let pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2}))$/
        guard let match = text.wholeMatch(of: pattern) else { throw FixtureError(description: "fixture: bad date '\(text)'") }
        var components = DateComponents()
        components.year = Int(match.1)
        components.month = Int(match.2)
        components.day = Int(match.3)
        components.hour = Int(match.4)
        components.minute = Int(match.5)
        components.second = Int(match.6)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let local = calendar.date(from: components) else { throw FixtureError(description: "fixture: bad date '\(text)'") }
        var offset: Int32 = 0
        if let sign = match.8, let hours = match.9, let minutes = match.10 {
            offset = (Int32(hours)! * 60 + Int32(minutes)!) * (sign == "-" ? -1 : 1)
        }
        return (Int64(local.timeIntervalSince1970) - Int64(offset) * 60, offset)
    }
}
