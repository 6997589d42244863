/// GitHub's heading anchors (github-slugger): lowercase, every character that is not a letter, a
/// mark, a digit, a space, `-` or `_` dropped, spaces turned into `-`; a repeated anchor gets `-1`,
/// `-2`… in document order, skipping any already taken.
public struct HeadingAnchors {
    public init() {}

    private var taken: [String: Int] = [:]

    public static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                        || scalar.properties.generalCategory == .decimalNumber || scalar.properties.generalCategory == .nonspacingMark
                        || scalar.properties.generalCategory == .spacingMark || scalar.properties.generalCategory == .connectorPunctuation {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The anchor of the next heading with this text.
    public mutating func anchor(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        while taken[candidate] != nil {
            let count = taken[base, default: 0] + 1
            taken[base] = count
            candidate = base + "-" + String(count)
        }
        taken[candidate] = 0
        return candidate
    }
}
