public import VigieCore

/// Continuous integration is configured: a non-empty configuration file of a known system
/// (GitHub Actions, GitLab CI, CircleCI, Travis, Jenkins, Woodpecker, Drone…), named in the result.
public struct QualityCiRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "quality.ci",
        category: RuleCategory.named("quality")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Une intégration continue est configurée", en: "Continuous integration is configured"),
        rationale: LocalizedText(
            fr: "Une intégration continue lance les tests à chaque modification : une contribution extérieure est vérifiée sans effort, et un projet repris par une autre équipe garde un filet de sécurité.",
            en: "Continuous integration runs the tests on every change: an outside contribution is checked at no cost, and a project taken over by another team keeps a safety net."),
        remediation: LocalizedText(
            fr: "Ajoutez une configuration d'intégration continue qui lance les tests : .github/workflows/tests.yml (GitHub Actions) ou .gitlab-ci.yml (GitLab CI).",
            en: "Add a continuous integration configuration that runs the tests: .github/workflows/tests.yml (GitHub Actions) or .gitlab-ci.yml (GitLab CI).")
    )

    public static let examples: [RuleExample] = [
        RuleExample("a GitHub Actions workflow passes", files: [".github/workflows/tests.yml": "on: push\njobs: {}\n"], expect: .pass),
        RuleExample("GitLab CI passes", files: [".gitlab-ci.yml": "test:\n  script: make test\n"], expect: .pass),
        RuleExample("a Jenkinsfile passes", files: ["Jenkinsfile": "pipeline { agent any }\n"], expect: .pass),
        RuleExample("an empty .gitlab-ci.yml fails", files: [".gitlab-ci.yml": ""], expect: .fail),
        RuleExample("a workflow outside .github/workflows fails", files: ["ci/tests.yml": "on: push\n"], expect: .fail),
        RuleExample("no CI fails", files: ["README.md": "# Outil\n"], expect: .fail),
    ]

    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Écrit .github/workflows/ci.yml (ou .gitlab-ci.yml sur GitLab) : les tests de chaque écosystème détecté, puis vigie audit --fail-under.",
        en: "Writes .github/workflows/ci.yml (or .gitlab-ci.yml on GitLab): the tests of each ecosystem detected, then vigie audit --fail-under.")) { context in
        try ContinuousIntegrationFix.plan(context)
    }

    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let systems = QualityAnalysis.of(snapshot, data: data).ci
        guard !systems.isEmpty else {
            return .fail(LocalizedText(fr: "Aucune intégration continue configurée (GitHub Actions, GitLab CI, CircleCI, Travis, Jenkins, Woodpecker, Drone…).",
                                       en: "No continuous integration configured (GitHub Actions, GitLab CI, CircleCI, Travis, Jenkins, Woodpecker, Drone…)."))
        }
        let names = LocalizedText.series(systems.map { "\($0.name) (\($0.files.count))" })
        return .pass(LocalizedText(fr: "Intégration continue : \(names.fr).", en: "Continuous integration: \(names.en)."),
                     systems.flatMap { $0.files.map { Finding(path: $0) } })
    }
}
