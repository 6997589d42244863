import Foundation
import Testing
import VigieTestSupport
import Yams

/// `vigie fix` end to end, as a team runs it before demo day: a work tree checked out from a fixture,
/// the built binary, `git add` and `git commit`, then `vigie audit` again (docs/fix.md).
@Suite("vigie fix")
struct FixCommandTests {
    static let asOf = "2026-11-29"
    static let options = ["--licence", "MIT", "--holder", "Direction du numérique", "--security-contact", "securite@exemple.gouv.fr",
                          "--as-of", asOf]
    /// Every file the code-only fixture gets, compared byte for byte with fixtures/fix-expected/code-only/.
    static let expected = ["LICENSE", "CONTRIBUTING.md", "SECURITY.md", "CODE_OF_CONDUCT.md", "CHANGELOG.md", "publiccode.yml",
                           ".github/ISSUE_TEMPLATE/bug_report.md", ".github/ISSUE_TEMPLATE/feature_request.md",
                           ".github/dependabot.yml", ".github/workflows/ci.yml"]

    /// A work tree of `fixture` as a clone gives it: files checked out, index written, an origin remote.
    static func workTree(_ fixture: String, in scratch: TemporaryDirectory, remote: String? = "https://github.com/example-gouv/calcul.git") throws -> URL {
        let repo = try FixtureBuilder.build(fixture, in: scratch)
        try git(["reset", "--hard", "-q", "HEAD"], in: repo)
        if let remote { try git(["remote", "add", "origin", remote], in: repo) }
        return repo
    }

    /// `git add` of what vigie fix wrote, and a commit dated the audit's day.
    static func commitAll(_ repo: URL) throws {
        try git(["add", "-A"], in: repo)
        let date = "\(asOf)T09:00:00+01:00"
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/git"),
                                    ["-c", "user.name=Alice Martin", "-c", "user.email=alice.martin@example.gouv.fr", "commit", "-q", "-m", "vigie fix"],
                                    in: repo, environment: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": FileManager.default.temporaryDirectory.path,
                                                            "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
        #expect(result.status == 0, "\(result.stderr)")
    }

    static func audit(_ repo: URL, _ extra: [String] = []) throws -> [String: Any] {
        let result = try runVigie(["audit", repo.path, "--format", "json", "--as-of", asOf] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// Each file of `paths` in `repo` equals `fixtures/fix-expected/<folder>/<path>`, byte for byte.
    /// `VIGIE_UPDATE_FIX_SNAPSHOTS=1` writes the snapshots instead (and fails, so that a recording run
    /// is never mistaken for a passing one): review them with `git diff fixtures/fix-expected`.
    static func expectSnapshots(_ repo: URL, _ paths: [String], _ folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = PackagePaths.fixtures.appendingPathComponent("fix-expected/" + folder)
        for path in paths {
            let written = FileManager.default.contents(atPath: repo.appendingPathComponent(path).path)
            let snapshot = expected.appendingPathComponent(path)
            if ProcessInfo.processInfo.environment["VIGIE_UPDATE_FIX_SNAPSHOTS"] == "1", let written {
                try FileManager.default.createDirectory(at: snapshot.deletingLastPathComponent(), withIntermediateDirectories: true)
                try written.write(to: snapshot)
                Issue.record("recorded fixtures/fix-expected/\(folder)/\(path)", sourceLocation: sourceLocation)
                continue
            }
            #expect(written != nil && written == FileManager.default.contents(atPath: snapshot.path),
                    "\(path) differs from fixtures/fix-expected/\(folder)/\(path)", sourceLocation: sourceLocation)
        }
    }

    static func statuses(_ card: [String: Any]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ((card["checks"] as? [[String: Any]]) ?? []).map { ($0["id"] as? String ?? "", $0["status"] as? String ?? "") })
    }

    static func contents(_ repo: URL, _ paths: [String]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: paths.compactMap { path in FileManager.default.contents(atPath: repo.appendingPathComponent(path).path).map { (path, $0) } })
    }

    @Test("on a repository of code only, vigie fix then a commit raises the score by at least 30 points; every file is the expected one, byte for byte")
    func codeOnly() throws {
        let scratch = try TemporaryDirectory("vigie-fix")
        let repo = try Self.workTree("fix-code-only", in: scratch)
        let before = try Self.audit(repo)
        let fixable = ((before["checks"] as? [[String: Any]]) ?? []).filter { $0["fix"] != nil }
        #expect(fixable.contains { $0["id"] as? String == "licence.present" && $0["fix"] as? String == "vigie fix --only licence.present" })
        #expect(fixable.allSatisfy { ["fail", "warn"].contains($0["status"] as? String ?? "") })

        let result = try runVigie(["fix", repo.path] + Self.options)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("git add -- "), "\(result.stdout)")
        try Self.expectSnapshots(repo, Self.expected, "code-only")
        // Nothing is committed by vigie fix: HEAD has not moved, the files are untracked.
        let status = try git(["status", "--porcelain"], in: repo).stdout
        #expect(status.contains("?? LICENSE"))

        try Self.commitAll(repo)
        let after = try Self.audit(repo)
        let gain = (after["score"] as? Int ?? 0) - (before["score"] as? Int ?? 0)
        print("vigie fix on fix-code-only: score \(before["score"] ?? "-") → \(after["score"] ?? "-") (+\(gain))")
        #expect(gain >= 30)
        let now = Self.statuses(after)
        for rule in ["licence.present", "licence.identified", "licence.allowed", "community.contributing", "community.security",
                     "community.code_of_conduct", "community.changelog", "community.issue_templates", "community.publiccode", "quality.ci",
                     "quality.dependency_updates"] {
            #expect(now[rule] == "pass", "\(rule): \(now[rule] ?? "absent")")
        }
        // The licence vigie wrote is identified at confidence 1.0 by vigie itself.
        let licence = (after["facts"] as? [String: Any])?["licence"] as? [String: Any]
        let detections = (licence?["detections"] as? [[String: Any]]) ?? []
        #expect(detections.contains { ($0["spdx"] as? String) == "MIT" && ($0["confidence"] as? Double) == 1.0 }, "\(licence ?? [:])")
        // A passing check names no fix.
        #expect(((after["checks"] as? [[String: Any]]) ?? []).filter { $0["status"] as? String == "pass" }.allSatisfy { $0["fix"] == nil })
    }

    @Test("the generated publiccode.yml, Dependabot or Renovate configuration and workflow parse (YAML, JSON), on GitHub and GitLab",
          arguments: [("https://github.com/example-gouv/calcul.git", [".github/dependabot.yml", ".github/workflows/ci.yml", "publiccode.yml"]),
                      ("git@gitlab.example.gouv.fr:equipe/calcul.git", [".gitlab-ci.yml", "publiccode.yml"])])
    func generatedFilesParse(remote: String, yaml: [String]) throws {
        let scratch = try TemporaryDirectory("vigie-fix-yaml")
        let repo = try Self.workTree("fix-code-only", in: scratch, remote: remote)
        let result = try runVigie(["fix", repo.path, "--only", "quality", "--only", "community"] + Self.options)
        #expect(result.status == 0, "\(result.stderr)")
        for path in yaml {
            let text = try String(contentsOf: repo.appendingPathComponent(path), encoding: .utf8)
            let parsed = try Yams.load(yaml: text) as? [String: Any]
            #expect(parsed != nil, "\(path) is not a YAML mapping")
        }
        if remote.contains("gitlab") {
            try Self.expectSnapshots(repo, ["renovate.json", ".gitlab-ci.yml", "publiccode.yml", "CONTRIBUTING.md",
                                            ".gitlab/issue_templates/Bug.md", ".gitlab/issue_templates/Feature.md"], "code-only-gitlab")
            let renovate = try JSONSerialization.jsonObject(with: Data(contentsOf: repo.appendingPathComponent("renovate.json"))) as? [String: Any]
            #expect(renovate?["extends"] as? [String] == ["config:recommended"])
            let ci = try Yams.load(yaml: String(contentsOf: repo.appendingPathComponent(".gitlab-ci.yml"), encoding: .utf8)) as? [String: Any]
            #expect((ci?["test-pip"] as? [String: Any])?["script"] as? [String] == ["pip install -e . pytest || pip install -r requirements.txt pytest", "python -m pytest"])
            return
        }
        let dependabot = try Yams.load(yaml: String(contentsOf: repo.appendingPathComponent(".github/dependabot.yml"), encoding: .utf8)) as? [String: Any]
        let ecosystems = ((dependabot?["updates"] as? [[String: Any]]) ?? []).compactMap { $0["package-ecosystem"] as? String }
        #expect(ecosystems == ["pip", "github-actions"])
    }

    @Test("a second run writes nothing, and an existing file is never overwritten")
    func idempotentAndNeverOverwrites() throws {
        let scratch = try TemporaryDirectory("vigie-fix-twice")
        let repo = try Self.workTree("fix-code-only", in: scratch)
        // A guide the team is writing, not committed yet: vigie must leave it alone.
        let mine = Data("# Contribuer\n\nNotre guide, en cours d'écriture.\n".utf8)
        try mine.write(to: repo.appendingPathComponent("CONTRIBUTING.md"))
        let first = try runVigie(["fix", repo.path] + Self.options)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.contents(atPath: repo.appendingPathComponent("CONTRIBUTING.md").path) == mine)
        #expect(first.stdout.contains("= CONTRIBUTING.md"), "\(first.stdout)")
        let written = Self.contents(repo, Self.expected)
        let statusBefore = try git(["status", "--porcelain"], in: repo).stdout

        let second = try runVigie(["fix", repo.path] + Self.options)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stdout.contains("+ "), "the second run wrote: \(second.stdout)")
        #expect(!second.stdout.contains("git add"))
        // Nothing written, so no "complete what was written" note either.
        #expect(!second.stdout.contains("complétez les valeurs"), "\(second.stdout)")
        #expect(Self.contents(repo, Self.expected) == written)
        #expect(try git(["status", "--porcelain"], in: repo).stdout == statusBefore)
    }

    @Test("the README's missing sections are added once, in the README's language, at its end; a second run adds nothing")
    func readmeSectionsOnce() throws {
        let scratch = try TemporaryDirectory("vigie-fix-readme")
        let repo = try Self.workTree("fix-code-only", in: scratch)
        let readme = repo.appendingPathComponent("README.md")
        let original = "# Calcul\n\nCalcul computes local taxes from the public data of the tax administration, for the towns that ask for it.\n"
        try original.write(to: readme, atomically: true, encoding: .utf8)
        try Self.commitAll(repo)
        let first = try runVigie(["fix", repo.path, "--only", "readme.sections", "--only", "community.contributing", "--as-of", Self.asOf])
        #expect(first.status == 0, "\(first.stderr)")
        let once = try String(contentsOf: readme, encoding: .utf8)
        #expect(once.hasPrefix(original) && once.contains("<!-- vigie fix: sections to complete") && once.contains("\n## Installation\n\nTo complete:"),
                "\(once)")
        // No --lang: the README is in English, so is what vigie writes.
        #expect(try String(contentsOf: repo.appendingPathComponent("CONTRIBUTING.md"), encoding: .utf8).hasPrefix("# Contributing to calcul"))
        try Self.expectSnapshots(repo, ["README.md", "CONTRIBUTING.md"], "readme-en")
        let second = try runVigie(["fix", repo.path, "--only", "readme.sections", "--as-of", Self.asOf])
        #expect(second.status == 0 && !second.stdout.contains("+ "), "\(second.stdout)")
        #expect(try String(contentsOf: readme, encoding: .utf8) == once)
    }

    @Test("--dry-run writes nothing, and its diff applies with git apply to give the same files")
    func dryRun() throws {
        let scratch = try TemporaryDirectory("vigie-fix-dry")
        let repo = try Self.workTree("fix-code-only", in: scratch)
        let result = try runVigie(["fix", repo.path, "--dry-run"] + Self.options)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try git(["status", "--porcelain"], in: repo).stdout.isEmpty, "--dry-run wrote something")
        let patch = scratch.appending("fix.patch")
        try result.stdout.write(to: patch, atomically: true, encoding: .utf8)
        try git(["apply", "--check", patch.path], in: repo)
        try git(["apply", patch.path], in: repo)
        for path in Self.expected {
            let applied = FileManager.default.contents(atPath: repo.appendingPathComponent(path).path)
            let snapshot = FileManager.default.contents(atPath: PackagePaths.fixtures.appendingPathComponent("fix-expected/code-only/" + path).path)
            #expect(applied != nil && applied == snapshot, "\(path): the diff does not give the file vigie fix writes")
        }
    }

    @Test("a bare repository has no work tree: one line, exit 66")
    func bareRepository() throws {
        let scratch = try TemporaryDirectory("vigie-fix-bare")
        let repo = try Self.workTree("fix-code-only", in: scratch)
        let bare = scratch.appending("bare.git")
        try git(["clone", "-q", "--bare", repo.path, bare.path])
        let result = try runVigie(["fix", bare.path, "--lang", "en"] + Self.options)
        #expect(result.status == 66)
        #expect(result.stderr.contains("without a work tree"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("a folder of the work tree that is a symbolic link is refused, never followed (exit 73); the other files are written")
    func symbolicLinkRefused() throws {
        let scratch = try TemporaryDirectory("vigie-fix-link")
        let repo = try Self.workTree("fix-code-only", in: scratch)
        let elsewhere = scratch.appending("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: repo.appendingPathComponent(".github"), withDestinationURL: elsewhere)
        let result = try runVigie(["fix", repo.path, "--lang", "en"] + Self.options)
        #expect(result.status == 73, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(".github/dependabot.yml not written"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "a file was written through the link")
        #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent("LICENSE").path))
    }

    @Test("without --licence, the list of the French licences and a guide; without --security-contact, no SECURITY.md")
    func optionsMissing() throws {
        let scratch = try TemporaryDirectory("vigie-fix-options")
        let repo = try Self.workTree("fix-code-only", in: scratch)
        let result = try runVigie(["fix", repo.path, "--only", "licence.present", "--only", "community.security", "--lang", "en", "--as-of", Self.asOf])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("--licence ID"), "\(result.stdout)")
        #expect(result.stdout.contains("EUPL-1.2") && result.stdout.contains("etalab-2.0"))
        #expect(result.stdout.contains("--security-contact"))
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("LICENSE").path))
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("SECURITY.md").path))
        // MIT has a copyright line: without --holder, nothing is written.
        let noHolder = try runVigie(["fix", repo.path, "--only", "licence.present", "--licence", "MIT", "--lang", "en"])
        #expect(noHolder.stdout.contains("--holder"), "\(noHolder.stdout)")
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("LICENSE").path))
        // An unknown rule or a licence off the list is a usage error.
        let unknown = try runVigie(["fix", repo.path, "--only", "readme.present", "--lang", "en"])
        #expect(unknown.status == 64, "\(unknown.stderr)")
        let offList = try runVigie(["fix", repo.path, "--only", "licence.present", "--licence", "WTFPL", "--lang", "en"])
        #expect(offList.stdout.contains("not on the French administrations' list"), "\(offList.stdout)")
    }

    /// Each fix on its own (`--only`): audit, fix, commit, audit again: the rule passes.
    @Test("each fix makes its rule pass", arguments: [
        ("licence.present", "fix-code-only"), ("community.contributing", "fix-code-only"), ("community.security", "fix-code-only"),
        ("community.code_of_conduct", "fix-code-only"), ("community.changelog", "fix-code-only"), ("community.issue_templates", "fix-code-only"),
        ("quality.ci", "fix-code-only"), ("quality.dependency_updates", "fix-code-only"), ("readme.sections", "title-only"),
        ("community.publiccode", "fix-code-only"), ("community.publiccode", "fix-web-app"),
    ])
    func eachFix(rule: String, fixture: String) throws {
        let scratch = try TemporaryDirectory("vigie-fix-each")
        let repo = try Self.workTree(fixture, in: scratch, remote: "git@gitlab.example.gouv.fr:equipe/calcul.git")
        let before = Self.statuses(try Self.audit(repo))
        #expect(["fail", "warn"].contains(before[rule] ?? ""), "\(rule) already \(before[rule] ?? "absent")")
        let result = try runVigie(["fix", repo.path, "--only", rule] + Self.options)
        #expect(result.status == 0, "\(result.stderr)")
        try Self.commitAll(repo)
        let after = Self.statuses(try Self.audit(repo))
        #expect(after[rule] == "pass", "\(rule): \(after[rule] ?? "absent") after the fix; \(result.stdout)")
    }

    @Test("the accessibility statement model is written where the framework serves pages, and the rule keeps failing, saying so, until it is filled")
    func accessibilityStatement() throws {
        let scratch = try TemporaryDirectory("vigie-fix-a11y")
        let repo = try Self.workTree("fix-web-app", in: scratch)
        #expect(Self.statuses(try Self.audit(repo))["accessibility.statement"] == "fail")
        let result = try runVigie(["fix", repo.path, "--only", "accessibility.statement", "--as-of", Self.asOf])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pages/accessibilite.mdx"), "\(result.stdout)")
        #expect(result.stdout.contains("continue d'échouer"), "the fix must say the rule keeps failing: \(result.stdout)")
        try Self.expectSnapshots(repo, ["pages/accessibilite.mdx"], "web-app")
        let written = try String(contentsOf: repo.appendingPathComponent("pages/accessibilite.mdx"), encoding: .utf8)
        #expect(written.hasPrefix("<!-- vigie fix") && written.contains("# Déclaration d'accessibilité") && written.contains("JJ/MM/AAAA"))
        try Self.commitAll(repo)
        let after = try Self.audit(repo)
        let check = ((after["checks"] as? [[String: Any]]) ?? []).first { $0["id"] as? String == "accessibility.statement" }
        #expect(check?["status"] as? String == "fail")
        let evidence = (check?["evidence"] as? [[String: Any]]) ?? []
        #expect(evidence.contains { ($0["path"] as? String) == "pages/accessibilite.mdx" && (($0["message"] as? String) ?? "").contains("modèle officiel") },
                "\(evidence)")
        // Filled in (the blanks replaced as an audit's results would), the page is a statement.
        var filled = written
        for (blank, value) in [("[nom de l'entité qui a réalisé l'audit]", "Access42"), ("[Nom de l'entité]", "La DINUM"), ("[Nom du site]", "Démarches"), ("[URL du site]", "https://demarches.example.gouv.fr"),
                               ("JJ/MM/AAAA", "12/11/2026"), ("xx %", "72 %"), ("[nn]", "80")] {
            filled = filled.replacingOccurrences(of: blank, with: value)
        }
        try filled.write(to: repo.appendingPathComponent("pages/accessibilite.mdx"), atomically: true, encoding: .utf8)
        try Self.commitAll(repo)
        #expect(Self.statuses(try Self.audit(repo))["accessibility.statement"] == "pass")
    }

    @Test("--exempt writes a valid exemption into .vigie.yml, then adds to it; the audit applies both")
    func exemption() throws {
        let scratch = try TemporaryDirectory("vigie-fix-exempt")
        let repo = try Self.workTree("fix-code-only", in: scratch)
        let first = try runVigie(["fix", repo.path, "--exempt", "quality.ci", "--reason", "Intégration continue sur la forge du ministère",
                                  "--until", "2027-06-30", "--as-of", Self.asOf])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try runVigie(["fix", repo.path, "--exempt", "community.publiccode", "--reason", "Publication sur code.gouv.fr en 2027",
                                   "--as-of", Self.asOf])
        #expect(second.status == 0, "\(second.stderr)")
        let past = try runVigie(["fix", repo.path, "--exempt", "quality.ci", "--reason", "x", "--until", "2020-01-01", "--as-of", Self.asOf, "--lang", "en"])
        #expect(past.status == 64 && past.stderr.contains("in the past"), "\(past.stderr)")
        try Self.commitAll(repo)
        let statuses = Self.statuses(try Self.audit(repo))
        #expect(statuses["quality.ci"] == "exempt" && statuses["community.publiccode"] == "exempt", "\(statuses)")
        #expect(statuses["configuration.exemptions"] == nil || statuses["configuration.exemptions"] == "pass")
    }

    @Test("an existing Dependabot configuration that misses an ecosystem is left as it is; the entry to add is printed")
    func dependabotEntriesPrinted() throws {
        let scratch = try TemporaryDirectory("vigie-fix-dependabot")
        let repo = try Self.workTree("fix-code-only", in: scratch)
        let mine = "version: 2\nupdates:\n  - package-ecosystem: github-actions\n    directory: /\n    schedule: {interval: monthly}\n"
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".github"), withIntermediateDirectories: true)
        try mine.write(to: repo.appendingPathComponent(".github/dependabot.yml"), atomically: true, encoding: .utf8)
        try Self.commitAll(repo)
        #expect(Self.statuses(try Self.audit(repo))["quality.dependency_updates"] == "warn")
        let result = try runVigie(["fix", repo.path, "--only", "quality.dependency_updates", "--lang", "en", "--as-of", Self.asOf])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("add under 'updates:'") && result.stdout.contains("package-ecosystem: \"pip\""), "\(result.stdout)")
        #expect(!result.stdout.contains("github-actions\""), "an entry the file has is not proposed again: \(result.stdout)")
        #expect(try String(contentsOf: repo.appendingPathComponent(".github/dependabot.yml"), encoding: .utf8) == mine)
    }

    @Test("licence.consistent: the exact edit of each contradicting manifest is printed, and no manifest is rewritten")
    func licenceEditsPrinted() throws {
        let scratch = try TemporaryDirectory("vigie-fix-consistent")
        let repo = try Self.workTree("fix-code-only", in: scratch)
        try FileManager.default.copyItem(at: PackagePaths.rules.appendingPathComponent("licences/MIT.txt"), to: repo.appendingPathComponent("LICENSE"))
        let manifest = repo.appendingPathComponent("pyproject.toml")
        let declared = "[project]\nname = \"calcul\"\nversion = \"1.0.0\"\nlicense = \"Apache-2.0\"\n"
        try declared.write(to: manifest, atomically: true, encoding: .utf8)
        try Self.commitAll(repo)
        #expect(Self.statuses(try Self.audit(repo))["licence.consistent"] == "fail")
        let result = try runVigie(["fix", repo.path, "--only", "licence.consistent", "--lang", "en", "--as-of", Self.asOf])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pyproject.toml:4 (pyproject.toml): replace 'Apache-2.0' with 'MIT'"), "\(result.stdout)")
        #expect(try String(contentsOf: manifest, encoding: .utf8) == declared)
        #expect(try git(["status", "--porcelain"], in: repo).stdout.isEmpty)
    }

    @Test("vigie rules show says whether a rule has a fix")
    func rulesShow() throws {
        let fixable = try runVigie(["rules", "show", "community.security", "--lang", "en"])
        #expect(fixable.stdout.contains("Automatic fix: vigie fix --only community.security"), "\(fixable.stdout)")
        let none = try runVigie(["rules", "show", "activity.recent", "--lang", "en"])
        #expect(none.stdout.contains("Automatic fix: none"), "\(none.stdout)")
    }
}
