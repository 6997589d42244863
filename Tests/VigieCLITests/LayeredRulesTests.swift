import Foundation
import Testing
import VigieTestSupport

/// Issue 14: the built-in rules are part of the binary, and a user's rules folder is layered in
/// front of them (docs/rulesets.md, "Where rule sets are found").
@Suite("Built-in rules and rules folders layered in front of them")
struct LayeredRulesTests {
    func card(_ result: ProcessResult) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func checks(_ card: [String: Any]) -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: ((card["checks"] as? [[String: Any]]) ?? []).map { ($0["id"] as! String, $0) })
    }

    func write(_ files: [String: String], in folder: URL) throws {
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static let mine = """
    id: mine
    extends: eig
    rules:
      licence.allowed: {weight: 5}
      docs.architecture:
        kind: file_exists
        paths: [docs/architecture.md]
        category: documentation
        weight: 2
        title: {fr: "Un document d'architecture existe", en: "An architecture document exists"}
        remediation: {fr: "Décrivez l'architecture.", en: "Describe the architecture."}
      quality.todo_markers:
        kind: command
        run: [python3, plugins/todo_count.py]
        timeout: 10s
        files: ["**/*.py"]
        parameters: {max_markers: "10"}
        category: quality
        weight: 1
        title: {fr: "Peu de TODO", en: "Few TODOs"}
        remediation: {fr: "Retirez les TODO.", en: "Remove the TODOs."}
    """

    @Test("a folder holding only a team's rule set (extends: eig) and its plugin audits: the rest is built in")
    func teamFolderAlone() throws {
        let scratch = try TemporaryDirectory()
        let team = scratch.appending("team-rules")
        try write(["mine.yml": Self.mine], in: team)
        try FileManager.default.createDirectory(at: team.appendingPathComponent("plugins"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PackagePaths.rules.appendingPathComponent("examples/plugins/todo_count.py"),
                                        to: team.appendingPathComponent("plugins/todo_count.py"))
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let checks = checks(try card(try runVigie(["audit", repo.path, "--rules", team.path, "--ruleset", "mine", "--format", "json",
                                                   "--as-of", "2026-11-29", "--lang", "en"])))
        #expect(checks["licence.allowed"]?["weight"] as? Int == 5)
        #expect(checks["licence.present"]?["status"] as? String == "pass")
        #expect(checks["docs.architecture"]?["source"] as? String == "declarative")
        #expect(checks["quality.todo_markers"]?["source"] as? String == "plugin")
        #expect(checks["quality.todo_markers"]?["status"] as? String == "pass", "\(checks["quality.todo_markers"] ?? [:])")
        // The same folder through the environment.
        let fromEnvironment = try runVigie(["audit", repo.path, "--ruleset", "mine", "--format", "json", "--as-of", "2026-11-29"],
                                           environment: ["VIGIE_RULES": team.path])
        #expect(self.checks(try card(fromEnvironment))["docs.architecture"] != nil)
        #expect(try runVigie(["rules", "validate", "--rules", team.path, "--ruleset", "mine", "--lang", "en"]).status == 0)
    }

    @Test("a folder overrides a built-in rule set and a data file by name; errors in it keep file:line:column")
    func overridesByName() throws {
        let scratch = try TemporaryDirectory()
        let folder = scratch.appending("override")
        let policy = try String(contentsOf: PackagePaths.rules.appendingPathComponent("data/french-licences.yml"), encoding: .utf8)
        // MIT leaves the list of licences allowed: licence.allowed must now fail on an MIT repository.
        let withoutMIT = policy.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.trimmingCharacters(in: .whitespaces) != "- MIT" }.joined(separator: "\n")
        #expect(withoutMIT != policy)
        try write(["data/french-licences.yml": withoutMIT,
                   "eig.yml": "id: eig\nversion: \"team\"\nrules:\n  licence.present: {weight: 1}\n  licence.allowed: {weight: 1}\n"],
                  in: folder)
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let builtIn = checks(try card(try runVigie(["audit", repo.path, "--format", "json", "--as-of", "2026-11-29"])))
        #expect(builtIn["licence.allowed"]?["status"] as? String == "pass")
        #expect(builtIn.count > 2)
        let card = try card(try runVigie(["audit", repo.path, "--rules", folder.path, "--format", "json", "--as-of", "2026-11-29"]))
        let checks = checks(card)
        #expect(Set(checks.keys.filter { !$0.hasPrefix("repository.") && !$0.hasPrefix("configuration.") }) == ["licence.present", "licence.allowed"])
        #expect(checks["licence.allowed"]?["status"] as? String == "fail")
        #expect((card["ruleset"] as? [String: Any])?["version"] as? String == "team")

        try write(["data/files.yml": "schema_version: 1\nlicence_names: [LICENSE]\nreadme_nmes: [README]\n"], in: folder)
        let broken = try runVigie(["audit", repo.path, "--rules", folder.path, "--lang", "en"])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains(folder.path + "/data/files.yml:3:1: unknown key 'readme_nmes'"), "\(broken.stderr)")
    }

    @Test("a rules folder that does not exist is an error, never skipped")
    func missingFolder() throws {
        let scratch = try TemporaryDirectory()
        let missing = scratch.appending("nowhere").path
        let result = try runVigie(["audit", scratch.path, "--rules", missing, "--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("rules folder not found: \(missing)"), "\(result.stderr)")
        let fromEnvironment = try runVigie(["audit", scratch.path, "--lang", "en"], environment: ["VIGIE_RULES": missing])
        #expect(fromEnvironment.status == 65)
    }

    @Test("a copy of the binary alone, with HOME elsewhere, audits with its built-in rules")
    func copiedBinaryWorksAlone() throws {
        let scratch = try TemporaryDirectory()
        let lonely = scratch.appending("bin")
        try FileManager.default.createDirectory(at: lonely, withIntermediateDirectories: true)
        let copy = lonely.appendingPathComponent("vigie")
        try FileManager.default.copyItem(at: PackagePaths.vigieExecutable, to: copy)
        let home = scratch.appending("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let copied = try runProcess(copy, ["audit", repo.path, "--format", "json", "--as-of", "2026-11-29"], in: lonely,
                                    environment: ["HOME": home.path])
        let original = try runVigie(["audit", repo.path, "--format", "json", "--as-of", "2026-11-29"])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout == original.stdout)
    }
}
