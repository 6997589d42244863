import Foundation
import Testing
import VigieCore
import VigieReport

@Suite("Scorecard and fleet diffs")
struct DiffTests {
    func card(_ statuses: [String: CheckStatus], score: Int?) -> Scorecard {
        var card = forgeScorecard()
        card.checks = statuses.keys.sorted().map { id in
            CheckResult(id: id, category: "readme", status: statuses[id]!, weight: 1, title: "Title of \(id) <b>", message: "",
                        evidence: [], remediation: "")
        }
        card.score = score
        card.grade = score.map(Grade.init(score:))
        return card
    }

    @Test("a check that gets worse regressed, one that gets better improved; skip and exempt count as passing")
    func checks() {
        let old = card(["a": .pass, "b": .fail, "c": .warn, "d": .skip, "e": .exempt, "f": .pass], score: 70)
        let new = card(["a": .fail, "b": .pass, "c": .warn, "d": .fail, "e": .pass, "f": .error, "g": .fail, "h": .pass], score: 60)
        let diff = ScorecardDiff.compare(old, new, language: .en)
        let repository = diff.repositories[0]
        #expect(repository.regressions.map(\.id) == ["a", "d", "f", "g"])
        #expect(repository.improvements.map(\.id) == ["b"])
        #expect(repository.regressions.last?.before == nil, "a check new in the second scorecard")
        #expect(repository.scoreChange == -10)
        #expect(diff.hasRegression)
    }

    @Test("no change, no regression; a lower score alone is a regression")
    func score() {
        let same = card(["a": .pass], score: 80)
        #expect(!ScorecardDiff.compare(same, same, language: .fr).hasRegression)
        #expect(ScorecardDiff.compare(same, card(["a": .pass], score: 79), language: .fr).hasRegression)
        #expect(!ScorecardDiff.compare(card(["a": .fail], score: 10), card(["a": .pass], score: 90), language: .fr).hasRegression)
    }

    func index(_ entries: [FleetRepository]) -> FleetIndex {
        FleetIndex(fleet: "f", asOf: Day(iso: "2026-11-29")!, ruleset: RulesetDigest(id: "eig", version: "1", digest: "x"),
                   tool: ToolInfo(version: "0.1.0", libgit2: "1.5.1"), lang: .en, shard: nil,
                   summary: FleetSummary(repositories: entries.count, audited: 0, errors: 0, reused: 0, belowThreshold: 0, averageScore: nil),
                   repositories: entries, rules: [])
    }

    func entry(_ name: String, score: Int?, error: String? = nil) -> FleetRepository {
        FleetRepository(name: name, file: name, team: nil, programme: nil, tags: [], source: "/x", status: error == nil ? .audited : .error,
                        score: score, grade: score.map(Grade.init(score:)), categories: [:], commit: nil, scorecard: "\(name).json",
                        reused: false, error: error, topFailing: [], previousScore: nil, reuseKey: nil, history: [])
    }

    @Test("fleet indexes: by repository, with checks when both scorecards are there; an audit that now fails regressed")
    func fleet() {
        let old = index([entry("alpha", score: 80), entry("beta", score: 50), entry("gamma", score: 70), entry("gone", score: 60)])
        let new = index([entry("alpha", score: 80), entry("beta", score: 65), entry("gamma", score: nil, error: "cannot fetch"),
                         entry("new", score: 90)])
        let diff = ScorecardDiff.compare(old, oldCards: ["alpha": card(["a": .pass], score: 80)], new,
                                         newCards: ["alpha": card(["a": .warn], score: 80)], language: .en)
        let byName = Dictionary(uniqueKeysWithValues: diff.repositories.map { ($0.name, $0) })
        #expect(diff.repositories.map(\.name) == ["alpha", "beta", "gamma", "gone", "new"])
        #expect(byName["alpha"]?.regressions.map(\.id) == ["a"])
        #expect(byName["alpha"]?.checksCompared == true)
        #expect(byName["beta"]?.improved == true && byName["beta"]?.regressed == false)
        #expect(byName["beta"]?.checksCompared == false)
        #expect(byName["gamma"]?.regressed == true)
        #expect(byName["gone"]?.after.state == .absent && byName["gone"]?.regressed == false)
        #expect(byName["new"]?.before.state == .absent)
        #expect(diff.hasRegression)
    }

    @Test("renderers: text lists changes, Markdown escapes titles, JSON says whether anything regressed")
    func renderers() throws {
        let diff = ScorecardDiff.compare(card(["a": .pass, "b": .fail], score: 70), card(["a": .fail, "b": .pass], score: 70), language: .fr)
        let text = DiffFormat.text.render(diff)
        #expect(text.hasPrefix("Score 70 (C) → 70 (C) (=) · 1 vérification en régression, 1 en amélioration · RÉGRESSION"))
        #expect(text.contains("▼ régression  a  Title of a <b> : ✔ réussi → ✘ échec"))
        let markdown = DiffFormat.markdown.render(diff)
        #expect(markdown.contains("| ▼ régression | Title of a &lt;b&gt; (`a`) | ✔ réussi | ✘ échec |"))
        #expect(!markdown.contains("<b>"))
        let json = try #require(try parseJSON(DiffFormat.json.render(diff)) as? [String: Any])
        #expect(json["regression"] as? Bool == true)
        #expect(json["kind"] as? String == "scorecard")
    }
}
