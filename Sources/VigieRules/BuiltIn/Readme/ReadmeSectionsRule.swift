public import VigieCore

/// The README has what a newcomer looks for: what it is, installation, usage, contributing, licence, contact.
public struct ReadmeSectionsRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "readme.sections",
        category: RuleCategory.named("readme")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Le README a les sections attendues", en: "The README has the expected sections"),
        rationale: LocalizedText(
            fr: "Un inconnu doit y trouver à quoi sert le projet, comment l'installer et l'utiliser, comment contribuer, sous quelle licence et qui contacter.",
            en: "A stranger must find what the project is for, how to install and use it, how to contribute, its licence and whom to contact."),
        remediation: LocalizedText(
            fr: "Ajoutez au README les sections manquantes (titres en français ou en anglais : Installation, Utilisation, Contribuer, Licence, Contact).",
            en: "Add the missing sections to the README (headings in French or English: Installation, Usage, Contributing, Licence, Contact).")
    )

    public static let parameters = [
        RuleParameter("min_sections", default: .int(4), LocalizedText(fr: "Sections présentes en dessous desquelles la règle échoue (avertissement au-dessus, tant qu'il en manque).",
                                                                      en: "Sections present below which the rule fails (a warning above, while some are missing).")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("every section passes", files: ["README.md": """
            # Outil

            Cet outil aide les agents à vérifier les dépôts publiés par leur administration chaque mois.

            ## Installation
            ## Utilisation
            ## Contribuer
            ## Licence
            ## Contact
            """], expect: .pass),
        RuleExample("English headings pass", files: ["README.md": "# Tool\n\n## About\n## Getting started\n## Usage\n## Contributing\n## License\n## Support\n"], expect: .pass),
        RuleExample("a README missing two sections warns", files: ["README.md": "# Outil\n\n## À propos\n## Installation\n## Utilisation\n## Licence\n"], expect: .warn),
        RuleExample("a title and one section fail", files: ["README.md": "# Outil\n\n## Installation\n\npip install outil\n"], expect: .fail),
        RuleExample("no README skips", files: ["LICENSE": "MIT"], expect: .skip),
    ]

    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Ajoute à la fin du README (Markdown) les sections qui manquent, titres dans la langue choisie, chacune avec une ligne disant quoi écrire, sous un commentaire qui les signale à compléter.",
        en: "Appends the missing sections at the end of the README (Markdown), headings in the chosen language, each with a line saying what to write, under a comment marking them to complete.")) { context in
        try ReadmeSectionsFix.plan(context)
    }

    let minimum: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        minimum = parameters.int("min_sections")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let structure = try ReadmeStructure.of(snapshot, data: data)
        guard let file = structure.file else {
            return .skip(LocalizedText(fr: "Pas de README (voir readme.present).", en: "No README (see readme.present)."))
        }
        let titles = Dictionary(data.section(ReadmeConventions.self).sections.map { ($0.key, $0.title) }, uniquingKeysWith: { first, _ in first })
        let missing = structure.missingSections.compactMap { titles[$0] }
        let evidence = structure.sections.filter { $0.line > 0 }.map { Finding(path: file.path, line: $0.line, message: titles[$0.key]) }
        if missing.isEmpty {
            return .pass(LocalizedText(fr: "\(file.path) a toutes les sections attendues.", en: "\(file.path) has every expected section."), evidence)
        }
        let message = LocalizedText(fr: "\(file.path) : il manque \(missing.map(\.fr).joined(separator: ", ")).",
                                    en: "\(file.path) lacks: \(missing.map(\.en).joined(separator: ", ")).")
        return structure.sections.count >= minimum ? .warn(message, evidence) : .fail(message, evidence)
    }
}
