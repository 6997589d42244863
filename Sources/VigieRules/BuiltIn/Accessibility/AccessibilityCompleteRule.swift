public import VigieCore

/// The statement has every mandatory section of the official model.
public struct AccessibilityCompleteRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "accessibility.complete",
        category: RuleCategory.named("accessibility")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "La déclaration a toutes ses rubriques obligatoires",
                             en: "The statement has every mandatory section"),
        rationale: LocalizedText(
            fr: "« La déclaration d'accessibilité adopte obligatoirement ce format » : état de conformité, résultats des tests, contenus non accessibles, établissement de la déclaration, retour d'information et contact, voies de recours (Défenseur des droits), avec le schéma pluriannuel et le plan d'actions. Sans elles, l'usager ne sait ni ce qui lui est inaccessible ni comment faire valoir ses droits.",
            en: "The official model is mandatory: compliance status, test results, non-accessible content, preparation of the statement, feedback and contact, enforcement procedure (Défenseur des droits), with the multi-year plan and the action plan. Without them, users know neither what is inaccessible to them nor how to assert their rights."),
        remediation: LocalizedText(
            fr: "Ajoutez les rubriques manquantes en suivant le modèle : https://accessibilite.numerique.gouv.fr/obligations/declaration-accessibilite/",
            en: "Add the missing sections, following the model: https://accessibilite.numerique.gouv.fr/obligations/declaration-accessibilite/")
    )

    public static let parameters = AccessibilityScan.parameters

    public static let examples: [RuleExample] = [
        RuleExample("a statement with every section passes",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage()], expect: .pass),
        RuleExample("missing sections warn, listed",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(extraSections: false)], expect: .warn),
        RuleExample("no statement skips (accessibility.statement fails)",
                    files: ["src/pages/index.tsx": "export default () => <main>Bonjour</main>;"], expect: .skip),
        RuleExample("no interface skips", files: ["lib/outil.py": "x = 1\n"], expect: .skip),
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
        guard let statement = analysis.statement else { return AccessibilityScan.noStatement }
        let reading = statement.reading
        let total = reading.sections.count + reading.missingSections.count
        guard !reading.missingSections.isEmpty else {
            return .pass(LocalizedText(fr: "\(statement.path) a les \(total) rubriques obligatoires.",
                                       en: "\(statement.path) has all \(total) mandatory sections."),
                         [Finding(path: statement.path, line: reading.titleLine)])
        }
        let missingFR = reading.missingSections.map { "« \($0.label.fr) »" }.joined(separator: ", ")
        let missingEN = reading.missingSections.map { "\"\($0.label.en)\"" }.joined(separator: ", ")
        let findings = reading.missingSections.map { section in
            Finding(path: statement.path, line: reading.titleLine,
                    message: LocalizedText(fr: "rubrique absente : \(section.label.fr)", en: "missing section: \(section.label.en)"))
        }
        return .warn(LocalizedText(
            fr: "\(statement.path) : \(reading.missingSections.count) rubrique(s) obligatoire(s) sur \(total) manquent : \(missingFR).",
            en: "\(statement.path): \(reading.missingSections.count) of \(total) mandatory sections are missing: \(missingEN)."), findings)
    }
}
