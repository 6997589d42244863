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

    private static func looseObject(ofBlobAt path: String, in repository: URL) throws -> (id: String, file: URL) {
        let id = try git(["-C", repository.path, "rev-parse", "HEAD:" + path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (id, try objectsFolder(repository).appendingPathComponent("\(id.prefix(2))/\(id.dropFirst(2))"))
    }

    private static func objectsFolder(_ repository: URL) throws -> URL {
        URL(fileURLWithPath: try Repository(discoveringFrom: repository.path).gitDirectory).appendingPathComponent("objects")
    }
}
