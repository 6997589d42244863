public import VigieCore

/// The declared conformity status matches the rate of criteria met.
public struct AccessibilityConsistentRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "accessibility.consistent",
        category: RuleCategory.named("accessibility")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "L'état de conformité correspond au taux de critères respectés",
                             en: "The compliance status matches the rate of criteria met"),
        rationale: LocalizedText(
            fr: "L'état se déduit du taux : 100 % des critères applicables respectés, « totalement conforme » ; au moins 50 %, « partiellement conforme » ; moins de 50 % ou aucun audit valide, « non conforme ». Une déclaration qui s'attribue un meilleur état que son taux trompe l'usager.",
            en: "The status follows from the rate: 100 % of applicable criteria met is \"fully compliant\"; at least 50 %, \"partially compliant\"; below 50 % or no valid audit, \"not compliant\". A statement claiming a better status than its rate misleads users."),
        remediation: LocalizedText(
            fr: "Corrigez l'état de conformité pour qu'il suive le taux de l'audit, ou donnez le taux (« NN % des critères du RGAA sont respectés ») ; sans audit valide, déclarez « non conforme ».",
            en: "Correct the status so it follows the audit's rate, or give the rate (\"NN % of the RGAA criteria are met\"); without a valid audit, declare \"not compliant\".")
    )

    public static let parameters = AccessibilityScan.parameters + [
        RuleParameter("partial_min_percent", default: .int(50), LocalizedText(
            fr: "Taux minimal de critères respectés, en %, pour « partiellement conforme » (100 % donne « totalement conforme »).",
            en: "Lowest rate of criteria met, in %, for \"partially compliant\" (100 % gives \"fully compliant\").")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("partially compliant at 64 % passes",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage()], expect: .pass),
        RuleExample("fully compliant at 64 % fails",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(status: "totalement conforme")], expect: .fail),
        RuleExample("partially compliant at 42,5 % fails",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(rate: "42,5&nbsp;%")], expect: .fail),
        RuleExample("fully compliant at 100 % passes",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(status: "totalement conforme", rate: "100%")],
                    expect: .pass),
        RuleExample("not compliant without an audit passes",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(status: "non conforme", rate: "aucun")],
                    expect: .pass),
        RuleExample("partially compliant without a rate fails",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage(rate: "la plupart")], expect: .fail),
        RuleExample("the threshold comes from the rule set",
                    files: ["src/pages/accessibilite.tsx": AccessibilityScan.statementPage()], expect: .fail,
                    parameters: ["partial_min_percent": .int(70)]),
        RuleExample("no statement skips", files: ["index.html": "<p>Bonjour</p>"], expect: .skip),
    ]

    let budget: ScanBudget
    let partialMinimum: Double
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        budget = AccessibilityScan.budget(parameters)
        partialMinimum = Double(parameters.int("partial_min_percent"))
        self.data = data
    }

    /// The status a rate gives.
    func expectedStatus(rate: Double) -> ConformityStatus {
        if rate >= 100 { return .full }
        return rate >= partialMinimum ? .partial : .nonCompliant
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let analysis = try AccessibilityAnalysis.of(snapshot, data: data, budget: budget)
        guard analysis.applicable else { return AccessibilityScan.notApplicable(analysis) }
        guard let statement = analysis.statement else { return AccessibilityScan.noStatement }
        let reading = statement.reading
        let statusFinding = Finding(path: statement.path, line: reading.statusLine ?? reading.titleLine)
        guard reading.status != .unknown else {
            return .fail(LocalizedText(fr: "\(statement.path) ne dit pas son état de conformité (totalement, partiellement ou non conforme).",
                                       en: "\(statement.path) does not state its compliance status (fully, partially or not compliant)."),
                         [statusFinding])
        }
        let status = reading.status.label
        guard let rate = reading.rate else {
            if reading.status == .nonCompliant {
                return .pass(LocalizedText(fr: "« non conforme » sans taux : cohérent en l'absence d'audit valide.",
                                           en: "\"not compliant\" without a rate: consistent when there is no valid audit."), [statusFinding])
            }
            return .fail(LocalizedText(fr: "\(statement.path) se déclare « \(status.fr) » sans donner le taux de critères respectés.",
                                       en: "\(statement.path) claims to be \"\(status.en)\" without giving the rate of criteria met."),
                         [statusFinding])
        }
        let shown = rate.rounded() == rate ? String(Int(rate)) : String(rate)
        let findings = [statusFinding, Finding(path: statement.path, line: reading.rateLine)]
        let expected = expectedStatus(rate: rate)
        if expected == reading.status {
            return .pass(LocalizedText(fr: "« \(status.fr) » avec \(shown) % des critères respectés : cohérent.",
                                       en: "\"\(status.en)\" with \(shown) % of criteria met: consistent."), findings)
        }
        return .fail(LocalizedText(
            fr: "\(statement.path) se déclare « \(status.fr) » mais annonce \(shown) % des critères respectés, ce qui fait « \(expected.label.fr) ».",
            en: "\(statement.path) claims \"\(status.en)\" but reports \(shown) % of criteria met, which is \"\(expected.label.en)\"."), findings)
    }
}
