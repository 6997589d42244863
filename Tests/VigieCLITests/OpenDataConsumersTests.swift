import Foundation
import Testing
import VigieTestSupport

/// Issue 12 part 5, "publishing is not consuming", end to end on the built binary: one fixture per
/// class of mistake found in the real-repository corpus (bench/accuracy), audited with
/// fixtures/rulesets/accessibility-opendata.yml.
@Suite("Open data: publishing is not consuming, end to end")
struct OpenDataConsumersTests {
    struct Card {
        let json: [String: Any]
        func check(_ id: String) -> [String: Any] {
            ((json["checks"] as? [[String: Any]]) ?? []).first { $0["id"] as? String == id } ?? [:]
        }
        func status(_ id: String) -> String? { check(id)["status"] as? String }
        func message(_ id: String) -> String { check(id)["message"] as? String ?? "" }
        func evidence(_ id: String) -> [[String: Any]] { (check(id)["evidence"] as? [[String: Any]]) ?? [] }
        var openData: [String: Any] { ((json["facts"] as? [String: Any])?["open_data"] as? [String: Any]) ?? [:] }
        var signals: [[String: Any]] { (openData["signals"] as? [[String: Any]]) ?? [] }
    }

    func audit(_ fixture: String, lang: String = "en") throws -> Card {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build(fixture, in: scratch)
        let result = try runVigie(["audit", repo.path, "--format", "json", "--as-of", "2026-01-01",
                                   "--ruleset", AccessibilityOpenDataTests.ruleset, "--lang", lang])
        #expect(result.status == 0, "\(result.stderr)")
        return Card(json: try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]))
    }

    /// Every open-data rule skips when the repository publishes nothing.
    func expectEveryRuleSkips(_ card: Card, sourceLocation: SourceLocation = #_sourceLocation) {
        for rule in ["open_data.published", "open_data.licence", "open_data.datapackage", "open_data.csv", "open_data.size"] {
            #expect(card.status(rule) == "skip", "\(rule)", sourceLocation: sourceLocation)
        }
        #expect(card.openData["applicable"] as? Bool == false, sourceLocation: sourceLocation)
    }

    @Test("a README table, a 'Sources' section and a heading naming the producer list used data: credited sources, skip")
    func sourceList() throws {
        let card = try audit("opendata-source-list")
        expectEveryRuleSkips(card)
        #expect(card.openData["only_consumes"] as? Bool == true)
        #expect(card.message("open_data.published").contains("uses open data but publishes none: a credited source (README.md:9)"))
        let evidence = try #require(card.openData["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["line"] as? Int } == [9, 10, 15, 19])
        #expect(evidence.allSatisfy { $0["consumption"] as? String == "attribution" })
        #expect(card.evidence("open_data.published").first?["message"] as? String == "credited source")
    }

    @Test("links in site content, a sub-project's README and a hidden tool folder are mentions, not publication")
    func mentions() throws {
        let card = try audit("opendata-mentions")
        expectEveryRuleSkips(card)
        let mentioned = card.signals.filter { $0["consumption"] as? String == "mention" }.compactMap { $0["path"] as? String }
        #expect(Set(mentioned) == [".storybook/preview-head.html", "_data/api/api-adresse.md", "back/src/sirene/README.md"])
        #expect(card.message("open_data.published").contains("a link in a page that is not the repository's own documentation"))
    }

    @Test("code writing data, and a crawler reading the API with a key, process data: skip with the places, in French too")
    func processing() throws {
        let card = try audit("opendata-processing")
        expectEveryRuleSkips(card)
        let kinds = Dictionary(grouping: card.signals, by: { $0["consumption"] as? String ?? "none" }).mapValues { $0.compactMap { $0["path"] as? String } }
        #expect(Set(kinds["processing"] ?? []) == ["Gruntfile.js", "lidro/vectors.py"])
        #expect(kinds["api"] == ["crawler/udata.py"])
        #expect(kinds["none"] == nil)
        #expect(card.message("open_data.published").contains("code processing data without publishing it"))
        let french = try audit("opendata-processing", lang: "fr")
        #expect(french.message("open_data.published").contains("du code qui transforme des données sans les publier"))
    }

    @Test("code writing data plus a public upload publishes: the pipelines count and the upload is named")
    func pipelineWithUpload() throws {
        let card = try audit("opendata-pipeline-upload")
        #expect(card.openData["applicable"] as? Bool == true)
        let upload = try #require(card.signals.first { $0["kind"] as? String == "upload" })
        #expect(upload["path"] as? String == "deploy.sh")
        #expect(upload["detail"] as? String == "public-read")
        #expect(card.signals.first { $0["kind"] as? String == "pipeline" }?["consumption"] == nil)
        #expect(card.status("open_data.published") == "fail")
    }

    @Test("benchmark results, tool state, docker mocks, reference tables, package data, samples and app JSON are not published data")
    func unpublishedFiles() throws {
        let card = try audit("opendata-unpublished-files")
        expectEveryRuleSkips(card)
        #expect(card.openData["only_consumes"] as? Bool == false)
        #expect(card.signals.isEmpty)
        #expect(card.message("open_data.published").contains("8 data file(s) set aside: inputs, samples, mock data, tool output or a program's resources (including .benchmarks/history.csv)"))
    }
}
