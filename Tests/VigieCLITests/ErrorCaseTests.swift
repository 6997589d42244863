import Foundation
import Testing
import VigieTestSupport

/// Every bad input gets one line naming it, a hint with the fix, and its documented exit code (docs/cli.md).
@Suite("vigie audit: errors and exit codes")
struct ErrorCaseTests {
    let asOf = ["--as-of", "2026-11-29", "--lang", "en"]

    func expectNoTrace(_ result: ProcessResult) {
        #expect(!result.stderr.contains("Fatal error"))
        #expect(!result.stderr.contains("Stack dump"))
        #expect(result.stdout.isEmpty)
    }

    @Test("a missing path: 66")
    func missingPath() throws {
        let result = try runVigie(["audit", "/no/such/place"] + asOf)
        #expect(result.status == 66)
        #expect(result.stderr == "vigie: error: /no/such/place: no such file or folder\nhint: check the path of the repository to audit\n")
        expectNoTrace(result)
    }

    @Test("a folder that is not a repository: 66")
    func notARepository() throws {
        let scratch = try TemporaryDirectory()
        let result = try runVigie(["audit", scratch.path] + asOf)
        #expect(result.status == 66)
        #expect(result.stderr.hasPrefix("vigie: error: \(scratch.path): not a git repository (nor any parent folder)\nhint: give a work tree"))
        expectNoTrace(result)
    }

    @Test("an unknown ref: 66, naming the ref")
    func unknownRef() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let result = try runVigie(["audit", repo.path, "--ref", "v9.9.9"] + asOf)
        #expect(result.status == 66)
        #expect(result.stderr.hasPrefix("vigie: error: \(repo.path): unknown revision 'v9.9.9' ("))
        #expect(result.stderr.contains("hint: give --ref an existing branch, tag or commit"))
        expectNoTrace(result)
    }

    @Test("the audited commit's root tree missing: 74, pointing at git fsck (a missing blob is a partial audit: PartialRepositoryTests)")
    func corruptObject() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let tree = try git(["rev-parse", "HEAD^{tree}"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: repo.appendingPathComponent(".git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))"))
        let result = try runVigie(["audit", repo.path] + asOf)
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("vigie: error: \(repo.path): missing or corrupt object ("))
        #expect(result.stderr.contains("hint: run `git fsck` in the repository"))
        expectNoTrace(result)
    }

    @Test("malformed rules: 65, with file:line:column")
    func invalidRules() throws {
        let scratch = try TemporaryDirectory()
        let rules = scratch.appending("rules")
        try FileManager.default.copyItem(at: PackagePaths.rules, to: rules)
        try "id: eig\nrules:\n  licence.present: {weight: 3}\n  readme.present: {weigth: 2}\n".write(to: rules.appendingPathComponent("eig.yml"), atomically: true, encoding: .utf8)
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let result = try runVigie(["audit", repo.path, "--rules", rules.path] + asOf)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("vigie: error: \(rules.path)/eig.yml:4:20: unknown key 'weigth' in rule readme.present (did you mean 'weight'?)\n"))
        let validate = try runVigie(["rules", "validate", "--rules", rules.path, "--lang", "en"])
        #expect(validate.status == 65)
        #expect(validate.stderr.contains("eig.yml:4:20"))
    }

    @Test("an unknown rule set and a rules folder that does not exist: 65")
    func missingRules() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let unknownSet = try runVigie(["audit", repo.path, "--ruleset", "nope"] + asOf)
        #expect(unknownSet.status == 65)
        // An unknown rule set is named, with the rule sets that do exist.
        #expect(unknownSet.stderr.contains("nope.yml: found nowhere: not in a rules folder (--rules), nor among the built-in rules (eig, generic)"),
                "\(unknownSet.stderr)")
        let noFolder = try runVigie(["audit", repo.path, "--rules", "/no/rules"] + asOf)
        #expect(noFolder.status == 65)
        #expect(noFolder.stderr.hasPrefix("vigie: error: rules folder not found: /no/rules"))
    }

    @Test("a bad --as-of or --fail-under: 64, with the expected form")
    func usage() throws {
        let badDate = try runVigie(["audit", ".", "--as-of", "29/11/2026"])
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("--as-of '29/11/2026' is not a date: use YYYY-MM-DD"))
        let badThreshold = try runVigie(["audit", ".", "--fail-under", "120"])
        #expect(badThreshold.status == 64)
        let badLanguage = try runVigie(["audit", ".", "--lang", "de"])
        #expect(badLanguage.status == 64)
    }

    @Test("an output folder that cannot be written: 73")
    func unwritableOutput() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let blocker = scratch.appending("file")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let result = try runVigie(["audit", repo.path, "--output", blocker.appendingPathComponent("out").path] + asOf)
        #expect(result.status == 73)
        #expect(result.stderr.hasPrefix("vigie: error: cannot write \(blocker.path)/out"))
        #expect(result.stderr.contains("hint: pass --output a folder you can write to"))
    }

    @Test("--version names vigie, the commit it is built from (BuildInfo plugin) and libgit2")
    func version() throws {
        let result = try runVigie(["--version"])
        #expect(result.status == 0)
        // The test binary is built from this checkout: its HEAD is the commit the plugin recorded.
        if let head = try? git(["-C", PackagePaths.root.path, "rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) {
            #expect(result.stdout.hasPrefix("vigie 0.1.0 (commit \(head.prefix(12)), libgit2 1."), "\(result.stdout)")
        } else {
            #expect(result.stdout.hasPrefix("vigie 0.1.0 (libgit2 1."), "\(result.stdout)")
        }
    }
}
