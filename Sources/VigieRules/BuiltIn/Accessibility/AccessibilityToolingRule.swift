public import VigieCore

/// An automated accessibility check is wired in (pa11y, axe-core and its bindings, Lighthouse CI, Asqatasun…).
public struct AccessibilityToolingRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "accessibility.tooling",
        category: RuleCategory.named("accessibility")!,
        defaultWeight: 1,
        title: LocalizedText(fr: "Un test d'accessibilité automatique est branché",
                             en: "An automated accessibility check is wired in"),
        rationale: LocalizedText(
            fr: "Les outils automatiques (pa11y, axe-core, jest-axe, cypress-axe, Playwright avec axe, Lighthouse CI, Asqatasun) ne couvrent qu'une partie des critères du RGAA, mais ils empêchent les régressions grossières entre deux audits.",
            en: "Automated tools (pa11y, axe-core, jest-axe, cypress-axe, Playwright with axe, Lighthouse CI, Asqatasun) cover only part of the RGAA criteria, but they stop gross regressions between two audits."),
        remediation: LocalizedText(
            fr: "Ajoutez par exemple jest-axe aux tests des composants, ou pa11y-ci / Lighthouse CI à l'intégration continue.",
            en: "Add for example jest-axe to the component tests, or pa11y-ci / Lighthouse CI to continuous integration.")
    )

    public static let parameters = AccessibilityScan.parameters

    public static let examples: [RuleExample] = [
        RuleExample("jest-axe in package.json passes",
                    files: ["package.json": #"{"dependencies": {"react-dom": "18.2.0"}, "devDependencies": {"jest-axe": "8.0.0"}}"#],
                    expect: .pass),
        RuleExample("pa11y-ci in a GitHub workflow passes",
                    files: ["index.html": "<p>Bonjour</p>", ".github/workflows/a11y.yml": "jobs:\n  a11y:\n    steps:\n      - run: npx pa11y-ci\n"],
                    expect: .pass),
        RuleExample("a Lighthouse CI configuration passes",
                    files: ["index.html": "<p>Bonjour</p>", "lighthouserc.json": "{}"], expect: .pass),
        RuleExample("an interface without any automated check warns",
                    files: ["package.json": #"{"dependencies": {"vue": "3.4.0"}}"#, "src/App.vue": "<template><p>Bonjour</p></template>"],
                    expect: .warn),
        RuleExample("no interface skips", files: ["main.go": "package main\n"], expect: .skip),
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
        guard !analysis.tooling.isEmpty else {
            return .warn(LocalizedText(fr: "Aucun outil de test d'accessibilité automatique dans les dépendances ni l'intégration continue.",
                                       en: "No automated accessibility testing tool in the dependencies or continuous integration."))
        }
        let names = analysis.tooling.map(\.name).joined(separator: ", ")
        return .pass(LocalizedText(fr: "Tests d'accessibilité automatiques : \(names).", en: "Automated accessibility checks: \(names)."),
                     analysis.tooling.map { Finding(path: $0.path, message: .same($0.name)) })
    }
}
