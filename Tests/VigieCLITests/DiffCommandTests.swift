import Foundation
import Testing
import VigieTestSupport

/// `vigie diff` as a merge-request gate, on scorecards and on fleet indexes from the built binary.
@Suite("vigie diff, end to end")
struct DiffCommandTests {
    static let foundation = PackagePaths.fixtures.appendingPathComponent("rulesets/foundation.yml").path

    func audit(_ repository: URL, ref: String, into file: URL) throws {
        let result = try runVigie(["audit", repository.path, "--ref", ref, "--format", "json", "--ruleset", Self.foundation, "--as-of", "2024-05-31"])
        #expect(result.status == 0, "\(result.stderr)")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test("scorecards: the licence added between two commits is an improvement; the other way round a regression that fails the gate")
    func scorecards() throws {
        let scratch = try TemporaryDirectory()
        let repository = try FixtureBuilder.build("history-licence", in: scratch)
        let log = try git(["log", "--first-parent", "--format=%H %s", "main"], in: repository).stdout.split(separator: "\n")
        let before = try #require(log.first { $0.hasSuffix("Premiers écrans") }).prefix(40)
        let old = scratch.appending("old.json"), new = scratch.appending("new.json")
        try audit(repository, ref: String(before), into: old)
        try audit(repository, ref: "main", into: new)

        let better = try runVigie(["diff", old.path, new.path, "--fail-on-regression", "--lang", "en"])
        #expect(better.status == 0, "\(better.stderr)")
        #expect(better.stdout.contains("▲ improved  licence.present"))
        #expect(better.stdout.contains("0 checks regressed"))

        let worse = try runVigie(["diff", new.path, old.path, "--fail-on-regression", "--lang", "en"])
        #expect(worse.status == 1)
        #expect(worse.stdout.contains("▼ regressed  licence.present"))
        #expect(worse.stderr.contains("regression between"))
        let reported = try runVigie(["diff", new.path, old.path, "--lang", "en"])
        #expect(reported.status == 0, "without --fail-on-regression the diff only reports")

        let json = try runVigie(["diff", new.path, old.path, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["regression"] as? Bool == true)
        let markdown = try runVigie(["diff", new.path, old.path, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("## Évolution vigie"))
    }

    @Test("fleet indexes and folders: per repository, with the checks of the scorecards beside them")
    func fleets() throws {
        let fleet = try PublishedFleet(label: "vigie-diff-fleet")
        let earlier = fleet.scratch.appending("earlier")
        let run = try runVigie(["fleet", fleet.manifest.path, "--output", earlier.path, "--ruleset", fleet.ruleset.path, "--as-of", "2026-10-31", "--quiet"])
        #expect(run.status == 2)
        let diff = try runVigie(["diff", earlier.path, fleet.output.appendingPathComponent("index.json").path, "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        #expect(document["kind"] as? String == "fleet")
        let repositories = try #require(document["repositories"] as? [[String: Any]])
        #expect(repositories.count == 6)
        let tableau = try #require(repositories.first { $0["name"] as? String == "tableau" })
        #expect(tableau["checks_compared"] as? Bool == true)
        func score(_ folder: URL) throws -> Int? {
            let index = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("index.json"))) as? [String: Any]
            return (index?["repositories"] as? [[String: Any]])?.first { $0["name"] as? String == "tableau" }?["score"] as? Int
        }
        let change = try #require(try score(fleet.output)) - #require(try score(earlier))
        #expect(change != 0, "the activity rules judge the same commits differently a month apart")
        #expect(tableau["score_change"] as? Int == change)
    }

    @Test("a scorecard and an index cannot be compared; a missing file exits 66")
    func errors() throws {
        let fleet = try PublishedFleet(label: "vigie-diff-errors")
        let mixed = try runVigie(["diff", fleet.output.appendingPathComponent("outil.json").path, fleet.output.path, "--lang", "en"])
        #expect(mixed.status == 64)
        // vigie's one line and hint, not ArgumentParser's "Error: … Usage:" form.
        #expect(mixed.stderr.hasPrefix("vigie: error: \(fleet.output.path): not the same kind as "))
        #expect(mixed.stderr.contains("both must be scorecards or both be fleet indexes\nhint: give a scorecard JSON"))
        #expect(!mixed.stderr.contains("Usage:"))
        let french = try runVigie(["diff", fleet.output.appendingPathComponent("outil.json").path, fleet.output.path])
        #expect(french.stderr.contains("les deux doivent être des fiches, ou les deux des index de flotte\nconseil: donnez une fiche JSON"))
        let missing = try runVigie(["diff", "/nonexistent/a.json", fleet.output.path])
        #expect(missing.status == 66)
    }
}
