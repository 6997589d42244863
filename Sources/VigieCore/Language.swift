/// The languages every user-facing string exists in. French is the default.
public enum Language: String, Sendable, CaseIterable, Codable {
    case fr, en
}

/// A user-facing string in French and English.
public struct LocalizedText: Sendable, Equatable, Hashable, Codable {
    public let fr: String
    public let en: String

    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .fr: fr
        case .en: en
        }
    }

    /// The same text in both languages (a file name, a number).
    public static func same(_ text: String) -> LocalizedText { LocalizedText(fr: text, en: text) }
}
