import Foundation

/// Reduces text to the form licence phrases are compared in: compatibility decomposition, no
/// accents, lowercase, and every run of characters other than ASCII letters and digits turned into
/// one space. Punctuation, Markdown markup, quotes, bullets and line wrapping then no longer matter.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let value = scalar.value
            let lowered: Unicode.Scalar? = switch value {
            case 0x61...0x7A, 0x30...0x39: scalar
            case 0x41...0x5A: Unicode.Scalar(value + 0x20)
            default: nil
            }
            if let lowered {
                if pendingSpace && !output.isEmpty { output.append(" ") }
                pendingSpace = false
                output.append(lowered)
            } else {
                pendingSpace = true
            }
        }
        return String(output)
    }
}
