import Foundation
import Testing
import VigieTestSupport

/// Issue 5's acceptance case: exact activity numbers from a fixture history, the same on a bare clone.
@Suite("Activity from the git history, end to end")
struct ActivityTests {
    func activity(_ path: String, _ extra: [String] = []) throws -> [String: Any] {
        let result = try runVigie(["audit", path, "--format", "json", "--as-of", "2026-11-29"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let card = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require((card["facts"] as? [String: Any])?["activity"] as? [String: Any])
    }

    @Test("exact monthly counts, people joined by .mailmap, bots apart, absence factor, merges and tags")
    func metrics() throws {
        let scratch = try TemporaryDirectory()
        let facts = try activity(FixtureBuilder.build("activity", in: scratch).path)
        let monthly = try #require(facts["monthly"] as? [[String: Any]])
        #expect(monthly.map { $0["month"] as? String } == ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
                                                           "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"])
        #expect(monthly.map { $0["commits"] as? Int } == [1, 1, 2, 0, 1, 0, 1, 0, 0, 1, 0, 3])
        #expect(facts["commits"] as? Int == 12)
        #expect(facts["commits_365d"] as? Int == 10)
        #expect(facts["active_months"] as? Int == 7)
        #expect(facts["authors"] as? Int == 3)
        #expect(facts["authors_365d"] as? Int == 3)
        #expect(facts["absence_factor"] as? Int == 2)
        #expect(facts["top_author_share"] as? Double == 0.375)
        #expect(facts["merges"] as? Int == 1)
        #expect(facts["first_commit"] as? String == "2025-10-05T12:00:00+00:00")
        #expect(facts["last_commit"] as? String == "2026-11-25T12:00:00+00:00")
        let bots = try #require(facts["bots"] as? [String: Any])
        #expect(bots["commits"] as? Int == 2)
        #expect(bots["names"] as? [String] == ["dependabot[bot]"])
        let tags = try #require(facts["tags"] as? [String: Any])
        #expect(tags["latest"] as? String == "v1.1.0")
        #expect(tags["latest_date"] as? String == "2026-09-10T12:00:00+00:00")
        #expect(tags["count_365d"] as? Int == 2)
        #expect(tags["semver"] as? Bool == true)
        let contributors = try #require(facts["contributors"] as? [[String: Any]])
        #expect(contributors.map { $0["name"] as? String } == ["Alice Martin", "Bob Durand", "Claire Petit"])
        #expect(contributors.map { $0["commits"] as? Int } == [4, 4, 2])
    }

    @Test("a bare clone gives the same numbers")
    func bareClone() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("activity", in: scratch)
        let bare = scratch.appending("activity.git")
        try git(["clone", "--quiet", "--bare", repo.path, bare.path])
        let fromBare = try activity(bare.path)
        let fromWorktree = try activity(repo.path)
        let canonical = { (object: [String: Any]) in try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) }
        #expect(try canonical(fromBare) == canonical(fromWorktree))
        #expect(fromBare["authors"] as? Int == 3)
    }

    @Test("the activity rules pass on a living project and --anonymize drops the names")
    func rulesAndAnonymize() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("activity", in: scratch)
        let result = try runVigie(["audit", repo.path, "--format", "json", "--as-of", "2026-11-29"])
        let card = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let checks = try #require(card["checks"] as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: checks.map { ($0["id"] as! String, $0["status"] as! String) })
        #expect(status["activity.recent"] == "pass")
        #expect(status["activity.regular"] == "pass")
        #expect(status["activity.contributors"] == "pass")
        #expect(status["activity.releases"] == "pass")
        #expect(status["activity.status-declared"] == "skip")
        let anonymous = try activity(repo.path, ["--anonymize"])
        #expect(anonymous["contributors"] == nil)
        let markdown = try runVigie(["audit", repo.path, "--format", "markdown", "--as-of", "2026-11-29", "--anonymize"]).stdout
        #expect(!markdown.contains("Alice"))
        let named = try runVigie(["audit", repo.path, "--format", "markdown", "--as-of", "2026-11-29", "--lang", "en"]).stdout
        #expect(named.contains("`▃▃▆ ▃ ▃  ▃ █` 2025-12 → 2026-11"))
        #expect(named.contains("| Alice Martin | 4 |"))
    }

    @Test("two years later the same history fails recency and the silent README fails status-declared")
    func lateAudit() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("activity", in: scratch)
        let result = try runVigie(["audit", repo.path, "--format", "json", "--as-of", "2028-12-01"])
        let card = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let checks = try #require(card["checks"] as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: checks.map { ($0["id"] as! String, $0["status"] as! String) })
        #expect(status["activity.recent"] == "fail")
        #expect(status["activity.status-declared"] == "fail")
        #expect(status["activity.contributors"] == "skip")
    }
}
