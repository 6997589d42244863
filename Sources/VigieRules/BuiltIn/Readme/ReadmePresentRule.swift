public import VigieCore

/// A README (README, LISEZMOI, any case and extension) at the root.
public struct ReadmePresentRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "readme.present",
        category: RuleCategory.named("readme")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Un README est présent", en: "A README is present"),
        rationale: LocalizedText(
            fr: "Le README est la première page que lit un nouveau venu : sans lui, le dépôt reste muet.",
            en: "The README is the first page a newcomer reads: without it the repository says nothing."),
        remediation: LocalizedText(
            fr: "Ajoutez un README.md à la racine : à quoi sert le projet, comment l'installer et le lancer, qui le maintient, sous quelle licence.",
            en: "Add a README.md at the root: what the project is for, how to install and run it, who maintains it, under which licence.")
    )

    public static let examples: [RuleExample] = [
        RuleExample("README.md passes", files: ["README.md": "# Projet"], expect: .pass),
        RuleExample("readme.rst passes", files: ["readme.rst": "Projet\n======"], expect: .pass),
        RuleExample("LISEZMOI.md passes", files: ["LISEZMOI.md": "# Projet"], expect: .pass),
        RuleExample("no README fails", files: ["LICENSE": "MIT"], expect: .fail),
        RuleExample("a README in docs/ only warns", files: ["docs/README.md": "# Docs"], expect: .warn),
        RuleExample("a README deep in the code does not count", files: ["src/lib/README.md": "# Lib"], expect: .fail),
    ]

    let data: RuleData
    public init(parameters: RuleParameters, data: RuleData) { self.data = data }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let readme = try ReadmeAnalysis.of(snapshot, data: data)
        guard let file = readme.file else {
            return .fail(LocalizedText(fr: "Aucun README à la racine du dépôt.", en: "No README at the root of the repository."))
        }
        guard file.isAtRoot else {
            return .warn(LocalizedText(fr: "README seulement dans \(file.folder)/ : placez-le à la racine, où les forges l'affichent.",
                                       en: "README only in \(file.folder)/: put it at the root, where forges show it."), [Finding(path: file.path)])
        }
        return .pass(LocalizedText(fr: "README trouvé : \(file.path).", en: "README found: \(file.path)."), [Finding(path: file.path)])
    }
}
