import Foundation
import Testing
import VigieCore
import VigieReport

@Suite("Static site")
struct SiteBuilderTests {
    func fleet(hostile: Bool = false) -> (FleetIndex, [String: Scorecard]) {
        let card = forgeScorecard(language: .fr, hostile: hostile)
        let name = card.repository.name
        let history = [ScorePoint(asOf: Day(iso: "2026-11-22")!, commit: "a", score: 70, grade: .C),
                       ScorePoint(asOf: Day(iso: "2026-11-29")!, commit: "b", score: 62, grade: .C)]
        let entry = FleetRepository(name: name, file: hostile ? "_script_" : name, team: hostile ? "<b>équipe</b>" : "Équipe", programme: nil,
                                    tags: [], source: card.repository.source, status: .audited, score: 62, grade: .C,
                                    categories: ["licence": 0, "readme": 80], commit: card.repository.commit, scorecard: "x.json", reused: false,
                                    error: nil, topFailing: ["licence.present"], previousScore: 70, reuseKey: nil, history: history)
        let broken = FleetRepository(name: hostile ? "<img src=x>" : "broken", file: "broken", team: nil, programme: nil, tags: [], source: "/nowhere",
                                     status: .error, score: nil, grade: nil, categories: [:], commit: nil, scorecard: nil, reused: false,
                                     error: hostile ? "<script>alert(1)</script>" : "no such file", topFailing: [], previousScore: nil,
                                     reuseKey: nil, history: [])
        let index = FleetIndex(fleet: hostile ? "<i>EIG</i>" : "EIG 9", asOf: Day(iso: "2026-11-29")!,
                               ruleset: RulesetDigest(id: "eig", version: "2026.11", digest: "d"), tool: card.tool, lang: .fr, shard: nil,
                               summary: FleetSummary(repositories: 2, audited: 1, errors: 1, reused: 0, belowThreshold: 0, averageScore: 62),
                               repositories: [entry, broken], rules: [])
        return (index, [name: card])
    }

    func pages(_ files: [(path: String, contents: String)]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    @Test("pages: index, fix first, rules index, one per audited repository, per rule and per team, the exports and the two assets")
    func layout() {
        let (index, cards) = fleet()
        let files = pages(SiteBuilder.build(index: index, scorecards: cards, language: .fr))
        #expect(files.keys.sorted() == ["assets/vigie.css", "assets/vigie.js", "checks.csv", "fix-first.html", "index.csv", "index.html",
                                        "repositories/demo.html", "rules/index.html", "rules/licence.present.html", "rules/readme.images_alt.html",
                                        "rules/readme.links.html", "rules/readme.present.html", "rules/readme.sections.html",
                                        "rules/readme.substantial.html", "teams/Equipe.html", "teams/index.html"])
    }

    @Test("every page: lang, one h1, headings without skipped levels, unique ids, a skip link to main, tables with captions and scoped headers")
    func structure() throws {
        let (index, cards) = fleet()
        for (path, html) in pages(SiteBuilder.build(index: index, scorecards: cards, language: .en)) where path.hasSuffix(".html") {
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(path)")
            let levels = html.matches(of: /<h([1-6])[ >]/).map { Int($0.output.1)! }
            #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1, "\(path)")
            #expect(zip(levels, levels.dropFirst()).allSatisfy { $1 <= $0 + 1 }, "\(path): \(levels)")
            let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) }
            #expect(Set(ids).count == ids.count, "\(path): duplicate id")
            for reference in html.matches(of: /aria-labelledby="([^"]+)"/).flatMap({ $0.output.1.split(separator: " ") }) {
                #expect(ids.contains(String(reference)), "\(path): aria-labelledby \(reference)")
            }
            #expect(html.contains("<a class=\"skip-link\" href=\"#contenu\">Skip to content</a>"))
            #expect(html.matches(of: /<main\s/).count == 1)
            #expect(html.matches(of: /<table/).count == html.matches(of: /<caption/).count, "\(path)")
            #expect(!html.contains("<th>"), "\(path): every header cell has a scope")
            #expect(html.contains("Content-Security-Policy"))
            // Links stay inside the site and are relative, so it works from file://.
            for link in html.matches(of: /href="([^"]+)"/).map({ String($0.output.1) }) where !link.hasPrefix("#") {
                #expect(!link.contains("://") && !link.hasPrefix("/"), "\(path): \(link)")
            }
        }
    }

    @Test("texts from an audit in French are marked lang=fr in an English site")
    func languages() throws {
        let (index, cards) = fleet()
        let english = pages(SiteBuilder.build(index: index, scorecards: cards, language: .en))
        let repository = try #require(english["repositories/demo.html"])
        #expect(repository.contains("<span lang=\"fr\">A licence file is present</span>"))
        let french = pages(SiteBuilder.build(index: index, scorecards: cards, language: .fr))
        #expect(!(french["repositories/demo.html"] ?? "").contains("<span lang="), "no redundant lang in a French site")
        #expect((french["index.html"] ?? "").contains("Aller au contenu"))
    }

    @Test("colour is never alone: grades are letters, statuses have a symbol and a word, the trend has a sign and a word")
    func colourIndependence() throws {
        let (index, cards) = fleet()
        let files = pages(SiteBuilder.build(index: index, scorecards: cards, language: .fr))
        let home = try #require(files["index.html"])
        #expect(home.contains("<span class=\"grade grade-c\">C</span>"))
        #expect(home.contains("−8 <span aria-hidden=\"true\">▼</span><span class=\"visually-hidden\"> en baisse</span>"))
        let repository = try #require(files["repositories/demo.html"])
        #expect(repository.contains("<span class=\"status status-fail\"><span aria-hidden=\"true\">✘</span> échec</span>"))
        #expect(repository.contains("<span class=\"status status-exempt\"><span aria-hidden=\"true\">◌</span> exempté</span>"))
    }

    @Test("hostile strings are text everywhere: no injected tag or attribute in any page")
    func hostile() throws {
        let (index, cards) = fleet(hostile: true)
        let files = pages(SiteBuilder.build(index: index, scorecards: cards, language: .fr))
        for (path, html) in files where path.hasSuffix(".html") {
            #expect(!html.contains("<img"), "\(path)")
            #expect(!html.contains("<b>") && !html.contains("<i>"), "\(path)")
            #expect(html.matches(of: /<script/).count == 1, "\(path): only the site's own script")
            #expect(!html.contains("onerror=alert(1)>"), "\(path)")
        }
        let repository = try #require(files["repositories/_script_.html"])
        #expect(repository.contains("<h1>&lt;/script&gt;</h1>"))
        #expect(repository.contains("docs/&lt;img src=x onerror=alert(1)&gt;.md"))
        #expect(repository.contains("&lt;b&gt;because&lt;/b&gt;"))
        #expect((files["index.html"] ?? "").contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("the same input gives the same bytes; a single scorecard makes a site too")
    func deterministic() {
        let (index, cards) = fleet()
        let first = SiteBuilder.build(index: index, scorecards: cards, language: .fr)
        let second = SiteBuilder.build(index: index, scorecards: cards, language: .fr)
        #expect(first.map(\.path) == second.map(\.path) && first.map(\.contents) == second.map(\.contents))
        let single = pages(SiteBuilder.build(.scorecard(forgeScorecard(), path: "demo.json"), language: .en))
        #expect(single["index.html"]?.contains("<a href=\"repositories/demo.html\">demo</a>") == true)
        #expect(single["repositories/demo.html"] != nil)
    }

    @Test("charts: inline SVG with a title and a description, values written, and a data table beside them")
    func charts() throws {
        var (index, cards) = fleet()
        cards["demo"]?.facts["activity"] = .object([
            "monthly": .array((1...12).map { .object(["month": .string("2026-\($0 < 10 ? "0" : "")\($0)"), "commits": .int($0 % 4)]) }),
            "commits": .int(18), "authors": .int(2),
            "contributors": .array([.object(["name": .string("</script><script>x</script>"), "commits": .int(9)])]),
        ])
        index.repositories[0].history.append(ScorePoint(asOf: Day(iso: "2026-11-30")!, commit: "c", score: 64, grade: .C))
        let page = try #require(pages(SiteBuilder.build(index: index, scorecards: cards, language: .fr))["repositories/demo.html"])
        #expect(page.contains("<svg class=\"chart\" viewBox=\"0 0 720 280\" width=\"720\" height=\"280\" role=\"img\" aria-labelledby=\"chart-activity-title chart-activity-desc\""))
        #expect(page.contains("<desc id=\"chart-activity-desc\">18 commits de 2026-01 à 2026-12 ; au plus 3 en un mois.</desc>"))
        #expect(page.contains("<title id=\"chart-history-title\">Évolution du score</title>"))
        #expect(page.contains("<caption id=\"activity-data-caption\">Activité sur 12 mois</caption>"))
        #expect(page.contains("&lt;/script&gt;&lt;script&gt;x&lt;/script&gt;"))
    }
}
