/// The folders of a repository path, lowercased, as the content scans ask about them for every file
/// of every audit ("is one of its folders `tests`?"): several times per file, so the common case, an
/// ASCII path, is cut as bytes, each folder name a small `String` that needs no allocation.
/// `path.lowercased().split(separator: "/")` cost 10,000–20,000 instructions a call: on git/git a
/// third of a licence-and-README audit (callgrind, issue 14).
enum PathFolders {
    /// Whether `body` holds for one of the folders of `path` (not its file name), lowercased; empty
    /// segments (`a//b`) are skipped, as `split` skips them.
    static func contains(_ path: String, where body: (String) -> Bool) -> Bool {
        var found = false
        let ascii = path.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            // A segment is a folder once another segment follows it: the last one is the file name,
            // even before trailing slashes.
            var segment: [UInt8] = []
            segment.reserveCapacity(32)
            var ended = false
            for byte in bytes {
                if byte == 0x2F {
                    ended = !segment.isEmpty || ended
                    continue
                }
                if ended {
                    if body(String(decoding: segment, as: UTF8.self)) { found = true; return true }
                    segment.removeAll(keepingCapacity: true)
                    ended = false
                }
                segment.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            return true
        }
        if ascii == true { return found }
        return path.lowercased().split(separator: "/").dropLast().contains { body(String($0)) }
    }

    /// The first folder of `path`, lowercased; nil for a file at the root.
    static func first(_ path: String) -> String? {
        guard let slash = path.utf8.firstIndex(of: 0x2F) else { return nil }
        let head = path[..<slash]
        return head.isEmpty ? path.split(separator: "/").first.map { $0.lowercased() } : head.lowercased()
    }
}
