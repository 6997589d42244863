#if canImport(Glibc)
import Glibc
#endif

/// Normalised text (TextNormalizer) between spaces, as bytes, in which whole words and phrases are
/// looked for byte by byte.
///
/// Why: looking for a dozen phrases in each line of a README with `String.contains` went through
/// Foundation's `CFStringFind`, which converts the text to UTF-16 at every call: a README of 1 MiB
/// of plain words took 8 s (docs/reliability.md). Normalising once and searching bytes is linear.
struct WordText: Sendable {
    private let bytes: [UInt8]

    init(_ text: String) {
        var bytes: [UInt8] = [0x20]
        bytes += TextNormalizer.normalizedBytes(text)
        bytes.append(0x20)
        self.bytes = bytes
    }

    /// Whether `words` (already normalised: lowercase ASCII words separated by single spaces) occur
    /// as whole words.
    func contains(_ words: String) -> Bool {
        var needle: [UInt8] = [0x20]
        needle += words.utf8
        needle.append(0x20)
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { Self.occurs($0, in: haystack) }
        }
    }

    /// A plain scan: `memchr` for the byte after the leading space (the phrase's first letter), then a
    /// comparison. Linear in the text for the short phrases of the rule data.
    private static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count >= 2, haystack.count >= needle.count, let base = haystack.baseAddress, let pattern = needle.baseAddress else {
            return needle.count <= haystack.count && needle.isEmpty
        }
        let key = Int32(pattern[1])
        var offset = 1
        let last = haystack.count - needle.count + 1 // highest offset of the key byte, + 1
        while offset <= last, let found = memchr(base + offset, key, last - offset + 1) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at - 1, pattern, needle.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }

    /// Whether any of `phrases` occurs as whole words.
    func containsAny(_ phrases: [String]) -> Bool {
        phrases.contains { contains($0) }
    }
}
