public import VigieCore
import Foundation

/// A place in a JSON text: 1-based line and column (columns count characters, not bytes).
public struct JSONPosition: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// Why a text is not JSON, and where.
public struct JSONSyntaxError: Sendable, Equatable {
    public let position: JSONPosition
    public let message: LocalizedText
}

/// A JSON file read for validation: its syntax checked strictly, where each value starts, and its
/// value decoded by Foundation.
///
/// Foundation's parser is the authority on values but is lenient (it accepts a trailing comma and a
/// byte order mark, which Python's `json` and the Frictionless tools reject) and only reports a
/// character offset. So a small scanner checks the syntax of RFC 8259 first, records the line and
/// column of every value by JSON pointer (`/resources/0/path`), and gives the line and column of the
/// first syntax error. A validation problem can then point at the value it is about.
public struct LocatedJSON: Sendable {
    /// The decoded value; nil when the text is not JSON (`error` says why).
    public let value: JSONValue?
    public let error: JSONSyntaxError?
    let positions: [String: JSONPosition]

    public init(_ bytes: [UInt8]) {
        var scanner = JSONScanner(bytes)
        scanner.run()
        positions = scanner.positions
        if let error = scanner.error {
            self.error = error
            value = nil
            return
        }
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
            error = nil
        } catch {
            // The scanner found no error but Foundation did: use Foundation's offset if it gives one.
            let offset = Self.characterOffset(in: String(describing: error))
            self.error = JSONSyntaxError(position: scanner.position(ofByte: offset ?? 0),
                                         message: LocalizedText(fr: "JSON invalide : \(error)", en: "invalid JSON: \(error)"))
            value = nil
        }
    }

    /// Where the value at `pointer` starts, or its nearest enclosing value's start.
    public func position(_ pointer: String) -> JSONPosition {
        var current = pointer
        while true {
            if let found = positions[current] { return found }
            guard let slash = current.lastIndex(of: "/") else { return JSONPosition(line: 1, column: 1) }
            current = String(current[..<slash])
        }
    }

    /// A JSON pointer segment: `~` and `/` escaped (RFC 6901).
    public static func escape(_ key: String) -> String {
        key.replacingOccurrences("~", "~0").replacingOccurrences("/", "~1")
    }

    /// "… around character 25." in Foundation's error description.
    static func characterOffset(in description: String) -> Int? {
        guard let range = description.range(of: "character ") else { return nil }
        return Int(description[range.upperBound...].prefix { $0.isNumber })
    }
}

/// The strict RFC 8259 scanner behind `LocatedJSON`.
private struct JSONScanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var column = 1
    var positions: [String: JSONPosition] = [:]
    var error: JSONSyntaxError?
    static let maxDepth = 512

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var here: JSONPosition { JSONPosition(line: line, column: column) }

    mutating func run() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            fail(LocalizedText(fr: "le fichier commence par une marque d'ordre d'octets (BOM), que JSON interdit",
                               en: "the file starts with a byte order mark (BOM), which JSON forbids"))
            return
        }
        if let invalid = firstInvalidUTF8() {
            let position = position(ofByte: invalid)
            error = JSONSyntaxError(position: position, message: LocalizedText(
                fr: "octet 0x\(hexByte(bytes[invalid])) : le fichier n'est pas en UTF-8", en: "byte 0x\(hexByte(bytes[invalid])): the file is not UTF-8"))
            return
        }
        skipSpace()
        guard value(pointer: "", depth: 0) else { return }
        skipSpace()
        if index < bytes.count {
            fail(LocalizedText(fr: "contenu en trop après la valeur JSON", en: "extra content after the JSON value"))
        }
    }

    // MARK: Values

    mutating func value(pointer: String, depth: Int) -> Bool {
        guard depth < Self.maxDepth else {
            fail(LocalizedText(fr: "imbrication trop profonde (plus de \(Self.maxDepth) niveaux)", en: "nested too deeply (over \(Self.maxDepth) levels)"))
            return false
        }
        guard index < bytes.count else { return unexpectedEnd() }
        positions[pointer] = here
        switch bytes[index] {
        case UInt8(ascii: "{"): return object(pointer: pointer, depth: depth)
        case UInt8(ascii: "["): return array(pointer: pointer, depth: depth)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return unexpected(expecting: LocalizedText(fr: "une valeur", en: "a value"))
        }
    }

    mutating func object(pointer: String, depth: Int) -> Bool {
        advance() // {
        skipSpace()
        if peek("}") { advance(); return true }
        while true {
            guard index < bytes.count else { return unexpectedEnd() }
            guard peek("\"") else {
                return unexpected(expecting: LocalizedText(fr: "un nom de clé entre guillemets", en: "a key in double quotes"))
            }
            let keyStart = index
            guard string() else { return false }
            let key = String(decoding: bytes[(keyStart + 1)..<(index - 1)], as: UTF8.self)
            skipSpace()
            guard peek(":") else { return unexpected(expecting: LocalizedText(fr: "« : »", en: "':'")) }
            advance()
            skipSpace()
            guard value(pointer: pointer + "/" + LocatedJSON.escape(key), depth: depth + 1) else { return false }
            skipSpace()
            if peek(",") {
                advance()
                skipSpace()
                if peek("}") {
                    fail(LocalizedText(fr: "virgule en trop avant « } »", en: "trailing comma before '}'"))
                    return false
                }
                continue
            }
            if peek("}") { advance(); return true }
            return unexpected(expecting: LocalizedText(fr: "« , » ou « } »", en: "',' or '}'"))
        }
    }

    mutating func array(pointer: String, depth: Int) -> Bool {
        advance() // [
        skipSpace()
        if peek("]") { advance(); return true }
        var element = 0
        while true {
            guard value(pointer: pointer + "/\(element)", depth: depth + 1) else { return false }
            element += 1
            skipSpace()
            if peek(",") {
                advance()
                skipSpace()
                if peek("]") {
                    fail(LocalizedText(fr: "virgule en trop avant « ] »", en: "trailing comma before ']'"))
                    return false
                }
                continue
            }
            if peek("]") { advance(); return true }
            return unexpected(expecting: LocalizedText(fr: "« , » ou « ] »", en: "',' or ']'"))
        }
    }

    mutating func string() -> Bool {
        advance() // "
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return true
            case UInt8(ascii: "\\"):
                advance()
                guard index < bytes.count else { return unexpectedEnd() }
                let escape = bytes[index]
                if escape == UInt8(ascii: "u") {
                    advance()
                    for _ in 0..<4 {
                        guard index < bytes.count, (bytes[index] as UInt8).isHexDigit else {
                            return unexpected(expecting: LocalizedText(fr: "4 chiffres hexadécimaux après \\u", en: "4 hexadecimal digits after \\u"))
                        }
                        advance()
                    }
                } else if Array("\"\\/bfnrt".utf8).contains(escape) {
                    advance()
                } else {
                    fail(LocalizedText(fr: "échappement invalide « \\\(Character(Unicode.Scalar(escape))) »",
                                       en: "invalid escape '\\\(Character(Unicode.Scalar(escape)))'"))
                    return false
                }
            case 0x00..<0x20:
                fail(LocalizedText(fr: "caractère de contrôle dans une chaîne (un saut de ligne doit s'écrire \\n)",
                                   en: "control character inside a string (a line break must be written \\n)"))
                return false
            default:
                advance()
            }
        }
        return unexpectedEnd(LocalizedText(fr: "chaîne jamais fermée", en: "string never closed"))
    }

    mutating func number() -> Bool {
        if peek("-") { advance() }
        guard index < bytes.count, bytes[index].isDigit else { return unexpected(expecting: LocalizedText(fr: "un chiffre", en: "a digit")) }
        if peek("0") {
            advance()
            if index < bytes.count, bytes[index].isDigit {
                fail(LocalizedText(fr: "un nombre ne commence pas par 0", en: "a number does not start with 0"))
                return false
            }
        } else {
            while index < bytes.count, bytes[index].isDigit { advance() }
        }
        if peek(".") {
            advance()
            guard index < bytes.count, bytes[index].isDigit else { return unexpected(expecting: LocalizedText(fr: "un chiffre", en: "a digit")) }
            while index < bytes.count, bytes[index].isDigit { advance() }
        }
        if peek("e") || peek("E") {
            advance()
            if peek("+") || peek("-") { advance() }
            guard index < bytes.count, bytes[index].isDigit else { return unexpected(expecting: LocalizedText(fr: "un chiffre", en: "a digit")) }
            while index < bytes.count, bytes[index].isDigit { advance() }
        }
        return true
    }

    mutating func literal(_ word: String) -> Bool {
        for expected in word.utf8 {
            guard index < bytes.count, bytes[index] == expected else {
                return unexpected(expecting: LocalizedText(fr: "« \(word) »", en: "'\(word)'"))
            }
            advance()
        }
        return true
    }

    // MARK: Moving and failing

    func peek(_ character: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: character) }

    /// Moves one byte on; a column is one character, so UTF-8 continuation bytes do not count. LF,
    /// CRLF and a lone CR each end a line, as in the text decoding (`TextDecoding`).
    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A || (byte == 0x0D && (index >= bytes.count || bytes[index] != 0x0A)) {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*") {
            fail(LocalizedText(fr: "commentaire : JSON n'en permet pas", en: "comment: JSON does not allow them"))
            index = bytes.count
        }
    }

    mutating func fail(_ message: LocalizedText) {
        if error == nil { error = JSONSyntaxError(position: here, message: message) }
    }

    mutating func unexpected(expecting: LocalizedText) -> Bool {
        guard index < bytes.count else { return unexpectedEnd() }
        let found = describe(bytes[index])
        fail(LocalizedText(fr: "caractère inattendu \(found.fr), attendu : \(expecting.fr)",
                           en: "unexpected character \(found.en), expected \(expecting.en)"))
        return false
    }

    mutating func unexpectedEnd(_ message: LocalizedText = LocalizedText(fr: "fin de fichier inattendue", en: "unexpected end of file")) -> Bool {
        fail(message)
        return false
    }

    func describe(_ byte: UInt8) -> LocalizedText {
        if byte >= 0x21 && byte < 0x7F {
            let character = Character(Unicode.Scalar(byte))
            return LocalizedText(fr: "« \(character) »", en: "'\(character)'")
        }
        return .same("0x" + hexByte(byte))
    }

    func firstInvalidUTF8() -> Int? {
        firstInvalidUTF8Offset(bytes)
    }

    /// The line and column of a byte offset (for Foundation's offsets and UTF-8 errors).
    func position(ofByte offset: Int) -> JSONPosition {
        var line = 1, column = 1
        for (index, byte) in bytes.prefix(max(0, min(offset, bytes.count))).enumerated() {
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONPosition(line: line, column: column)
    }
}

func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}

private extension UInt8 {
    var isDigit: Bool { (0x30...0x39).contains(self) }
    var isHexDigit: Bool { isDigit || (0x41...0x46).contains(self) || (0x61...0x66).contains(self) }
}
