public import VigieCore

/// GitLab's Code Quality report (`artifacts:reports:codequality`), shown in the merge-request
/// widget: a JSON array with one issue per check that fails or warns — `description`, `check_name`,
/// a stable `fingerprint`, `severity`, and `location.path` with `location.lines.begin`.
/// Format: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format (validated
/// against docs/schema/gitlab-codequality.schema.json in GitLabTests).
public enum GitLabRenderer {
    public static func render(_ card: Scorecard) -> String {
        JSONRenderer.render(.array(ForgeFinding.findings(in: card).map { issue($0, card.lang) }))
    }

    static func issue(_ finding: ForgeFinding, _ l: Language) -> JSONValue {
        let location = finding.locations[0]
        var description = finding.description
        if finding.repositoryLevel { description += " (\(ForgeStrings.repositoryLevel[l]))" }
        let others = finding.locations.dropFirst().map { $0.path + ($0.line.map { ":\($0)" } ?? "") }
        if !others.isEmpty { description += " — " + LocalizedText(fr: "aussi : ", en: "also: ")[l] + others.joined(separator: ", ") }
        return .object([
            "description": .string(description),
            "check_name": .string(finding.check.id),
            "fingerprint": .string(finding.fingerprint),
            "severity": .string(severity(finding.check)),
            "categories": .array([.string(finding.check.category)]),
            "type": .string("issue"),
            "location": .object([
                "path": .string(location.path),
                "lines": .object(["begin": .int(location.line ?? 1)]),
            ]),
        ])
    }

    /// A failure is `major` (`critical` for a heavy rule, weight 3 or more); a warning is `minor`.
    static func severity(_ check: CheckResult) -> String {
        switch check.status {
        case .fail: check.weight >= 3 ? "critical" : "major"
        default: "minor"
        }
    }
}
