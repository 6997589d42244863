public import VigieCore

/// `index.md` of a fleet: every repository with its score, grade, categories, top failing checks and
/// change since the previous run (regressions flagged), each rule's pass rate, and the repositories
/// that could not be audited with the reason. Repository strings go through `escapeMarkdown`.
public enum FleetMarkdownRenderer {
    public static func render(_ index: FleetIndex) -> String {
        let l = index.lang
        var out: [String] = []
        out.append("# \(FleetStrings.title[l]) : \(escapeMarkdown(index.fleet))".replacingSpaceBeforeColon(for: l))
        out.append("")
        let s = index.summary
        out.append(FleetStrings.headline(index)[l])
        if let shard = index.shard { out.append(""); out.append(FleetStrings.shard(shard)[l]) }
        let audited = index.repositories.filter { $0.status == .audited }
        let categoryIDs = RuleCategory.builtIn.map(\.id).filter { id in audited.contains { $0.categories[id] != nil } }
        let titles = Dictionary(RuleCategory.builtIn.map { ($0.id, $0.title[l]) }, uniquingKeysWith: { first, _ in first })
        out.append("")
        out.append("## \(FleetStrings.repositories[l])")
        out.append("")
        // The cohort (manifest `cohort:`, or the older `programme:`) beside the team, as on the site.
        let hasCohort = audited.contains { $0.cohort != nil }
        let teamHeader = hasCohort ? FleetStrings.teamAndCohort[l] : FleetStrings.team[l]
        let header = [FleetStrings.repository[l], teamHeader, ReportStrings.score[l], ReportStrings.grade[l], FleetStrings.change[l]]
            + categoryIDs.map { titles[$0] ?? $0 } + [FleetStrings.topFailing[l]]
        out.append("| " + header.joined(separator: " | ") + " |")
        out.append("|" + header.enumerated().map { index, _ in (2...4).contains(index) || (index > 4 && index < header.count - 1) ? "---:" : "---" }.joined(separator: "|") + "|")
        for entry in audited {
            let name = "[\(escapeMarkdown(entry.name))](\(entry.file).md)" + (entry.reused ? " ♻" : "") + (entry.partial ? " ⚠ \(ReportStrings.partial[l])" : "")
            let categories = categoryIDs.map { id in entry.categories[id].flatMap { $0 }.map(String.init) ?? "—" }
            let team = [entry.team, entry.cohort].compactMap { $0 }.joined(separator: " · ")
            let row = [name, escapeMarkdown(team), entry.score.map(String.init) ?? "—", entry.grade?.rawValue ?? "—", change(entry, l)]
                + categories + [entry.topFailing.map { "`\($0)`" }.joined(separator: ", ")]
            out.append("| " + row.joined(separator: " | ") + " |")
        }
        if s.reused > 0 { out.append(""); out.append(FleetStrings.reusedNote[l]) }
        if s.partial > 0 { out.append(""); out.append("⚠ \(ReportStrings.partialNote[l])") }
        let regressions = audited.filter { ($0.change ?? 0) < 0 }
        if !regressions.isEmpty {
            out.append("")
            out.append("### \(FleetStrings.regressions[l])")
            out.append("")
            for entry in regressions {
                out.append("- \(escapeMarkdown(entry.name)) : \(entry.previousScore ?? 0) → \(entry.score ?? 0) (\(entry.change ?? 0))".replacingSpaceBeforeColon(for: l))
            }
        }
        out.append("")
        out.append("## \(FleetStrings.rules[l])")
        out.append("")
        out.append("| \(FleetStrings.rule[l]) | \(FleetStrings.passRate[l]) | \(FleetStrings.passedOfApplicable[l]) |")
        out.append("|---|---:|---:|")
        for rule in index.rules.sorted(by: { ($0.passRate ?? 2, $0.id) < ($1.passRate ?? 2, $1.id) }) {
            let rate = rule.passRate.map { "\(Int(($0 * 100).rounded())) %" } ?? "—"
            out.append("| \(escapeMarkdown(rule.title)) (`\(rule.id)`) | \(l == .en ? rate.replacingOccurrences(of: " %", with: "%") : rate) | \(rule.passed) / \(rule.applicable) |")
        }
        let failed = index.repositories.filter { $0.status == .error }
        out.append("")
        out.append("## \(FleetStrings.notAudited[l])")
        out.append("")
        if failed.isEmpty {
            out.append(FleetStrings.allAudited[l])
        } else {
            out.append("| \(FleetStrings.repository[l]) | \(FleetStrings.reason[l]) |")
            out.append("|---|---|")
            for entry in failed {
                out.append("| \(escapeMarkdown(entry.name)) | \(escapeMarkdown(entry.error ?? "")) |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `+3`, `−5 ▼`, `=`, or `new` for a first run.
    static func change(_ entry: FleetRepository, _ l: Language) -> String {
        guard let change = entry.change else { return entry.previousScore == nil ? FleetStrings.new[l] : "—" }
        if change > 0 { return "+\(change)" }
        if change < 0 { return "−\(-change) ▼" }
        return "="
    }
}

enum FleetStrings {
    static let title = LocalizedText(fr: "Flotte vigie", en: "vigie fleet")
    static let repositories = LocalizedText(fr: "Dépôts", en: "Repositories")
    static let repository = LocalizedText(fr: "Dépôt", en: "Repository")
    static let team = LocalizedText(fr: "Équipe", en: "Team")
    static let teamAndCohort = LocalizedText(fr: "Équipe · promotion", en: "Team · cohort")
    static let change = LocalizedText(fr: "Évolution", en: "Change")
    static let topFailing = LocalizedText(fr: "Principaux échecs", en: "Top failing checks")
    static let regressions = LocalizedText(fr: "Régressions depuis le run précédent", en: "Regressions since the previous run")
    static let rules = LocalizedText(fr: "Règles sur l'ensemble de la flotte", en: "Rules across the fleet")
    static let rule = LocalizedText(fr: "Règle", en: "Rule")
    static let passRate = LocalizedText(fr: "Taux de réussite", en: "Pass rate")
    static let passedOfApplicable = LocalizedText(fr: "Réussies / applicables", en: "Passed / applicable")
    static let notAudited = LocalizedText(fr: "Dépôts non audités", en: "Repositories not audited")
    static let allAudited = LocalizedText(fr: "Tous les dépôts ont été audités.", en: "Every repository was audited.")
    static let reason = LocalizedText(fr: "Raison", en: "Reason")
    static let new = LocalizedText(fr: "nouveau", en: "new")
    static let reusedNote = LocalizedText(fr: "♻ fiche reprise du run précédent : même commit, mêmes règles, même date.",
                                          en: "♻ scorecard carried over from the previous run: same commit, rules and day.")

    static func headline(_ index: FleetIndex) -> LocalizedText {
        let s = index.summary
        let average = s.averageScore.map(String.init) ?? "—"
        return LocalizedText(
            fr: "Au \(index.asOf.iso) · jeu de règles \(index.ruleset.id) \(index.ruleset.version) · \(s.repositories) dépôts : \(s.audited) audités (\(s.reused) repris), \(s.errors) en erreur · score moyen \(average)",
            en: "As of \(index.asOf.iso) · rule set \(index.ruleset.id) \(index.ruleset.version) · \(s.repositories) repositories: \(s.audited) audited (\(s.reused) reused), \(s.errors) errors · average score \(average)")
    }

    static func shard(_ shard: Shard) -> LocalizedText {
        LocalizedText(fr: "Partie \(shard.index) sur \(shard.count) de la flotte (`vigie merge` réunit les parties).",
                      en: "Shard \(shard.index) of \(shard.count) of the fleet (`vigie merge` joins the shards).")
    }
}
