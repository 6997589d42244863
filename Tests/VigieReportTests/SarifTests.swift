import Foundation
import Testing
import VigieCore
import VigieReport

/// A scorecard with every kind of check the forge reports care about: a failure with a file and a
/// line, a warning with a file, a failure about the whole repository, a pass, a skip and an exemption.
func forgeScorecard(language: Language = .en, hostile: Bool = false) -> Scorecard {
    let odd = hostile ? "docs/<img src=x onerror=alert(1)>.md" : "docs/guide.md"
    return Scorecard(
        tool: ToolInfo(version: "0.1.0", libgit2: "1.5.1"),
        repository: RepositoryInfo(name: hostile ? "</script>" : "demo", source: "https://gitlab.example.gouv.fr/equipe/demo",
                                   ref: "HEAD", commit: String(repeating: "b", count: 40), commitDate: "2026-11-20T10:00:00+01:00",
                                   branch: "main", shallow: false),
        asOf: Day(iso: "2026-11-29")!,
        ruleset: RulesetInfo(id: "eig", version: "2026.11"),
        lang: language,
        score: 62, grade: .C,
        summary: StatusCounts([.fail, .warn, .fail, .pass, .skip, .exempt]),
        categories: [
            CategoryScore(id: "licence", title: "Licence", score: 0, grade: .E, summary: StatusCounts([.fail])),
            CategoryScore(id: "readme", title: "README", score: 80, grade: .B, summary: StatusCounts([.warn, .pass, .skip, .exempt])),
        ],
        checks: [
            CheckResult(id: "licence.present", category: "licence", status: .fail, weight: 3, title: "A licence file is present",
                        message: hostile ? "No licence <script>alert(1)</script>" : "No licence file.", evidence: [],
                        remediation: "Add a LICENSE file."),
            CheckResult(id: "readme.links", category: "readme", status: .fail, weight: 1, title: "README links work",
                        message: "2 broken links.",
                        evidence: [Evidence(path: "README.md", line: 12, message: "broken: docs/old.md"), Evidence(path: odd, line: 3, message: nil)],
                        remediation: "Fix the links."),
            CheckResult(id: "readme.substantial", category: "readme", status: .warn, weight: 2, title: "The README says more than a title",
                        message: "9 words.", evidence: [Evidence(path: "./README.md", line: nil, message: nil)],
                        remediation: "Describe the project."),
            CheckResult(id: "readme.present", category: "readme", status: .pass, weight: 2, title: "A README is present", message: "README.md",
                        evidence: [Evidence(path: "README.md", line: nil, message: nil)], remediation: "Add a README."),
            CheckResult(id: "readme.images_alt", category: "readme", status: .skip, weight: 1, title: "Images have a text alternative",
                        message: "No image.", evidence: [], remediation: "Describe images."),
            CheckResult(id: "readme.sections", category: "readme", status: .exempt, weight: 2, title: "The README has the expected sections",
                        message: "Missing: install.", evidence: [], remediation: "Add sections.",
                        exemption: AppliedExemption(reason: hostile ? "<b>because</b>" : "Library", until: nil, grantedBy: ".vigie.yml"),
                        outcome: .fail),
        ],
        facts: [:])
}

func parseJSON(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}

@Suite("SARIF 2.1.0")
struct SarifTests {
    func run(_ card: Scorecard = forgeScorecard()) throws -> [String: Any] {
        let log = try #require(try parseJSON(SarifRenderer.render(card)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return runs[0]
    }

    @Test("one result per failing or warning check, with levels; passes, skips and exemptions are left out")
    func results() throws {
        let results = try #require(try run()["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["licence.present", "readme.links", "readme.substantial"])
        #expect(results.map { $0["level"] as? String } == ["error", "error", "warning"])
        #expect(results.allSatisfy { $0["kind"] as? String == "fail" })
        #expect((results[1]["message"] as? [String: Any])?["text"] as? String == "README links work — 2 broken links.")
    }

    @Test("rules carry their metadata and help text; results point at them by index")
    func rules() throws {
        let run = try run()
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "vigie")
        #expect(driver["version"] as? String == "0.1.0")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == 6, "every check that ran is described")
        let results = try #require(run["results"] as? [[String: Any]])
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let links = try #require(rules.first { $0["id"] as? String == "readme.links" })
        #expect((links["shortDescription"] as? [String: Any])?["text"] as? String == "README links work")
        #expect((links["help"] as? [String: Any])?["text"] as? String == "Fix: Fix the links.")
        #expect((links["properties"] as? [String: Any])?["weight"] as? Int == 1)
    }

    @Test("locations: every evidence file, with its line when known; a repository-wide finding points at .vigie.yml")
    func locations() throws {
        let results = try #require(try run()["results"] as? [[String: Any]])
        func physical(_ result: [String: Any]) -> [[String: Any]] {
            ((result["locations"] as? [[String: Any]]) ?? []).compactMap { $0["physicalLocation"] as? [String: Any] }
        }
        let links = physical(results[1])
        #expect(links.map { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String } == ["README.md", "docs/guide.md"])
        #expect(links.map { ($0["region"] as? [String: Any])?["startLine"] as? Int } == [12, 3])
        let substantial = physical(results[2])
        #expect((substantial[0]["artifactLocation"] as? [String: Any])?["uri"] as? String == "README.md", "./ is dropped")
        #expect(substantial[0]["region"] == nil)
        let licence = try #require(results[0]["locations"] as? [[String: Any]])
        #expect(((licence[0]["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String == ".vigie.yml")
        #expect((licence[0]["message"] as? [String: Any])?["text"] as? String != nil)
        #expect((results[0]["properties"] as? [String: Any])?["repositoryLevel"] as? Bool == true)
    }

    @Test("file names become percent-encoded URI references; fingerprints are stable and distinct")
    func encodingAndFingerprints() throws {
        let results = try #require(try run(forgeScorecard(hostile: true))["results"] as? [[String: Any]])
        let uris = ((results[1]["locations"] as? [[String: Any]]) ?? []).compactMap {
            (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(uris == ["README.md", "docs/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.md"])
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? [String: Any])?["vigieFinding/v1"] as? String }
        #expect(fingerprints.count == 3 && Set(fingerprints).count == 3)
        #expect(fingerprints.allSatisfy { $0.count == 64 })
        let again = try #require(try run(forgeScorecard(hostile: true))["results"] as? [[String: Any]])
        #expect(again.compactMap { ($0["partialFingerprints"] as? [String: Any])?["vigieFinding/v1"] as? String } == fingerprints)
    }

    @Test("a remote source becomes version control provenance; the run says its language")
    func provenance() throws {
        let run = try run(forgeScorecard(language: .fr))
        #expect(run["language"] as? String == "fr")
        let provenance = try #require((run["versionControlProvenance"] as? [[String: Any]])?.first)
        #expect(provenance["repositoryUri"] as? String == "https://gitlab.example.gouv.fr/equipe/demo")
        #expect(provenance["revisionId"] as? String == String(repeating: "b", count: 40))
        var local = forgeScorecard()
        local.repository.source = "/home/alice/demo"
        #expect(try self.run(local)["versionControlProvenance"] == nil, "a local path is not a repository URI")
    }

    @Test("ReportFormat maps sarif and gitlab to their renderers")
    func formats() throws {
        #expect(try ReportFormat.sarif.render(forgeScorecard()) == SarifRenderer.render(forgeScorecard()))
        #expect(try ReportFormat.gitlab.render(forgeScorecard()) == GitLabRenderer.render(forgeScorecard()))
        #expect(ReportFormat(rawValue: "sarif") == .sarif && ReportFormat(rawValue: "gitlab") == .gitlab)
    }
}
