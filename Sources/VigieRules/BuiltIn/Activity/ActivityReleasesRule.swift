public import VigieCore

/// A release (tag) in the last 12 months, named with semantic versioning.
public struct ActivityReleasesRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "activity.releases",
        category: RuleCategory.named("activity")!,
        defaultWeight: 1,
        title: LocalizedText(fr: "Une version a été publiée dans l'année", en: "A release was tagged this year"),
        rationale: LocalizedText(
            fr: "Des versions étiquetées (vX.Y.Z, semver) permettent aux réutilisateurs de savoir quoi déployer ; la politique de contribution de la DINUM demande un tag par version.",
            en: "Tagged releases (vX.Y.Z, semver) tell reusers what to deploy; the DINUM contribution policy asks for a tag per version."),
        remediation: LocalizedText(
            fr: "Étiquetez chaque version publiée avec un numéro semver : git tag -a v1.2.0 -m \"Version 1.2.0\" && git push --tags.",
            en: "Tag each release with a semver number: git tag -a v1.2.0 -m \"Version 1.2.0\" && git push --tags."),
        readsHistory: true
    )

    public static let examples: [RuleExample] = [
        RuleExample("a semver tag this year passes", files: [:], expect: .pass, tags: [.init(name: "v1.4.0", time: seconds("2026-05-01"))]),
        RuleExample("a tag this year not in semver warns", files: [:], expect: .warn, tags: [.init(name: "release-mai", time: seconds("2026-05-01"))]),
        RuleExample("only old tags fail", files: [:], expect: .fail, tags: [.init(name: "v0.1.0", time: seconds("2023-05-01"))]),
        RuleExample("no tag fails", files: [:], expect: .fail),
    ]

    let data: RuleData
    public init(parameters: RuleParameters, data: RuleData) { self.data = data }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let activity = try ActivityAnalysis.of(snapshot, context: context, data: data)
        guard let latest = activity.latestTag else {
            return .fail(LocalizedText(fr: "Aucune version étiquetée (tag).", en: "No tagged release."))
        }
        let recent = activity.tagsInYear()
        let date = Day(secondsSinceEpoch: latest.time).iso
        guard let newest = recent.max(by: { ($0.time, $1.name) < ($1.time, $0.name) }) else {
            return .fail(LocalizedText(fr: "Dernière version \(latest.name) le \(date), il y a plus d'un an.",
                                       en: "Last release \(latest.name) on \(date), over a year ago."))
        }
        let nonSemver = recent.filter { !data.activity.isSemver($0.name) }.map(\.name)
        if !nonSemver.isEmpty {
            return .warn(LocalizedText(fr: "\(recent.count) version(s) cette année, nommée(s) hors semver : \(nonSemver.joined(separator: ", ")).",
                                       en: "\(recent.count) release(s) this year, named outside semver: \(nonSemver.joined(separator: ", "))."))
        }
        return .pass(LocalizedText(fr: "\(recent.count) version(s) cette année, la dernière \(newest.name).",
                                   en: "\(recent.count) release(s) this year, the latest \(newest.name)."))
    }
}
