public import Foundation
import VigieGit

/// Damage done to a fixture repository at test time, the way real repositories arrive: partial
/// clones, a loose object deleted or overwritten, the oldest commits gone. Nothing is committed:
/// every damaged repository is made from a fixture spec when the test runs.
public enum RepositoryDamage {
    /// `git clone --bare --filter=<filter>` of `source` (a partial clone: a promisor remote, blobs left
    /// out). `checkout` makes a non-bare clone with its work tree checked out instead, as CI runners do
    /// (git then fetches HEAD's blobs, and only those).
    @discardableResult
    public static func partialClone(of source: URL, filter: String, to destination: URL, checkout: Bool = false) throws -> URL {
        try git(["-C", source.path, "config", "uploadpack.allowFilter", "true"])
        let mode = checkout ? [] : ["--bare"]
        try git(["clone", "--quiet", "--filter=" + filter] + mode + ["file://" + source.path, destination.path])
        return destination
    }

    /// Removes the loose object of the blob at `path` in HEAD's tree; returns its id.
    @discardableResult
    public static func deleteBlob(_ path: String, in repository: URL) throws -> String {
        let object = try looseObject(ofBlobAt: path, in: repository)
        try FileManager.default.removeItem(at: object.file)
        return object.id
    }

    /// Overwrites the loose object of the blob at `path` with bytes that are not a zlib stream (a
    /// disk or copy error): libgit2 fails to inflate it at once. (A truncated stream is a different
    /// hazard, libgit2/libgit2#7342, handled separately.)
    @discardableResult
    public static func corruptBlob(_ path: String, in repository: URL) throws -> String {
        let object = try looseObject(ofBlobAt: path, in: repository)
        let size = try FileManager.default.attributesOfItem(atPath: object.file.path)[.size] as? Int ?? 64
        try FileManager.default.removeItem(at: object.file)
        let garbage = Data((0..<max(size, 64)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        guard FileManager.default.createFile(atPath: object.file.path, contents: garbage) else {
            throw FixtureBuilder.FixtureError(description: "cannot overwrite \(object.file.path)")
        }
        return object.id
    }

    /// Removes the `count` oldest commits of HEAD's first-parent line (their loose objects), as in a
    /// mirror whose early history was lost; returns their ids, oldest first.
    @discardableResult
    public static func deleteOldestCommits(_ count: Int, in repository: URL) throws -> [String] {
        let ids = try git(["-C", repository.path, "rev-list", "--first-parent", "--reverse", "HEAD"]).stdout
            .split(separator: "\n").prefix(count).map(String.init)
        let objects = try objectsFolder(repository)
        for id in ids {
            try FileManager.default.removeItem(at: objects.appendingPathComponent("\(id.prefix(2))/\(id.dropFirst(2))"))
        }
        return ids
    }

    /// Cuts the loose object of the blob at `path` to half its size, as an interrupted copy does:
    /// the zlib stream ends early (libgit2 1.5.1 spins forever on it, libgit2/libgit2#7342).
    @discardableResult
    public static func truncateBlob(_ path: String, in repository: URL) throws -> String {
        let object = try looseObject(ofBlobAt: path, in: repository)
        try truncateToHalf(object.file)
        return object.id
    }

    /// Cuts to half its size the loose object of the commit `revision` names (e.g. `HEAD~1`); returns its id.
    @discardableResult
    public static func truncateCommit(_ revision: String, in repository: URL) throws -> String {
        let id = try git(["-C", repository.path, "rev-parse", revision]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try truncateToHalf(try objectsFolder(repository).appendingPathComponent("\(id.prefix(2))/\(id.dropFirst(2))"))
        return id
    }

    /// Rewrites the loose object of the blob at `path` so that its header declares half the bytes its
    /// body holds (libgit2 1.5.1 writes past its buffer on such an object, libgit2/libgit2#7177).
    @discardableResult
    public static func understateBlobSize(_ path: String, in repository: URL) throws -> String {
        let object = try looseObject(ofBlobAt: path, in: repository)
        let script = """
        import os, sys, zlib
        path = sys.argv[1]
        raw = zlib.decompress(open(path, 'rb').read())
        body = raw.split(b'\\0', 1)[1]
        os.chmod(path, 0o644)
        open(path, 'wb').write(zlib.compress(b'blob %d\\0' % (len(body) // 2) + body))
        """
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, object.file.path])
        guard result.status == 0 else { throw FixtureBuilder.FixtureError(description: "cannot rewrite \(object.file.path): \(result.stderr)") }
        return object.id
    }

    /// Replaces `relativePath` of the `.git` folder (`packed-refs`, `HEAD`, `objects/ab/cdef…`) by a
    /// FIFO: opening it for reading would wait for a writer forever.
    public static func replaceWithFIFO(_ relativePath: String, in repository: URL) throws {
        let file = URL(fileURLWithPath: try Repository(discoveringFrom: repository.path).gitDirectory).appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
        guard mkfifo(file.path, 0o644) == 0 else { throw FixtureBuilder.FixtureError(description: "mkfifo \(file.path) failed") }
    }

    /// The path, inside `.git`, of the loose object of the blob at `path` in HEAD's tree.
    public static func looseObjectPath(ofBlobAt path: String, in repository: URL) throws -> String {
        let id = try looseObject(ofBlobAt: path, in: repository).id
        return "objects/\(id.prefix(2))/\(id.dropFirst(2))"
    }

    /// Adds on top of HEAD a commit whose author line is `authorLine` (malformed on purpose: no
    /// e-mail, an overflowing date, garbage), written as is with `git hash-object --literally`; returns its id.
    @discardableResult
    public static func commitWithAuthorLine(_ authorLine: String, in repository: URL) throws -> String {
        let revParse = { (revision: String) throws -> String in
            try git(["-C", repository.path, "rev-parse", revision]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let text = "tree \(try revParse("HEAD^{tree}"))\nparent \(try revParse("HEAD"))\nauthor \(authorLine)\n"
            + "committer Camille <camille@example.org> 1751241600 +0200\n\nA commit git shows and fsck warns about\n"
        let file = repository.deletingLastPathComponent().appendingPathComponent(repository.lastPathComponent + ".commit")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let id = try git(["-C", repository.path, "hash-object", "-t", "commit", "--literally", "-w", file.path]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try git(["-C", repository.path, "update-ref", "HEAD", id])
        return id
    }

    /// Packs every object (`git repack -ad`, loose copies removed) and returns the pack's path without its extension.
    @discardableResult
    public static func packAll(in repository: URL) throws -> URL {
        try git(["-C", repository.path, "repack", "-adq"])
        try git(["-C", repository.path, "prune-packed"])
        let folder = try objectsFolder(repository).appendingPathComponent("pack")
        let index = try requirePack(FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".idx") }, folder)
        return folder.appendingPathComponent(String(index.dropLast(4)))
    }

    /// Overwrites the `PACK` signature of the repository's pack (after `packAll`).
    public static func corruptPackHeader(_ pack: URL) throws {
        let file = pack.appendingPathExtension("pack")
        try makeWritable(file)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data("JUNK".utf8))
        try handle.close()
    }

    /// Cuts the pack's `.idx` to half its size (after `packAll`).
    public static func truncatePackIndex(_ pack: URL) throws {
        try truncateToHalf(pack.appendingPathExtension("idx"))
    }

    private static func requirePack(_ name: String?, _ folder: URL) throws -> String {
        guard let name else { throw FixtureBuilder.FixtureError(description: "no pack in \(folder.path)") }
        return name
    }

    private static func truncateToHalf(_ file: URL) throws {
        try makeWritable(file)
        let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
        guard truncate(file.path, off_t(size / 2)) == 0 else { throw FixtureBuilder.FixtureError(description: "cannot truncate \(file.path)") }
    }

    private static func makeWritable(_ file: URL) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
    }

    private static func looseObject(ofBlobAt path: String, in repository: URL) throws -> (id: String, file: URL) {
        let id = try git(["-C", repository.path, "rev-parse", "HEAD:" + path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (id, try objectsFolder(repository).appendingPathComponent("\(id.prefix(2))/\(id.dropFirst(2))"))
    }

    private static func objectsFolder(_ repository: URL) throws -> URL {
        URL(fileURLWithPath: try Repository(discoveringFrom: repository.path).gitDirectory).appendingPathComponent("objects")
    }
}
