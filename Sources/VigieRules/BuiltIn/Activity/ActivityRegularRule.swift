public import VigieCore

/// Commits land regularly: in at least `min_active_months` of the last 12 months.
public struct ActivityRegularRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "activity.regular",
        category: RuleCategory.named("activity")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Les commits sont réguliers", en: "Commits are regular"),
        rationale: LocalizedText(
            fr: "Un projet vivant avance chaque mois, pas seulement avant une échéance ; l'indice de vitalité de Developers Italia mesure la même chose.",
            en: "A living project moves every month, not only before a deadline; Developers Italia's vitality index measures the same."),
        remediation: LocalizedText(
            fr: "Commitez et publiez par petites étapes, au fil de l'eau, plutôt qu'en un seul envoi.",
            en: "Commit and push in small steps as work goes, rather than in one batch."),
        readsHistory: true
    )

    public static let parameters = [
        RuleParameter("min_active_months", default: .int(6), LocalizedText(fr: "Mois avec au moins un commit, sur les 12 derniers, pour réussir.", en: "Months with at least one commit, of the last 12, to pass.")),
        RuleParameter("warn_active_months", default: .int(3), LocalizedText(fr: "Mois actifs en dessous desquels la règle échoue.", en: "Active months below which the rule fails.")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("commits in 7 of 12 months pass", files: [:], expect: .pass,
                    commits: ["2026-11-02", "2026-10-02", "2026-08-02", "2026-06-02", "2026-04-02", "2026-02-02", "2025-12-02"].map { .at($0) }),
        RuleExample("commits in 4 months warn", files: [:], expect: .warn,
                    commits: ["2026-11-02", "2026-10-02", "2026-10-05", "2026-03-02", "2025-12-31"].map { .at($0) }),
        RuleExample("one burst of commits fails", files: [:], expect: .fail,
                    commits: ["2026-06-01", "2026-06-02", "2026-06-03", "2024-01-01"].map { .at($0) }),
    ]

    let minMonths: Int
    let warnMonths: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        minMonths = parameters.int("min_active_months")
        warnMonths = parameters.int("warn_active_months")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let activity = try ActivityAnalysis.of(snapshot, context: context, data: data)
        guard activity.commits > 0 else { return .skip(LocalizedText(fr: "Aucun commit dans l'historique.", en: "No commit in the history.")) }
        let active = activity.activeMonths
        let message = LocalizedText(fr: "Commits dans \(active) des 12 derniers mois.", en: "Commits in \(active) of the last 12 months.")
        if active >= minMonths { return .pass(message) }
        if active >= warnMonths { return .warn(message) }
        return .fail(message)
    }
}
