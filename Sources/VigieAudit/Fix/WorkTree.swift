import Foundation
public import VigieCore
public import VigieRules

/// The work tree `vigie fix` writes into, and the only code that writes there. Every path is
/// relative to the work tree's root and checked before use: no absolute path, no `.`/`..`, nothing
/// under `.git`, and no component that is a symbolic link (each folder is opened with
/// `O_NOFOLLOW | O_DIRECTORY` from the root's descriptor, so a link placed anywhere on the way is
/// refused, not followed). New files are created with `O_EXCL`: an existing file is never replaced.
public struct WorkTree: WorkTreeFiles {
    /// The work tree's root, as libgit2 gives it (ends without `/`).
    public let root: String
    /// The most a file of the work tree is read (the README the sections are appended to).
    static let readCap = 1 << 20

    public init(root: String) {
        var root = root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
    }

    /// Why a path is refused, or nil when it may be used.
    public static func refusal(_ path: String) -> LocalizedText? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.isEmpty || path.hasPrefix("/") || components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return LocalizedText(fr: "chemin hors de la copie de travail", en: "path outside the work tree")
        }
        if components.first?.lowercased() == ".git" || path.contains("\0") {
            return LocalizedText(fr: "vigie fix n'écrit pas dans .git", en: "vigie fix does not write into .git")
        }
        return nil
    }

    public func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(root + "/" + path, &status) == 0
    }

    /// A regular file's text (UTF-8, at most 1 MiB), reached without following a link.
    public func text(_ path: String) -> String? {
        guard Self.refusal(path) == nil, let (folder, name) = try? openParent(of: path, creating: false) else { return nil }
        defer { close(folder) }
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) <= Self.readCap else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            offset += count
        }
        return String(validating: bytes[..<offset], as: UTF8.self)
    }

    /// Creates `path` holding `text`; fails if anything is already there (`O_EXCL`), if a folder on
    /// the way is a link or a file, or if the path leaves the work tree.
    public func create(_ path: String, text: String) throws(WorkTreeRefusal) {
        if let why = Self.refusal(path) { throw WorkTreeRefusal(path: path, reason: why) }
        let (folder, name) = try openParent(of: path, creating: true)
        defer { close(folder) }
        let descriptor = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            throw WorkTreeRefusal(path: path, reason: code == EEXIST
                ? LocalizedText(fr: "le fichier existe déjà", en: "the file already exists") : WriteFailure.reason(errno: code))
        }
        defer { close(descriptor) }
        try write(Array(text.utf8), to: descriptor, path: path)
    }

    /// Adds `text` at the end of the regular file `path` (never through a link).
    public func append(_ path: String, text: String) throws(WorkTreeRefusal) {
        if let why = Self.refusal(path) { throw WorkTreeRefusal(path: path, reason: why) }
        let (folder, name) = try openParent(of: path, creating: false)
        defer { close(folder) }
        let descriptor = openat(folder, name, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw WorkTreeRefusal(path: path, reason: Self.linkOr(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw WorkTreeRefusal(path: path, reason: LocalizedText(fr: "ce n'est pas un fichier ordinaire", en: "not a regular file"))
        }
        try write(Array(text.utf8), to: descriptor, path: path)
    }

    private func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(WorkTreeRefusal) {
        let failure = writeAll(bytes, to: descriptor)
        if failure != 0 { throw WorkTreeRefusal(path: path, reason: WriteFailure.reason(errno: failure)) }
    }

    /// The folder holding `path`, opened component by component from the root without following
    /// links (and created when `creating`), and the file's name in it. The caller closes the folder.
    private func openParent(of path: String, creating: Bool) throws(WorkTreeRefusal) -> (Int32, String) {
        var components = path.split(separator: "/").map(String.init)
        let name = components.removeLast()
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw WorkTreeRefusal(path: path, reason: WriteFailure.reason(errno: errno)) }
        for component in components {
            var next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT && creating {
                if mkdirat(folder, component, 0o755) != 0 && errno != EEXIST {
                    let code = errno
                    close(folder)
                    throw WorkTreeRefusal(path: path, reason: WriteFailure.reason(errno: code))
                }
                next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            let code = errno
            close(folder)
            guard next >= 0 else { throw WorkTreeRefusal(path: path, reason: Self.linkOr(code)) }
            folder = next
        }
        return (folder, name)
    }

    /// ELOOP and ENOTDIR from an `O_NOFOLLOW` open mean a link (or a file) where a folder or file was expected.
    static func linkOr(_ code: Int32) -> LocalizedText {
        code == ELOOP || code == ENOTDIR || code == EMLINK
            ? LocalizedText(fr: "un lien symbolique ou un fichier est sur le chemin : vigie fix ne suit pas les liens",
                            en: "a symbolic link or a file is on the way: vigie fix does not follow links")
            : WriteFailure.reason(errno: code)
    }
}

/// A change `vigie fix` did not make, and why: one line of its output.
public struct WorkTreeRefusal: Error, Sendable {
    public let path: String
    public let reason: LocalizedText
}
