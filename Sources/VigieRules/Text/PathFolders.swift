/// The folders of a repository path, lowercased, as the content scans ask about them for every file
/// of every audit ("is one of its folders `tests`?"): several times per file, so the common case, an
/// ASCII path, is cut as bytes, each folder name a small `String` that needs no allocation.
/// `path.lowercased().split(separator: "/")` cost 10,000–20,000 instructions a call: on git/git a
/// third of a licence-and-README audit (callgrind, issue 14).
enum PathFolders {
    /// Whether `body` holds for one of the folders of `path` (not its file name), lowercased; empty
    /// segments (`a//b`) are skipped, as `split` skips them.
    static func contains(_ path: String, where body: (String) -> Bool) -> Bool {
        let answer = path.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            // A segment is a folder once another segment follows it: the last one is the file name,
            // even before trailing slashes.
            var previous: Range<Int>?
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x2F {
                defer { start = end + 1 }
                guard end > start else { continue }
                if let folder = previous, body(lowercased(UnsafeBufferPointer(rebasing: bytes[folder]))) { return true }
                previous = start..<end
            }
            return false
        }
        if let answer = answer ?? nil { return answer }
        return path.lowercased().split(separator: "/").dropLast().contains { body(String($0)) }
    }

    /// An ASCII segment, lowercased: decoded as it is when it has no capital (the usual case).
    private static func lowercased(_ segment: UnsafeBufferPointer<UInt8>) -> String {
        guard segment.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(decoding: segment, as: UTF8.self) }
        return String(decoding: segment.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// The first folder of `path`, lowercased; nil for a file at the root.
    static func first(_ path: String) -> String? {
        guard let slash = path.utf8.firstIndex(of: 0x2F) else { return nil }
        let head = path[..<slash]
        return head.isEmpty ? path.split(separator: "/").first.map { $0.lowercased() } : head.lowercased()
    }
}
