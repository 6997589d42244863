import Foundation
import Testing
import VigieTestSupport

/// Damaged repositories that used to hang vigie or give it the wrong exit code (issue 13):
/// truncated and oversized loose objects, FIFOs in `.git`, malformed commit headers, damaged packs,
/// and the whole-command deadline (docs/reliability.md). Every run here is bounded: the binary is
/// killed after `limit` seconds, and each test asserts it ended well before that on its own.
@Suite("Damaged repositories: never hang, the right exit code")
struct HostileRepositoryTests {
    static let options = ["--as-of", "2026-06-30", "--lang", "en"]
    /// What a test waits before killing vigie, and what it demands vigie finish within.
    static let limit = 30.0
    static let expected = 10.0

    /// A damaged copy of the partial-source fixture (loose objects only, six commits).
    static func copy(_ name: String, in scratch: TemporaryDirectory) throws -> URL {
        try FixtureBuilder.build("partial-source", in: scratch, as: name)
    }

    /// Runs vigie bounded, and checks it ended by itself within `expected` seconds with `status`.
    static func run(_ arguments: [String], status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
        let bounded = try runVigie(arguments + options, limit: limit)
        #expect(!bounded.killed, "vigie had to be killed after \(limit) s: \(arguments)", sourceLocation: sourceLocation)
        #expect(bounded.seconds < expected, "vigie took \(bounded.seconds) s", sourceLocation: sourceLocation)
        #expect(bounded.result.status == status, "exit \(bounded.result.status), not \(status): \(bounded.result.stderr)",
                sourceLocation: sourceLocation)
        return bounded.result
    }

    /// A bounded audit that must give a scorecard; returns it, validated against the published schema.
    static func audit(_ repository: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try run(["audit", repository.path, "--format", "json"], status: 0, sourceLocation: sourceLocation)
        let file = repository.deletingLastPathComponent().appendingPathComponent(repository.lastPathComponent + ".scorecard.json")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        let validator = PackagePaths.root.appendingPathComponent("scripts/validate-json.py")
        let valid = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", validator.path, PackagePaths.schema.path, file.path])
        #expect(valid.status == 0, "schema: \(valid.stdout)\(valid.stderr)", sourceLocation: sourceLocation)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// `facts.repository.unreadable.entries` of a scorecard, by path.
    static func unreadable(_ card: [String: Any]) -> [String: [String: Any]] {
        let facts = card["facts"] as? [String: Any]
        let entries = ((facts?["repository"] as? [String: Any])?["unreadable"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: entries.map { ($0["path"] as? String ?? "", $0) })
    }

    static func activity(_ card: [String: Any]) -> [String: Any] {
        ((card["facts"] as? [String: Any])?["activity"] as? [String: Any]) ?? [:]
    }

    @Test("a loose blob truncated to half its size: a scorecard within seconds, the file corrupt and the object named (libgit2#7342)")
    func truncatedLooseBlob() throws {
        let scratch = try TemporaryDirectory("vigie-hostile")
        let repository = try Self.copy("truncated-blob", in: scratch)
        let id = try RepositoryDamage.truncateBlob("LICENSE", in: repository)
        let card = try Self.audit(repository)
        let entry = try #require(Self.unreadable(card)["LICENSE"])
        #expect(entry["reason"] as? String == "corrupt")
        let detail = entry["detail"] as? String ?? ""
        #expect(detail.contains(id) && detail.contains("truncated"), "\(detail)")
        #expect((card["repository"] as? [String: Any])?["partial"] as? Bool == true)
    }

    @Test("objects borrowed through objects/info/alternates get the same checks: a truncated loose blob there is corrupt, a FIFO among its packs is refused")
    func alternates() throws {
        let scratch = try TemporaryDirectory("vigie-hostile")
        let lender = try Self.copy("lender", in: scratch)
        // `git clone --shared` writes an alternates file and copies no object: every object is the lender's.
        let borrower = scratch.appending("borrower.git")
        try git(["clone", "--quiet", "--bare", "--shared", lender.path, borrower.path])
        #expect(FileManager.default.fileExists(atPath: borrower.appendingPathComponent("objects/info/alternates").path))
        let id = try RepositoryDamage.truncateBlob("LICENSE", in: lender)
        let card = try Self.audit(borrower)
        let entry = try #require(Self.unreadable(card)["LICENSE"])
        #expect(entry["reason"] as? String == "corrupt")
        let detail = entry["detail"] as? String ?? ""
        #expect(detail.contains(id) && detail.contains("truncated"), "\(detail)")

        let fifo = lender.appendingPathComponent(".git/objects/pack/pack-0000000000000000000000000000000000000000.idx")
        try FileManager.default.createDirectory(at: fifo.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let result = try Self.run(["audit", borrower.path], status: 74)
        #expect(result.stderr.contains("FIFO") && result.stderr.contains("pack-0000"), "\(result.stderr)")
    }

    @Test("a loose blob whose header declares fewer bytes than its body: corrupt, never handed to libgit2 (libgit2#7177)")
    func understatedLooseBlob() throws {
        let scratch = try TemporaryDirectory("vigie-hostile")
        let repository = try Self.copy("understated-blob", in: scratch)
        let id = try RepositoryDamage.understateBlobSize("LICENSE", in: repository)
        let card = try Self.audit(repository)
        let entry = try #require(Self.unreadable(card)["LICENSE"])
        #expect(entry["reason"] as? String == "corrupt")
        let detail = entry["detail"] as? String ?? ""
        #expect(detail.contains(id) && detail.contains("longer than"), "\(detail)")
    }

    @Test("a truncated old commit: audit and history finish within seconds, the commit named as a gap")
    func truncatedOldCommit() throws {
        let scratch = try TemporaryDirectory("vigie-hostile")
        let repository = try Self.copy("truncated-commit", in: scratch)
        let id = try RepositoryDamage.truncateCommit("HEAD~2", in: repository)
        let card = try Self.audit(repository)
        let gaps = Self.activity(card)["history_gaps"] as? [[String: Any]] ?? []
        #expect(gaps.contains { $0["commit"] as? String == id && $0["reason"] as? String == "corrupt" }, "\(gaps)")
        #expect(Self.activity(card)["history_complete"] as? Bool == false)

        let history = try Self.run(["history", repository.path, "--format", "json"], status: 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        let cut = (json["unreadable"] as? [[String: Any]])?.first
        #expect(cut?["commit"] as? String == id)
        let detail = cut?["detail"] as? String ?? ""
        #expect(detail.contains("truncated"), "\(detail)")
        #expect(!(json["points"] as? [Any] ?? []).isEmpty)
    }

    @Test("FIFOs in .git never block: packed-refs or HEAD is exit 74 naming the file; a loose object is a corrupt file")
    func fifos() throws {
        let scratch = try TemporaryDirectory("vigie-hostile")
        for file in ["packed-refs", "HEAD", "config", "refs/heads/extra"] {
            let repository = try Self.copy("fifo-" + file.replacingOccurrences(of: "/", with: "-"), in: scratch)
            try RepositoryDamage.replaceWithFIFO(file, in: repository)
            let result = try Self.run(["audit", repository.path], status: 74)
            #expect(result.stderr.contains("FIFO") && result.stderr.contains(file), "\(file): \(result.stderr)")
            #expect(result.stderr.contains("hint: a repository holds only regular files"))
        }
        let repository = try Self.copy("fifo-object", in: scratch)
        try RepositoryDamage.replaceWithFIFO(try RepositoryDamage.looseObjectPath(ofBlobAt: "README.md", in: repository), in: repository)
        let card = try Self.audit(repository)
        let entry = try #require(Self.unreadable(card)["README.md"])
        #expect(entry["reason"] as? String == "corrupt")
        #expect((entry["detail"] as? String ?? "").contains("FIFO"))
    }

    @Test("HEAD with a malformed author line (no e-mail, overflowing date, garbage): a scorecard listing it in malformed_commits")
    func malformedHeadSignatures() throws {
        let scratch = try TemporaryDirectory("vigie-hostile")
        let cases = [
            ("no-email", "Camille 1751241600 +0200", "author: no e-mail"),
            ("overflow", "Camille <camille@example.org> 99999999999999999999999 +0200", "author: date overflows"),
            ("garbage", "%%%\u{01}", "author: no e-mail"),
            ("no-date", "Camille <camille@example.org>", "author: no date"),
        ]
        for (name, line, reason) in cases {
            let repository = try Self.copy("malformed-" + name, in: scratch)
            let id = try RepositoryDamage.commitWithAuthorLine(line, in: repository)
            let card = try Self.audit(repository)
            #expect((card["repository"] as? [String: Any])?["commit"] as? String == id, "\(name)")
            let malformed = Self.activity(card)["malformed_commits"] as? [String: Any]
            #expect(malformed?["count"] as? Int == 1, "\(name)")
            let listed = (malformed?["commits"] as? [[String: Any]])?.first
            #expect(listed?["commit"] as? String == id && listed?["reason"] as? String == reason, "\(name): \(String(describing: listed))")
            // Every commit still counts, the malformed one included: git shows it.
            #expect(Self.activity(card)["commits"] as? Int == 7, "\(name)")
            #expect(Self.activity(card)["history_complete"] as? Bool == true, "\(name)")
        }
    }

    @Test("a damaged pack is exit 74 naming the pack: a bad signature, an index cut in half")
    func corruptPacks() throws {
        let scratch = try TemporaryDirectory("vigie-hostile")
        let header = try Self.copy("pack-header", in: scratch)
        try RepositoryDamage.corruptPackHeader(try RepositoryDamage.packAll(in: header))
        let index = try Self.copy("pack-index", in: scratch)
        try RepositoryDamage.truncatePackIndex(try RepositoryDamage.packAll(in: index))
        for (repository, what) in [(header, "no PACK signature"), (index, "index truncated")] {
            for command in ["audit", "history"] {
                let result = try Self.run([command, repository.path], status: 74)
                #expect(result.stderr.contains("corrupt pack file") && result.stderr.contains(what), "\(command): \(result.stderr)")
            }
        }
        // The same repository packed but intact is audited as usual.
        let intact = try Self.copy("pack-intact", in: scratch)
        try RepositoryDamage.packAll(in: intact)
        #expect(Self.unreadable(try Self.audit(intact)).keys.sorted() == ["vendor/dsfr"])
    }

    @Test("--timeout ends a stalled run with exit 75 and one line; French by default")
    func deadline() throws {
        let scratch = try TemporaryDirectory("vigie-hostile")
        let repository = try Self.copy("stall", in: scratch)
        try RepositoryDamage.truncateCommit("HEAD~1", in: repository)
        // `--ref HEAD~1` is a revision expression, which only libgit2's parser resolves: libgit2 1.5.1
        // then inflates the truncated commit and spins (libgit2#7342). The deadline must end it.
        let bounded = try runVigie(["audit", repository.path, "--ref", "HEAD~1", "--timeout", "2", "--as-of", "2026-06-30"], limit: Self.limit)
        #expect(!bounded.killed)
        #expect(bounded.seconds >= 2 && bounded.seconds < Self.expected, "\(bounded.seconds) s")
        #expect(bounded.result.status == 75, "\(bounded.result.status): \(bounded.result.stderr)")
        #expect(bounded.result.stderr.contains("délai de 2 s dépassé (--timeout)"), "\(bounded.result.stderr)")
        #expect(bounded.result.stderr.split(separator: "\n").count == 2) // the error, then the hint

        let bad = try runVigie(["audit", repository.path, "--timeout", "-1"], limit: Self.limit)
        #expect(bad.result.status == 64)
    }
}
