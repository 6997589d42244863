import Foundation
import Testing
import VigieTestSupport

/// Issue 4's acceptance cases, end to end on the built binary: fixture repositories audited with
/// fixtures/rulesets/accessibility-opendata.yml (independent of rules/eig.yml).
@Suite("Accessibility statements and open data, end to end")
struct AccessibilityOpenDataTests {
    static let ruleset = PackagePaths.fixtures.appendingPathComponent("rulesets/accessibility-opendata.yml").path

    struct Card {
        let json: [String: Any]
        var checks: [String: [String: Any]] {
            Dictionary(uniqueKeysWithValues: ((json["checks"] as? [[String: Any]]) ?? []).map { ($0["id"] as! String, $0) })
        }
        func status(_ id: String) -> String? { checks[id]?["status"] as? String }
        func evidence(_ id: String) -> [[String: Any]] { (checks[id]?["evidence"] as? [[String: Any]]) ?? [] }
        func facts(_ key: String) -> [String: Any] { ((json["facts"] as? [String: Any])?[key] as? [String: Any]) ?? [:] }
        var categories: [String: [String: Any]] {
            Dictionary(uniqueKeysWithValues: ((json["categories"] as? [[String: Any]]) ?? []).map { ($0["id"] as! String, $0) })
        }
    }

    func audit(_ path: URL, asOf: String = "2026-01-01", ruleset: String = Self.ruleset, lang: String = "en") throws -> Card {
        let result = try runVigie(["audit", path.path, "--format", "json", "--as-of", asOf, "--ruleset", ruleset, "--lang", lang])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return Card(json: json)
    }

    @Test("Next.js statement: statement, consistent and mention pass, fresh fails as of 2026-01-01; facts partial, 64, 2021-03-12")
    func nextJS() throws {
        let scratch = try TemporaryDirectory()
        let card = try audit(try FixtureBuilder.build("a11y-nextjs", in: scratch))
        #expect(card.status("accessibility.statement") == "pass")
        #expect(card.status("accessibility.consistent") == "pass")
        #expect(card.status("accessibility.mention") == "pass")
        #expect(card.status("accessibility.fresh") == "fail")
        #expect(card.status("accessibility.complete") == "pass")
        #expect(card.status("accessibility.tooling") == "pass")
        #expect(card.evidence("accessibility.fresh").first?["path"] as? String == "src/pages/accessibilite.tsx")
        #expect(card.evidence("accessibility.fresh").first?["line"] as? Int == 31)
        #expect(card.evidence("accessibility.mention").first?["path"] as? String == "src/components/Footer.tsx")
        #expect(card.evidence("accessibility.mention").first?["line"] as? Int == 7)

        let facts = card.facts("accessibility")
        #expect(facts["applicable"] as? Bool == true)
        let statement = try #require(facts["statement"] as? [String: Any])
        #expect(statement["path"] as? String == "src/pages/accessibilite.tsx")
        #expect(statement["status"] as? String == "partial")
        #expect(statement["rate"] as? Int == 64)
        #expect(statement["date"] as? String == "2021-03-12")
        #expect(statement["rgaa_version"] as? String == "4.1")
        #expect(statement["language"] as? String == "fr")
        #expect((statement["sections"] as? [String])?.count == 8)
        let mention = try #require(facts["mention"] as? [String: Any])
        #expect(mention["path"] as? String == "src/components/Footer.tsx")
        #expect(mention["status"] as? String == "partial")
        #expect((facts["tooling"] as? [[String: Any]])?.map { $0["name"] as? String } == ["jest-axe"])

        // Open data does not apply to this front end, and says why.
        #expect(card.facts("open_data")["applicable"] as? Bool == false)
        #expect(card.status("open_data.published") == "skip")
    }

    @Test("a repository holding only a guide about the RGAA has no statement")
    func guideIsNotAStatement() throws {
        let scratch = try TemporaryDirectory()
        let card = try audit(try FixtureBuilder.build("a11y-rgaa-guide", in: scratch))
        #expect(card.status("accessibility.statement") == "fail")
        #expect(card.status("accessibility.complete") == "skip")
        #expect(card.status("accessibility.fresh") == "skip")
        let facts = card.facts("accessibility")
        #expect(facts["applicable"] as? Bool == true)
        #expect(facts["statement"] is NSNull)
        let misses = try #require(facts["near_misses"] as? [[String: Any]])
        #expect(misses.map { $0["path"] as? String } == ["accessibilite.md"])
        #expect(misses.first?["kind"] as? String == "guide")
        #expect(card.evidence("accessibility.statement").first?["path"] as? String == "accessibilite.md")
        // The guide lists all three « Accessibilité : … » wordings: not a mention of one status.
        #expect(card.status("accessibility.mention") == "fail")
    }

    @Test("a Python library skips both categories, and its score is the foundation rules' score")
    func libraryIsNotLowered() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("a11y-python-library", in: scratch)
        let card = try audit(repo)
        for id in card.checks.keys where id.hasPrefix("accessibility.") || id.hasPrefix("open_data.") {
            #expect(card.status(id) == "skip", "\(id)")
            #expect((card.checks[id]?["message"] as? String)?.hasPrefix("Not applicable.") == true, "\(id)")
        }
        #expect(card.checks.keys.filter { $0.hasPrefix("accessibility.") }.count == 6)
        #expect(card.checks.keys.filter { $0.hasPrefix("open_data.") }.count == 5)
        #expect(card.categories["accessibility"]?["score"] is NSNull)
        #expect(card.categories["open_data"]?["score"] is NSNull)
        let foundation = try audit(repo, ruleset: PackagePaths.fixtures.appendingPathComponent("rulesets/foundation.yml").path)
        #expect(card.json["score"] as? Int != nil)
        #expect(card.json["score"] as? Int == foundation.json["score"] as? Int)
        #expect(card.facts("accessibility")["applicable"] as? Bool == false)
        #expect((card.facts("accessibility")["reason"] as? String)?.hasPrefix("No web interface") == true)
        #expect(card.facts("open_data")["applicable"] as? Bool == false)
        #expect((card.facts("open_data")["reason"] as? String)?.hasPrefix("No data") == true)
    }

    @Test("Latin-1, semicolon-separated communes.csv linked from the README: the link as evidence, both CSV problems with their lines")
    func latin1Communes() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBytes.build("opendata-communes", in: scratch)
        let card = try audit(repo)
        #expect(card.status("open_data.published") == "pass")
        let link = try #require(card.evidence("open_data.published").first)
        #expect(link["path"] as? String == "README.md")
        #expect(link["line"] as? Int == 5)
        let facts = card.facts("open_data")
        let evidence = try #require(facts["evidence"] as? [[String: Any]])
        #expect(evidence.contains {
            $0["kind"] as? String == "dataset" && $0["path"] as? String == "README.md" && $0["line"] as? Int == 5
                && $0["url"] as? String == "https://www.data.gouv.fr/fr/datasets/communes-de-france-base-des-codes-postaux/"
        })

        #expect(card.status("open_data.csv") == "fail")
        let csv = try #require(facts["csv"] as? [String: Any])
        #expect(csv["files"] as? Int == 1)
        let problems = try #require(csv["problems"] as? [[String: Any]])
        #expect(problems.map { $0["kind"] as? String } == ["encoding", "separator"])
        #expect(problems.map { $0["line"] as? Int } == [2, 1])
        #expect(problems.allSatisfy { $0["path"] as? String == "data/communes.csv" })
        #expect((problems.first?["message"] as? String)?.contains("Latin-1") == true)
        let findings = card.evidence("open_data.csv")
        #expect(findings.map { $0["line"] as? Int } == [2, 1])

        #expect(card.status("open_data.licence") == "pass")
        #expect(card.status("open_data.size") == "pass")
        #expect(card.status("open_data.datapackage") == "skip")
        #expect(card.facts("accessibility")["applicable"] as? Bool == false)
    }

    @Test("data packages: every error with its line and column; a file that is not JSON is a finding; the schema's tag matches")
    func dataPackages() throws {
        let scratch = try TemporaryDirectory()
        let card = try audit(try FixtureBuilder.build("opendata-schema", in: scratch))
        #expect(card.status("open_data.datapackage") == "fail")
        let packages = try #require(card.facts("open_data")["datapackages"] as? [[String: Any]])
        let byPath = Dictionary(uniqueKeysWithValues: packages.map { ($0["path"] as! String, $0) })
        let root = try #require(byPath["datapackage.json"])
        #expect(root["valid"] as? Bool == false)
        let errors = try #require(root["errors"] as? [[String: Any]])
        #expect(errors.map { [$0["line"] as? Int, $0["column"] as? Int] } == [[7, 5], [8, 39]])
        let broken = try #require(byPath["statique/datapackage.json"])
        let syntax = try #require((broken["errors"] as? [[String: Any]])?.first)
        #expect(syntax["line"] as? Int == 4)
        #expect(syntax["column"] as? Int == 3)
        #expect((syntax["message"] as? String)?.contains("trailing comma") == true)
        let schema = try #require(byPath["schema.json"])
        #expect(schema["kind"] as? String == "tableschema")
        #expect(schema["valid"] as? Bool == true)
        #expect((schema["advice"] as? [Any])?.isEmpty == true)
        #expect(card.evidence("open_data.datapackage").contains { $0["path"] as? String == "statique/datapackage.json" && $0["line"] as? Int == 4 })

        #expect(card.status("open_data.published") == "pass")
        #expect(card.status("open_data.licence") == "pass")
        #expect(card.status("open_data.csv") == "pass")
        let csv = try #require(card.facts("open_data")["csv"] as? [String: Any])
        #expect(csv["skipped"] as? [String] == ["exemple-invalide.csv"])
    }

    @Test("a statement inside a 5 MB minified bundle: not read, said so, no crash")
    func bundleOverBudget() throws {
        let scratch = try TemporaryDirectory()
        let card = try audit(try FixtureBuilder.build("a11y-bundle", in: scratch))
        #expect(card.status("accessibility.statement") == "fail")
        let unread = try #require(card.evidence("accessibility.statement").first { $0["path"] as? String == "static/app.js" })
        #expect((unread["message"] as? String)?.contains("not read") == true)
        let facts = try #require(card.facts("accessibility")["unread"] as? [[String: Any]])
        #expect(facts.first?["path"] as? String == "static/app.js")
        #expect((facts.first?["size"] as? Int ?? 0) > 5_000_000)
    }

    @Test("budgets and thresholds come from the rule set: a 2 MiB CSV over a 1 MiB threshold fails open_data.size and is not read")
    func thresholdsFromRuleSet() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("opendata-big", in: scratch)
        let rules = scratch.appending("big-rules.yml")
        try """
            id: big-rules
            rules:
              open_data.size: {max_mib: 1}
              open_data.csv: {max_file_bytes: 65536}
            """.write(to: rules, atomically: true, encoding: .utf8)
        let card = try audit(repo, ruleset: rules.path)
        #expect(card.status("open_data.size") == "fail")
        #expect(card.evidence("open_data.size").first?["path"] as? String == "data/grand.csv")
        #expect(card.status("open_data.csv") == "warn")
        let unread = try #require((card.facts("open_data")["csv"] as? [String: Any])?["unread"] as? [[String: Any]])
        #expect(unread.first?["path"] as? String == "data/grand.csv")
    }

    @Test("French report: the facts' reason and the messages are in French")
    func frenchReport() throws {
        let scratch = try TemporaryDirectory()
        let card = try audit(try FixtureBuilder.build("a11y-nextjs", in: scratch), lang: "fr")
        #expect((card.facts("accessibility")["reason"] as? String)?.hasPrefix("Interface web") == true)
        #expect((card.checks["accessibility.fresh"]?["message"] as? String)?.contains("2021-03-12") == true)
    }
}
