/// The `.gitmodules` file of a tree: which path each submodule lives at and where it comes from.
/// Read only to name a submodule's URL in reports; a submodule is never followed or fetched.
public struct GitModules: Sendable, Equatable {
    /// Submodule URL by path.
    public let urls: [String: String]

    /// Parses the git-config subset `.gitmodules` uses: `[submodule "name"]` sections with `path =`
    /// and `url =` keys. Anything else (comments, other sections, malformed lines) is ignored.
    public init(_ bytes: [UInt8]) {
        var urls: [String: String] = [:]
        var path: String?
        var url: String?
        func flush() {
            if let path, let url { urls[path] = url }
            path = nil
            url = nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = rawLine.trimmingSpaces
            if line.hasPrefix("[") {
                flush()
                continue
            }
            guard !line.hasPrefix("#"), !line.hasPrefix(";"), let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingSpaces.lowercased()
            var value = line[line.index(after: equals)...].trimmingSpaces
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            switch key {
            case "path": path = value
            case "url": url = value
            default: break
            }
        }
        flush()
        self.urls = urls
    }
}

/// A Git LFS pointer: the small text git stores in place of a file kept on an LFS server.
/// Spec: https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md
public struct LFSPointer: Sendable, Equatable {
    /// The size of the real file, as the pointer declares it.
    public let size: Int64?

    /// Pointers are at most a few hundred bytes; anything bigger is not one.
    public static let maximumSize = 1024
    private static let signature = Array("version https://git-lfs.github.com/spec/".utf8)

    /// Parses a blob's bytes; nil when they are not an LFS pointer.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count <= Self.maximumSize, bytes.starts(with: Self.signature) else { return nil }
        var size: Int64?
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) where line.hasPrefix("size ") {
            size = Int64(line.dropFirst(5).trimmingSpaces)
        }
        self.size = size
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (no Foundation in this module's values).
    var trimmingSpaces: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
