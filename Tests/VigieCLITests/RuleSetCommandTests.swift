import Foundation
import Testing
import VigieTestSupport

/// Issue 6's acceptance cases: rule sets that extend, declarative rules, plugins, exemptions.
@Suite("Pluggable rules, end to end")
struct RuleSetCommandTests {
    /// A private rules folder: a copy of rules/ plus the given files.
    func rulesFolder(_ files: [String: String], in scratch: TemporaryDirectory) throws -> URL {
        let folder = scratch.appending("rules")
        try FileManager.default.copyItem(at: PackagePaths.rules, to: folder)
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    func card(_ result: ProcessResult) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func checks(_ card: [String: Any]) -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: ((card["checks"] as? [[String: Any]]) ?? []).map { ($0["id"] as! String, $0) })
    }

    static let mine = """
    id: mine
    extends: eig
    rules:
      licence.allowed: {weight: 5}
      activity.releases: {enabled: false}
      docs.architecture:
        kind: file_exists
        paths: [docs/architecture.md, docs/ARCHITECTURE.md]
        category: documentation
        weight: 2
        title: {fr: "Un document d'architecture existe", en: "An architecture document exists"}
        remediation: {fr: "Décrivez l'architecture dans docs/architecture.md.", en: "Describe the architecture in docs/architecture.md."}
    """

    @Test("a rule set extending eig raises a weight, drops a rule and adds a declarative one")
    func extendsEIG() throws {
        let scratch = try TemporaryDirectory()
        let rules = try rulesFolder(["mine.yml": Self.mine], in: scratch)
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let card = try card(try runVigie(["audit", repo.path, "--rules", rules.path, "--ruleset", "mine", "--format", "json",
                                          "--as-of", "2026-11-29", "--lang", "en"]))
        let checks = checks(card)
        #expect(checks["licence.allowed"]?["weight"] as? Int == 5)
        #expect(checks["activity.releases"] == nil)
        let architecture = try #require(checks["docs.architecture"])
        #expect(architecture["status"] as? String == "fail")
        #expect(architecture["title"] as? String == "An architecture document exists")
        #expect(architecture["source"] as? String == "declarative")
        #expect(architecture["remediation"] as? String == "Describe the architecture in docs/architecture.md.")
        #expect((card["ruleset"] as? [String: Any])?["id"] as? String == "mine")
        let french = try runVigie(["audit", repo.path, "--rules", rules.path, "--ruleset", "mine", "--as-of", "2026-11-29"])
        #expect(french.stdout.contains("✘ Un document d'architecture existe  [docs.architecture] (échec)"))
    }

    @Test("three mistakes, three file:line:column errors in one run")
    func threeMistakes() throws {
        let scratch = try TemporaryDirectory()
        let rules = try rulesFolder(["bad.yml": """
        id: bad
        extends: eig
        rules:
          licence.allowed: {wieght: 5}
          docs.architecture:
            kind: file_exist
            paths: [docs/architecture.md]
          quality.lint:
            kind: file_exists
            paths: [.eslintrc]
            category: quality
            title: {fr: "Un linter"}
            remediation: {fr: "Ajoutez un linter.", en: "Add a linter."}
        """], in: scratch)
        let result = try runVigie(["rules", "validate", "--rules", rules.path, "--ruleset", "bad", "--lang", "en"])
        #expect(result.status == 65)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("vigie: error: ") }
        #expect(errors.count == 3, "\(result.stderr)")
        #expect(result.stderr.contains("bad.yml:4:21: unknown key 'wieght' in rule licence.allowed (did you mean 'weight'?)"))
        #expect(result.stderr.contains("bad.yml:6:11: unknown kind 'file_exist' (did you mean 'file_exists'?)"))
        #expect(result.stderr.contains("bad.yml:12:12: title needs a non-empty text in both fr and en"))
        let audit = try runVigie(["audit", ".", "--rules", rules.path, "--ruleset", "bad"])
        #expect(audit.status == 65)
    }

    @Test("cycles in extends and in requires, and unknown requirements, are configuration errors")
    func cycles() throws {
        let scratch = try TemporaryDirectory()
        let rules = try rulesFolder([
            "a.yml": "id: a\nextends: b\nrules: {}\n",
            "b.yml": "id: b\nextends: a\nrules: {}\n",
            "c.yml": """
            id: c
            rules:
              readme.present: {requires: [licence.present]}
              licence.present: {requires: [readme.present]}
              licence.allowed: {requires: [nothing.here]}
            """,
        ], in: scratch)
        let loop = try runVigie(["rules", "validate", "--rules", rules.path, "--ruleset", "a", "--lang", "en"])
        #expect(loop.status == 65)
        #expect(loop.stderr.contains("cycle in 'extends'"))
        let requires = try runVigie(["rules", "validate", "--rules", rules.path, "--ruleset", "c", "--lang", "en"])
        #expect(requires.status == 65)
        #expect(requires.stderr.contains("licence.allowed requires 'nothing.here', which is not in the rule set"))
        #expect(requires.stderr.contains("cycle in 'requires'"))
    }

    @Test("the example plugin runs from a rule set and returns findings and facts")
    func examplePlugin() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let card = try card(try runVigie(["audit", repo.path, "--rules", PackagePaths.rules.path, "--ruleset", "examples/mine", "--format", "json", "--as-of", "2026-11-29", "--lang", "en"]))
        let plugin = try #require(checks(card)["quality.todo_markers"])
        #expect(plugin["status"] as? String == "pass", "\(plugin)")
        #expect(plugin["source"] as? String == "plugin")
        #expect(plugin["message"] as? String == "0 TODO/FIXME markers (limit 10).")
        let facts = try #require((card["facts"] as? [String: Any])?["quality.todo_markers"] as? [String: Any])
        #expect(facts["files"] as? Int == 1) // src/main.py: src/export.py is on another branch
    }

    @Test("a plugin that hangs is stopped at its limit and reported; one that writes garbage too; the rest is complete")
    func misbehavingPlugins() throws {
        let scratch = try TemporaryDirectory()
        let rules = try rulesFolder([
            "plugins/hang.py": "import time\ntime.sleep(3600)\n",
            "plugins/garbage.py": "print('this is not json')\n",
            "plugins/crash.py": "import sys\nsys.stderr.write('boom: no such table\\n')\nsys.exit(3)\n",
            "p.yml": """
            id: p
            extends: eig
            rules:
              quality.hang: {kind: command, run: [python3, plugins/hang.py], timeout: 1s, category: quality, title: {fr: "Bloque", en: "Hangs"}, remediation: {fr: "-", en: "-"}}
              quality.garbage: {kind: command, run: [python3, plugins/garbage.py], category: quality, title: {fr: "Déchets", en: "Garbage"}, remediation: {fr: "-", en: "-"}}
              quality.crash: {kind: command, run: [python3, plugins/crash.py], category: quality, title: {fr: "Plante", en: "Crashes"}, remediation: {fr: "-", en: "-"}}
            """,
        ], in: scratch)
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let started = Date()
        let card = try card(try runVigie(["audit", repo.path, "--rules", rules.path, "--ruleset", "p", "--format", "json", "--as-of", "2026-11-29", "--lang", "en"]))
        #expect(Date().timeIntervalSince(started) < 20)
        let checks = checks(card)
        #expect(checks["quality.hang"]?["status"] as? String == "error")
        #expect(checks["quality.hang"]?["message"] as? String == "plugin quality.hang: stopped after 1 s without an answer")
        #expect(checks["quality.garbage"]?["status"] as? String == "error")
        #expect((checks["quality.garbage"]?["message"] as? String)?.hasPrefix("plugin quality.garbage: output is not a JSON object") == true)
        #expect(checks["quality.crash"]?["message"] as? String == "plugin quality.crash: exit status 3 boom: no such table")
        #expect(checks["licence.allowed"]?["status"] as? String == "pass")
        #expect(card["score"] as? Int != nil)
    }

    @Test("an exemption with a reason is visible and leaves the score unchanged by that rule; an expired one is a finding")
    func exemptions() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("title-only", in: scratch)
        let base = try card(try runVigie(["audit", repo.path, "--format", "json", "--as-of", "2026-11-29", "--lang", "en",
                                          "--select", "licence.present", "--select", "readme.present", "--select", "readme.substantial"]))
        #expect(checks(base)["licence.present"]?["status"] as? String == "fail")
        #expect(base["score"] as? Int == 29) // readme.present alone passes: 2 of 7
        // Commit a .vigie.yml exempting licence.present (with a reason) and readme.substantial (expired).
        try git(["reset", "--quiet", "--hard"], in: repo)
        try """
        exemptions:
          - rule: licence.present
            reason: "Licence choisie par la direction juridique, publication en cours"
            until: 2027-06-30
          - rule: readme.substantial
            reason: "README en cours de rédaction"
            until: 2026-01-31
        """.write(to: repo.appendingPathComponent(".vigie.yml"), atomically: true, encoding: .utf8)
        try git(["add", ".vigie.yml"], in: repo)
        try git(["-c", "user.name=C", "-c", "user.email=c@example.org", "commit", "--quiet", "-m", "exemptions"], in: repo)
        let result = try runVigie(["audit", repo.path, "--format", "json", "--as-of", "2026-11-29", "--lang", "en", "--select", "licence.present", "--select", "readme.present", "--select", "readme.substantial"])
        let exempted = try card(result)
        let checks = checks(exempted)
        let exempt = try #require(checks["licence.present"])
        #expect(exempt["status"] as? String == "exempt")
        #expect(exempt["outcome"] as? String == "fail")
        #expect((exempt["exemption"] as? [String: Any])?["reason"] as? String == "Licence choisie par la direction juridique, publication en cours")
        // licence.present leaves both sides; licence.allowed skips; readme.present passes (2), readme.substantial fails (2),
        // configuration.exemptions fails (1): 2 / 5 = 40.
        #expect(exempted["score"] as? Int == 40)
        #expect(checks["readme.substantial"]?["status"] as? String == "fail")
        let config = try #require(checks["configuration.exemptions"])
        #expect(config["status"] as? String == "fail")
        let evidence = try #require(config["evidence"] as? [[String: Any]])
        #expect(evidence.first?["path"] as? String == ".vigie.yml")
        #expect(evidence.first?["line"] as? Int == 5)
        #expect(evidence.first?["message"] as? String == "exemption of readme.substantial expired on 2026-01-31")
        let file = scratch.appending("exempted.json")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        let validation = try runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", PackagePaths.root.appendingPathComponent("scripts/validate-json.py").path, PackagePaths.schema.path, file.path])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
        let markdown = try runVigie(["audit", repo.path, "--format", "markdown", "--as-of", "2026-11-29", "--lang", "en"]).stdout
        #expect(markdown.contains("◌ exempt"))
        #expect(markdown.contains("Licence choisie par la direction juridique, publication en cours"))
        // The rule set may forbid exempting a rule.
        let rules = try rulesFolder(["strict.yml": "id: strict\nextends: eig\nrules:\n  licence.present: {exemptible: false}\n"], in: scratch)
        let strict = try self.card(try runVigie(["audit", repo.path, "--rules", rules.path, "--ruleset", "strict", "--format", "json", "--as-of", "2026-11-29", "--lang", "en"]))
        #expect(self.checks(strict)["licence.present"]?["status"] as? String == "fail")
        #expect(self.checks(strict)["configuration.exemptions"]?["message"] as? String == "2 exemption(s) not applied.")
    }

    @Test("--select and --ignore take exact ids and categories")
    func selection() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let only = try card(try runVigie(["audit", repo.path, "--format", "json", "--select", "licence", "--select", "readme.present", "--as-of", "2026-11-29"]))
        #expect(Set(checks(only).keys) == ["licence.allowed", "licence.consistent", "licence.data", "licence.identified", "licence.present", "readme.present"])
        let without = try card(try runVigie(["audit", repo.path, "--format", "json", "--ignore", "activity", "--as-of", "2026-11-29"]))
        #expect(!checks(without).keys.contains { $0.hasPrefix("activity.") })
        #expect(checks(without)["licence.present"] != nil)
    }

    @Test("rules show prints texts, parameters and examples")
    func show() throws {
        let result = try runVigie(["rules", "show", "readme.substantial", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("readme.substantial — The README says more than a title"))
        #expect(result.stdout.contains("min_words: 50 — Words outside headings"))
        #expect(result.stdout.contains("fail  a title alone fails"))
        let missing = try runVigie(["rules", "show", "readme.nothing"])
        #expect(missing.status == 64)
    }
}
