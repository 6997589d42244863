public import VigieCore

/// The README says more than a title: at least `min_words` words outside headings.
public struct ReadmeSubstantialRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "readme.substantial",
        category: RuleCategory.named("readme")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Le README dit plus qu'un titre", en: "The README says more than a title"),
        rationale: LocalizedText(
            fr: "Un README réduit à un titre ne permet pas à un inconnu de comprendre, d'installer ni d'utiliser le projet.",
            en: "A README that is only a title does not let a stranger understand, install or use the project."),
        remediation: LocalizedText(
            fr: "Complétez le README : objectif du projet, installation, utilisation, contact du mainteneur, licence.",
            en: "Flesh out the README: purpose, installation, usage, maintainer contact, licence.")
    )

    public static let parameters = [
        RuleParameter("min_words", default: .int(50), LocalizedText(
            fr: "Nombre de mots, hors titres, en dessous duquel le README est jugé trop court (avertissement).",
            en: "Words outside headings below which the README is too short (warning).")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("a README with a real description passes",
                    files: ["README.md": "# Outil\n\n" + String(repeating: "Cet outil aide les agents à vérifier les dépôts publiés. ", count: 6)],
                    expect: .pass),
        RuleExample("a title alone fails", files: ["README.md": "# Mon projet\n"], expect: .fail),
        RuleExample("headings alone fail", files: ["README.md": "# Projet\n\n## Installation\n\n## Usage\n"], expect: .fail),
        RuleExample("a short README warns", files: ["README.md": "# Projet\n\nUn outil pour les agents.\n"], expect: .warn),
        RuleExample("the threshold comes from the rule set",
                    files: ["README.md": "# Projet\n\nUn outil pour les agents.\n"], expect: .pass, parameters: ["min_words": .int(4)]),
        RuleExample("no README skips", files: ["LICENSE": "MIT"], expect: .skip),
    ]

    let minWords: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        self.minWords = parameters.int("min_words")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let readme = try ReadmeAnalysis.of(snapshot, data: data)
        guard let file = readme.file else {
            return .skip(LocalizedText(fr: "Pas de README (voir readme.present).", en: "No README (see readme.present)."))
        }
        let evidence = [Finding(path: file.path)]
        if readme.bodyWords == 0 {
            return .fail(LocalizedText(fr: "\(file.path) ne contient que des titres (\(readme.words) mots).",
                                       en: "\(file.path) holds headings only (\(readme.words) words)."), evidence)
        }
        if readme.bodyWords < minWords {
            return .warn(LocalizedText(fr: "\(file.path) compte \(readme.bodyWords) mots hors titres, moins que \(minWords).",
                                       en: "\(file.path) has \(readme.bodyWords) words outside headings, fewer than \(minWords)."), evidence)
        }
        return .pass(LocalizedText(fr: "\(file.path) compte \(readme.bodyWords) mots hors titres.",
                                   en: "\(file.path) has \(readme.bodyWords) words outside headings."), evidence)
    }
}
