/// Escapes a string taken from an audited repository (a path, a name, a message) so that it shows
/// as literal text in Markdown, tables included, on GitHub and GitLab: no link, autolink, image,
/// HTML, emphasis, code span, heading, list or table-cell break can be injected.
/// The only escaping function for Markdown output (tested in MarkdownEscapingTests).
public func escapeMarkdown(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.count)
    var previous: [Character] = []
    for character in text {
        switch character {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\\", "`", "*", "_", "[", "]", "#", "|", "!", "~", ":", "@":
            // ':' and '@' stop URL and e-mail autolinks; the rest are inline or block markup.
            output.append("\\")
            output.append(character)
        case "." where previous.suffix(3).map { String($0).lowercased() }.joined() == "www":
            output += "\\." // "www." starts an extended autolink on GitHub
        case "-" where output.isEmpty, "+" where output.isEmpty, "=" where output.isEmpty:
            output.append("\\") // a list marker or setext underline at the start
            output.append(character)
        case "\n", "\r", "\r\n", "\t", "\u{2028}", "\u{2029}":
            output += " "
        default:
            if character.unicodeScalars.contains(where: isInvisible) { continue }
            output.append(character)
        }
        previous.append(character)
        if previous.count > 3 { previous.removeFirst() }
    }
    // "1." or "1)" at the start would open an ordered list.
    if let dot = output.firstIndex(where: { !$0.isNumber }), dot != output.startIndex, output[dot] == "." || output[dot] == ")" {
        output.insert("\\", at: dot)
    }
    return output
}

/// Control and bidirectional-override characters: invisible, and able to disguise text.
private func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control: true
    case .format: scalar.value != 0x200D // keep the zero-width joiner of emoji sequences
    default: false
    }
}
