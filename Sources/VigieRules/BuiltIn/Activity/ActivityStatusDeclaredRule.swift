public import VigieCore

/// A project with no recent commit says in its README that it is no longer maintained.
public struct ActivityStatusDeclaredRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "activity.status-declared",
        category: RuleCategory.named("activity")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Un projet inactif le dit", en: "An inactive project says so"),
        rationale: LocalizedText(
            fr: "Publier du code non maintenu est permis, à condition de le dire dans le README (« n'est plus maintenu ») : les réutilisateurs savent alors à quoi s'attendre.",
            en: "Publishing unmaintained code is fine if the README says so (\"no longer maintained\"): reusers then know what to expect."),
        remediation: LocalizedText(
            fr: "Ajoutez en tête du README : « Ce projet n'est plus maintenu. », et si possible qui contacter pour le reprendre ; ou reprenez l'activité.",
            en: "Add at the top of the README: \"This project is no longer maintained.\", and who to contact to take it over; or resume activity."),
        readsHistory: true
    )

    public static let parameters = [
        RuleParameter("inactive_after_days", default: .int(365), LocalizedText(fr: "Jours sans commit après lesquels le projet est jugé inactif.", en: "Days without a commit after which the project counts as inactive.")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("an inactive project that says so passes", files: ["README.md": "# Outil\n\n**Ce projet n'est plus maintenu.**\n"], expect: .pass,
                    commits: [.at("2023-01-01")]),
        RuleExample("an inactive project that says so in English passes", files: ["README.md": "# Tool\n\n> This project is no longer maintained.\n"], expect: .pass,
                    commits: [.at("2023-01-01")]),
        RuleExample("an inactive project that is silent fails", files: ["README.md": "# Outil\n\nUn outil pour les agents.\n"], expect: .fail,
                    commits: [.at("2023-01-01")]),
        RuleExample("an active project skips", files: ["README.md": "# Outil\n"], expect: .skip, commits: [.at("2026-11-01")]),
    ]

    let inactiveAfter: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        inactiveAfter = parameters.int("inactive_after_days")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let activity = try ActivityAnalysis.of(snapshot, context: context, data: data)
        guard let days = activity.daysSinceLastCommit, days > inactiveAfter else {
            return .skip(LocalizedText(fr: "Le projet est actif.", en: "The project is active."))
        }
        let readme = try ReadmeAnalysis.of(snapshot, data: data)
        if let file = readme.file {
            let text = TextNormalizer.normalizedBytes(try snapshot.text(of: file))
            if let phrase = data.activity.inactivePhrases.first(where: { contains(text, $0) }) {
                let quoted = String(decoding: phrase, as: UTF8.self)
                return .pass(LocalizedText(fr: "Inactif depuis \(days) jours, et \(file.path) le dit (« \(quoted) »).",
                                           en: "Inactive for \(days) days, and \(file.path) says so (\"\(quoted)\")."), [Finding(path: file.path)])
            }
        }
        return .fail(LocalizedText(fr: "Aucun commit depuis \(days) jours, et le README ne dit pas que le projet n'est plus maintenu.",
                                   en: "No commit for \(days) days, and the README does not say the project is no longer maintained."),
                     readme.file.map { [Finding(path: $0.path)] } ?? [])
    }
}
