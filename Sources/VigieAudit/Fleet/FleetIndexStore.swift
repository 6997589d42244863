import Foundation
public import VigieCore
import VigieReport
import VigieRules

/// Builds, reads, writes and merges `index.json` / `index.md` of a fleet output folder.
public enum FleetIndexStore {
    static let historyLimit = 200

    /// The previous run's index in `folder`, if there is a readable one.
    public static func load(from folder: String) -> FleetIndex? {
        guard let data = FileManager.default.contents(atPath: folder + "/index.json") else { return nil }
        return try? JSONDecoder().decode(FleetIndex.self, from: data)
    }

    static func readScorecard(_ path: String) -> Scorecard? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Scorecard.self, from: data)
    }

    /// Safe, unique file names for the manifest's names, decided over the whole manifest (so every
    /// shard uses the same ones): `a/b` → `a_b`, `../../etc` → `_.._etc`, a second `a_b` → `a_b-2`.
    static func assignFileNames(_ names: [String]) -> [String: String] {
        var used: Set<String> = []
        var result: [String: String] = [:]
        for name in names {
            let base = ScorecardWriter.safeFileName(name)
            var candidate = base
            var counter = 2
            while used.contains(candidate.lowercased()) {
                candidate = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(candidate.lowercased())
            result[name] = candidate
        }
        return result
    }

    static func build(fleet: String, options: FleetOptions, ruleSet: RuleSet, shard: Shard?, outcomes: [FleetOutcome],
                      order: [String], previous: FleetIndex?) -> FleetIndex {
        let previousByName = Dictionary((previous?.repositories ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [FleetRepository] = []
        var cards: [Scorecard] = []
        // Error messages quote what libgit2 and the repository said: masked and made terminal-safe
        // like the scorecards (index.md and the summary on stderr show them).
        let mask = SecretMask(data: ruleSet.data, values: [])
        for outcome in outcomes {
            let repository = outcome.repository
            let before = previousByName[repository.name]
            var entry = FleetRepository(
                name: repository.name, file: outcome.file, team: repository.team, programme: repository.programme, tags: repository.tags,
                source: outcome.source, status: .error, score: nil, grade: nil, categories: [:], commit: nil, scorecard: nil,
                reused: false, error: nil, topFailing: [], previousScore: before?.score, reuseKey: nil, history: before?.history ?? [],
                cohort: repository.cohort)
            if let result = outcome.result {
                let card = result.scorecard
                cards.append(card)
                entry.status = .audited
                entry.score = card.score
                entry.grade = card.grade
                entry.categories = Dictionary(card.categories.map { ($0.id, $0.score) }, uniquingKeysWith: { first, _ in first })
                entry.commit = card.repository.commit
                entry.partial = card.repository.partial
                entry.scorecard = outcome.file + ".json"
                if case .reused = result { entry.reused = true }
                entry.reuseKey = result.key
                entry.topFailing = topFailing(card)
                entry.history = appending(ScorePoint(asOf: options.asOf, commit: card.repository.commit, score: card.score, grade: card.grade),
                                          to: entry.history)
            } else if let error = outcome.error {
                entry.error = TerminalSafeText.clean(mask.mask(error.lines.map { $0[options.language] }.joined(separator: "; ")), keepingLineBreaks: false)
            }
            entries.append(entry)
        }
        let below = options.failUnder.map { threshold in entries.filter { $0.status == .audited && ($0.score ?? 0) < threshold }.count } ?? 0
        return assemble(fleet: fleet, asOf: options.asOf, ruleset: RulesetDigest(id: ruleSet.id, version: ruleSet.version, digest: ruleSet.digest),
                        language: options.language, shard: shard, entries: entries, cards: cards, belowThreshold: below)
    }

    /// The index from its entries and their scorecards: entries sorted by name (so a sharded run
    /// merged equals the unsharded one), rule pass rates from the scorecards.
    static func assemble(fleet: String, asOf: Day, ruleset: RulesetDigest, language: Language, shard: Shard?,
                         entries: [FleetRepository], cards: [Scorecard], belowThreshold: Int) -> FleetIndex {
        let sorted = entries.sorted { $0.name < $1.name }
        let audited = sorted.filter { $0.status == .audited }
        let scores = audited.compactMap(\.score)
        var summary = FleetSummary(
            repositories: sorted.count, audited: audited.count, errors: sorted.count - audited.count,
            reused: audited.filter(\.reused).count, belowThreshold: belowThreshold,
            averageScore: scores.isEmpty ? nil : (scores.reduce(0, +) * 2 + scores.count) / (2 * scores.count))
        summary.partial = audited.filter(\.partial).count
        return FleetIndex(fleet: fleet, asOf: asOf, ruleset: ruleset, tool: ToolInfo(version: VigieVersion.current, libgit2: VigieVersion.libgit2),
                          lang: language, shard: shard, summary: summary, repositories: sorted, rules: passRates(cards))
    }

    static func passRates(_ cards: [Scorecard]) -> [RulePassRate] {
        var tally: [String: (title: String, applicable: Int, passed: Int)] = [:]
        for card in cards {
            for check in card.checks {
                var entry = tally[check.id] ?? (check.title, 0, 0)
                if [.pass, .warn, .fail].contains(check.status) { entry.applicable += 1 }
                if check.status == .pass { entry.passed += 1 }
                tally[check.id] = entry
            }
        }
        return tally.keys.sorted().map { id in
            let entry = tally[id]!
            return RulePassRate(id: id, title: entry.title, applicable: entry.applicable, passed: entry.passed)
        }
    }

    /// The heaviest failing checks, at most three (then warnings), by weight then id.
    static func topFailing(_ card: Scorecard) -> [String] {
        // Weightless checks (repository.complete) inform; they are not what to fix first.
        let failing = card.checks.filter { $0.status == .fail && $0.weight > 0 }.sorted { ($1.weight, $0.id) < ($0.weight, $1.id) }
        let warning = card.checks.filter { $0.status == .warn && $0.weight > 0 }.sorted { ($1.weight, $0.id) < ($0.weight, $1.id) }
        return Array((failing + warning).prefix(3).map(\.id))
    }

    /// Adds a run to a history; a run on the same day replaces that day's point.
    static func appending(_ point: ScorePoint, to history: [ScorePoint]) -> [ScorePoint] {
        var result = history.filter { $0.asOf != point.asOf }
        result.append(point)
        result.sort { $0.asOf < $1.asOf }
        return Array(result.suffix(historyLimit))
    }

    public static func write(_ index: FleetIndex, to folder: String) throws(AuditError) {
        try ScorecardWriter.createFolder(folder)
        let json: String
        do {
            json = JSONRenderer.render(try JSONValue(encoding: index))
        } catch {
            throw .cannotWriteFile(path: folder + "/index.json", reason: WriteFailure.reason(error))
        }
        try ScorecardWriter.writeFile(json, to: folder + "/index.json")
        try ScorecardWriter.writeFile(FleetMarkdownRenderer.render(index), to: folder + "/index.md")
    }

    /// Joins shard outputs into one index in `output`, copying their scorecards; keeps the history
    /// of a previous index already in `output`.
    public static func merge(_ folders: [String], into output: String) throws(AuditError) -> FleetIndex {
        var indexes: [FleetIndex] = []
        for folder in folders {
            guard let index = load(from: folder) else {
                throw .pathNotFound(path: folder + "/index.json")
            }
            indexes.append(index)
        }
        guard let first = indexes.first else { throw .pathNotFound(path: output) }
        for index in indexes where index.asOf != first.asOf || index.ruleset != first.ruleset || index.fleet != first.fleet {
            throw .invalidRules(ConfigurationErrors([ConfigurationError(file: "index.json", line: 0, column: 0, message: LocalizedText(
                fr: "les index à fusionner viennent de runs différents (flotte, date ou jeu de règles)",
                en: "the indexes to merge come from different runs (fleet, as-of day or rule set)"))]))
        }
        try ScorecardWriter.createFolder(output)
        let previous = load(from: output)
        let previousByName = Dictionary((previous?.repositories ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [FleetRepository] = []
        var cards: [Scorecard] = []
        for (folder, index) in zip(folders, indexes) {
            for var entry in index.repositories {
                if let card = entry.scorecard {
                    for name in [card, entry.file + ".md"] {
                        try copy(folder + "/" + name, to: output + "/" + name)
                    }
                    if let scorecard = readScorecard(output + "/" + card) { cards.append(scorecard) }
                }
                if let before = previousByName[entry.name], URL(fileURLWithPath: folder).standardizedFileURL != URL(fileURLWithPath: output).standardizedFileURL {
                    entry.previousScore = entry.previousScore ?? before.score
                    var history = before.history
                    for point in entry.history { history = appending(point, to: history) }
                    entry.history = history
                }
                entries.append(entry)
            }
        }
        let merged = assemble(fleet: first.fleet, asOf: first.asOf, ruleset: first.ruleset, language: first.lang, shard: nil,
                              entries: entries, cards: cards, belowThreshold: indexes.reduce(0) { $0 + $1.summary.belowThreshold })
        try write(merged, to: output)
        return merged
    }

    private static func copy(_ source: String, to destination: String) throws(AuditError) {
        guard URL(fileURLWithPath: source).standardizedFileURL != URL(fileURLWithPath: destination).standardizedFileURL else { return }
        guard let data = FileManager.default.contents(atPath: source) else { throw .pathNotFound(path: source) }
        try OutputFiles.write(data, to: destination)
    }
}
