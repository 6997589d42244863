import VigieCore

/// What every accessibility rule shares: the scan budget parameters and the verdicts given before a
/// rule looks at anything of its own (not applicable, no statement).
enum AccessibilityScan {
    static let parameters = [
        RuleParameter("max_file_bytes", default: .int(AccessibilityScanDefaults.maxFileBytes), LocalizedText(
            fr: "Taille maximale, en octets, d'un fichier lu pour chercher la déclaration, la mention ou les outils (au-delà, il est signalé comme non lu ; la limite de lecture de l'audit s'applique aussi).",
            en: "Largest file, in bytes, read to look for the statement, the mention or the tools (larger ones are reported as not read; the audit's read cap also applies).")),
        RuleParameter("max_scan_bytes", default: .int(AccessibilityScanDefaults.maxScanBytes), LocalizedText(
            fr: "Octets lus au plus, tous fichiers confondus (les fichiers probables sont lus d'abord).",
            en: "Most bytes read over all files (likely files are read first).")),
    ]

    static func budget(_ parameters: RuleParameters) -> ScanBudget {
        ScanBudget(perFile: parameters.int("max_file_bytes"), total: parameters.int("max_scan_bytes"))
    }

    static func notApplicable(_ analysis: AccessibilityAnalysis) -> RuleOutcome {
        .skip(LocalizedText(fr: "Sans objet. " + analysis.reason.fr, en: "Not applicable. " + analysis.reason.en))
    }

    static let noStatement = RuleOutcome.skip(LocalizedText(
        fr: "Aucune déclaration d'accessibilité trouvée (voir accessibility.statement).",
        en: "No accessibility statement found (see accessibility.statement)."))

    /// A React page with a statement, reused by several rules' examples.
    static func statementPage(status: String = "partiellement conforme", rate: String = "64 %", date: String = "12 mars 2021",
                              extraSections: Bool = true) -> String {
        var sections = """
            <h2>Retour d'information et contact</h2>
            <p>Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du site.</p>
            <h2>Voies de recours</h2>
            <p>Écrire au Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</p>
            """
        if extraSections {
            sections += """

                <h2>Contenus non accessibles</h2>
                <h3>Non-conformités</h3>
                <p>Les graphiques n'ont pas d'alternative textuelle.</p>
                <h2>Établissement de cette déclaration d'accessibilité</h2>
                <p>Schéma pluriannuel de mise en accessibilité 2021-2023 et plan d'actions 2021.</p>
                """
        }
        return """
            export default function Accessibilite() {
              return (
                <main>
                  <h1>Déclaration d'accessibilité</h1>
                  <p>La DINUM s'engage à rendre son service accessible conformément à l'article 47 de la loi n° 2005-102.</p>
                  <h2>État de conformité</h2>
                  <p>Ce site est <strong>\(status)</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.</p>
                  <h3>Résultats des tests</h3>
                  <p>L'audit de conformité réalisé par la société Access42 révèle que {" "}\(rate) des critères du RGAA version 4 sont respectés.</p>
                  <p>Cette déclaration a été établie le \(date).</p>
                  \(sections)
                </main>
              );
            }
            """
    }
}
