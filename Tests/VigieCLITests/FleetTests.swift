import Foundation
import Testing
import VigieTestSupport

/// The tech lead's workflow, end to end: a manifest, one command, a scorecard each and an index.
@Suite("vigie fleet, end to end")
struct FleetTests {
    /// Six repositories: two local work trees, a `file://` URL to a bare clone, a path that does not
    /// exist, a URL that does not answer, and an empty repository.
    struct Fleet {
        let scratch: TemporaryDirectory
        let manifest: URL
        let output: URL
        let cache: URL
        let titleOnly: URL

        init() throws {
            scratch = try TemporaryDirectory("vigie-fleet")
            let complete = try FixtureBuilder.build("eig-complete", in: scratch)
            titleOnly = try FixtureBuilder.build("title-only", in: scratch)
            let activity = try FixtureBuilder.build("activity", in: scratch)
            let empty = try FixtureBuilder.build("empty", in: scratch)
            let bare = scratch.appending("activity-mirror.git")
            try git(["clone", "--quiet", "--bare", activity.path, bare.path])
            manifest = scratch.appending("cohort.yml")
            output = scratch.appending("out")
            cache = scratch.appending("cache")
            try """
            name: EIG test
            ruleset: eig
            timeout: 30
            repositories:
              - {name: signaux, path: \(complete.lastPathComponent), team: Signaux}
              - {name: mon-projet, path: \(titleOnly.lastPathComponent), team: Projet}
              - {name: tableau, url: "file://\(bare.path)", team: Tableau, tags: [data]}
              - {name: fantome, path: does-not-exist}
              - {name: injoignable, url: "https://vigie-test.invalid/nobody/nothing.git"}
              - {name: vide, path: \(empty.lastPathComponent)}
            """.write(to: manifest, atomically: true, encoding: .utf8)
        }

        func run(_ extra: [String] = [], output: URL? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
            try runVigie(["fleet", manifest.path, "--output", (output ?? self.output).path, "--cache", cache.path,
                          "--as-of", "2026-11-29", "--lang", "en", "--quiet"] + extra, environment: environment)
        }

        func index(_ folder: URL? = nil) throws -> [String: Any] {
            let data = try Data(contentsOf: (folder ?? output).appendingPathComponent("index.json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        func entries(_ folder: URL? = nil) throws -> [String: [String: Any]] {
            let list = try #require(try index(folder)["repositories"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as! String, $0) })
        }
    }

    @Test("six repositories: four scorecards, two error entries with their reasons, exit code 2")
    func firstRun() throws {
        let fleet = try Fleet()
        let result = try fleet.run()
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.contains("EIG test: 4/6 repositories audited (0 reused), 2 errors"))
        let entries = try fleet.entries()
        #expect(Set(entries.keys) == ["signaux", "mon-projet", "tableau", "fantome", "injoignable", "vide"])
        for name in ["signaux", "mon-projet", "tableau", "vide"] {
            #expect(entries[name]?["status"] as? String == "audited", "\(name)")
            #expect(FileManager.default.fileExists(atPath: fleet.output.appendingPathComponent("\(name).json").path))
            #expect(FileManager.default.fileExists(atPath: fleet.output.appendingPathComponent("\(name).md").path))
        }
        #expect(entries["fantome"]?["status"] as? String == "error")
        #expect((entries["fantome"]?["error"] as? String)?.hasSuffix("does-not-exist: no such file or folder") == true)
        #expect((entries["injoignable"]?["error"] as? String)?.hasPrefix("https://vigie-test.invalid/nobody/nothing.git: cannot fetch") == true)
        #expect(entries["tableau"]?["source"] as? String == "file://" + fleet.scratch.appending("activity-mirror.git").path)
        #expect(entries["tableau"]?["team"] as? String == "Tableau")
        #expect(entries["signaux"]?["reused"] as? Bool == false)
        let summary = try #require(try fleet.index()["summary"] as? [String: Any])
        #expect(summary["audited"] as? Int == 4)
        #expect(summary["errors"] as? Int == 2)
        let rules = try #require(try fleet.index()["rules"] as? [[String: Any]])
        let present = try #require(rules.first { $0["id"] as? String == "licence.present" })
        #expect(present["applicable"] as? Int == 4)
        #expect(present["passed"] as? Int == 1) // only signaux has a licence
        let markdown = try String(contentsOf: fleet.output.appendingPathComponent("index.md"), encoding: .utf8)
        let signaux = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| [signaux](signaux.md) | Signaux |") })
        #expect(signaux.contains("| new | 100 |")) // change, then the licence category: a healthy licence
        #expect(markdown.contains("## Repositories not audited"))
        #expect(markdown.contains("| fantome |"))
    }

    @Test("a second run reuses unchanged scorecards and re-audits only the repository with a new commit")
    func incremental() throws {
        let fleet = try Fleet()
        _ = try fleet.run()
        let before = try fleet.entries()
        // One new commit in mon-projet: a licence, so its score changes.
        try git(["reset", "--quiet", "--hard"], in: fleet.titleOnly)
        try FileManager.default.copyItem(at: PackagePaths.fixtures.appendingPathComponent("licences/MIT.txt"),
                                         to: fleet.titleOnly.appendingPathComponent("LICENSE"))
        try git(["add", "LICENSE"], in: fleet.titleOnly)
        try git(["-c", "user.name=Claire", "-c", "user.email=claire@example.org", "commit", "--quiet", "-m", "Licence MIT",
                 "--date", "2026-11-28T10:00:00Z"], in: fleet.titleOnly)
        // signaux is unchanged and local: its reuse is decided from its reference files, so no worker
        // ever sees it, and the crash planted in the workers for it never happens.
        let second = try fleet.run(environment: ["VIGIE_FLEET_WORKER_FAULT": "crash:signaux"])
        #expect(second.status == 2)
        #expect(second.stdout.contains("4/6 repositories audited (3 reused)"))
        let after = try fleet.entries()
        #expect(after["signaux"]?["reused"] as? Bool == true)
        #expect(after["tableau"]?["reused"] as? Bool == true)
        #expect(after["vide"]?["reused"] as? Bool == true)
        #expect(after["mon-projet"]?["reused"] as? Bool == false)
        let oldScore = try #require(before["mon-projet"]?["score"] as? Int)
        let newScore = try #require(after["mon-projet"]?["score"] as? Int)
        #expect(newScore > oldScore)
        #expect(after["mon-projet"]?["previous_score"] as? Int == oldScore)
        let markdown = try String(contentsOf: fleet.output.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(markdown.contains("| [mon-projet](mon-projet.md) | Projet | \(newScore) |"))
        #expect(markdown.contains("| +\(newScore - oldScore) |"))
        let forced = try fleet.run(["--force"])
        #expect(forced.stdout.contains("(0 reused)"))
    }

    @Test("--shard 1/2 and 2/2 then vigie merge give the same index as the unsharded run")
    func shards() throws {
        let fleet = try Fleet()
        _ = try fleet.run()
        let first = fleet.scratch.appending("shard1"), second = fleet.scratch.appending("shard2"), merged = fleet.scratch.appending("merged")
        _ = try fleet.run(["--shard", "1/2"], output: first)
        _ = try fleet.run(["--shard", "2/2"], output: second)
        let shardNames = Set(try fleet.entries(first).keys).union(try fleet.entries(second).keys)
        #expect(shardNames.count == 6)
        #expect(Set(try fleet.entries(first).keys).isDisjoint(with: try fleet.entries(second).keys))
        let result = try runVigie(["merge", first.path, second.path, "--output", merged.path, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let whole = try Data(contentsOf: fleet.output.appendingPathComponent("index.json"))
        let joined = try Data(contentsOf: merged.appendingPathComponent("index.json"))
        #expect(String(decoding: joined, as: UTF8.self) == String(decoding: whole, as: UTF8.self))
        #expect(FileManager.default.fileExists(atPath: merged.appendingPathComponent("signaux.json").path))
    }

    @Test("hostile names never write outside the output folder; --init writes an example")
    func safety() throws {
        let scratch = try TemporaryDirectory("vigie-fleet-safety")
        let repo = try FixtureBuilder.build("eig-complete", in: scratch)
        let manifest = scratch.appending("m.yml")
        try """
        name: hostile
        repositories:
          - {name: ../../etc, path: \(repo.path)}
          - {name: a/b, path: \(repo.path)}
          - {name: a_b, path: \(repo.path)}
          - {name: index, path: \(repo.path)}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let output = scratch.appending("out/inner")
        let result = try runVigie(["fleet", manifest.path, "--output", output.path, "--as-of", "2026-11-29", "--quiet", "--ruleset", "eig"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: output.path))
        #expect(files == ["_.._etc.json", "_.._etc.md", "a_b.json", "a_b.md", "a_b-2.json", "a_b-2.md", "index_.json", "index_.md", "index.json", "index.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.appending("out").path) == ["inner"])
        let example = scratch.appending("cohort.yml")
        #expect(try runVigie(["fleet", example.path, "--init"]).status == 0)
        #expect(try String(contentsOf: example, encoding: .utf8).contains("repositories:"))
        #expect(try runVigie(["fleet", example.path, "--init"]).status == 73)
    }

    @Test("a manifest with mistakes: every problem with file:line:column, exit 65; credentials in a URL are refused")
    func invalidManifest() throws {
        let scratch = try TemporaryDirectory("vigie-fleet-bad")
        let manifest = scratch.appending("bad.yml")
        try """
        name: bad
        repositories:
          - {name: one, path: ., tem: x}
          - {name: two, url: "https://user:s3cr3t@gitlab.example/x.git"}
          - {name: three}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let result = try runVigie(["fleet", manifest.path, "--output", scratch.appending("o").path, "--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.yml:3:26: unknown key 'tem' in a repository (did you mean 'team'?)"))
        #expect(result.stderr.contains("bad.yml:4:22: the URL https://•••@gitlab.example/x.git holds a user, a query or a fragment"))
        let french = try runVigie(["fleet", manifest.path, "--output", scratch.appending("o").path])
        #expect(french.stderr.contains("bad.yml:3:26: clé inconnue « tem » dans un dépôt (vouliez-vous dire « team » ?)"))
        #expect(!french.stderr.contains("in a repository"))
        #expect(result.stderr.contains("bad.yml:5:5: repository 'three' needs exactly one of 'url' or 'path'"))
        #expect(!result.stderr.contains("s3cr3t"))
        let missing = try runVigie(["fleet", scratch.appending("absent.yml").path, "--lang", "en"])
        #expect(missing.status == 66)
        #expect(missing.stderr.hasSuffix("absent.yml: no such file or folder\nhint: check the path of the repository to audit\n"))
    }
}
