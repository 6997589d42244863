import Foundation
import Testing
import VigieCore
import VigieReport

@Suite("GitLab Code Quality report")
struct GitLabTests {
    func issues(_ card: Scorecard = forgeScorecard()) throws -> [[String: Any]] {
        try #require(try parseJSON(GitLabRenderer.render(card)) as? [[String: Any]])
    }

    @Test("one issue per failing or warning check with the required keys")
    func shape() throws {
        let issues = try issues()
        #expect(issues.map { $0["check_name"] as? String } == ["licence.present", "readme.links", "readme.substantial"])
        for issue in issues {
            for key in ["description", "check_name", "fingerprint", "severity", "location"] { #expect(issue[key] != nil, "\(key)") }
        }
    }

    @Test("severity: a heavy failure is critical, a light one major, a warning minor")
    func severity() throws {
        #expect(try issues().map { $0["severity"] as? String } == ["critical", "major", "minor"])
    }

    @Test("location: the first evidence file and its line (1 when unknown); .vigie.yml for the whole repository")
    func location() throws {
        let locations = try issues().map { $0["location"] as? [String: Any] }
        #expect(locations.map { $0?["path"] as? String } == [".vigie.yml", "README.md", "README.md"])
        #expect(locations.map { ($0?["lines"] as? [String: Any])?["begin"] as? Int } == [1, 12, 1])
        let description = try #require(try issues()[1]["description"] as? String)
        #expect(description == "README links work — 2 broken links. — also: docs/guide.md:3")
    }

    @Test("fingerprints are SHA-256 of check and file: stable across runs and line moves, distinct between issues")
    func fingerprints() throws {
        let first = try issues().compactMap { $0["fingerprint"] as? String }
        var moved = forgeScorecard()
        moved.checks[1].evidence[0] = Evidence(path: "README.md", line: 40, message: "moved")
        let second = try issues(moved).compactMap { $0["fingerprint"] as? String }
        #expect(first == second)
        #expect(Set(first).count == first.count)
        #expect(first[1] == SHA256.hex("vigie\u{0}readme.links\u{0}README.md"))
    }

    @Test("no finding: an empty array, which GitLab reads as nothing to report")
    func empty() throws {
        var card = forgeScorecard()
        card.checks = card.checks.filter { $0.status == .pass }
        #expect(GitLabRenderer.render(card) == "[]\n")
    }
}
