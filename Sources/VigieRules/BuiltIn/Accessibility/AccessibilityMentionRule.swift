public import VigieCore

/// The interface shows « Accessibilité : … conforme » (usually in its footer), agreeing with the statement.
public struct AccessibilityMentionRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "accessibility.mention",
        category: RuleCategory.named("accessibility")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "L'interface affiche « Accessibilité : … conforme »",
                             en: "The interface shows « Accessibilité : … conforme »"),
        rationale: LocalizedText(
            fr: "La page d'accueil et chaque page doivent afficher exactement l'une des mentions « Accessibilité : totalement conforme », « partiellement conforme » ou « non conforme », en lien vers la déclaration, et cette mention doit dire la même chose que la déclaration.",
            en: "The home page and every page must show exactly one of « Accessibilité : totalement conforme », « partiellement conforme » or « non conforme », linking to the statement, and it must say what the statement says."),
        remediation: LocalizedText(
            fr: "Ajoutez au pied de page un lien « Accessibilité : partiellement conforme » (selon votre état) vers /accessibilite ; avec le DSFR, renseignez la propriété `accessibility` du composant Footer.",
            en: "Add a footer link « Accessibilité : partiellement conforme » (per your status) to /accessibilite; with the DSFR, set the Footer component's `accessibility` prop.")
    )

    public static let parameters = AccessibilityScan.parameters

    static let footer = "export const Footer = () => <footer><a href=\"/accessibilite\">Accessibilité&nbsp;: partiellement conforme</a></footer>;"

    public static let examples: [RuleExample] = [
        RuleExample("a footer agreeing with the statement passes",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(),
                            "src/components/Footer.tsx": footer], expect: .pass),
        RuleExample("react-dsfr's Footer prop counts",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(),
                            "src/app/layout.tsx": "<Footer accessibility=\"partially compliant\" homeLinkProps={{ href: '/' }} />"],
                    expect: .pass),
        RuleExample("a footer disagreeing with the statement fails",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(status: "non conforme", rate: "aucun"),
                            "src/components/Footer.tsx": footer], expect: .fail),
        RuleExample("no mention in the interface fails",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(),
                            "src/components/Footer.tsx": "<footer><a href=\"/accessibilite\">Accessibilité</a></footer>"], expect: .fail),
        RuleExample("a mention only as the statement's own title warns",
                    files: ["content/accessibilite.md": "---\ntitle: \"Accessibilité : partiellement conforme\"\n---\n" + AccessibilityScan.statementPage(),
                            "layouts/_default/baseof.html": "<html><body>{{ .Content }}</body></html>"],
                    expect: .warn),
        RuleExample("no interface skips", files: ["README.md": "# Outil\n"], expect: .skip),
    ]

    let budget: ScanBudget
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        budget = AccessibilityScan.budget(parameters)
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let analysis = try AccessibilityAnalysis.of(snapshot, data: data, budget: budget)
        guard analysis.applicable else { return AccessibilityScan.notApplicable(analysis) }
        let mentions = analysis.interfaceMentions
        let findings = mentions.map { Finding(path: $0.path, line: $0.line, message: $0.status.label) }
        guard let mention = mentions.first else {
            if let own = analysis.mentions.first {
                return .warn(LocalizedText(
                    fr: "« Accessibilité : \(own.status.label.fr) » n'apparaît que dans la déclaration elle-même (\(own.path)) : l'interface doit l'afficher sur chaque page.",
                    en: "« Accessibilité : … » (\(own.status.label.en)) appears only in the statement itself (\(own.path)): the interface must show it on every page."),
                             [Finding(path: own.path, line: own.line)])
            }
            return .fail(LocalizedText(fr: "Aucune mention « Accessibilité : … conforme » dans l'interface.",
                                       en: "No « Accessibilité : … conforme » mention in the interface."),
                         analysis.ambiguousMentionFiles.map { Finding(path: $0, message: LocalizedText(
                             fr: "cite plusieurs états différents (un guide, un choix calculé ?)", en: "gives several different statuses (a guide, a computed choice?)")) })
        }
        let statuses = Set(mentions.map(\.status))
        if statuses.count > 1 {
            return .fail(LocalizedText(fr: "Les mentions de l'interface se contredisent (\(statuses.count) états différents).",
                                       en: "The interface's mentions contradict each other (\(statuses.count) different statuses)."), findings)
        }
        guard let statement = analysis.statement, statement.reading.status != .unknown else {
            return .warn(LocalizedText(
                fr: "« Accessibilité : \(mention.status.label.fr) » dans \(mention.path), mais aucune déclaration ne dit son état : impossible de vérifier qu'elles concordent.",
                en: "« Accessibilité : … » (\(mention.status.label.en)) in \(mention.path), but no statement gives its status: cannot check they agree."), findings)
        }
        if statement.reading.status == mention.status {
            return .pass(LocalizedText(
                fr: "« Accessibilité : \(mention.status.label.fr) » dans \(mention.path), comme la déclaration.",
                en: "« Accessibilité : … » (\(mention.status.label.en)) in \(mention.path), as the statement says."), findings)
        }
        return .fail(LocalizedText(
            fr: "\(mention.path) affiche « Accessibilité : \(mention.status.label.fr) » mais la déclaration (\(statement.path)) se dit « \(statement.reading.status.label.fr) ».",
            en: "\(mention.path) shows « Accessibilité : … » (\(mention.status.label.en)) but the statement (\(statement.path)) says \"\(statement.reading.status.label.en)\"."),
                     findings + [Finding(path: statement.path, line: statement.reading.statusLine)])
    }
}
