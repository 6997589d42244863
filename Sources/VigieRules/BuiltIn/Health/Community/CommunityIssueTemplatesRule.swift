public import VigieCore

/// Issue and merge-request templates, on GitHub (`.github/ISSUE_TEMPLATE/`…) or GitLab
/// (`.gitlab/issue_templates/`…). Suggested by the EIG guide, not required: a warning at worst.
public struct CommunityIssueTemplatesRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "community.issue_templates",
        category: RuleCategory.named("community")!,
        defaultWeight: 1,
        title: LocalizedText(fr: "Des modèles de tickets ou de demandes de fusion sont proposés",
                             en: "Issue or merge-request templates are provided"),
        rationale: LocalizedText(
            fr: "Le guide des EIG suggère des modèles ISSUE_TEMPLATE et PULL_REQUEST_TEMPLATE : un signalement guidé arrive complet (version, étapes, attendu), et une contribution rappelle les tests et la licence.",
            en: "The EIG guide suggests ISSUE_TEMPLATE and PULL_REQUEST_TEMPLATE templates: a guided report arrives complete (version, steps, expected), and a contribution is reminded of tests and licence."),
        remediation: LocalizedText(
            fr: "Ajoutez .github/ISSUE_TEMPLATE/bug.md et .github/PULL_REQUEST_TEMPLATE.md sur GitHub, ou .gitlab/issue_templates/Bug.md et .gitlab/merge_request_templates/Default.md sur GitLab.",
            en: "Add .github/ISSUE_TEMPLATE/bug.md and .github/PULL_REQUEST_TEMPLATE.md on GitHub, or .gitlab/issue_templates/Bug.md and .gitlab/merge_request_templates/Default.md on GitLab.")
    )

    public static let examples: [RuleExample] = [
        RuleExample("GitHub issue forms and a pull-request template pass",
                    files: [".github/ISSUE_TEMPLATE/bug.yml": "name: Bug\n", ".github/pull_request_template.md": "## Tests\n"], expect: .pass),
        RuleExample("GitLab issue templates pass", files: [".gitlab/issue_templates/Bug.md": "## Étapes\n"], expect: .pass),
        RuleExample("a merge-request template alone passes", files: [".gitlab/merge_request_templates/Default.md": "## Tests\n"], expect: .pass),
        RuleExample("the template chooser's config.yml alone warns", files: [".github/ISSUE_TEMPLATE/config.yml": "blank_issues_enabled: false\n"], expect: .warn),
        RuleExample("no template warns", files: ["README.md": "# Outil\n"], expect: .warn),
    ]

    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Écrit deux modèles de ticket (problème, amélioration) : dans .github/ISSUE_TEMPLATE/ pour GitHub, .gitlab/issue_templates/ pour GitLab (d'après l'URL du dépôt distant origin).",
        en: "Writes two issue templates (bug, feature): in .github/ISSUE_TEMPLATE/ for GitHub, .gitlab/issue_templates/ for GitLab (from the origin remote's URL).")) { context in
        guard let entries = context.templates.node("issue_templates.\(context.forge.rawValue)")?.sequence else {
            throw FixDataMissing(file: FixTemplates.dataFile, key: "issue_templates.\(context.forge.rawValue)")
        }
        var plan = FixPlan()
        for entry in entries {
            guard let path = entry["path"]?.string, let template = entry["template"]?.string else {
                throw FixDataMissing(file: FixTemplates.dataFile, key: "issue_templates.\(context.forge.rawValue)[].path/template")
            }
            plan.changes += try context.create(path, template: template).changes
        }
        return plan
    }

    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let community = CommunityFiles.of(snapshot, data: data)
        let issues = community.issueTemplates, changes = community.changeRequestTemplates
        guard !issues.isEmpty || !changes.isEmpty else {
            return .warn(LocalizedText(fr: "Aucun modèle de ticket ni de demande de fusion (GitHub ou GitLab).",
                                       en: "No issue or merge-request template (GitHub or GitLab)."))
        }
        let evidence = (issues + changes).map { Finding(path: $0.path) }
        let missing = issues.isEmpty
            ? LocalizedText(fr: " ; pas de modèle de ticket", en: "; no issue template")
            : changes.isEmpty ? LocalizedText(fr: " ; pas de modèle de demande de fusion", en: "; no merge-request template") : .same("")
        let issueCount = LocalizedText.quantity(issues.count, fr: ("modèle de ticket", "modèles de ticket"), en: ("issue template", "issue templates"))
        let changeCount = LocalizedText.quantity(changes.count, fr: ("modèle de demande de fusion", "modèles de demande de fusion"),
                                              en: ("merge-request template", "merge-request templates"))
        return .pass(LocalizedText(fr: "\(issueCount.fr), \(changeCount.fr)\(missing.fr).", en: "\(issueCount.en), \(changeCount.en)\(missing.en)."), evidence)
    }
}
