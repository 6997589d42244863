import Foundation
import Testing
import VigieTestSupport

/// Partial, damaged and LFS repositories, end to end: each gets a scorecard (exit 0) that names
/// what it could not read and why, and gives, rule by rule, the intact repository's verdict on every
/// rule that did not need the missing files (docs/architecture.md#partial-audits).
@Suite("Partial and damaged repositories: a scorecard, not an abort")
struct PartialRepositoryTests {
    static let options = ["--as-of", "2026-06-30", "--lang", "en", "--format", "json"]

    /// One audited scorecard, read back from JSON.
    struct Card {
        let json: [String: Any]
        var checks: [String: [String: Any]] {
            let list = json["checks"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as! String, $0) })
        }
        var facts: [String: Any] { json["facts"] as? [String: Any] ?? [:] }
        var integrity: [String: Any] { facts["repository"] as? [String: Any] ?? [:] }
        var activity: NSDictionary { (facts["activity"] as? NSDictionary) ?? [:] }
        var partial: Bool { (json["repository"] as? [String: Any])?["partial"] as? Bool ?? false }
        /// `facts.repository.unreadable.entries`: path → reason.
        var unreadable: [String: String] {
            let list = (integrity["unreadable"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: list.map { ($0["path"] as! String, $0["reason"] as! String) })
        }
        func status(_ id: String) -> String? { checks[id]?["status"] as? String }
    }

    /// Audits `repository` (exit 0 expected) and validates its scorecard against the published schema.
    static func audit(_ repository: URL, _ extra: [String] = []) throws -> Card {
        let result = try runVigie(["audit", repository.path] + options + extra)
        #expect(result.status == 0, "vigie audit \(repository.lastPathComponent) exited \(result.status): \(result.stderr)")
        let file = repository.deletingLastPathComponent().appendingPathComponent(repository.lastPathComponent + ".scorecard.json")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        let validator = PackagePaths.root.appendingPathComponent("scripts/validate-json.py")
        let valid = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", validator.path, PackagePaths.schema.path, file.path])
        #expect(valid.status == 0, "schema: \(valid.stdout)\(valid.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return Card(json: json)
    }

    /// The rule-by-rule comparison the issue asks for. A check of the damaged copy either equals the
    /// intact one (status, message and evidence) or is an `error` that names only unreadable files.
    /// Returns the ids of the checks that needed missing files.
    @discardableResult
    static func expectSameVerdicts(_ damaged: Card, as intact: Card, unreadable: Set<String>,
                                   sourceLocation: SourceLocation = #_sourceLocation) -> Set<String> {
        var needed: Set<String> = []
        #expect(Set(damaged.checks.keys) == Set(intact.checks.keys), sourceLocation: sourceLocation)
        for (id, whole) in intact.checks where id != "repository.complete" {
            guard let part = damaged.checks[id] else { continue }
            let evidence = (part["evidence"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            if part["status"] as? String == "error", whole["status"] as? String != "error" {
                let message = part["message"] as? String ?? ""
                #expect(unreadable.contains { message.contains($0) } || !evidence.isEmpty,
                        "\(id): an error that names no unreadable file: \(message)", sourceLocation: sourceLocation)
                // The unreadable files, then what the rule found in the files it could read: findings of the intact audit.
                let intactEvidence = Set((whole["evidence"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
                #expect(evidence.prefix { unreadable.contains($0) }.count >= 1 && evidence.allSatisfy { unreadable.contains($0) || intactEvidence.contains($0) },
                        "\(id): evidence \(evidence) beyond \(unreadable) and the intact findings", sourceLocation: sourceLocation)
                needed.insert(id)
                continue
            }
            #expect(part["status"] as? String == whole["status"] as? String, "\(id): \(part["status"] ?? "") ≠ \(whole["status"] ?? "")",
                    sourceLocation: sourceLocation)
            #expect(part["message"] as? String == whole["message"] as? String, "\(id)", sourceLocation: sourceLocation)
            #expect((part["evidence"] as? NSArray) == (whole["evidence"] as? NSArray), "\(id) evidence", sourceLocation: sourceLocation)
        }
        return needed
    }

    /// The intact source every damaged copy is made from, and its scorecard.
    struct Source {
        let scratch: TemporaryDirectory
        let url: URL
        let card: Card

        init() throws {
            scratch = try TemporaryDirectory("vigie-partial")
            url = try FixtureBuilder.build("partial-source", in: scratch)
            card = try PartialRepositoryTests.audit(url)
        }

        /// A fresh copy of the source to damage (damage never touches the source itself).
        func copy(_ name: String) throws -> URL {
            try FixtureBuilder.build("partial-source", in: scratch, as: name)
        }
    }

    @Test("the intact source: whole, its submodule named with its URL and never followed")
    func intact() throws {
        let source = try Source()
        #expect(!source.card.partial)
        #expect(source.card.status("repository.complete") == "pass")
        #expect(source.card.unreadable == ["vendor/dsfr": "submodule"])
        let entries = (source.card.integrity["unreadable"] as? [String: Any])?["entries"] as? [[String: Any]]
        #expect(entries?.first?["url"] as? String == "https://github.com/GouvernementFR/dsfr.git")
        #expect(source.card.activity["commits"] as? Int == 6)
        #expect(source.card.activity["history_complete"] as? Bool == true)
    }

    @Test("a blob:none partial clone: every file absent, named with its reason; history, names and activity intact")
    func blobNone() throws {
        let source = try Source()
        let clone = try RepositoryDamage.partialClone(of: source.url, filter: "blob:none", to: source.scratch.appending("none.git"))
        let card = try Self.audit(clone)
        #expect(card.partial)
        #expect(card.status("repository.complete") == "warn")
        #expect(card.integrity["partial_clone"] as? Bool == true)
        let files = ["CHANGELOG.md", "CONTRIBUTING.md", "LICENSE", "README.md", "SECURITY.md", ".gitmodules",
                     "data/communes.csv", "docs/guide.md", "src/app.py", "src/util.py"]
        for file in files { #expect(card.unreadable[file] == "absent_partial_clone", "\(file)") }
        #expect(card.unreadable["vendor/dsfr"] == "submodule")
        #expect(card.activity == source.card.activity)
        let needed = Self.expectSameVerdicts(card, as: source.card, unreadable: Set(files))
        #expect(needed.contains("readme.sections") && needed.contains("licence.identified") && needed.contains("security.secrets"))
        // Rules that only look at names and history keep their verdict.
        for id in ["licence.present", "activity.recent", "activity.contributors", "quality.tests"] {
            #expect(card.status(id) == source.card.status(id), "\(id)")
        }
    }

    @Test("a blob:limit=1k partial clone: only the three big files are missing, only the rules reading them are errors")
    func blobLimit() throws {
        let source = try Source()
        let clone = try RepositoryDamage.partialClone(of: source.url, filter: "blob:limit=1k", to: source.scratch.appending("limit.git"))
        let card = try Self.audit(clone)
        let missing: Set<String> = ["LICENSE", "data/communes.csv", "docs/guide.md"]
        #expect(Set(card.unreadable.filter { $0.value == "absent_partial_clone" }.keys) == missing)
        #expect(card.partial)
        let needed = Self.expectSameVerdicts(card, as: source.card, unreadable: missing)
        #expect(needed.contains("licence.identified"))
        #expect(!needed.contains("readme.sections") && !needed.contains("readme.links") && !needed.contains("licence.present"))
        #expect(card.activity == source.card.activity)
    }

    @Test("a partial clone checked out, as CI runners make them: HEAD's blobs were fetched, the audit is whole and identical")
    func checkedOutPartialClone() throws {
        let source = try Source()
        let clone = try RepositoryDamage.partialClone(of: source.url, filter: "blob:none", to: source.scratch.appending("ci"), checkout: true)
        let card = try Self.audit(clone)
        #expect(!card.partial)
        #expect(card.status("repository.complete") == "pass")
        #expect(Self.expectSameVerdicts(card, as: source.card, unreadable: []).isEmpty)
    }

    @Test("a tree:1 partial clone: folders whose trees are absent are named, the root's files still audited; tree:0 (no root tree) is exit 74")
    func treeless() throws {
        let source = try Source()
        let clone = try RepositoryDamage.partialClone(of: source.url, filter: "tree:1", to: source.scratch.appending("treeless.git"))
        let card = try Self.audit(clone)
        #expect(card.partial)
        for folder in ["data", "docs", "src"] { #expect(card.unreadable[folder] == "absent_partial_clone", "\(folder)") }
        let entries = (card.integrity["unreadable"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        #expect(entries.first { $0["path"] as? String == "src" }?["kind"] as? String == "folder")
        #expect(card.status("licence.present") == source.card.status("licence.present"))

        // Without the root tree nothing can be listed: the one case, with an unreadable commit, that is an error.
        let rootless = try RepositoryDamage.partialClone(of: source.url, filter: "tree:0", to: source.scratch.appending("rootless.git"))
        let refused = try runVigie(["audit", rootless.path, "--lang", "en"])
        #expect(refused.status == 74)
        #expect(refused.stderr.hasPrefix("vigie: error: \(rootless.path): missing or corrupt object"))
    }

    @Test("one loose blob deleted: named as absent, the other verdicts unchanged")
    func deletedBlob() throws {
        let source = try Source()
        let copy = try source.copy("deleted")
        try RepositoryDamage.deleteBlob("docs/guide.md", in: copy)
        let card = try Self.audit(copy)
        #expect(card.unreadable["docs/guide.md"] == "absent")
        #expect(card.integrity["partial_clone"] as? Bool == false)
        #expect(card.partial)
        #expect(card.status("repository.complete") == "warn")
        Self.expectSameVerdicts(card, as: source.card, unreadable: ["docs/guide.md"])
        #expect(card.activity == source.card.activity)
    }

    @Test("one corrupt loose blob: named as corrupt with libgit2's message, the rules reading it are errors")
    func corruptBlob() throws {
        let source = try Source()
        let copy = try source.copy("corrupt")
        try RepositoryDamage.corruptBlob("data/communes.csv", in: copy)
        let card = try Self.audit(copy)
        #expect(card.unreadable["data/communes.csv"] == "corrupt")
        let entries = (card.integrity["unreadable"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        let detail = entries.first { $0["path"] as? String == "data/communes.csv" }?["detail"] as? String
        #expect(detail?.isEmpty == false)
        #expect(card.partial)
        let needed = Self.expectSameVerdicts(card, as: source.card, unreadable: ["data/communes.csv"])
        #expect(needed.contains("open_data.csv"))
    }

    @Test("the two oldest commits missing: the walk stops there, activity counts the four commits present")
    func cutHistory() throws {
        let source = try Source()
        let copy = try source.copy("cut")
        let removed = try RepositoryDamage.deleteOldestCommits(2, in: copy)
        let card = try Self.audit(copy)
        #expect(card.partial)
        #expect(card.status("repository.complete") == "warn")
        #expect(card.activity["commits"] as? Int == 4)
        #expect(card.activity["authors"] as? Int == 3)
        #expect(card.activity["first_commit"] as? String == "2025-06-15T12:00:00+00:00")
        #expect(card.activity["history_complete"] as? Bool == false)
        let gaps = card.activity["history_gaps"] as? [[String: Any]] ?? []
        #expect(gaps.map { $0["commit"] as? String } == [removed[1]])
        #expect(gaps.first?["reason"] as? String == "absent")
        // Every rule that reads files gives the intact verdict: only the history changed.
        for (id, check) in source.card.checks where !id.hasPrefix("activity.") && id != "repository.complete" {
            #expect(card.checks[id]?["status"] as? String == check["status"] as? String, "\(id)")
        }
    }

    @Test("vigie history on a cut history and a missing blob: a point per period from the commits present, never an abort")
    func historyOnDamage() throws {
        let source = try Source()
        let copy = try source.copy("history")
        try RepositoryDamage.deleteOldestCommits(2, in: copy)
        try RepositoryDamage.deleteBlob("docs/guide.md", in: copy)
        let result = try runVigie(["history", copy.path, "--every", "quarter", "--as-of", "2026-06-30", "--lang", "en", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let points = try #require(json["points"] as? [[String: Any]])
        // The first-parent line stops at the missing commit: the first point is the quarter of 2025-06-15.
        #expect(points.count == 5)
        #expect(points.allSatisfy { $0["score"] is Int })
    }

    @Test("LFS pointers for a README and a CSV: named with the real size, their rules are errors, the others match the twin with content")
    func lfsPointers() throws {
        let scratch = try TemporaryDirectory("vigie-lfs")
        let pointers = try FixtureBuilder.build("lfs-pointers", in: scratch)
        let twin = try FixtureBuilder.build("lfs-pointers", in: scratch, as: "lfs-content", lfsContent: true)
        let card = try Self.audit(pointers)
        let intact = try Self.audit(twin)
        #expect(!intact.partial && intact.status("repository.complete") == "pass")
        #expect(card.unreadable["README.md"] == "lfs_pointer")
        #expect(card.unreadable["data/communes.csv"] == "lfs_pointer")
        let entries = (card.integrity["unreadable"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        #expect(entries.first { $0["path"] as? String == "data/communes.csv" }?["size"] as? Int == 64)
        #expect(card.partial && card.status("repository.complete") == "warn")
        let needed = Self.expectSameVerdicts(card, as: intact, unreadable: ["README.md", "data/communes.csv"])
        #expect(needed.contains("readme.sections") && needed.contains("open_data.csv"))
        #expect(card.status("licence.identified") == "pass")
    }

    @Test("--strict turns a partial audit into exit 74 with one line naming what is missing; a whole audit still exits 0")
    func strict() throws {
        let source = try Source()
        let copy = try source.copy("strict")
        try RepositoryDamage.deleteBlob("docs/guide.md", in: copy)
        let refused = try runVigie(["audit", copy.path, "--strict", "--lang", "en", "--as-of", "2026-06-30"])
        #expect(refused.status == 74)
        #expect(refused.stdout.isEmpty)
        let lines = refused.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("partial audit refused by --strict: 1 unreadable item (docs/guide.md: absent)") == true)
        #expect(lines.last?.hasPrefix("hint: Run `git fsck`") == true)
        #expect(try runVigie(["audit", source.url.path, "--strict", "--as-of", "2026-06-30"]).status == 0)
    }

    @Test("a fleet of intact, partial and damaged repositories: a scorecard for each readable one, flagged partial; an error only for an unreadable commit")
    func fleet() throws {
        let source = try Source()
        let limit = try RepositoryDamage.partialClone(of: source.url, filter: "blob:limit=1k", to: source.scratch.appending("limit.git"))
        let deleted = try source.copy("deleted")
        try RepositoryDamage.deleteBlob("docs/guide.md", in: deleted)
        let headless = try source.copy("headless")
        let head = try git(["-C", headless.path, "rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: headless.appendingPathComponent(".git/objects/\(head.prefix(2))/\(head.dropFirst(2))"))
        let manifest = source.scratch.appending("cohort.yml")
        try """
        name: Partial cohort
        repositories:
          - {name: intact, path: \(source.url.path)}
          - {name: limit, path: \(limit.path)}
          - {name: deleted, path: \(deleted.path)}
          - {name: headless, path: \(headless.path)}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let output = source.scratch.appending("out")
        let run = try runVigie(["fleet", manifest.path, "--output", output.path, "--as-of", "2026-06-30", "--lang", "en", "--quiet"])
        #expect(run.status == 2, "\(run.stderr)") // one repository could not be audited
        let index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("index.json"))) as? [String: Any])
        let list = try #require(index["repositories"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as! String, $0) })
        #expect(byName["intact"]?["status"] as? String == "audited" && byName["intact"]?["partial"] as? Bool == false)
        #expect(byName["limit"]?["status"] as? String == "audited" && byName["limit"]?["partial"] as? Bool == true)
        #expect(byName["deleted"]?["status"] as? String == "audited" && byName["deleted"]?["partial"] as? Bool == true)
        #expect(byName["headless"]?["status"] as? String == "error")
        let summary = try #require(index["summary"] as? [String: Any])
        #expect(summary["audited"] as? Int == 3 && summary["errors"] as? Int == 1 && summary["partial"] as? Int == 2)
        let markdown = try String(contentsOf: output.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(markdown.contains("[limit](limit.md) ⚠ partial audit"))
        #expect(!markdown.contains("[intact](intact.md) ⚠"))
        let site = source.scratch.appending("public")
        #expect(try runVigie(["site", output.path, "--output", site.path, "--lang", "en"]).status == 0)
        let html = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<span class=\"state state-partial\"").count == 3) // limit and deleted
        let page = try String(contentsOf: site.appendingPathComponent("repositories/limit.html"), encoding: .utf8)
        #expect(page.contains("class=\"partial-note\""))

        // strict: true in the manifest: the partial ones become errors too.
        try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: "name: Partial cohort", with: "name: Partial cohort\nstrict: true")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let strictOutput = source.scratch.appending("out-strict")
        _ = try runVigie(["fleet", manifest.path, "--output", strictOutput.path, "--as-of", "2026-06-30", "--lang", "en", "--quiet"])
        let strictIndex = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: strictOutput.appendingPathComponent("index.json"))) as? [String: Any])
        let strictSummary = try #require(strictIndex["summary"] as? [String: Any])
        #expect(strictSummary["audited"] as? Int == 1 && strictSummary["errors"] as? Int == 3)
    }
}
