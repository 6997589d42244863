/// Escapes a string for HTML and XML (SVG): element text and quoted attribute values alike.
///
/// The only escaping function of the site, the badges and the SVG charts (tested in
/// HTMLEscapingTests). `&`, `<`, `>`, `"` and `'` become character references, so no tag, attribute,
/// entity or quote can be injected, whichever quote an attribute uses. Control characters (which
/// XML 1.0 forbids and which would make an SVG file unreadable) and bidirectional overrides (which
/// can disguise text) are dropped; line breaks and tabs become spaces, so a value stays one line.
public func escapeHTML(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\"": output += "&quot;"
        case "'": output += "&#39;"
        case "\n", "\r", "\t", "\u{2028}", "\u{2029}": output += " "
        default:
            if isHiddenScalar(scalar) { continue }
            output.unicodeScalars.append(scalar)
        }
    }
    return output
}

/// Control characters, format characters (bidirectional overrides, zero-width spaces) except the
/// zero-width joiner of emoji sequences, and the non-characters XML 1.0 forbids.
private func isHiddenScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control: return true
    case .format: return scalar.value != 0x200D
    default: return scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
