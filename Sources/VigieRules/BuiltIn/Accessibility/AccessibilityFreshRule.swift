public import VigieCore

/// The statement was established or updated within the last few years (3 by default).
public struct AccessibilityFreshRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "accessibility.fresh",
        category: RuleCategory.named("accessibility")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "La déclaration est à jour", en: "The statement is up to date"),
        rationale: LocalizedText(
            fr: "Une déclaration se met à jour à chaque refonte ou évolution substantielle, et au plus tard tous les trois ans : au-delà, l'audit qui la fonde ne décrit plus le service.",
            en: "A statement is updated at every redesign or substantial change, and at least every three years: beyond that, the audit behind it no longer describes the service."),
        remediation: LocalizedText(
            fr: "Faites réaliser un nouvel audit RGAA et mettez la déclaration à jour (« Elle a été mise à jour le JJ/MM/AAAA »).",
            en: "Have a new RGAA audit done and update the statement (« Elle a été mise à jour le JJ/MM/AAAA »).")
    )

    public static let parameters = AccessibilityScan.parameters + [
        RuleParameter("max_age_years", default: .int(3), LocalizedText(
            fr: "Âge maximal, en années, de la date d'établissement ou de mise à jour, compté jusqu'au jour de l'audit (--as-of).",
            en: "Largest age, in years, of the date the statement was established or updated, counted to the audit day (--as-of).")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("a statement established in March 2025 passes (as of 2026-11-29)",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(date: "12 mars 2025")], expect: .pass),
        RuleExample("a statement established in March 2021 fails",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(date: "12/03/2021")], expect: .fail),
        RuleExample("an update counts: established 2021, updated 2025-02-01 passes",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(date: "12 mars 2021. Elle a été mise à jour le 2025-02-01")],
                    expect: .pass),
        RuleExample("a statement without a date fails",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(date: "au printemps")], expect: .fail),
        RuleExample("the age limit comes from the rule set",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(date: "12 mars 2021")], expect: .pass,
                    parameters: ["max_age_years": .int(6)]),
        RuleExample("no statement skips", files: ["index.html": "<p>Bonjour</p>"], expect: .skip),
    ]

    let budget: ScanBudget
    let maxAgeYears: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        budget = AccessibilityScan.budget(parameters)
        maxAgeYears = parameters.int("max_age_years")
        self.data = data
    }

    /// The last day a statement dated `day` is still fresh: the same date `years` later (28 February for a 29th).
    static func limit(of day: Day, years: Int) -> Day {
        let (year, month, date) = day.components
        return Day(year: year + years, month: month, day: date) ?? Day(year: year + years, month: month, day: date - 1) ?? day
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let analysis = try AccessibilityAnalysis.of(snapshot, data: data, budget: budget)
        guard analysis.applicable else { return AccessibilityScan.notApplicable(analysis) }
        guard let statement = analysis.statement else { return AccessibilityScan.noStatement }
        guard let date = statement.reading.date else {
            return .fail(LocalizedText(
                fr: "\(statement.path) ne dit pas quand elle a été établie ou mise à jour (« établie le JJ/MM/AAAA »).",
                en: "\(statement.path) does not say when it was established or updated (« établie le JJ/MM/AAAA »)."),
                         [Finding(path: statement.path, line: statement.reading.titleLine)])
        }
        let evidence = [Finding(path: statement.path, line: date.line)]
        let limit = Self.limit(of: date.day, years: maxAgeYears)
        if context.asOf <= limit {
            return .pass(LocalizedText(fr: "Établie ou mise à jour le \(date.day.iso), il y a moins de \(maxAgeYears) ans.",
                                       en: "Established or updated on \(date.day.iso), less than \(maxAgeYears) years ago."), evidence)
        }
        let days = context.asOf.daysSinceEpoch - date.day.daysSinceEpoch
        return .fail(LocalizedText(
            fr: "Établie ou mise à jour le \(date.day.iso), il y a \(days) jours : plus de \(maxAgeYears) ans (échue le \(limit.iso)).",
            en: "Established or updated on \(date.day.iso), \(days) days ago: more than \(maxAgeYears) years (expired on \(limit.iso))."), evidence)
    }
}
