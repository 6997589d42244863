import VigieCore

/// The activity part of the Markdown scorecard, drawn from `facts.activity`: a 12-month sparkline
/// and the contributors table (names escaped; absent with --anonymize).
enum ActivitySection {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One block per month, scaled to the busiest month; a space for a month without commits.
    static func sparkline(_ counts: [Int]) -> String {
        let top = counts.max() ?? 0
        return String(counts.map { count -> Character in
            guard count > 0, top > 0 else { return " " }
            return blocks[min(blocks.count - 1, (count * blocks.count - 1) / top)]
        })
    }

    static func markdown(_ card: Scorecard) -> [String] {
        guard let activity = card.facts["activity"], case .array(let monthly)? = activity["monthly"] else { return [] }
        let l = card.lang
        let counts = monthly.compactMap { month -> Int? in if case .int(let n)? = month["commits"] { n } else { nil } }
        let labels = monthly.compactMap { month -> String? in if case .string(let s)? = month["month"] { s } else { nil } }
        guard counts.count == labels.count, let first = labels.first, let last = labels.last else { return [] }
        var out = ["", "## \(ReportStrings.history[l])", ""]
        out.append("`\(sparkline(counts))` \(first) → \(last) · \(ReportStrings.commitsPerMonth(counts)[l])")
        if case .int(let commits)? = activity["commits"], case .int(let authors)? = activity["authors"] {
            var line = ReportStrings.historyTotals(commits: commits, authors: authors)[l]
            if case .object(let bots)? = activity["bots"], case .int(let botCommits)? = bots["commits"], botCommits > 0 {
                line += " " + ReportStrings.botCommits(botCommits)[l]
            }
            out.append("")
            out.append(line)
        }
        if case .array(let contributors)? = activity["contributors"], !contributors.isEmpty {
            out.append("")
            out.append("| \(ReportStrings.contributor[l]) | \(ReportStrings.commitsHeading[l]) |")
            out.append("|---|---:|")
            for contributor in contributors {
                if case .string(let name)? = contributor["name"], case .int(let commits)? = contributor["commits"] {
                    out.append("| \(escapeMarkdown(name)) | \(commits) |")
                }
            }
        }
        return out
    }
}
