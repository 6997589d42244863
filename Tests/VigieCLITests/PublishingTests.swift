import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import VigieTestSupport

/// Forge formats and badges from the built binary, and a hostile repository through every output
/// format: nothing may execute, and nothing may break the document it lands in.
@Suite("Publishing formats, end to end", .serialized)
struct PublishingTests {
    static let schemas = PackagePaths.root.appendingPathComponent("docs/schema")

    /// Validates a file with scripts/validate-json.py (Python's jsonschema).
    func validate(_ file: URL, against schema: String) throws -> ProcessResult {
        try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", PackagePaths.root.appendingPathComponent("scripts/validate-json.py").path,
            Self.schemas.appendingPathComponent(schema).path, file.path,
        ])
    }

    /// The hostile repository, audited with a rule set whose evidence names its marked-up files.
    func hostile() throws -> (scratch: TemporaryDirectory, repository: URL, ruleset: String) {
        let fleet = try PublishedFleet(label: "vigie-publishing")
        return (fleet.scratch, fleet.scratch.appending(PublishedFleet.hostileName), fleet.ruleset.path)
    }

    @Test("--format sarif validates against the official SARIF 2.1.0 schema; an invalid document does not")
    func sarif() throws {
        let (scratch, repository, ruleset) = try hostile()
        let result = try runVigie(["audit", repository.path, "--format", "sarif", "--ruleset", ruleset, "--as-of", "2026-11-29"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = scratch.appending("vigie.sarif")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        let valid = try validate(file, against: "sarif-schema-2.1.0.json")
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let markup = try #require(results.first { $0["ruleId"] as? String == "security.markup_names" })
        let uris = ((markup["locations"] as? [[String: Any]]) ?? []).compactMap {
            (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(uris.contains("%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.md"))
        // The validator does reject: a result level SARIF does not know.
        let broken = scratch.appending("broken.sarif")
        try result.stdout.replacingOccurrences(of: "\"level\": \"error\"", with: "\"level\": \"fatal\"").write(to: broken, atomically: true, encoding: .utf8)
        #expect(try validate(broken, against: "sarif-schema-2.1.0.json").status == 1)
    }

    @Test("--format gitlab validates against the Code Quality schema written from GitLab's documentation")
    func gitlab() throws {
        let (scratch, repository, ruleset) = try hostile()
        let result = try runVigie(["audit", repository.path, "--format", "gitlab", "--ruleset", ruleset, "--as-of", "2026-11-29"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = scratch.appending("gl-code-quality-report.json")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        let valid = try validate(file, against: "gitlab-codequality.schema.json")
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(issues.contains { ($0["location"] as? [String: Any])?["path"] as? String == "<img src=x onerror=alert(1)>.md" })
        let broken = scratch.appending("broken.json")
        try result.stdout.replacingOccurrences(of: "\"severity\": \"major\"", with: "\"severity\": \"high\"")
            .replacingOccurrences(of: "\"severity\": \"critical\"", with: "\"severity\": \"high\"").write(to: broken, atomically: true, encoding: .utf8)
        #expect(try validate(broken, against: "gitlab-codequality.schema.json").status == 1)
    }

    @Test("a hostile repository through text, JSON, Markdown, SARIF, GitLab, the site and the badges: escaped everywhere")
    func everyFormat() throws {
        let fleet = try PublishedFleet(label: "vigie-hostile")
        let repository = fleet.scratch.appending(PublishedFleet.hostileName).path
        let common = ["--ruleset", fleet.ruleset.path, "--as-of", "2026-11-29"]
        for format in ["text", "json", "markdown", "sarif", "gitlab"] {
            let result = try runVigie(["audit", repository, "--format", format] + common)
            #expect(result.status == 0, "\(format): \(result.stderr)")
            let out = result.stdout
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || ($0.value < 0x20 && $0 != "\n") }, "\(format): no control character")
            switch format {
            case "json", "sarif", "gitlab":
                #expect((try? JSONSerialization.jsonObject(with: Data(out.utf8))) != nil, "\(format) is valid JSON")
                let name = format == "sarif" ? "%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.md" : "<img src=x onerror=alert(1)>.md"
                #expect(out.contains(name), "\(format): the name is kept, as a JSON string (a URI in SARIF)")
            case "markdown":
                #expect(!out.contains("<img") && !out.contains("<script") && !out.contains("</script"), "markdown")
                #expect(out.contains("&lt;img src=x onerror=alert(1)&gt;"))
            default:
                #expect(out.contains("<img src=x onerror=alert(1)>.md"), "text shows the name as it is")
            }
        }
        // The contributor named </script> reaches the scorecard's facts, hence the site.
        let card = try runVigie(["audit", repository, "--format", "json"] + common)
        #expect(card.stdout.contains("\"name\": \"</script>\""))

        let site = try fleet.site()
        for (path, data) in try PublishedFleet.files(in: site) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<img"), "\(path)")
            #expect(html.matches(of: /<script/).count == 1, "\(path): only the site's own script")
            #expect(!html.contains("</script><"), "\(path)")
            #expect(!html.contains("<b>"), "\(path)")
        }
        let page = try String(contentsOf: site.appendingPathComponent("repositories/_img_src_x_onerror_alert_1__.html"), encoding: .utf8)
        #expect(page.contains("<h1>&lt;img src=x onerror=alert(1)&gt;</h1>"))
        #expect(page.contains("<th scope=\"row\">&lt;/script&gt;</th>"), "the contributor named </script>")
        #expect(page.contains("&lt;script&gt;alert(&#39;exemption&#39;)&lt;/script&gt; &amp; &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"))

        let badges = fleet.scratch.appending("badges")
        let result = try runVigie(["badge", fleet.output.path, "--output", badges.path])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fleet.output.appendingPathComponent("index.json"))) as? [String: Any])
        let entry = try #require((index["repositories"] as? [[String: Any]])?.first { $0["name"] as? String == PublishedFleet.hostileName })
        let score = try #require(entry["score"] as? Int), grade = try #require(entry["grade"] as? String)
        let svg = try String(contentsOf: badges.appendingPathComponent("_img_src_x_onerror_alert_1__.badge.svg"), encoding: .utf8)
        #expect(!svg.contains("<img") && !svg.contains("<script"))
        #expect(svg.contains("<title>vigie — &lt;img src=x onerror=alert(1)&gt; : note \(grade), score \(score) sur 100</title>"))
        #expect(XMLParser(data: Data(svg.utf8)).parse(), "the badge is well-formed XML")
        let endpoint = try Data(contentsOf: badges.appendingPathComponent("_img_src_x_onerror_alert_1__.badge.json"))
        #expect((try JSONSerialization.jsonObject(with: endpoint) as? [String: Any])?["message"] as? String == "\(grade) \(score)")
    }

    @Test("vigie badge: one SVG and one endpoint per repository of a fleet, an error badge for one not audited; a single scorecard works too")
    func badges() throws {
        let fleet = try PublishedFleet(label: "vigie-badges")
        let output = fleet.scratch.appending("badges")
        let result = try runVigie(["badge", fleet.output.path, "--output", output.path, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "6 badges written to \(output.path)\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files.count == 12)
        let fantome = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("fantome.badge.json"))) as? [String: Any]
        #expect(fantome?["message"] as? String == "error" && fantome?["color"] as? String == "lightgrey")
        let single = fleet.scratch.appending("single")
        let one = try runVigie(["badge", fleet.output.appendingPathComponent("outil.json").path, "--output", single.path])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(FileManager.default.fileExists(atPath: single.appendingPathComponent("outil.badge.svg").path))
    }

    @Test("input errors: a missing path exits 66, a file that is not vigie's 64, an unwritable output 73")
    func errors() throws {
        let scratch = try TemporaryDirectory()
        let missing = try runVigie(["site", scratch.appending("nothing").path, "--output", scratch.appending("site").path, "--lang", "en"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no such file or folder"))
        let notVigie = scratch.appending("other.json")
        try "{\"hello\": 1}".write(to: notVigie, atomically: true, encoding: .utf8)
        let invalid = try runVigie(["badge", notVigie.path, "--output", scratch.appending("b").path, "--lang", "en"])
        #expect(invalid.status == 64)
        #expect(invalid.stderr.contains("neither a vigie scorecard nor a fleet index"))
        let fleet = try PublishedFleet(label: "vigie-unwritable")
        let blocker = fleet.scratch.appending("blocker")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let unwritable = try runVigie(["site", fleet.output.path, "--output", blocker.appendingPathComponent("site").path])
        #expect(unwritable.status == 73, "\(unwritable.stderr)")
    }
}
