/// A family of rules; its score is reported on its own. Display order is the order of `builtIn`.
public struct RuleCategory: Sendable, Hashable {
    public let id: String
    public let title: LocalizedText

    public init(id: String, title: LocalizedText) {
        self.id = id
        self.title = title
    }

    public static let builtIn: [RuleCategory] = [
        RuleCategory(id: "licence", title: LocalizedText(fr: "Licence", en: "Licence")),
        RuleCategory(id: "readme", title: LocalizedText(fr: "README", en: "README")),
        RuleCategory(id: "documentation", title: LocalizedText(fr: "Documentation", en: "Documentation")),
        RuleCategory(id: "accessibility", title: LocalizedText(fr: "Accessibilité", en: "Accessibility")),
        RuleCategory(id: "open_data", title: LocalizedText(fr: "Données ouvertes", en: "Open data")),
        RuleCategory(id: "activity", title: LocalizedText(fr: "Activité", en: "Activity")),
        RuleCategory(id: "community", title: LocalizedText(fr: "Communauté", en: "Community")),
        RuleCategory(id: "quality", title: LocalizedText(fr: "Qualité", en: "Quality")),
        RuleCategory(id: "security", title: LocalizedText(fr: "Sécurité", en: "Security")),
        RuleCategory(id: "repository", title: LocalizedText(fr: "Intégrité du dépôt", en: "Repository integrity")),
        RuleCategory(id: "configuration", title: LocalizedText(fr: "Configuration de l'audit", en: "Audit configuration")),
    ]

    /// The built-in category with this id, if any.
    public static func named(_ id: String) -> RuleCategory? { builtIn.first { $0.id == id } }

    /// Sort position: built-in order first, then others by id.
    public var order: Int { RuleCategory.builtIn.firstIndex(of: self) ?? RuleCategory.builtIn.count }
}
