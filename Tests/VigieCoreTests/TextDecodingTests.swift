import Testing
import VigieCore

/// The one text decoding: encodings, byte order marks, line endings, binaries.
@Suite("Text decoding")
struct TextDecodingTests {
    func decode(_ bytes: [UInt8], isPrefix: Bool = false) throws -> DecodedText {
        try #require(TextDecoding.decode(bytes, isPrefix: isPrefix), "read as binary")
    }

    func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + text.utf16.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            return bigEndian ? [high, low] : [low, high]
        }
    }

    @Test("UTF-8 without a byte order mark, ASCII included")
    func utf8() throws {
        let ascii = try decode(Array("plain\n".utf8))
        #expect(ascii.text == "plain\n")
        #expect(ascii.encoding == .utf8)
        #expect(ascii.lineEnding == .lf)
        let french = try decode(Array("Déclaration d’accessibilité — 🇫🇷".utf8))
        #expect(french.text == "Déclaration d’accessibilité — 🇫🇷")
        #expect(french.encoding == .utf8)
        #expect(french.lineEnding == LineEnding.none)
        #expect(try decode([]).text == "")
    }

    @Test("a UTF-8 byte order mark is dropped and named")
    func utf8BOM() throws {
        let decoded = try decode([0xEF, 0xBB, 0xBF] + Array("# Titre é\n".utf8))
        #expect(decoded.text == "# Titre é\n")
        #expect(decoded.encoding == .utf8BOM)
        #expect(decoded.encoding.rawValue == "utf-8-bom")
        // After the mark, invalid sequences become U+FFFD: the mark says UTF-8.
        #expect(try decode([0xEF, 0xBB, 0xBF, 0x61, 0xE9, 0x62]).text == "a\u{FFFD}b")
    }

    @Test("UTF-16 with a byte order mark, little- and big-endian, surrogate pairs included", arguments: [false, true])
    func utf16(bigEndian: Bool) throws {
        let decoded = try decode(utf16("Accessibilité 🇫🇷\r\nligne 2\r\n", bigEndian: bigEndian))
        #expect(decoded.text == "Accessibilité 🇫🇷\nligne 2\n")
        #expect(decoded.encoding == (bigEndian ? .utf16BE : .utf16LE))
        #expect(decoded.lineEnding == .crlf)
    }

    @Test("UTF-16: NUL bytes do not make it binary; an odd last byte and a lone surrogate become U+FFFD")
    func utf16Damaged() throws {
        #expect(TextDecoding.isBinary(utf16("abc", bigEndian: false)) == false)
        #expect(try decode(utf16("ab", bigEndian: false) + [0x63]).text == "ab\u{FFFD}")
        #expect(try decode([0xFF, 0xFE, 0x3D, 0xD8, 0x61, 0x00]).text == "\u{FFFD}a")
        // A prefix cut inside a character drops it.
        #expect(try decode(utf16("ab", bigEndian: false) + [0x63], isPrefix: true).text == "ab")
        #expect(try decode([0xFF, 0xFE, 0x61, 0x00, 0x3D, 0xD8], isPrefix: true).text == "a")
    }

    @Test("bytes that are not UTF-8 are Windows-1252: 0x92 is ’, 0xE9 is é, 0x80 is €")
    func windows1252() throws {
        let decoded = try decode([0x4C, 0x92, 0xE9, 0x74, 0xE9, 0x20, 0x80, 0x0A])
        #expect(decoded.text == "L’été €\n")
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.encoding.rawValue == "windows-1252")
        // Latin-1 text (no byte in 80…9F) reads the same.
        #expect(try decode(Array("Ambérieu, Orléans, Besançon, cœur".unicodeScalars.compactMap { $0.value < 0x100 ? UInt8($0.value) : nil })).text
                == "Ambérieu, Orléans, Besançon, cur")
        // The bytes Windows-1252 leaves undefined fall back to Latin-1: every byte is one character.
        let undefined: [UInt8] = [0xE9, 0x81, 0x8D, 0x8F, 0x90, 0x9D]
        #expect(try decode(undefined).text.unicodeScalars.map(\.value) == [0xE9, 0x81, 0x8D, 0x8F, 0x90, 0x9D])
        // Every byte 80…FF decodes to one character.
        let high = (0x80...0xFF).map { UInt8($0) }
        #expect(try decode(high).text.unicodeScalars.count == 128)
    }

    @Test("strict UTF-8: overlong forms, surrogates and truncated sequences are not UTF-8")
    func strictUTF8() throws {
        #expect(try decode([0xC0, 0xAF]).encoding == .windows1252)
        #expect(try decode([0xED, 0xA0, 0x80]).encoding == .windows1252)
        #expect(try decode([0xF4, 0x90, 0x80, 0x80]).encoding == .windows1252)
        #expect(try decode([0x61, 0xC3]).encoding == .windows1252)
        #expect(TextDecoding.firstInvalidUTF8Offset(Array("abc".utf8) + [0xC3]) == 3)
        #expect(TextDecoding.firstInvalidUTF8Offset(Array("été, 🇫🇷, 中文".utf8)) == nil)
        #expect(TextDecoding.firstInvalidUTF8Offset(Array(String(repeating: "x", count: 20).utf8) + [0xE9]) == 20)
    }

    @Test("a prefix cut inside a UTF-8 character stays UTF-8")
    func utf8Prefix() throws {
        let bytes = Array("aé".utf8)
        let cut = Array(bytes.dropLast())
        #expect(try decode(cut, isPrefix: true).text == "a")
        #expect(try decode(cut, isPrefix: true).encoding == .utf8)
        #expect(try decode(cut).encoding == .windows1252)
    }

    @Test("LF, CRLF and a lone CR all end one line", arguments: [
        ("a\nb\n", LineEnding.lf), ("a\r\nb\r\n", .crlf), ("a\rb\r", .cr), ("a\r\nb\nc\rd", .mixed), ("ab", .none),
    ])
    func lineEndings(_ source: String, _ kind: LineEnding) throws {
        let decoded = try decode(Array(source.utf8))
        #expect(decoded.lineEnding == kind)
        #expect(!decoded.text.contains("\r") && !decoded.text.unicodeScalars.contains("\r"))
        let expected = source.replacingOccurrences("\r\n", "\n").replacingOccurrences("\r", "\n")
        #expect(decoded.text == expected)
        // Splitting on "\n" gives the lines of the file, CRLF ones included ("\r\n" is one Character).
        #expect(decoded.text.split(separator: "\n", omittingEmptySubsequences: false).count
                == expected.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    @Test("CR and CRLF in Windows-1252 and UTF-8 with BOM are normalised too")
    func lineEndingsInEveryEncoding() throws {
        let cp1252 = try decode([0xE9, 0x0D, 0x0A, 0x92, 0x0D, 0x61])
        #expect(cp1252.text == "é\n’\na")
        #expect(cp1252.lineEnding == .mixed)
        #expect(try decode([0xEF, 0xBB, 0xBF, 0x61, 0x0D, 0x62]).text == "a\nb")
    }

    @Test("a NUL byte in the first 8000 bytes makes a file binary, as git decides")
    func binary() {
        #expect(TextDecoding.decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]) == nil)
        #expect(TextDecoding.isBinary(Array("text\u{0}".utf8)))
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x61, 0x00]) == nil)
        let late = [UInt8](repeating: 0x61, count: 8000) + [0x00]
        #expect(!TextDecoding.isBinary(late))
        #expect(TextDecoding.decode(late) != nil)
        // UTF-32 (FF FE 00 00) is not read.
        #expect(TextDecoding.decode([0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]) == nil)
    }

    @Test("the line of a byte offset counts LF, CRLF and lone CR once each")
    func lineOfByte() {
        let bytes = Array("a\r\nb\rc\nd".utf8)
        #expect(TextDecoding.line(ofByte: 0, in: bytes) == 1)
        #expect(TextDecoding.line(ofByte: 3, in: bytes) == 2)
        #expect(TextDecoding.line(ofByte: 5, in: bytes) == 3)
        #expect(TextDecoding.line(ofByte: 7, in: bytes) == 4)
    }

    @Test("the binary error says what happened, in both languages")
    func binaryMessage() {
        let error = BinaryContent(path: "logo.png")
        #expect(error.localizedText.en.contains("logo.png is a binary file"))
        #expect(error.localizedText.fr.contains("logo.png est un fichier binaire"))
    }
}

private extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
