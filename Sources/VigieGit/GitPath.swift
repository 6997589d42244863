/// A path inside a git tree. Git stores names as bytes with no encoding, so the bytes are kept
/// as they are, and `display` is a lossy UTF-8 rendering (invalid bytes become U+FFFD) for reports.
public struct GitPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let bytes: [UInt8]
    public let display: String

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.display = String(decoding: bytes, as: UTF8.self)
    }

    public init(_ string: String) { self.init(bytes: Array(string.utf8)) }

    /// True when the bytes are valid UTF-8, so `display` is exact.
    public var isValidUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    public func appending(_ name: [UInt8]) -> GitPath {
        bytes.isEmpty ? GitPath(bytes: name) : GitPath(bytes: bytes + [UInt8(ascii: "/")] + name)
    }

    public var description: String { display }
    public static func < (lhs: GitPath, rhs: GitPath) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}
