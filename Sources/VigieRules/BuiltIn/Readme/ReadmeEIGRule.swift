public import VigieCore

/// The EIG mentions: the programme line and its link, who made it, and a contact (EIG rule set only).
public struct ReadmeEIGRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "readme.eig",
        category: RuleCategory.named("readme")!,
        defaultWeight: 1,
        title: LocalizedText(fr: "Le README porte les mentions EIG", en: "The README carries the EIG mentions"),
        rationale: LocalizedText(
            fr: "Le guide EIG demande la ligne « Projet développé dans le cadre du programme « Entrepreneurs d'intérêt général » » avec son lien, l'administration et les auteurs, et un contact.",
            en: "The EIG guide asks for the line \"Projet développé dans le cadre du programme « Entrepreneurs d'intérêt général »\" with its link, the administration and the authors, and a contact."),
        remediation: LocalizedText(
            fr: "Ajoutez en fin de README : « Projet développé dans le cadre du programme [Entrepreneurs d'intérêt général](https://eig.etalab.gouv.fr) », « © [Administration], [Vous] » et une adresse de contact.",
            en: "Add at the end of the README: \"Projet développé dans le cadre du programme [Entrepreneurs d'intérêt général](https://eig.etalab.gouv.fr)\", \"© [Administration], [You]\" and a contact address.")
    )

    public static let examples: [RuleExample] = [
        RuleExample("the full mentions pass", files: ["README.md": """
            # Signaux

            Projet développé dans le cadre du programme [Entrepreneurs d'intérêt général](https://eig.etalab.gouv.fr).

            © Ministère de l'Économie, Alice Martin. Contact : alice.martin@example.gouv.fr
            """], expect: .pass),
        RuleExample("the programme line without link or contact warns", files: ["README.md": "# Signaux\n\nUn défi EIG.\n"], expect: .warn),
        RuleExample("no mention fails", files: ["README.md": "# Signaux\n\nUn outil.\n"], expect: .fail),
        RuleExample("no README skips", files: ["LICENSE": "MIT"], expect: .skip),
    ]

    let data: RuleData
    public init(parameters: RuleParameters, data: RuleData) { self.data = data }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let conventions = data.section(ReadmeConventions.self)
        guard let file = try ReadmeAnalysis.of(snapshot, data: data).file else {
            return .skip(LocalizedText(fr: "Pas de README (voir readme.present).", en: "No README (see readme.present)."))
        }
        let text = try snapshot.text(of: file)
        let normalized = TextNormalizer.normalizedBytes(text)
        // Searched as bytes: Foundation's `String.contains` cost 2.6 M instructions a call on a 20 kB README.
        let lowered = Array(text.lowercased().utf8)
        let has = { (needle: String) in firstOffset(of: Array(needle.utf8), in: lowered) != nil }
        let programme = conventions.programmePhrases.contains { contains(normalized, $0) }
        let link = conventions.programmeLinks.contains(where: has)
        let credit = has("©") || has("copyright") || has("auteur") || has("author")
        let contact = text.firstMatch(of: #/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/#) != nil || has("contact")
        var missing: [LocalizedText] = []
        if !link { missing.append(LocalizedText(fr: "le lien vers le programme", en: "the link to the programme")) }
        if !credit { missing.append(LocalizedText(fr: "l'administration et les auteurs (©)", en: "the administration and authors (©)")) }
        if !contact { missing.append(LocalizedText(fr: "un contact", en: "a contact")) }
        guard programme || link else {
            return .fail(LocalizedText(fr: "\(file.path) ne mentionne pas le programme EIG.", en: "\(file.path) does not mention the EIG programme."), [Finding(path: file.path)])
        }
        guard missing.isEmpty else {
            return .warn(LocalizedText(fr: "\(file.path) mentionne le programme ; il manque \(missing.map(\.fr).joined(separator: ", ")).",
                                       en: "\(file.path) mentions the programme; missing: \(missing.map(\.en).joined(separator: ", "))."), [Finding(path: file.path)])
        }
        return .pass(LocalizedText(fr: "\(file.path) porte les mentions EIG.", en: "\(file.path) carries the EIG mentions."), [Finding(path: file.path)])
    }
}
