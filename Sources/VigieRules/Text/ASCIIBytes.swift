/// The bytes of an ASCII string, for the fast paths of text asked of every identity of a history.
/// Without a carriage return (its "\r\n" is ASCII's one two-byte `Character`), each `Character` of
/// such a string is one byte, `isLetter` is A–Z a–z and `isNumber` 0–9: the byte code gives the same
/// answers as the `Character` code it stands in for.
enum ASCIIBytes {
    /// The UTF-8 bytes of `text` when they are all ASCII, without a carriage return; nil otherwise.
    static func of(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        return bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? bytes : nil
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
}
