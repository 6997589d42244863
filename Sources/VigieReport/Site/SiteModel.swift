import Foundation
import VigieCore

/// What the site shows, gathered once from a fleet index and its scorecards (or from one
/// scorecard): repositories sorted by name with unique, safe page names, and every rule with the
/// result each repository got. Pages only read it.
struct SiteModel {
    struct Repository {
        let name: String
        /// The page's base name: safe characters only, unique in the site.
        let page: String
        let team: String?
        /// The cohort (`cohort:` in the manifest, or the older `programme:`).
        let cohort: String?
        let source: String
        let audited: Bool
        let score: Int?
        let grade: Grade?
        let categories: [String: Int?]
        let previousScore: Int?
        let history: [ScorePoint]
        let error: String?
        let topFailing: [String]
        /// The audit could not read everything (docs/architecture.md#partial-audits).
        let partial: Bool
        let card: Scorecard?

        var change: Int? {
            guard let score, let previousScore else { return nil }
            return score - previousScore
        }
    }

    struct Rule {
        let id: String
        let page: String
        let title: String
        let category: String
        let weight: Int?
        let remediation: String?
        /// Each audited repository's result for this rule, failures first, then by name.
        let results: [(repository: Repository, check: CheckResult)]

        var applicable: Int { results.filter { [.pass, .warn, .fail].contains($0.check.status) }.count }
        var passed: Int { results.filter { $0.check.status == .pass }.count }
        var failing: Int { results.filter { $0.check.status == .fail }.count }
        var passRate: Int? { applicable > 0 ? Int((Double(passed) * 100 / Double(applicable)).rounded()) : nil }
    }

    /// The fleet's name, or the repository's for a single scorecard.
    let title: String
    let isFleet: Bool
    let asOf: Day
    let ruleset: String
    let tool: ToolInfo
    /// The language the scorecards were written in (titles, messages, fixes).
    let dataLanguage: Language
    let repositories: [Repository]
    let rules: [Rule]
    /// Categories some audited repository has, in the built-in order, then others by id.
    let categoryIDs: [String]
    private let dataCategoryTitles: [String: String]

    func categoryTitle(_ id: String, _ l: Language) -> String {
        RuleCategory.named(id)?.title[l] ?? dataCategoryTitles[id] ?? id
    }

    var audited: [Repository] { repositories.filter(\.audited) }
    /// Teams named in the index, each with its repositories, by name; one page each.
    let teams: [Team]
    /// Cohorts named in the index, by name.
    var cohorts: [String] { Set(repositories.compactMap(\.cohort).filter { !$0.isEmpty }).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } }

    struct Team {
        let name: String
        let page: String
        let repositories: [Repository]
    }
    var failed: [Repository] { repositories.filter { !$0.audited } }

    var averageScore: Int? {
        let scores = audited.compactMap(\.score)
        guard !scores.isEmpty else { return nil }
        return Int((Double(scores.reduce(0, +)) / Double(scores.count)).rounded())
    }

    init(index: FleetIndex, scorecards: [String: Scorecard]) {
        var pages = PageNames()
        let repositories = index.repositories
            .sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
            .map { entry in
                Repository(name: entry.name, page: pages.claim(entry.file), team: entry.team, cohort: entry.cohortName, source: entry.source,
                           audited: entry.status == .audited, score: entry.score, grade: entry.grade, categories: entry.categories,
                           previousScore: entry.previousScore, history: entry.history, error: entry.error, topFailing: entry.topFailing,
                           partial: entry.partial, card: scorecards[entry.name])
            }
        self.init(title: index.fleet, isFleet: true, asOf: index.asOf, ruleset: "\(index.ruleset.id) \(index.ruleset.version)",
                  tool: index.tool, dataLanguage: index.lang, repositories: repositories, ruleTitles: Dictionary(
                    index.rules.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first }))
    }

    init(scorecard card: Scorecard) {
        var pages = PageNames()
        let repository = Repository(
            name: card.repository.name, page: pages.claim(card.repository.name), team: nil, cohort: nil, source: card.repository.source, audited: true,
            score: card.score, grade: card.grade, categories: Dictionary(card.categories.map { ($0.id, $0.score) }, uniquingKeysWith: { first, _ in first }),
            previousScore: nil, history: [], error: nil, topFailing: [], partial: card.repository.partial, card: card)
        self.init(title: card.repository.name, isFleet: false, asOf: card.asOf, ruleset: "\(card.ruleset.id) \(card.ruleset.version)",
                  tool: card.tool, dataLanguage: card.lang, repositories: [repository], ruleTitles: [:])
    }

    private init(title: String, isFleet: Bool, asOf: Day, ruleset: String, tool: ToolInfo, dataLanguage: Language,
                 repositories: [Repository], ruleTitles: [String: String]) {
        self.title = title
        self.isFleet = isFleet
        self.asOf = asOf
        self.ruleset = ruleset
        self.tool = tool
        self.dataLanguage = dataLanguage
        self.repositories = repositories
        var teamPages = PageNames()
        let teamNames = Set(repositories.compactMap(\.team).filter { !$0.isEmpty })
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        self.teams = teamNames.map { name in
            // Accents folded first, so "Équipe" is teams/Equipe.html rather than teams/_quipe.html.
            Team(name: name, page: teamPages.claim(name.folding(options: .diacriticInsensitive, locale: nil)), repositories: repositories.filter { $0.team == name })
        }
        var titles: [String: String] = [:]
        var categoryIDs: Set<String> = []
        var byRule: [String: [(repository: Repository, check: CheckResult)]] = [:]
        for repository in repositories where repository.audited {
            for (id, _) in repository.categories { categoryIDs.insert(id) }
            guard let card = repository.card else { continue }
            for category in card.categories where titles[category.id] == nil { titles[category.id] = category.title }
            for check in card.checks { byRule[check.id, default: []].append((repository, check)) }
        }
        self.dataCategoryTitles = titles
        self.categoryIDs = categoryIDs.sorted { lhs, rhs in
            let left = RuleCategory.builtIn.firstIndex { $0.id == lhs } ?? Int.max, right = RuleCategory.builtIn.firstIndex { $0.id == rhs } ?? Int.max
            return left != right ? left < right : lhs < rhs
        }
        var pages = PageNames()
        let ids = Set(byRule.keys).union(ruleTitles.keys).sorted()
        self.rules = ids.map { id in
            let results = (byRule[id] ?? []).sorted { lhs, rhs in
                let left = SiteModel.severity(lhs.check.status), right = SiteModel.severity(rhs.check.status)
                return left != right ? left > right : lhs.repository.name.unicodeScalars.lexicographicallyPrecedes(rhs.repository.name.unicodeScalars)
            }
            let first = results.first?.check
            return Rule(id: id, page: pages.claim(id), title: first?.title ?? ruleTitles[id] ?? id, category: first?.category ?? "",
                        weight: first?.weight, remediation: first?.remediation, results: results)
        }
    }

    /// Failures first on rule pages: fail, error, warn, exempt, skip, pass.
    static func severity(_ status: CheckStatus) -> Int {
        switch status {
        case .fail: 5
        case .error: 4
        case .warn: 3
        case .exempt: 2
        case .skip: 1
        case .pass: 0
        }
    }
}

/// Page names made safe (letters, digits, `.`, `-`, `_`; no leading dot) and unique without regard
/// to case, so a name from an index or a rule id can neither leave the site's folder nor overwrite
/// another page.
struct PageNames {
    private var used: Set<String> = ["index"]

    mutating func claim(_ name: String) -> String {
        let mapped = String(name.unicodeScalars.map { scalar -> Character in
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            return allowed ? Character(scalar) : "_"
        }).drop { $0 == "." }
        let base = mapped.isEmpty ? "page" : String(mapped.prefix(120))
        var candidate = base
        var counter = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
