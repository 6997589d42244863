#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The one place where a repository file's bytes become text (docs/architecture.md, "Text decoding").

/// The encoding a file's text was read in.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    /// UTF-8 without a byte order mark (plain ASCII included).
    case utf8 = "utf-8"
    /// UTF-8 after the byte order mark EF BB BF.
    case utf8BOM = "utf-8-bom"
    /// UTF-16 after the byte order mark FF FE.
    case utf16LE = "utf-16le"
    /// UTF-16 after the byte order mark FE FF.
    case utf16BE = "utf-16be"
    /// Bytes that are not UTF-8, read as Windows-1252 (the five bytes it leaves undefined as Latin-1).
    case windows1252 = "windows-1252"
}

/// The line breaks a file uses: all of them become "\n" in the decoded text.
public enum LineEnding: String, Sendable, Equatable {
    /// No line break at all.
    case none
    case lf
    case crlf
    /// A carriage return alone (classic Mac OS).
    case cr
    /// More than one kind.
    case mixed
}

/// A file's text: UTF-8 without a byte order mark, every line break a single LF.
public struct DecodedText: Sendable, Equatable {
    /// The text's UTF-8 bytes: byte scans run on these, so their offsets, lines and columns are the text's.
    public let utf8: [UInt8]
    public let encoding: TextEncoding
    public let lineEnding: LineEnding

    public init(utf8: [UInt8], encoding: TextEncoding, lineEnding: LineEnding) {
        self.utf8 = utf8
        self.encoding = encoding
        self.lineEnding = lineEnding
    }

    public var text: String { String(decoding: utf8, as: UTF8.self) }
}

/// Turns a file's bytes into text, or says it is binary.
///
/// - A UTF-16 byte order mark (FF FE, FE FF) decides UTF-16, little- or big-endian.
/// - Otherwise a NUL byte in the first 8000 bytes makes the file binary, as git decides
///   (`buffer_is_binary`): it is not text, and `decode` returns nil.
/// - A UTF-8 byte order mark is dropped and the rest read as UTF-8 (invalid sequences become U+FFFD).
/// - Valid UTF-8 is UTF-8; anything else is Windows-1252, where the bytes it leaves undefined
///   (81, 8D, 8F, 90, 9D) are read as Latin-1, so every byte is one character.
/// - CRLF and a lone CR become LF, so line N of the decoded text is line N of the file, whatever its
///   line endings, and a column is the same as in the LF twin.
public enum TextDecoding {
    /// How far `isBinary` looks for a NUL byte (git's `FIRST_FEW_BYTES`).
    public static let binarySniffLength = 8000

    /// True when `bytes` is binary: a NUL byte in the first 8000 bytes, unless a UTF-16 byte order mark opens it.
    public static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in utf16Order(buffer) == nil && hasNUL(buffer) }
    }

    /// The text of `bytes`, or nil when they are binary. With `isPrefix`, `bytes` are the start of a
    /// longer file: a character cut at the end is dropped instead of making the bytes invalid.
    public static func decode(_ bytes: [UInt8], isPrefix: Bool = false) -> DecodedText? {
        bytes.withUnsafeBufferPointer { buffer -> DecodedText? in
            if let bigEndian = utf16Order(buffer) {
                let utf8 = utf16ToUTF8(UnsafeBufferPointer(rebasing: buffer[2...]), bigEndian: bigEndian, isPrefix: isPrefix)
                return normalised(utf8, encoding: bigEndian ? .utf16BE : .utf16LE)
            }
            if hasNUL(buffer) { return nil }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
                let body = UnsafeBufferPointer(rebasing: buffer[3...])
                switch validateUTF8(body) {
                case .valid: return normalised(Array(body), encoding: .utf8BOM)
                case .truncated(let end) where isPrefix: return normalised(Array(body[..<end]), encoding: .utf8BOM)
                default: return normalised(Array(String(decoding: body, as: UTF8.self).utf8), encoding: .utf8BOM)
                }
            }
            switch validateUTF8(buffer) {
            case .valid: return normalised(bytes, encoding: .utf8)
            case .truncated(let end) where isPrefix: return normalised(Array(buffer[..<end]), encoding: .utf8)
            default: return normalised(windows1252ToUTF8(buffer), encoding: .windows1252)
            }
        }
    }

    /// The 1-based line of byte `offset` in the raw bytes of a file in an ASCII-compatible encoding
    /// (UTF-8, Windows-1252, Latin-1): LF, CRLF and a lone CR each end one line, as in the decoded text.
    public static func line(ofByte offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) { line += 1 }
            index += 1
        }
        return line
    }

    // MARK: Detection

    /// true for big-endian, false for little-endian, nil without a UTF-16 byte order mark. FF FE 00 00
    /// opens UTF-32 (little-endian), which vigie does not read: binary.
    private static func utf16Order(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard buffer.count >= 2 else { return nil }
        if buffer[0] == 0xFE && buffer[1] == 0xFF { return true }
        if buffer[0] == 0xFF && buffer[1] == 0xFE {
            if buffer.count >= 4 && buffer[2] == 0 && buffer[3] == 0 { return nil }
            return false
        }
        return nil
    }

    private static func hasNUL(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        return memchr(base, 0, min(buffer.count, binarySniffLength)) != nil
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence (a sequence cut by the
    /// end included), or nil when all of `bytes` is valid UTF-8: encoding findings point at that byte.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            switch validateUTF8(buffer) {
            case .valid: nil
            case .truncated(let offset), .invalid(let offset): offset
            }
        }
    }

    enum UTF8Validity: Equatable {
        case valid
        /// Valid up to `end`, where a sequence starts that the bytes end before completing.
        case truncated(end: Int)
        /// The sequence starting at `at` is not UTF-8.
        case invalid(at: Int)
    }

    /// Strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), eight ASCII bytes at a time.
    static func validateUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> UTF8Validity {
        guard let base = buffer.baseAddress else { return .valid }
        let count = buffer.count
        var index = 0
        while index < count {
            while index + 8 <= count,
                  UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return .invalid(at: index)
            }
            for position in 1..<length {
                guard index + position < count else { return .truncated(end: index) }
                let byte = buffer[index + position]
                if position == 1 ? (byte < low || byte > high) : (byte & 0xC0 != 0x80) { return .invalid(at: index) }
            }
            index += length
        }
        return .valid
    }

    // MARK: Transcoding to UTF-8

    /// Windows-1252's 80…9F; 0 where it defines nothing (the byte is then Latin-1, U+0080…U+009F).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func windows1252ToUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(buffer.count + buffer.count / 8)
        for byte in buffer {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            var scalar = UInt32(byte)
            if byte <= 0x9F {
                let mapped = windows1252High[Int(byte - 0x80)]
                if mapped != 0 { scalar = UInt32(mapped) }
            }
            if scalar < 0x800 {
                output.append(UInt8(0xC0 | (scalar >> 6)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (scalar >> 12)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return output
    }

    /// UTF-16 code units to UTF-8; unpaired surrogates and an odd last byte become U+FFFD (dropped at
    /// the end of a prefix, where the rest of the character was cut off).
    private static func utf16ToUTF8(_ buffer: UnsafeBufferPointer<UInt8>, bigEndian: Bool, isPrefix: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(buffer.count / 2)
        var index = 0
        while index + 1 < buffer.count {
            let first = UInt16(buffer[index]), second = UInt16(buffer[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        if isPrefix, let last = units.last, (0xD800...0xDBFF).contains(last) { units.removeLast() }
        var utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
        if buffer.count % 2 == 1 && !isPrefix { utf8 += [0xEF, 0xBF, 0xBD] }
        return utf8
    }

    // MARK: Line breaks

    /// `utf8` with CRLF and lone CR turned into LF (no copy when there is no CR).
    private static func normalised(_ utf8: [UInt8], encoding: TextEncoding) -> DecodedText {
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, memchr(base, 0x0D, buffer.count) != nil else {
                let hasLF = buffer.baseAddress.map { memchr($0, 0x0A, buffer.count) != nil } ?? false
                return DecodedText(utf8: utf8, encoding: encoding, lineEnding: hasLF ? .lf : .none)
            }
            var output: [UInt8] = []
            output.reserveCapacity(buffer.count)
            var lf = 0, crlf = 0, cr = 0
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                index += 1
                switch byte {
                case 0x0D:
                    if index < buffer.count && buffer[index] == 0x0A {
                        index += 1
                        crlf += 1
                    } else {
                        cr += 1
                    }
                    output.append(0x0A)
                case 0x0A:
                    lf += 1
                    output.append(0x0A)
                default:
                    output.append(byte)
                }
            }
            let kinds = [(lf, LineEnding.lf), (crlf, .crlf), (cr, .cr)].filter { $0.0 > 0 }
            let ending: LineEnding = kinds.count > 1 ? .mixed : kinds.first?.1 ?? .none
            return DecodedText(utf8: output, encoding: encoding, lineEnding: ending)
        }
    }
}

/// Thrown by `RepositorySnapshot.text(of:)` for a binary file (see `TextDecoding`): it is not text,
/// and is never parsed as if it were. Scans over many files skip such files instead.
public struct BinaryContent: LocalizedFailure, Sendable, Equatable {
    public let path: String

    public init(path: String) { self.path = path }

    public var localizedText: LocalizedText {
        LocalizedText(fr: "\(path) est un fichier binaire (octet nul dans ses 8000 premiers octets) : il n'a pas été lu comme du texte",
                      en: "\(path) is a binary file (a NUL byte in its first 8000 bytes): it was not read as text")
    }
}

extension RepositorySnapshot {
    /// The decoded text of a file, with the encoding and line endings it was read in; throws
    /// `BinaryContent` for a binary file, `ContentTooLarge` over the cap.
    public func decodedText(of entry: SnapshotEntry, cap: Int64? = nil) throws -> DecodedText {
        guard let decoded = decoded(entry, bytes: try bytes(of: entry, cap: cap)) else { throw BinaryContent(path: entry.path) }
        return decoded
    }

    /// The text of a file, nil when it is binary: for scans over many files, which skip binaries.
    public func textUnlessBinary(of entry: SnapshotEntry, cap: Int64? = nil) throws -> String? {
        do {
            return try decodedText(of: entry, cap: cap).text
        } catch is BinaryContent {
            return nil
        }
    }
}
