/// The offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629 lead bytes,
/// continuation bytes checked), or nil when all of `bytes` is valid: findings point at the byte.
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        let length: Int
        switch byte {
        case 0x00...0x7F: index += 1; continue
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return index
        }
        guard index + length <= bytes.count else { return index }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
        index += length
    }
    return nil
}
