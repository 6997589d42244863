public import VigieCore

/// Dependency updates are automated: Renovate, or Dependabot covering every package ecosystem the
/// repository has manifests for (a gap is a warning). Not applicable without any manifest.
public struct QualityDependencyUpdatesRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "quality.dependency_updates",
        category: RuleCategory.named("quality")!,
        defaultWeight: 1,
        title: LocalizedText(fr: "Les mises à jour des dépendances sont automatisées", en: "Dependency updates are automated"),
        rationale: LocalizedText(
            fr: "Un outil de mise à jour (Dependabot, Renovate) propose les correctifs de sécurité des dépendances dès leur publication ; OpenSSF Scorecard le vérifie aussi (Dependency-Update-Tool).",
            en: "An update tool (Dependabot, Renovate) proposes the dependencies' security fixes as soon as they are published; OpenSSF Scorecard checks it too (Dependency-Update-Tool)."),
        remediation: LocalizedText(
            fr: "Ajoutez .github/dependabot.yml avec une entrée « updates » par écosystème du dépôt (npm, pip, docker, github-actions…), ou un renovate.json.",
            en: "Add .github/dependabot.yml with an 'updates' entry per ecosystem of the repository (npm, pip, docker, github-actions…), or a renovate.json.")
    )

    public static let parameters = [
        RuleParameter("max_bytes", default: .int(defaultMaxBytes), LocalizedText(
            fr: "Taille maximale de dependabot.yml et de package.json lus, en octets.", en: "Largest dependabot.yml and package.json read, in bytes.")),
    ]

    /// Also the cap `facts.quality` reads with.
    static let defaultMaxBytes = 262_144

    static let dependabot = "version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: {interval: weekly}\n"

    public static let examples: [RuleExample] = [
        RuleExample("Dependabot covering npm passes", files: ["package.json": "{}", ".github/dependabot.yml": dependabot], expect: .pass),
        RuleExample("renovate.json passes", files: ["package.json": "{}", "renovate.json": "{\"extends\": [\"config:recommended\"]}"], expect: .pass),
        RuleExample("a renovate key in package.json passes", files: ["package.json": "{\"renovate\": {\"extends\": [\"config:recommended\"]}}"],
                    expect: .pass),
        RuleExample("Dependabot missing the Dockerfile's ecosystem warns",
                    files: ["package.json": "{}", "Dockerfile": "FROM node:22\n", ".github/dependabot.yml": dependabot], expect: .warn),
        RuleExample("a dependabot.yml without updates warns", files: ["package.json": "{}", ".github/dependabot.yml": "version: 2\n"], expect: .warn),
        RuleExample("manifests without any tool fail", files: ["requirements.txt": "django==5.1\n"], expect: .fail),
        RuleExample("a repository without manifests skips", files: ["README.md": "# Outil\n"], expect: .skip),
    ]

    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Écrit .github/dependabot.yml avec une entrée par écosystème détecté, GitHub Actions compris (sur GitLab : renovate.json, Renovate trouvant lui-même chaque écosystème).",
        en: "Writes .github/dependabot.yml with one entry per ecosystem detected, GitHub Actions included (on GitLab: renovate.json, Renovate finding every ecosystem itself).")) { context in
        try DependencyUpdatesFix.plan(context)
    }

    let maxBytes: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        maxBytes = parameters.int("max_bytes")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let ecosystems = QualityAnalysis.of(snapshot, data: data).ecosystems
        guard !ecosystems.isEmpty else {
            return .skip(LocalizedText(fr: "Aucun manifeste de dépendances : rien à mettre à jour.", en: "No dependency manifest: nothing to update."))
        }
        let updates = try DependencyUpdates.of(snapshot, data: data, cap: maxBytes)
        let found = LocalizedText.series(ecosystems.map(\.id))
        guard !updates.tools.isEmpty else {
            return .fail(LocalizedText(fr: "Ni Dependabot ni Renovate, pour des dépendances \(found.fr).",
                                       en: "Neither Dependabot nor Renovate, for \(found.en) dependencies."),
                         ecosystems.map { Finding(path: $0.manifests[0]) })
        }
        let evidence = updates.tools.flatMap { $0.files.map { Finding(path: $0) } }
        if updates.tools.contains(where: { $0.id == "renovate" }) {
            return .pass(LocalizedText(fr: "Renovate est configuré ; il couvre par défaut tous les écosystèmes (\(found.fr)).",
                                       en: "Renovate is configured; by default it covers every ecosystem (\(found.en))."), evidence)
        }
        if let problem = updates.dependabotProblem {
            return .warn(LocalizedText(fr: "\(problem.path):\(problem.line):\(problem.column) : \(problem.message.fr).",
                                       en: "\(problem.path):\(problem.line):\(problem.column): \(problem.message.en)."),
                         [Finding(path: problem.path, line: problem.line > 0 ? problem.line : nil)])
        }
        let conventions = data.health.quality.ecosystems
        let uncovered = ecosystems.filter { ecosystem in
            let accepted = conventions.first { $0.id == ecosystem.id }?.dependabot ?? [ecosystem.id]
            return !accepted.contains(where: updates.dependabotEcosystems.contains)
        }
        if !uncovered.isEmpty {
            let names = LocalizedText.series(uncovered.map(\.id))
            return .warn(LocalizedText(fr: "Dependabot ne couvre pas \(names.fr).", en: "Dependabot does not cover \(names.en)."),
                         evidence + uncovered.map { Finding(path: $0.manifests[0]) })
        }
        return .pass(LocalizedText(fr: "Dependabot couvre \(found.fr).", en: "Dependabot covers \(found.en)."), evidence)
    }
}
