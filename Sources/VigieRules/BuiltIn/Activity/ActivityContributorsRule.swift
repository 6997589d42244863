public import VigieCore

/// More than one person holds the project: a contributor absence factor of at least `min_absence_factor`.
public struct ActivityContributorsRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "activity.contributors",
        category: RuleCategory.named("activity")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Le projet ne repose pas sur une seule personne", en: "The project does not rest on one person"),
        rationale: LocalizedText(
            fr: "Le facteur d'absence (CHAOSS) compte le plus petit nombre de personnes ayant fait la moitié des commits de l'année : à 1, le départ d'une personne arrête le projet.",
            en: "The contributor absence factor (CHAOSS) counts the fewest people who made half of the year's commits: at 1, one departure stops the project."),
        remediation: LocalizedText(
            fr: "Partagez le travail : revues croisées, binômage, documentation pour qu'une autre personne puisse reprendre.",
            en: "Share the work: cross reviews, pairing, documentation so that someone else can take over."),
        readsHistory: true
    )

    public static let parameters = [
        RuleParameter("min_absence_factor", default: .int(2), LocalizedText(fr: "Facteur d'absence minimal pour réussir.", en: "Minimum absence factor to pass.")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("two people sharing the year's work pass", files: [:], expect: .pass,
                    commits: [.at("2026-10-01", by: "alice@x.fr"), .at("2026-10-02", by: "bob@x.fr"), .at("2026-10-03", by: "alice@x.fr"),
                              .at("2026-09-03", by: "bob@x.fr"), .at("2026-08-03", by: "claire@x.fr")]),
        RuleExample("one person with most commits warns", files: [:], expect: .warn,
                    commits: [.at("2026-10-01", by: "alice@x.fr"), .at("2026-10-02", by: "alice@x.fr"), .at("2026-10-03", by: "bob@x.fr")]),
        RuleExample("bots do not count as people", files: [:], expect: .warn,
                    commits: [.at("2026-10-01", by: "alice@x.fr"), .at("2026-10-02", by: "49699333+dependabot[bot]@users.noreply.github.com"),
                              .at("2026-10-03", by: "49699333+dependabot[bot]@users.noreply.github.com")]),
        RuleExample("a bot named without [bot] (changelog-bot) does not count either", files: [:], expect: .pass,
                    commits: [.at("2026-10-01", by: "alice@x.fr"), .at("2026-10-02", by: "bob@x.fr"), .at("2026-10-03", by: "alice@x.fr"),
                              .at("2026-09-03", by: "bob@x.fr"), .at("2026-08-03", by: "claire@x.fr")]
                        + (5...9).map { .at("2026-10-0\($0)", by: "changelog-bot@x.fr") }),
        RuleExample("one person under two e-mails counts once (same name but for case)", files: [:], expect: .warn,
                    commits: [.at("2026-10-01", by: "Witold@perso.fr"), .at("2026-10-02", by: "Witold@perso.fr"), .at("2026-10-03", by: "witold@work.gouv.fr"),
                              .at("2026-10-04", by: "witold@work.gouv.fr"), .at("2026-10-05", by: "alice@x.fr")]),
        RuleExample("one forge login on GitHub and GitLab no-reply addresses counts once", files: [:], expect: .warn,
                    commits: [.at("2026-10-01", by: "12345+wit@users.noreply.github.com"), .at("2026-10-02", by: "12345+wit@users.noreply.github.com"),
                              .at("2026-10-03", by: "678-wit@users.noreply.gitlab.com"), .at("2026-10-04", by: "678-wit@users.noreply.gitlab.com"),
                              .at("2026-10-05", by: "alice@x.fr")]),
        RuleExample("no commit in the year skips", files: [:], expect: .skip, commits: [.at("2020-01-01")]),
    ]

    let minimum: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        minimum = parameters.int("min_absence_factor")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let activity = try ActivityAnalysis.of(snapshot, context: context, data: data)
        let factor = activity.absenceFactor
        guard factor > 0 else {
            return .skip(LocalizedText(fr: "Aucun commit humain sur les 365 derniers jours (voir activity.recent).",
                                       en: "No human commit in the last 365 days (see activity.recent)."))
        }
        let share = Int((activity.topAuthorShare * 100).rounded())
        // When identities were merged into people, say how many addresses there were.
        let merged = activity.identitiesInYear > activity.authorsInYear
        let identities = LocalizedText(fr: merged ? " (\(activity.identitiesInYear) identités git)" : "",
                                       en: merged ? " (\(activity.identitiesInYear) git identities)" : "")
        let message = LocalizedText(
            fr: "Facteur d'absence \(factor) : \(activity.authorsInYear) personne(s)\(identities.fr) ont commité cette année, la plus active a fait \(share) % des commits.",
            en: "Absence factor \(factor): \(activity.authorsInYear) \(activity.authorsInYear == 1 ? "person" : "people")\(identities.en) committed this year, the most active made \(share)% of the commits.")
        return factor >= minimum ? .pass(message) : .warn(message)
    }
}
