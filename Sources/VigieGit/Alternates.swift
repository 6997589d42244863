import Foundation

/// The object folders a repository borrows from (`objects/info/alternates`), found the way
/// libgit2 1.5 finds them, so that vigie checks what libgit2 will read there too.
///
/// Why: an alternate is another folder of objects, anywhere on the disk, that libgit2 reads as if
/// it were the repository's own. Its loose objects can be truncated or lie about their size like the
/// repository's (LooseObjects.swift), and a FIFO among its packs blocks `open()`. So the same
/// checks apply there: its special files are refused, its loose objects go through vigie's reader.
enum Alternates {
    /// libgit2's `GIT_ALTERNATES_MAX_DEPTH`: an alternate may have alternates, 5 levels deep.
    static let maximumDepth = 5
    /// An alternates file is a few paths; past this it is not one (libgit2 would read it whole).
    private static let fileLimit = 1 << 20

    /// Every alternate object folder reachable from `objectsFolder`, in libgit2's order (depth
    /// first, in file order), each once, without `objectsFolder` itself. Paths are as libgit2 builds
    /// them: an absolute line as is, a relative one joined to the folder holding the file. Like
    /// libgit2, relative lines are followed only in the repository's own alternates file.
    static func folders(from objectsFolder: String) throws(GitError) -> [String] {
        var found: [String] = []
        var seen: Set<String> = [normalized(objectsFolder)]
        try collect(from: objectsFolder, depth: 0, into: &found, seen: &seen)
        return found
    }

    private static func collect(from folder: String, depth: Int, into found: inout [String], seen: inout Set<String>) throws(GitError) {
        guard depth < maximumDepth else { return }
        let file = folder + (folder.hasSuffix("/") ? "" : "/") + "info/alternates"
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(file, limit: fileLimit)
        } catch {
            if RegularFile.irregularKind(file) == nil && !FileManager.default.fileExists(atPath: file) { return }
            throw GitError(code: .other(-1), category: .filesystem, message: "\(file): \(error.reason)", operation: "vigie_open_regular")
        }
        for rawLine in bytes.split(separator: 0x0A) {
            var line = String(decoding: rawLine, as: UTF8.self)
            while line.hasSuffix("\r") || line.hasSuffix(" ") { line.removeLast() }
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if line.hasPrefix(".") && depth > 0 { continue }
            let path = line.hasPrefix("/") ? line : folder + (folder.hasSuffix("/") ? "" : "/") + line
            guard seen.insert(normalized(path)).inserted else { continue }
            if let kind = RegularFile.irregularKind(path) {
                throw GitError(code: .other(-1), category: .filesystem,
                               message: "\(path) (an alternate of \(file)) is \(kind): vigie reads only regular files and folders",
                               operation: "vigie_open_regular")
            }
            found.append(path)
            try collect(from: path, depth: depth + 1, into: &found, seen: &seen)
        }
    }

    private static func normalized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
