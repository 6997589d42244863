import Foundation
import Testing
import VigieTestSupport

/// End-to-end: the built `vigie` binary on repositories built from fixtures/, checking stdout,
/// stderr and exit codes as a user sees them.
@Suite("vigie audit, end to end")
struct AuditCommandTests {
    /// The licence and README rules only: activity rules are date-dependent and tested on their own.
    let asOf = ["--as-of", "2026-11-29", "--ruleset", PackagePaths.fixtures.appendingPathComponent("rulesets/foundation.yml").path]

    func json(_ path: String, _ extra: [String] = []) throws -> String {
        let result = try runVigie(["audit", path, "--format", "json"] + asOf + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func checks(_ text: String) throws -> [String: String] {
        let list = try #require(try object(text)["checks"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as! String, $0["status"] as! String) })
    }

    @Test("a healthy repository: verdict on the terminal, exit 0")
    func healthyText() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let result = try runVigie(["audit", repo.path, "--lang", "en"] + asOf)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("Score 100/100  Grade A"))
        #expect(result.stdout.contains("✔ The licence is one French administrations may use  [licence.allowed] (pass)"))
        #expect(result.stdout.contains("4 passed, 0 warnings, 0 failed"))
    }

    @Test("a failing repository: each failing check with what is wrong and its fix, in French by default")
    func failingText() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("title-only", in: scratch)
        let result = try runVigie(["audit", repo.path] + asOf)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Score 29/100  Note E")) // readme.present alone: 2 of 7
        #expect(result.stdout.contains("✘ Un fichier de licence est présent  [licence.present] (échec)"))
        #expect(result.stdout.contains("→ Correction : Ajoutez à la racine un fichier LICENSE"))
        #expect(result.stdout.contains("README.md ne contient que des titres"))
    }

    @Test("--fail-under exits 1 below the threshold and 0 at or above it")
    func failUnder() throws {
        let scratch = try TemporaryDirectory()
        let weak = try FixtureBuilder.build("gpl2", in: scratch)
        let below = try runVigie(["audit", weak.path, "--fail-under", "90", "--lang", "en"] + asOf)
        #expect(below.status == 1)
        #expect(below.stderr == "vigie: score 85 is below the threshold 90 (--fail-under)\n")
        #expect(try runVigie(["audit", weak.path, "--fail-under", "85"] + asOf).status == 0)
    }

    @Test("GPL-2.0 warns, WTFPL fails licence.allowed")
    func licenceVerdicts() throws {
        let scratch = try TemporaryDirectory()
        #expect(try checks(json(FixtureBuilder.build("gpl2", in: scratch).path))["licence.allowed"] == "warn")
        #expect(try checks(json(FixtureBuilder.build("wtfpl", in: scratch).path))["licence.allowed"] == "fail")
    }

    @Test("a bare clone gives the same JSON as its work tree, repository.source aside")
    func bareEqualsWorktree() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let bare = scratch.appending("eig-complete.git")
        try git(["clone", "--quiet", "--bare", repo.path, bare.path])
        let fromWorktree = try json(repo.path)
        let fromBare = try json(bare.path)
        #expect(fromWorktree != fromBare)
        #expect(fromWorktree.replacingOccurrences(of: repo.path, with: "SOURCE") == fromBare.replacingOccurrences(of: bare.path, with: "SOURCE"))
        #expect(try object(fromBare)["repository"].flatMap { ($0 as? [String: Any])?["name"] as? String } == "eig-complete")
    }

    @Test("a .git folder and any folder inside the work tree audit the same commit")
    func discovery() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let inside = repo.appendingPathComponent("some/sub/folder")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        let reference = try json(repo.path).replacingOccurrences(of: repo.path, with: "SOURCE")
        #expect(try json(repo.appendingPathComponent(".git").path).replacingOccurrences(of: repo.appendingPathComponent(".git").path, with: "SOURCE") == reference)
        let fromCwd = try runVigie(["audit", "--format", "json"] + asOf, in: inside)
        #expect(fromCwd.status == 0)
        #expect(fromCwd.stdout.replacingOccurrences(of: inside.path, with: "SOURCE") == reference)
    }

    @Test("--ref on an old tag reports that commit's files, not today's")
    func oldTag() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let old = try json(repo.path, ["--ref", "v0.1.0"])
        #expect(try checks(old)["licence.present"] == "fail")
        let repository = try #require(try object(old)["repository"] as? [String: Any])
        #expect(repository["ref"] as? String == "v0.1.0")
        #expect(repository["commit_date"] as? String == "2024-03-02T16:30:00+01:00")
        #expect(repository["branch"] is NSNull)
        #expect(try checks(json(repo.path))["licence.present"] == "pass")
        #expect(try checks(json(repo.path, ["--ref", "export"]))["licence.present"] == "pass")
    }

    @Test("two runs give byte-identical JSON and Markdown")
    func deterministic() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        #expect(try json(repo.path) == (try json(repo.path)))
        let first = try runVigie(["audit", repo.path, "--format", "markdown"] + asOf).stdout
        let second = try runVigie(["audit", repo.path, "--format", "markdown"] + asOf).stdout
        #expect(first == second && first.hasPrefix("# Fiche d'évaluation vigie : eig-complete"))
    }

    @Test("--output writes <name>.json and <name>.md; the JSON file equals --format json")
    func outputFolder() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let out = scratch.appending("out/nested")
        let result = try runVigie(["audit", repo.path, "--output", out.path] + asOf)
        #expect(result.status == 0)
        let written = try String(contentsOf: out.appendingPathComponent("eig-complete.json"), encoding: .utf8)
        #expect(written == (try json(repo.path)))
        let markdown = try String(contentsOf: out.appendingPathComponent("eig-complete.md"), encoding: .utf8)
        #expect(markdown.contains("**Score : 100/100 · A**"))
    }

    @Test("an empty repository gets a scorecard that says so, valid against the schema")
    func emptyRepository() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("empty", in: scratch)
        let output = try json(repo.path)
        let repository = try #require(try object(output)["repository"] as? [String: Any])
        #expect(repository["empty"] as? Bool == true)
        #expect(repository["commit"] is NSNull)
        #expect(repository["branch"] as? String == "main")
        #expect(try checks(output)["licence.present"] == "fail")
        let text = try runVigie(["audit", repo.path, "--lang", "en"] + asOf)
        #expect(text.status == 0)
        #expect(text.stdout.contains("empty repository: no commit yet"))
        #expect(try runVigie(["audit", repo.path, "--ref", "main"] + asOf).status == 66)
    }

    @Test("a detached HEAD is audited at its commit; the JSON says branch null")
    func detached() throws {
        let scratch = try TemporaryDirectory()
        let output = try json(FixtureBuilder.build("detached", in: scratch).path)
        #expect(try checks(output)["licence.present"] == "fail")
        #expect((try object(output)["repository"] as? [String: Any])?["branch"] is NSNull)
    }

    @Test("a shallow clone is audited and flagged")
    func shallow() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let shallow = scratch.appending("shallow")
        try git(["clone", "--quiet", "--depth", "1", "file://" + repo.path, shallow.path])
        let output = try json(shallow.path)
        #expect((try object(output)["repository"] as? [String: Any])?["shallow"] as? Bool == true)
        #expect(try runVigie(["audit", shallow.path, "--lang", "en"] + asOf).stdout.contains("shallow clone"))
    }

    @Test("a README over the read cap becomes an error entry and the audit goes on")
    func readCap() throws {
        let scratch = try TemporaryDirectory()
        let output = try json(FixtureBuilder.build("big-readme", in: scratch).path, ["--lang", "en"])
        let list = try #require(try object(output)["checks"] as? [[String: Any]])
        let substantial = try #require(list.first { $0["id"] as? String == "readme.substantial" })
        #expect(substantial["status"] as? String == "error")
        #expect((substantial["message"] as? String)?.contains("over the 1048576-byte read cap") == true)
        #expect(try checks(output)["licence.allowed"] == "pass")
    }

    @Test("hostile names: escaped in Markdown, kept out of the file system, non-UTF-8 shown lossily")
    func hostileNames() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("hostile-names", in: scratch)
        let markdown = try runVigie(["audit", repo.path, "--format", "markdown"] + asOf).stdout
        #expect(markdown.contains("LICENSE-\\[click\\](https\\:\\_\\_evil.example)"))
        #expect(!markdown.contains("<img"))
        let text = try json(repo.path)
        #expect(text.contains("LICENSE-[click](https:__evil.example)"))
        #expect(try checks(text)["licence.present"] == "pass")
    }

    @Test("every produced scorecard validates against the published JSON Schema")
    func schema() throws {
        let scratch = try TemporaryDirectory()
        var files: [String] = []
        for (index, fixture) in ["eig-complete", "title-only", "gpl2", "wtfpl", "detached", "hostile-names", "big-readme", "bare-eig", "empty", "activity"].enumerated() {
            let repo = try FixtureBuilder.build(fixture, in: scratch)
            for language in ["fr", "en"] {
                let file = scratch.appending("card-\(index)-\(language).json")
                try json(repo.path, ["--lang", language]).write(to: file, atomically: true, encoding: .utf8)
                files.append(file.path)
            }
        }
        let validator = PackagePaths.root.appendingPathComponent("scripts/validate-json.py")
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", validator.path, PackagePaths.schema.path] + files)
        #expect(result.status == 0, "schema validation failed (install with: pip install jsonschema): \(result.stdout)\(result.stderr)")
    }
}
