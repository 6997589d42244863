import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import VigieTestSupport

/// `vigie history`: the score over time, one audit per period on the first-parent line.
@Suite("vigie history, end to end")
struct HistoryTests {
    static let foundation = PackagePaths.fixtures.appendingPathComponent("rulesets/foundation.yml").path

    func history(_ path: String, _ extra: [String] = [], ruleset: String = HistoryTests.foundation) throws -> [[String: Any]] {
        let result = try runVigie(["history", path, "--since", "2024-01-01", "--as-of", "2024-05-31",
                                   "--ruleset", ruleset, "--format", "json"] + (extra.contains("--every") ? extra : ["--every", "month"] + extra))
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(document["points"] as? [[String: Any]])
    }

    static func status(_ point: [String: Any], _ id: String) -> String? {
        (point["checks"] as? [[String: Any]])?.first { $0["id"] as? String == id }?["status"] as? String
    }

    @Test("a licence added in the third month: licence.present fails, then passes from that month on")
    func licenceArrives() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("history-licence", in: scratch)
        let points = try history(repo.path)
        #expect(points.map { $0["date"] as? String } == ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"])
        #expect(points.map { Self.status($0, "licence.present") } == ["fail", "fail", "pass", "pass", "pass"])
        let scores = points.compactMap { $0["score"] as? Int }
        #expect(scores.count == 5)
        #expect(scores[2] > scores[1])
        for point in points {
            #expect((point["commit"] as? String)?.count == 40)
            #expect(point["grade"] is String)
            let categories = try #require(point["categories"] as? [String: Any])
            #expect(categories["licence"] is Int)
        }
        let licence = points.map { ($0["categories"] as? [String: Any])?["licence"] as? Int }
        #expect(licence[0] == 0 && licence[4] == 100)
    }

    @Test("each point is the audit of its commit as of its day: the same checks as vigie audit --ref COMMIT --as-of DAY")
    func pointsMatchAudits() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("history-licence", in: scratch)
        let points = try history(repo.path, ruleset: PackagePaths.rules.appendingPathComponent("eig.yml").path)
        for point in [points[1], points[3]] {
            let commit = try #require(point["commit"] as? String)
            let date = try #require(point["date"] as? String)
            let audit = try runVigie(["audit", repo.path, "--ref", commit, "--as-of", date, "--format", "json", "--ruleset",
                                      PackagePaths.rules.appendingPathComponent("eig.yml").path])
            #expect(audit.status == 0, "\(audit.stderr)")
            let card = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
            #expect(card["score"] as? Int == point["score"] as? Int, "\(date)")
            let statuses = (card["checks"] as? [[String: Any]])?.map { "\($0["id"]!)=\($0["status"]!)" }
            let pointStatuses = (point["checks"] as? [[String: Any]])?.map { "\($0["id"]!)=\($0["status"]!)" }
            #expect(statuses == pointStatuses, "\(date)")
        }
    }

    @Test("the March point follows the first-parent line, not the latest commit of a side branch")
    func firstParent() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("history-licence", in: scratch)
        let march = try #require(try history(repo.path).first { $0["date"] as? String == "2024-03-31" })
        let log = try git(["log", "--first-parent", "--format=%H %s", "main"], in: repo)
        let expected = log.stdout.split(separator: "\n").first { $0.hasSuffix("Corrections de mars") }.map { String($0.prefix(40)) }
        #expect(march["commit"] as? String == expected)
    }

    @Test("--every quarter and year, Markdown table and SVG chart")
    func formats() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("history-licence", in: scratch)
        let quarters = try history(repo.path, ["--every", "quarter"])
        #expect(quarters.map { $0["period"] as? String } == ["2024-Q1", "2024-Q2"])
        #expect(quarters.map { $0["date"] as? String } == ["2024-03-31", "2024-05-31"])
        let years = try history(repo.path, ["--every", "year"])
        #expect(years.count == 1)
        let markdown = try runVigie(["history", repo.path, "--since", "2024-01-01", "--as-of", "2024-05-31", "--ruleset", Self.foundation,
                                     "--lang", "en"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("| Period | Commit | Score | Grade |"))
        #expect(markdown.stdout.contains("| 2024-01 |"))
        #expect(markdown.stdout.contains("- 2024-03 · `licence.present`: ✘ fail → ✔ pass"))
        let svg = try runVigie(["history", repo.path, "--since", "2024-01-01", "--as-of", "2024-05-31", "--ruleset", Self.foundation,
                                "--format", "svg"])
        #expect(svg.status == 0)
        #expect(svg.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.stdout.contains("<title id=\"vigie-history-title\">"))
        let parsed = XMLParser(data: Data(svg.stdout.utf8))
        #expect(parsed.parse(), "the SVG is well-formed XML")
    }

    @Test("usage errors: a bad --since, --since after --as-of, a missing repository")
    func errors() throws {
        let bad = try runVigie(["history", ".", "--since", "2024-13-01"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--since '2024-13-01' is not a date"))
        let late = try runVigie(["history", ".", "--since", "2025-01-01", "--as-of", "2024-12-31"])
        #expect(late.status == 64)
        let missing = try runVigie(["history", "/nonexistent/vigie-repo", "--lang", "en"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no such file or folder"))
    }
}
