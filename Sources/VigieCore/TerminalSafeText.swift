/// Text from a repository made harmless on a terminal: a branch name or a file name holding an
/// escape sequence must not move the cursor, recolour or retitle the terminal of whoever reads the
/// report. Control characters become their visible Unicode pictures (ESC → ␛) and the rest (C1
/// controls, bidirectional overrides that reorder what is read) become U+FFFD.
public enum TerminalSafeText {
    /// `keepingLineBreaks`: newlines and tabs are layout in a message; in a one-line error they are not.
    public static func clean(_ text: String, keepingLineBreaks: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar, keepingLineBreaks: keepingLineBreaks) else {
                scalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00...0x1F: scalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: scalars.append("\u{2421}")
            default: scalars.append("\u{FFFD}")
            }
        }
        return String(scalars)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
