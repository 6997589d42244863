public import VigieCore

/// The last commit is recent: within `pass_within_days` passes, within `warn_within_days` warns.
public struct ActivityRecentRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "activity.recent",
        category: RuleCategory.named("activity")!,
        defaultWeight: 3,
        title: LocalizedText(fr: "Le dépôt a reçu un commit récemment", en: "The repository had a recent commit"),
        rationale: LocalizedText(
            fr: "Un dépôt sans commit depuis des mois laisse croire à un projet abandonné ; code.gouv.fr retient un dernier commit de moins de six mois.",
            en: "A repository without a commit for months looks abandoned; code.gouv.fr expects a last commit under six months old."),
        remediation: LocalizedText(
            fr: "Publiez les travaux en cours ; si le projet n'est plus maintenu, dites-le dans le README (voir activity.status-declared).",
            en: "Push the work in progress; if the project is no longer maintained, say so in the README (see activity.status-declared)."),
        readsHistory: true
    )

    public static let parameters = [
        RuleParameter("pass_within_days", default: .int(183), LocalizedText(fr: "Âge maximal du dernier commit pour réussir, en jours.", en: "Maximum age of the last commit to pass, in days.")),
        RuleParameter("warn_within_days", default: .int(365), LocalizedText(fr: "Âge maximal du dernier commit pour un avertissement, en jours.", en: "Maximum age of the last commit for a warning, in days.")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("a commit last month passes", files: ["README.md": "x"], expect: .pass, commits: [.at("2026-10-20")]),
        RuleExample("a last commit 9 months ago warns", files: ["README.md": "x"], expect: .warn, commits: [.at("2026-02-10")]),
        RuleExample("a last commit two years ago fails", files: ["README.md": "x"], expect: .fail, commits: [.at("2024-11-01"), .at("2023-05-01")]),
        RuleExample("the thresholds come from the rule set", files: ["README.md": "x"], expect: .pass, parameters: ["pass_within_days": .int(400)],
                    commits: [.at("2026-02-10")]),
    ]

    let passDays: Int
    let warnDays: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        passDays = parameters.int("pass_within_days")
        warnDays = parameters.int("warn_within_days")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let activity = try ActivityAnalysis.of(snapshot, context: context, data: data)
        guard let days = activity.daysSinceLastCommit, let last = activity.lastCommit else {
            return .skip(LocalizedText(fr: "Aucun commit dans l'historique.", en: "No commit in the history."))
        }
        let date = Day(secondsSinceEpoch: last).iso
        let message = LocalizedText(fr: "Dernier commit le \(date), il y a \(days) jours.", en: "Last commit on \(date), \(days) days ago.")
        if days <= passDays { return .pass(message) }
        if days <= warnDays { return .warn(message) }
        return .fail(message)
    }
}
