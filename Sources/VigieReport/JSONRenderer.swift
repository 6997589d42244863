import Foundation
public import VigieCore

/// The JSON scorecard in one canonical form: keys sorted by code point, two-space indentation,
/// `"key": value`, a final newline, no wall-clock time. The same commit audited as of the same
/// day therefore gives byte-identical output on every machine.
public enum JSONRenderer {
    public static func render(_ scorecard: Scorecard) throws -> String {
        render(try JSONValue(encoding: scorecard))
    }

    public static func render(_ value: JSONValue) -> String {
        // Written as UTF-8 bytes, made a String once: appending scalar by scalar to a String cost more
        // than a thousand instructions a byte of output.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(value, indent: 0, to: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, indent: Int, to out: inout [UInt8]) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .int(let number): out += String(number).utf8
        case .double(let number): out += (number.isFinite ? String(number) : "null").utf8
        case .string(let text): writeString(text, to: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out += "[\n".utf8
            for (index, item) in items.enumerated() {
                pad(indent + 1, &out)
                write(item, indent: indent + 1, to: &out)
                out += (index + 1 < items.count ? ",\n" : "\n").utf8
            }
            pad(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { out += "{}".utf8; return }
            out += "{\n".utf8
            // Code point order is UTF-8 byte order.
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                pad(indent + 1, &out)
                writeString(key, to: &out)
                out += ": ".utf8
                write(members[key]!, indent: indent + 1, to: &out)
                out += (index + 1 < keys.count ? ",\n" : "\n").utf8
            }
            pad(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func pad(_ level: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// RFC 8259 string escaping; other characters are written as UTF-8. Also escaped: DEL, and
    /// U+2028 and U+2029 (E2 80 A8/A9), which JavaScript once read as line ends.
    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): out += "\\\"".utf8
                case UInt8(ascii: "\\"): out += "\\\\".utf8
                case 0x0A: out += "\\n".utf8
                case 0x0D: out += "\\r".utf8
                case 0x09: out += "\\t".utf8
                case 0..<0x20, 0x7F: hex4(UInt32(byte), &out)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    hex4(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, &out)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hex4(_ value: UInt32, _ out: inout [UInt8]) {
        let digits = String(value, radix: 16)
        out += "\\u".utf8
        out += String(repeating: "0", count: 4 - digits.count).utf8
        out += digits.utf8
    }
}

extension JSONValue {
    /// The JSON value of anything `Encodable`, through its `Codable` form.
    public init(encoding value: some Encodable) throws {
        self = try JSONValueEncoder.encode(value)
    }
}
