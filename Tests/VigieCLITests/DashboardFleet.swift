import Foundation
import VigieCore
import VigieTestSupport

/// A cohort of 46 repositories for the dashboard's tests: five fixture repositories audited for real
/// with the built-in `eig` rule set (every category), then multiplied into 44 scorecards whose check
/// results are varied deterministically (scores recomputed with vigie's formula), with teams, cohorts,
/// four runs of history, three partial audits and two repositories that could not be audited. One
/// repository and one team carry spreadsheet-hostile text (a separator, quotes, a formula).
struct DashboardFleet {
    static let count = 44
    static let hostileName = "outil; \"v2\""
    static let hostileTeam = "=HYPERLINK(\"http://x\")"
    let scratch: TemporaryDirectory
    /// The fleet output folder: index.json and the scorecards.
    let output: URL

    init() throws {
        scratch = try TemporaryDirectory("vigie-dashboard")
        var sources: [String] = []
        for fixture in ["eig-complete", "title-only", "activity", "history-licence", "gpl2"] {
            sources.append(try FixtureBuilder.build(fixture, in: scratch).lastPathComponent)
        }
        let manifest = scratch.appending("seed.yml")
        try ("name: seed\nruleset: eig\ntimeout: 120\nrepositories:\n"
            + sources.map { "  - {name: \($0), path: \($0)}\n" }.joined()).write(to: manifest, atomically: true, encoding: .utf8)
        let seed = scratch.appending("seed")
        let result = try runVigie(["fleet", manifest.path, "--output", seed.path, "--as-of", "2026-11-29", "--quiet"])
        guard result.status <= 1 else { throw PublishingFailure("vigie fleet exited \(result.status): \(result.stderr)") }
        let decoder = JSONDecoder()
        let seedIndex = try decoder.decode(FleetIndex.self, from: Data(contentsOf: seed.appendingPathComponent("index.json")))
        let cards = try seedIndex.repositories.compactMap(\.scorecard).map {
            try decoder.decode(Scorecard.self, from: Data(contentsOf: seed.appendingPathComponent($0)))
        }
        guard cards.count == sources.count else { throw PublishingFailure("the seed fleet has \(cards.count) scorecards") }
        // (Every built-in category: checked by the browser test's matrix, which must still fit 1280 px.)

        output = scratch.appending("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let teams = ["Alpha", "Bêta", "Gamma", "Delta", "Epsilon", Self.hostileTeam]
        var entries: [FleetRepository] = []
        var written: [Scorecard] = []
        for number in 0..<Self.count + 2 {
            let name = number == 7 ? Self.hostileName : String(format: "depot-%02d", number)
            let file = number == 7 ? "outil_v2" : name
            let team = teams[number % teams.count]
            let cohort = "EIG \(4 + number % 3)"
            let history = Self.history(number)
            if number >= Self.count { // could not be audited
                entries.append(FleetRepository(
                    name: name, file: file, team: team, programme: nil, tags: [], source: "/nowhere/\(name)", status: .error, score: nil, grade: nil,
                    categories: [:], commit: nil, scorecard: nil, reused: false, error: "cannot open /nowhere/\(name): no such repository",
                    topFailing: [], previousScore: history.last?.score, reuseKey: nil, history: history, cohort: cohort))
                continue
            }
            var card = Self.vary(cards[number % cards.count], number)
            card.repository.name = name
            card.repository.partial = number % 15 == 4
            try encoder.encode(card).write(to: output.appendingPathComponent(file + ".json"))
            written.append(card)
            let point = ScorePoint(asOf: card.asOf, commit: card.repository.commit, score: card.score, grade: card.grade)
            var entry = FleetRepository(
                name: name, file: file, team: team, programme: number % 5 == 0 ? cohort : nil, tags: [], source: card.repository.source,
                status: .audited, score: card.score, grade: card.grade,
                categories: Dictionary(uniqueKeysWithValues: card.categories.map { ($0.id, $0.score) }), commit: card.repository.commit,
                scorecard: file + ".json", reused: false, error: nil,
                topFailing: card.checks.filter { $0.status == .fail }.sorted { $0.weight > $1.weight }.prefix(3).map(\.id),
                previousScore: history.last?.score, reuseKey: nil, history: history + [point],
                cohort: number % 5 == 0 ? nil : cohort) // every fifth says only `programme`, as older manifests do
            entry.partial = card.repository.partial
            entries.append(entry)
        }
        entries.sort { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
        var rules: [RulePassRate] = []
        for id in Set(written.flatMap { $0.checks.map(\.id) }).sorted() {
            let results = written.compactMap { card in card.checks.first { $0.id == id } }
            rules.append(RulePassRate(id: id, title: results.first?.title ?? id, applicable: results.filter { [.pass, .warn, .fail].contains($0.status) }.count,
                                      passed: results.filter { $0.status == .pass }.count))
        }
        let scores = written.compactMap(\.score)
        var summary = FleetSummary(repositories: entries.count, audited: written.count, errors: entries.count - written.count, reused: 0,
                                   belowThreshold: 0, averageScore: Int((Double(scores.reduce(0, +)) / Double(scores.count)).rounded()))
        summary.partial = written.filter(\.repository.partial).count
        let index = FleetIndex(fleet: "EIG — tableau de bord", asOf: seedIndex.asOf, ruleset: seedIndex.ruleset, tool: seedIndex.tool, lang: seedIndex.lang,
                               shard: nil, summary: summary, repositories: entries, rules: rules)
        try encoder.encode(index).write(to: output.appendingPathComponent("index.json"))
    }

    /// Three earlier runs, a month apart, scores drifting around the current one.
    static func history(_ number: Int) -> [ScorePoint] {
        ["2026-08-29", "2026-09-29", "2026-10-29"].enumerated().map { step, day in
            let score = max(0, min(100, 40 + (number * 13 + step * 7) % 50))
            return ScorePoint(asOf: Day(iso: day)!, commit: nil, score: score, grade: Grade(score: score))
        }
    }

    /// Flips some checks between pass, warn and fail (deterministically from `number`), then recomputes
    /// the categories, the score, the grade and the summary with vigie's formula.
    static func vary(_ original: Scorecard, _ number: Int) -> Scorecard {
        var card = original
        for (position, check) in card.checks.enumerated() where [.pass, .warn, .fail].contains(check.status) {
            switch (number * 7 + position * 3) % 10 {
            case 0: card.checks[position].status = .fail
            case 1, 2, 3, 4: card.checks[position].status = .pass
            case 5: card.checks[position].status = .warn
            default: break
            }
        }
        // All eleven built-in categories appear (the widest matrix): a few checks are moved to the
        // two the `eig` rule set leaves empty.
        for (position, check) in card.checks.enumerated() {
            if check.category == "readme" && position % 2 == 1 { card.checks[position].category = "documentation" }
            if check.category == "quality" && position % 2 == 0 { card.checks[position].category = "configuration" }
        }
        let present = Set(card.checks.map(\.category))
        card.categories = RuleCategory.builtIn.filter { present.contains($0.id) }.map { category in
            let checks = card.checks.filter { $0.category == category.id }
            let score = Scoring.score(checks.map { (status: $0.status, weight: $0.weight) })
            return CategoryScore(id: category.id, title: category.title[card.lang], score: score, grade: score.map(Grade.init(score:)),
                                 summary: StatusCounts(checks.map(\.status)))
        }
        card.score = Scoring.score(card.checks.map { (status: $0.status, weight: $0.weight) })
        card.grade = card.score.map(Grade.init(score:))
        card.summary = StatusCounts(card.checks.map(\.status))
        return card
    }

    func site(_ extra: [String] = [], into folder: String = "site") throws -> URL {
        let target = scratch.appending(folder)
        let result = try runVigie(["site", output.path, "--output", target.path] + extra)
        guard result.status == 0 else { throw PublishingFailure("vigie site exited \(result.status): \(result.stderr)") }
        return target
    }
}
