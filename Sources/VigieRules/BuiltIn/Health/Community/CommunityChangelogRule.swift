public import VigieCore

/// A changelog (CHANGELOG, HISTORY, NEWS… or a folder of release notes) that mentions the latest
/// tagged version: a changelog that stops before the last release is a warning.
public struct CommunityChangelogRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "community.changelog",
        category: RuleCategory.named("community")!,
        defaultWeight: 1,
        title: LocalizedText(fr: "Un journal des modifications est tenu", en: "A changelog is kept"),
        rationale: LocalizedText(
            fr: "code.gouv.fr recommande de tenir un journal des modifications (keepachangelog.com/fr) et le critère 8 d'Awesome CodeGouvFr demande un CHANGELOG.md : les réutilisateurs y voient ce qui change d'une version à l'autre.",
            en: "code.gouv.fr recommends keeping a changelog (keepachangelog.com) and Awesome CodeGouvFr's criterion 8 asks for a CHANGELOG.md: reusers see there what changes from one version to the next."),
        remediation: LocalizedText(
            fr: "Ajoutez à la racine un CHANGELOG.md au format keepachangelog.com/fr, avec une section par version étiquetée (## [1.2.0] - 2026-10-01), et tenez-le à jour à chaque version.",
            en: "Add a CHANGELOG.md at the root in the keepachangelog.com format, with a section per tagged version (## [1.2.0] - 2026-10-01), and update it with every release.")
    )

    public static let parameters = [
        RuleParameter("max_bytes", default: .int(1_048_576), LocalizedText(
            fr: "Taille maximale du journal lu pour y chercher la dernière version, en octets.",
            en: "Largest changelog read to look for the latest version, in bytes.")),
    ]

    static let changelog = "# Changelog\n\n## [1.2.0] - 2026-10-01\n\n### Added\n\n- Export CSV.\n\n## [1.1.0] - 2026-06-01\n"

    public static let examples: [RuleExample] = [
        RuleExample("a CHANGELOG.md that mentions the latest tag passes", files: ["CHANGELOG.md": changelog], expect: .pass,
                    tags: [SnapshotTag(name: "v1.1.0", time: seconds("2026-06-01")), SnapshotTag(name: "v1.2.0", time: seconds("2026-10-01"))]),
        RuleExample("HISTORY.rst without any tag passes", files: ["HISTORY.rst": "History\n=======\n\n0.1 (2026-01-01)\n"], expect: .pass),
        RuleExample("a folder of release notes passes", files: ["changelog.d/1234.feature.md": "Export CSV.\n"], expect: .pass),
        RuleExample("a changelog that stops before the latest tag warns", files: ["CHANGELOG.md": changelog], expect: .warn,
                    tags: [SnapshotTag(name: "v1.3.0", time: seconds("2026-11-01")), SnapshotTag(name: "v1.2.0", time: seconds("2026-10-01"))]),
        RuleExample("an empty changelog warns", files: ["CHANGELOG.md": ""], expect: .warn),
        RuleExample("no changelog fails", files: ["README.md": "# Outil\n"], expect: .fail),
    ]

    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Écrit CHANGELOG.md au format Keep a Changelog : une section « Non publié », puis une section par étiquette, la plus récente en tête, à compléter.",
        en: "Writes CHANGELOG.md in the Keep a Changelog layout: an Unreleased section, then one section per tag, newest first, to complete.")) { context in
        let templates = context.templates
        let release = try templates.string("changelog.release")
        let prompt = try templates.localized("changelog.prompt", context.language)
        let limit = templates.node("changelog.max_releases")?.int ?? 30
        let tags = try context.snapshot.tags().sorted { ($0.time, $0.name) > ($1.time, $1.name) }.prefix(limit)
        let sections = tags.map { tag in
            // Keep a Changelog writes versions without the tag's `v` (v1.2.0 → 1.2.0).
            let version = tag.name.first == "v" && tag.name.dropFirst().first?.isNumber == true ? String(tag.name.dropFirst()) : tag.name
            return FixTemplates.fill(release, ["version": version, "date": Day(secondsSinceEpoch: tag.time).iso, "prompt": prompt])
        }
        var plan = try context.create(try templates.string("changelog.file"), template: try templates.string("changelog.template"),
                                      ["releases": sections.joined(separator: "\n")])
        plan.changes = plan.changes.map { change in
            guard case .create(let path, let text) = change else { return change }
            // No tag: the template's `{{releases}}` line is left empty; keep one newline at the end.
            var trimmed = text
            while trimmed.hasSuffix("\n\n") { trimmed.removeLast() }
            return .create(path: path, text: trimmed)
        }
        return plan
    }

    let maxBytes: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        maxBytes = parameters.int("max_bytes")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let community = CommunityFiles.of(snapshot, data: data)
        guard let file = community.changelogs.first else {
            if let note = community.releaseNotes.first {
                let notes = LocalizedText.quantity(community.releaseNotes.count, fr: ("note de version", "notes de version"),
                                                en: ("release note", "release notes"))
                return .pass(LocalizedText(fr: "\(notes.fr) dans \(note.folder)/.", en: "\(notes.en) in \(note.folder)/."), [Finding(path: note.path)])
            }
            return .fail(LocalizedText(fr: "Aucun journal des modifications (CHANGELOG, HISTORY, NEWS…) ni dossier de notes de version.",
                                       en: "No changelog (CHANGELOG, HISTORY, NEWS…) and no folder of release notes."))
        }
        let evidence = [Finding(path: file.path)]
        if snapshot.size(of: file) == 0 {
            return .warn(LocalizedText(fr: "\(file.path) est vide.", en: "\(file.path) is empty."), evidence)
        }
        let latest = try snapshot.tags().max { ($0.time, $0.name) < ($1.time, $1.name) }
        guard let latest, let version = latest.name.firstMatch(of: /\d+(?:\.\d+)+/).map({ String($0.output) }) else {
            return .pass(LocalizedText(fr: "Journal des modifications : \(file.path).", en: "Changelog: \(file.path)."), evidence)
        }
        guard let text = try snapshot.readText(file, within: maxBytes) else {
            return .warn(notReadOverCap(file, in: snapshot, cap: maxBytes, parameter: "max_bytes"), evidence)
        }
        guard text.contains(version) else {
            return .warn(LocalizedText(fr: "\(file.path) ne mentionne pas la dernière version étiquetée, \(latest.name).",
                                       en: "\(file.path) does not mention the latest tagged version, \(latest.name)."), evidence)
        }
        return .pass(LocalizedText(fr: "\(file.path) mentionne la dernière version étiquetée, \(latest.name).",
                                   en: "\(file.path) mentions the latest tagged version, \(latest.name)."), evidence)
    }
}
