public import VigieCore

/// A web interface publishes its accessibility statement (loi n° 2005-102, art. 47; RGAA 4).
public struct AccessibilityStatementRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "accessibility.statement",
        category: RuleCategory.named("accessibility")!,
        defaultWeight: 3,
        title: LocalizedText(fr: "L'interface publie sa déclaration d'accessibilité",
                             en: "The interface publishes its accessibility statement"),
        rationale: LocalizedText(
            fr: "Tout service numérique public doit publier une déclaration d'accessibilité (article 47 de la loi n° 2005-102, décret n° 2019-768) : elle dit aux usagers ce qui est conforme au RGAA, ce qui ne l'est pas et comment obtenir une alternative. Une page qui ne fait que parler du RGAA n'en est pas une.",
            en: "Every French public digital service must publish an accessibility statement (article 47 of loi n° 2005-102, décret n° 2019-768): it tells users what conforms to the RGAA, what does not and how to get an alternative. A page that only talks about the RGAA is not one."),
        remediation: LocalizedText(
            fr: "Publiez une page « Déclaration d'accessibilité » (URL recommandée …/accessibilite) suivant le modèle officiel : https://accessibilite.numerique.gouv.fr/obligations/declaration-accessibilite/ ; l'outil Ara de la DINUM la génère à partir d'un audit.",
            en: "Publish a « Déclaration d'accessibilité » page (recommended URL …/accessibilite) following the official model: https://accessibilite.numerique.gouv.fr/obligations/declaration-accessibilite/ ; DINUM's Ara tool generates it from an audit.")
    )

    public static let parameters = AccessibilityScan.parameters

    public static let examples: [RuleExample] = [
        RuleExample("a Next.js page holding a statement passes",
                    files: ["package.json": #"{"dependencies": {"next": "14.0.0", "react-dom": "18.2.0"}}"#,
                            "src/pages/accessibilite.tsx": AccessibilityScan.statementPage()],
                    expect: .pass),
        RuleExample("an English statement after the EU model passes",
                    files: ["site/accessibility.html": """
                        <h1>Accessibility statement</h1>
                        <p>The agency is committed to making its website accessible, in accordance with Directive (EU) 2016/2102.</p>
                        <h2>Compliance status</h2><p>This website is partially compliant with the RGAA version 4.1.</p>
                        <h2>Preparation of this accessibility statement</h2><p>This statement was prepared on 2025-06-01.</p>
                        <h2>Enforcement procedure</h2><p>Contact the Défenseur des droits.</p>
                        """],
                    expect: .pass),
        RuleExample("a web interface without a statement fails",
                    files: ["src/pages/index.tsx": "export default () => <main>Bonjour</main>;"],
                    expect: .fail),
        RuleExample("a guide about the RGAA is not a statement",
                    files: ["index.html": "<main>Guide</main>",
                            "accessibilite.md": """
                        # Accessibilité
                        ## Déclaration d'accessibilité
                        La déclaration d'accessibilité permet de définir l'**état de conformité** (total, partiel, non-conforme)
                        et de mentionner l'appel au Défenseur des droits. Le schéma pluriannuel et le plan d'actions sont publiés.
                        La page doit se nommer « Accessibilité : totalement conforme », « Accessibilité : partiellement conforme »
                        ou « Accessibilité : non conforme ».
                        """],
                    expect: .fail),
        RuleExample("the official model with its placeholders is not a statement",
                    files: ["templates/accessibilite.html": """
                        <h1>Déclaration d'accessibilité</h1>
                        <p>[Nom de l'entité] s'engage à rendre ses sites accessibles. Cette déclaration a été établie le JJ/MM/AAAA.</p>
                        <h2>Voies de recours</h2>
                        """],
                    expect: .fail),
        RuleExample("a Python library without an interface skips",
                    files: ["pyproject.toml": "[project]\nname = \"outil\"\n", "src/outil/__init__.py": "def f():\n    return 1\n"],
                    expect: .skip),
    ]

    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Écrit le modèle officiel de déclaration d'accessibilité (RGAA 4.1) comme page à l'endroit habituel du cadriciel détecté (Docusaurus, Astro, Hugo, Next.js…), champs à remplir marqués : la règle continue d'échouer, en le disant, tant qu'ils ne sont pas remplis.",
        en: "Writes the official accessibility statement model (RGAA 4.1) as a page at the usual place for the framework detected (Docusaurus, Astro, Hugo, Next.js…), blanks marked: the rule keeps failing, and says so, until they are filled.")) { context in
        try AccessibilityStatementFix.plan(context)
    }

    let budget: ScanBudget
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        budget = AccessibilityScan.budget(parameters)
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let analysis = try AccessibilityAnalysis.of(snapshot, data: data, budget: budget)
        guard analysis.applicable else { return AccessibilityScan.notApplicable(analysis) }
        if let statement = analysis.statement {
            let reading = statement.reading
            let findings = analysis.statements.map { Finding(path: $0.path, line: $0.reading.titleLine) }
            return .pass(LocalizedText(
                fr: "Déclaration d'accessibilité trouvée dans \(statement.path) (\(reading.markers) marqueurs d'une déclaration).",
                en: "Accessibility statement found in \(statement.path) (\(reading.markers) statement markers)."), findings)
        }
        var findings = analysis.nearMisses.map { miss in
            Finding(path: miss.path, line: miss.line, message: miss.kind == .template
                ? LocalizedText(fr: "le modèle officiel, avec ses champs à remplir : pas une déclaration",
                                en: "the official model with its blanks: not a statement")
                : LocalizedText(fr: "nomme la déclaration mais n'en porte que \(miss.markers) marqueur(s) (un guide sur le RGAA ?)",
                                en: "names the statement but carries only \(miss.markers) of its markers (a guide about the RGAA?)"))
        }
        findings += analysis.unread.prefix(10).map(\.finding)
        let unreadNote = analysis.unread.isEmpty ? LocalizedText.same("")
            : LocalizedText(fr: " \(analysis.unread.count) fichier(s) n'ont pas été lus (budget).", en: " \(analysis.unread.count) file(s) were not read (budget).")
        return .fail(LocalizedText(
            fr: "Aucune déclaration d'accessibilité parmi les \(analysis.filesRead) fichiers lus." + unreadNote.fr,
            en: "No accessibility statement among the \(analysis.filesRead) files read." + unreadNote.en), findings)
    }
}
