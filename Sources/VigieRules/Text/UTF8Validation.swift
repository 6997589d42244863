import VigieCore

/// The offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF), or nil when all of `bytes` is valid: findings point
/// at the byte. The same validator as the text decoding's (`TextDecoding`), so a file a finding calls
/// UTF-8 is one the rules read as UTF-8.
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    TextDecoding.firstInvalidUTF8Offset(bytes)
}
