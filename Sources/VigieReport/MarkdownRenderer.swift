public import VigieCore

/// The Markdown scorecard: headline, one table per category, then each check that does not pass
/// with its message, evidence and fix. Strings from the repository go through `escapeMarkdown`.
public enum MarkdownRenderer {
    public static func render(_ card: Scorecard) -> String {
        let l = card.lang
        var out: [String] = []
        let headline = card.score.map { "\($0)/100 · \(card.grade?.rawValue ?? "")" } ?? ReportStrings.notScored[l]
        out.append("# \(ReportStrings.scorecardTitle[l]) : \(escapeMarkdown(card.repository.name))".replacingSpaceBeforeColon(for: l))
        out.append("")
        out.append("**\(ReportStrings.score[l]) : \(headline)**".replacingSpaceBeforeColon(for: l))
        out.append("")
        if card.repository.partial {
            out.append("> ⚠ \(ReportStrings.partialNote[l])")
            out.append("")
        }
        out.append("| | |")
        out.append("|---|---|")
        out.append("| \(ReportStrings.repository[l]) | \(escapeMarkdown(card.repository.source)) |")
        let branch = card.repository.branch.map { " (\(escapeMarkdown($0)))" } ?? ""
        if let commit = card.repository.commit, let date = card.repository.commitDate {
            out.append("| \(ReportStrings.commit[l]) | `\(commit)` \(escapeMarkdown(card.repository.ref))\(branch), \(date) |")
        } else {
            out.append("| \(ReportStrings.commit[l]) | \(ReportStrings.empty[l])\(branch) |")
        }
        out.append("| \(ReportStrings.ruleset[l]) | \(escapeMarkdown(card.ruleset.id)) \(escapeMarkdown(card.ruleset.version)) |")
        out.append("| \(ReportStrings.asOf[l]) | \(card.asOf.iso) |")
        out.append("| \(ReportStrings.result[l]) | \(ReportStrings.summary(card.summary)[l]) |")
        if card.repository.shallow { out.append("| ⚠ | \(ReportStrings.shallow[l]) |") }
        out.append("")
        out.append("## \(ReportStrings.categories[l])")
        out.append("")
        out.append("| \(ReportStrings.categories[l]) | \(ReportStrings.score[l]) | \(ReportStrings.grade[l]) |")
        out.append("|---|---:|:---:|")
        for category in card.categories {
            out.append("| \(escapeMarkdown(category.title)) | \(category.score.map(String.init) ?? "—") | \(category.grade?.rawValue ?? "—") |")
        }
        for category in card.categories {
            out.append("")
            out.append("## \(escapeMarkdown(category.title))\(category.score.map { " — \($0)/100" } ?? "")")
            out.append("")
            out.append("| \(ReportStrings.status[l]) | \(ReportStrings.check[l]) | \(ReportStrings.weight[l]) | \(ReportStrings.result[l]) |")
            out.append("|---|---|---:|---|")
            for check in card.checks where check.category == category.id {
                let status = "\(ReportStrings.statusSymbol(check.status)) \(ReportStrings.statusName(check.status)[l])"
                out.append("| \(status) | \(escapeMarkdown(check.title)) (`\(check.id)`) | \(check.weight) | \(escapeMarkdown(check.message))\(exemptionNote(check, l)) |")
            }
        }
        out += ActivitySection.markdown(card)
        let toFix = card.checks.filter { $0.status == .fail || $0.status == .warn || $0.status == .error }
        out.append("")
        out.append("## \(ReportStrings.toFix[l])")
        out.append("")
        if toFix.isEmpty { out.append(ReportStrings.allPassing[l]) }
        for check in toFix {
            out.append("### \(ReportStrings.statusSymbol(check.status)) \(escapeMarkdown(check.title)) (`\(check.id)`)")
            out.append("")
            out.append(escapeMarkdown(check.message))
            out.append("")
            for evidence in check.evidence {
                let line = evidence.line.map { ":\($0)" } ?? ""
                let note = evidence.message.map { " — \(escapeMarkdown($0))" } ?? ""
                out.append("- \(escapeMarkdown(evidence.path))\(line)\(note)")
            }
            if !check.evidence.isEmpty { out.append("") }
            if check.status != .error {
                out.append("**\(ReportStrings.fix[l]) :** \(escapeMarkdown(check.remediation))".replacingSpaceBeforeColon(for: l))
                out.append("")
            }
            if let command = check.fix {
                // The command is vigie's own (`vigie fix --only <rule id>`), never a repository string.
                out.append("**\(ReportStrings.automaticFix[l]) :** `\(command)`".replacingSpaceBeforeColon(for: l))
                out.append("")
            }
        }
        out.append("---")
        out.append("")
        out.append("_\(ReportStrings.footer[l])_")
        return out.joined(separator: "\n") + "\n"
    }
}

/// For an exempted check: who exempted it, why, until when, and what it would have been.
func exemptionNote(_ check: CheckResult, _ l: Language) -> String {
    guard let exemption = check.exemption else { return "" }
    let until = exemption.until.map { LocalizedText(fr: " jusqu'au \($0.iso)", en: " until \($0.iso)")[l] } ?? ""
    let outcome = check.outcome.map { ReportStrings.statusName($0)[l] } ?? "?"
    return LocalizedText(fr: " — exemptée par \(escapeMarkdown(exemption.grantedBy))\(until) : « \(escapeMarkdown(exemption.reason)) » (sinon : \(outcome))",
                         en: " — exempted by \(escapeMarkdown(exemption.grantedBy))\(until): \"\(escapeMarkdown(exemption.reason))\" (otherwise: \(outcome))")[l]
}

extension String {
    /// French typography puts a space before a colon; English does not.
    func replacingSpaceBeforeColon(for language: Language) -> String {
        language == .fr ? self : replacingOccurrences(of: " :", with: ":")
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
