import VigieCore

/// What to fix first across the fleet: every rule that costs the cohort score, most costly first.
///
/// The cost is counted the way the score counts (docs/scoring.md): a repository's score is
/// earned weight / applicable weight × 100, so a failing check takes `weight / applicable × 100`
/// points off that repository's score, and a warning half of that; `skip`, `error` and `exempt`
/// checks are outside the formula and cost nothing. A rule's **cost** is the sum of those points over
/// the audited repositories: the points the cohort's scores would gain, all together, if every
/// repository passed it; divided by the number of scored repositories, it is what the cohort's
/// average score would gain. When every repository has the same applicable weight this is
/// proportional to (failing repositories + ½ × warning repositories) × weight.
struct FixFirst {
    struct Item {
        let rule: SiteModel.Rule
        let failing: [SiteModel.Repository]
        let warning: [SiteModel.Repository]
        /// Score points lost, summed over the repositories.
        let points: Double
        /// Weight lost, summed: weight per failure, half per warning.
        let lostWeight: Double
    }

    let items: [Item]
    /// Audited repositories with a score: the denominator of the average.
    let scoredRepositories: Int

    /// `only`: the names of the repositories to count (a team's); all audited ones by default.
    init(_ model: SiteModel, only names: Set<String>? = nil) {
        let counted = model.audited.filter { names?.contains($0.name) ?? true }
        var applicable: [String: Int] = [:]
        for repository in counted {
            guard let card = repository.card else { continue }
            applicable[repository.name] = card.checks.reduce(0) { total, check in
                [.pass, .warn, .fail].contains(check.status) ? total + check.weight : total
            }
        }
        scoredRepositories = counted.filter { $0.score != nil }.count
        items = model.rules.compactMap { rule -> Item? in
            var points = 0.0, lost = 0.0
            var failing: [SiteModel.Repository] = [], warning: [SiteModel.Repository] = []
            for (repository, check) in rule.results {
                guard let total = applicable[repository.name], total > 0, check.weight > 0 else { continue }
                let share: Double
                switch check.status {
                case .fail: share = 1; failing.append(repository)
                case .warn: share = 0.5; warning.append(repository)
                default: continue
                }
                lost += share * Double(check.weight)
                points += share * Double(check.weight) * 100 / Double(total)
            }
            guard points > 0 else { return nil }
            return Item(rule: rule, failing: failing, warning: warning, points: points, lostWeight: lost)
        }
        .sorted { lhs, rhs in
            // Costs are compared to a millionth of a point, so summation order cannot reorder a tie.
            if abs(lhs.points - rhs.points) > 1e-6 { return lhs.points > rhs.points }
            if lhs.failing.count != rhs.failing.count { return lhs.failing.count > rhs.failing.count }
            return lhs.rule.id < rhs.rule.id
        }
    }

    /// What the cohort's average score would gain if every repository passed the rule.
    func averageGain(_ item: Item) -> Double {
        scoredRepositories > 0 ? item.points / Double(scoredRepositories) : 0
    }

    /// One decimal, with a decimal comma in French.
    static func decimal(_ value: Double, _ l: Language) -> String {
        let tenths = Int((value * 10).rounded())
        let text = "\(tenths / 10)\(l == .fr ? "," : ".")\(tenths % 10)"
        return text
    }
}
