public import VigieCore

/// A CONTRIBUTING guide at the root, in `.github/` or in `docs/`, that says something; code.gouv.fr
/// only sees `CONTRIBUTING.md` at the root, so another place or spelling is a warning.
public struct CommunityContributingRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "community.contributing",
        category: RuleCategory.named("community")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Un guide de contribution est présent", en: "A contributing guide is present"),
        rationale: LocalizedText(
            fr: "La politique de contribution de la DINUM demande au minimum README, CONTRIBUTING et LICENSE, et le guide des EIG un CONTRIBUTING en anglais ; code.gouv.fr ne reconnaît un projet ouvert aux contributions qu'à son fichier CONTRIBUTING.md à la racine.",
            en: "DINUM's contribution policy asks for at least README, CONTRIBUTING and LICENSE, and the EIG guide for a CONTRIBUTING in English; code.gouv.fr only recognises a project open to contributions by its CONTRIBUTING.md at the root."),
        remediation: LocalizedText(
            fr: "Ajoutez à la racine un fichier CONTRIBUTING.md (en anglais, selon la convention de code.gouv.fr) : comment signaler un problème, proposer une modification, lancer les tests, et les règles de revue (DCO, style).",
            en: "Add a CONTRIBUTING.md file at the root (in English, as code.gouv.fr's convention says): how to report a problem, propose a change, run the tests, and the review rules (DCO, style).")
    )

    public static let parameters = [
        RuleParameter("min_words", default: .int(30), LocalizedText(
            fr: "Nombre de mots en dessous duquel le guide est jugé trop court (avertissement).",
            en: "Words below which the guide is too short (warning).")),
        RuleParameter("max_bytes", default: .int(262_144), LocalizedText(
            fr: "Taille maximale du guide lu, en octets.", en: "Largest guide read, in bytes.")),
    ]

    static let guide = "# Contributing\n\nReport problems in the issue tracker. Propose changes as merge requests with tests; "
        + "every commit is signed off (DCO). Run the test suite before asking for a review, and follow the style guide.\n"

    public static let examples: [RuleExample] = [
        RuleExample("CONTRIBUTING.md at the root passes", files: ["CONTRIBUTING.md": guide], expect: .pass),
        RuleExample("a guide in .github/ only warns: code.gouv.fr does not see it", files: [".github/CONTRIBUTING.md": guide], expect: .warn),
        RuleExample("a lower-case contributing.rst in docs/ warns", files: ["docs/contributing.rst": guide], expect: .warn),
        RuleExample("a guide of a few words warns", files: ["CONTRIBUTING.md": "# Contributing\n\nPRs welcome.\n"], expect: .warn),
        RuleExample("the threshold comes from the rule set", files: ["CONTRIBUTING.md": "# Contributing\n\nPRs welcome.\n"], expect: .pass,
                    parameters: ["min_words": .int(3)]),
        RuleExample("no guide fails", files: ["README.md": "# Outil\n"], expect: .fail),
        RuleExample("a guide in another folder fails", files: ["src/CONTRIBUTING.md": guide], expect: .fail),
    ]

    let minWords: Int
    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Écrit CONTRIBUTING.md à la racine : signaler un problème (le gestionnaire de tickets de la forge), proposer une modification, la licence des contributions.",
        en: "Writes CONTRIBUTING.md at the root: reporting a problem (the forge's issue tracker), proposing a change, the licence of contributions.")) { context in
        let file = try context.templates.string("contributing.file")
        return try context.create(file, template: try context.templates.string("contributing.template"),
                                  ["name": context.name, "issues": context.issueTracker])
    }

    let maxBytes: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        minWords = parameters.int("min_words")
        maxBytes = parameters.int("max_bytes")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let codeGouv = data.health.community.codeGouvContributing
        let files = CommunityFiles.of(snapshot, data: data).contributing
        guard let guide = files.first(where: { $0.path == codeGouv }) ?? files.first else {
            return .fail(LocalizedText(fr: "Aucun guide de contribution (CONTRIBUTING) à la racine, dans .github/ ou dans docs/.",
                                       en: "No contributing guide (CONTRIBUTING) at the root, in .github/ or in docs/."))
        }
        let evidence = [Finding(path: guide.path)]
        guard let text = try snapshot.readText(guide, within: maxBytes) else {
            return .warn(notReadOverCap(guide, in: snapshot, cap: maxBytes, parameter: "max_bytes"), evidence)
        }
        let words = ReadmeAnalysis.count(text).total
        if words < minWords {
            return .warn(LocalizedText(fr: "\(guide.path) ne compte que \(words) mots, moins que \(minWords).",
                                       en: "\(guide.path) has only \(words) words, fewer than \(minWords)."), evidence)
        }
        if guide.path != codeGouv {
            return .warn(LocalizedText(fr: "\(guide.path) existe, mais code.gouv.fr ne reconnaît que \(codeGouv) à la racine.",
                                       en: "\(guide.path) exists, but code.gouv.fr only recognises \(codeGouv) at the root."), evidence)
        }
        return .pass(LocalizedText(fr: "\(guide.path) compte \(words) mots.", en: "\(guide.path) has \(words) words."), evidence)
    }
}
