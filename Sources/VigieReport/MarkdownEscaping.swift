/// Escapes a string taken from an audited repository (a path, a name, a message) so that it shows
/// as literal text in Markdown, tables included, on GitHub and GitLab: no link, image, HTML, emphasis,
/// code span or table cell break can be injected. The only escaping function for Markdown output.
public func escapeMarkdown(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.count)
    for character in text {
        switch character {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\\", "`", "*", "_", "[", "]", "(", ")", "#", "|", "!", "~", "{", "}", "+", "-", ".", "$", ":", "@":
            output.append("\\")
            output.append(character)
        case "\n", "\r", "\r\n", "\t", "\u{2028}", "\u{2029}":
            output += " "
        default:
            if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0.value != 0x200D }) {
                continue // control and bidi-override characters: invisible, and can disguise text
            }
            output.append(character)
        }
    }
    return output
}
