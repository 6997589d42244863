import Foundation

/// The commit a revision names, read from a repository's reference files by vigie alone, without
/// libgit2 and without reading any object.
///
/// Why: a fleet re-run reuses a repository's previous scorecard when its commit has not changed, and
/// that decision is taken in the fleet's own process, which must not hand untrusted repositories to
/// libgit2 (fleet workers do that, in processes that may be killed). Reading `HEAD`, a loose
/// reference and `packed-refs` is plain text, opened only when it is a regular file (a FIFO would
/// block) and capped. Whatever is not the simple case (a linked work tree, a revision expression, a
/// symbolic chain too long, a reference not found, an annotated tag) gives nil, and the fleet then
/// asks a worker, which resolves the revision the usual way: a nil costs time, never a wrong reuse.
public enum ReferencePeek {
    /// `HEAD` and loose references are a line; anything longer is not a reference.
    private static let referenceFileLimit = 4096
    /// A `packed-refs` of 64 MiB holds about 700,000 references; past that, ask a worker.
    private static let packedReferencesLimit = 64 << 20
    /// git follows at most 5 levels of symbolic references.
    private static let symbolicDepth = 5

    /// The full hexadecimal id `revision` names in the repository at `path` (a work tree with a
    /// `.git` folder, or a bare repository), or nil when only libgit2 can tell.
    public static func objectID(repositoryAt path: String, revision: String) -> String? {
        guard let gitDirectory = gitDirectory(at: path) else { return nil }
        if isFullHex(revision) { return revision.lowercased() }
        guard isPlainName(revision) else { return nil }
        var references: PackedReferences? = nil
        let candidates = revision == "HEAD" ? ["HEAD"] : dwimNames(revision)
        for name in candidates {
            if let id = resolve(name, in: gitDirectory, packed: &references, depth: 0) { return id }
        }
        return nil
    }

    /// The git folder of a work tree (`path/.git` as a folder) or of a bare repository. A `.git`
    /// file (a linked work tree or a submodule) or a `commondir` shares references with another
    /// folder: nil, libgit2 knows that layout.
    private static func gitDirectory(at path: String) -> String? {
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let dotGit = base + "/.git"
        let candidate: String
        switch kind(dotGit) {
        case .directory: candidate = dotGit
        case .missing: candidate = base
        case .file, .other: return nil
        }
        guard kind(candidate + "/HEAD") == .file, kind(candidate + "/objects") == .directory,
              kind(candidate + "/commondir") == .missing, kind(candidate + "/reftable") == .missing else { return nil }
        return candidate
    }

    /// The references git tries for a short name, in git's order (`git help revisions`).
    private static func dwimNames(_ name: String) -> [String] {
        if name.hasPrefix("refs/") { return [name] }
        return ["refs/" + name, "refs/tags/" + name, "refs/heads/" + name, "refs/remotes/" + name, "refs/remotes/" + name + "/HEAD"]
    }

    /// Follows `name` to an id: the loose file first (it wins over `packed-refs`), then `packed-refs`.
    private static func resolve(_ name: String, in gitDirectory: String, packed: inout PackedReferences?, depth: Int) -> String? {
        guard depth <= symbolicDepth else { return nil }
        let loose = gitDirectory + "/" + name
        switch kind(loose) {
        case .file:
            guard let bytes = try? RegularFile.read(loose, limit: referenceFileLimit + 1), bytes.count <= referenceFileLimit else { return nil }
            let line = String(decoding: trimmed(bytes[...]), as: UTF8.self)
            if line.hasPrefix("ref: ") {
                let target = String(line.dropFirst(5))
                guard target.hasPrefix("refs/"), isPlainName(target) else { return nil }
                return resolve(target, in: gitDirectory, packed: &packed, depth: depth + 1)
            }
            return isFullHex(line) ? line.lowercased() : nil
        case .missing:
            guard name.hasPrefix("refs/") else { return nil }
            if packed == nil { packed = PackedReferences(gitDirectory + "/packed-refs") }
            return packed?.ids[name]
        case .directory, .other:
            return nil
        }
    }

    private static func isFullHex(_ text: String) -> Bool {
        text.utf8.count == 40 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) }
    }

    /// A reference name with nothing git would read as an expression or a path trick.
    private static func isPlainName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.hasPrefix("-"), !name.hasSuffix("/"), !name.hasSuffix(".lock") else { return false }
        if name.contains("..") || name.contains("//") || name.contains("@{") { return false }
        return name.utf8.allSatisfy { $0 > 0x20 && $0 != 0x7F && !"~^:?*[\\".utf8.contains($0) }
    }

    /// Without the line end and trailing blanks a reference file may carry (CRLF included).
    fileprivate static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = bytes.endIndex
        while end > bytes.startIndex, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[end - 1]) { end -= 1 }
        return bytes[bytes.startIndex..<end]
    }

    private enum Kind { case file, directory, missing, other }

    private static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other // a symbolic link, a FIFO, a device: libgit2's business, in a worker
        }
    }

    /// `packed-refs`: `<id> <name>` lines, a `# pack-refs with:` header, `^<id>` peeled lines.
    private struct PackedReferences {
        var ids: [String: String] = [:]

        init?(_ path: String) {
            guard let bytes = try? RegularFile.read(path, limit: ReferencePeek.packedReferencesLimit + 1),
                  bytes.count <= ReferencePeek.packedReferencesLimit else { return nil }
            for line in bytes.split(separator: 0x0A) {
                guard line.count > 41, line.first != UInt8(ascii: "#"), line.first != UInt8(ascii: "^") else { continue }
                let id = String(decoding: line.prefix(40), as: UTF8.self)
                guard line[line.startIndex + 40] == 0x20, ReferencePeek.isFullHex(id) else { continue }
                let name = String(decoding: ReferencePeek.trimmed(line.dropFirst(41)), as: UTF8.self)
                if ids[name] == nil { ids[name] = id.lowercased() }
            }
        }
    }
}
