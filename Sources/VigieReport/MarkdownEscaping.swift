/// Escapes a string taken from an audited repository (a path, a name, a message) so that it shows
/// as literal text in Markdown, tables included, on GitHub and GitLab: no link, autolink, image,
/// HTML, emphasis, code span, heading, list or table-cell break can be injected.
/// The only escaping function for Markdown output (tested in MarkdownEscapingTests).
public func escapeMarkdown(_ text: String) -> String {
    // By Unicode scalar, not by `Character`: Markdown parsers read scalars, so a `*` followed by a
    // combining mark is still emphasis to them, and must be escaped although the two make one
    // `Character`. Built as UTF-8 bytes: most text is ASCII, and the per-`Character` version spent
    // 180,000 instructions a string of a self audit's report (issue 14).
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count + 8)
    /// How many of the last scalars kept were "w" or "W" (three at most): "www." starts an autolink.
    var trailingW = 0
    var previousWasCarriageReturn = false
    for scalar in text.unicodeScalars {
        let value = scalar.value
        defer { previousWasCarriageReturn = value == 0x0D }
        switch value {
        case 0x26: output += Array("&amp;".utf8)
        case 0x3C: output += Array("&lt;".utf8)
        case 0x3E: output += Array("&gt;".utf8)
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x23, 0x7C, 0x21, 0x7E, 0x3A, 0x40:
            // '\' '`' '*' '_' '[' ']' '#' '|' '!' '~' ':' '@': ':' and '@' stop URL and e-mail
            // autolinks; the rest are inline or block markup.
            output.append(0x5C)
            output.append(UInt8(value))
        case 0x2E where trailingW == 3:
            output += [0x5C, 0x2E] // "www." starts an extended autolink on GitHub
        case 0x2D where output.isEmpty, 0x2B where output.isEmpty, 0x3D where output.isEmpty:
            output.append(0x5C) // a list marker or setext underline at the start
            output.append(UInt8(value))
        case 0x0A where previousWasCarriageReturn:
            continue // the line feed of a CRLF: one space for the pair
        case 0x0A, 0x0D, 0x09, 0x2028, 0x2029:
            output.append(0x20)
        default:
            if isInvisible(scalar) { continue }
            if value < 0x80 {
                output.append(UInt8(value))
            } else {
                UTF8.encode(scalar) { output.append($0) }
            }
        }
        trailingW = value == 0x77 || value == 0x57 ? min(trailingW + 1, 3) : 0
    }
    var escaped = String(decoding: output, as: UTF8.self)
    // "1." or "1)" at the start would open an ordered list.
    if let dot = escaped.firstIndex(where: { !$0.isNumber }), dot != escaped.startIndex, escaped[dot] == "." || escaped[dot] == ")" {
        escaped.insert("\\", at: dot)
    }
    return escaped
}

/// Control and bidirectional-override characters: invisible, and able to disguise text.
private func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    // ASCII first: the general category is a table look-up, and most text is ASCII.
    if scalar.value < 0x80 { return scalar.value < 0x20 || scalar.value == 0x7F }
    return switch scalar.properties.generalCategory {
    case .control: true
    case .format: scalar.value != 0x200D // keep the zero-width joiner of emoji sequences
    default: false
    }
}
