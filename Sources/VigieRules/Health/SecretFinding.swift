public import VigieCore

/// A secret found in the audited tree: where, of which kind and how long. The value itself is
/// never kept: only its length survives the scan of its file.
public struct SecretFinding: Sendable, Equatable {
    public let path: String
    public let line: Int
    /// The kind's id in health.yml, or `env_value` for a variable of a `.env` file.
    public let kind: String
    /// Accepted on purpose by an inline marker (`gitleaks:allow`…): reported, not failing.
    public let allowed: Bool
    /// What reports show: the kind, a public prefix or variable name, the length. Never the value.
    public let masked: LocalizedText
    /// The value itself, kept in memory only so that `SecretMask` can hide it wherever else it
    /// appears (a link target, a CSV header). Internal, never encoded, never shown.
    let value: String

    /// The kind id of `.env` findings.
    public static let envKind = "env_value"

    /// Builds the masked description, then checks that it does not hold the value: if it does
    /// (a variable named like its own value, say), only the kind and the length are kept.
    init(path: String, line: Int, kind: String, allowed: Bool, label: LocalizedText, shown: String?, value: Substring) {
        self.path = path
        self.line = line
        self.kind = kind
        self.allowed = allowed
        self.value = String(value)
        // Whitespace does not count: a PEM body's length is its key material, not its line breaks.
        let length = value.filter { !$0.isWhitespace }.count
        let plain = LocalizedText(fr: "\(label.fr) (\(length) caractères)", en: "\(label.en) (\(length) characters)")
        var masked = plain
        if let shown {
            masked = LocalizedText(fr: "\(label.fr) (\(shown)…, \(length) caractères)", en: "\(label.en) (\(shown)…, \(length) characters)")
        }
        if masked.fr.contains(value) || masked.en.contains(value) { masked = plain }
        if masked.fr.contains(value) || masked.en.contains(value) {
            masked = LocalizedText(fr: "secret (\(length) caractères)", en: "secret (\(length) characters)")
        }
        self.masked = masked
    }
}
