import Foundation
import Testing
import VigieTestSupport

/// Issue 13 (hostile inputs): what vigie emits. A token planted where other rules quote it appears
/// in no output, file or message; a fleet URL carrying a token is refused without printing it;
/// control characters from the repository never reach the terminal raw; a failed write to stdout is
/// an error; a README with 170,000 links gives a bounded scorecard. docs/reliability.md.
@Suite("Hostile inputs: leaks, silent loss, unbounded output")
struct HostileOutputTests {
    /// A real-shaped GitHub token (`ghp_` + 36 characters), assembled so this file holds no token shape.
    static let token = "ghp" + "_" + "aB3dE5fG7hJ9kL1mN2pQ" + "4rS6tU8vW0xY2zA4"
    /// Pieces long enough to identify the token: none may appear anywhere.
    static let pieces = [token, String(token.dropFirst(4).prefix(16)), String(token.suffix(16))]

    static func commit(_ files: [String: String], in folder: URL) throws {
        try git(["init", "-q", "-b", "main", folder.path])
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try git(["-C", folder.path, "add", "-A"])
        try git(["-C", folder.path, "-c", "user.name=Fixture", "-c", "user.email=f@example.org", "commit", "-q", "-m", "init"])
    }

    /// The token in a file name, a README link target, a CSV header and a datapackage resource path.
    static func plantedRepository(in scratch: TemporaryDirectory) throws -> URL {
        let repo = scratch.appending("planted")
        try commit([
            "README.md": "# Outil\n\nVoir [le jeu](https://example.org/data?access=\(token)) et [notes](notes-\(token).txt).\n",
            "notes-\(token).txt": "notes\n",
            "data/table.csv": "id,\(token)\n1,2\n",
            "datapackage.json": "{\"name\": \"d\", \"resources\": [{\"name\": \"t\", \"path\": \"data/\(token).csv\"}]}\n",
        ], in: repo)
        return repo
    }

    func expectNoToken(_ text: String, _ where_: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for piece in Self.pieces {
            #expect(!text.contains(piece), "the token appears in \(where_)", sourceLocation: sourceLocation)
        }
    }

    /// Every file under `folder`, as text.
    func filesUnder(_ folder: URL) -> [(String, String)] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).compactMap { url in
            (try? Data(contentsOf: url)).map { (url.path, String(decoding: $0, as: UTF8.self)) }
        }
    }

    @Test("a planted token appears in no format, language, file, site page, badge, fleet index or message")
    func plantedTokenNeverEmitted() throws {
        let scratch = try TemporaryDirectory("vigie-mask")
        let repo = try Self.plantedRepository(in: scratch)
        let output = scratch.appending("out")
        var sawMask = false
        for lang in ["fr", "en"] {
            for format in ["text", "json", "markdown", "sarif", "gitlab"] {
                let result = try runVigie(["audit", repo.path, "--format", format, "--lang", lang, "--as-of", "2026-11-30", "--output", output.path])
                #expect(result.status == 0, "\(result.stderr)")
                expectNoToken(result.stdout + result.stderr, "audit --format \(format) --lang \(lang)")
                sawMask = sawMask || result.stdout.contains("•••")
            }
        }
        #expect(sawMask, "the rules still quote the places, with the token masked")
        let manifest = scratch.appending("fleet.yml")
        try "name: masque\nrepositories:\n  - {name: planted, path: planted}\n".write(to: manifest, atomically: true, encoding: .utf8)
        let fleetOut = scratch.appending("fleet")
        let fleet = try runVigie(["fleet", manifest.path, "--output", fleetOut.path, "--as-of", "2026-11-30", "--quiet"])
        #expect(fleet.status == 0, "\(fleet.stderr)")
        let site = try runVigie(["site", fleetOut.path, "--output", scratch.appending("site").path])
        let badge = try runVigie(["badge", fleetOut.path, "--output", scratch.appending("badges").path])
        for result in [fleet, site, badge] {
            #expect(result.status == 0, "\(result.stderr)")
            expectNoToken(result.stdout + result.stderr, "a fleet, site or badge command's output")
        }
        let written = filesUnder(output) + filesUnder(fleetOut) + filesUnder(scratch.appending("site")) + filesUnder(scratch.appending("badges"))
        #expect(written.count > 10)
        for (path, text) in written {
            expectNoToken(text, path)
            expectNoToken(path, "a file name vigie chose")
        }
    }

    @Test("a fleet URL with a token in its query, fragment or user is refused, shown masked, stored nowhere")
    func fleetURLWithTokenRefused() throws {
        let scratch = try TemporaryDirectory("vigie-mask-url")
        let gitlab = "glpat" + "-" + "Zx9Yw8Vu7Ts6Rq5Po4Nm"
        let manifest = scratch.appending("urls.yml")
        try """
        name: urls
        repositories:
          - {name: query, url: "https://gitlab.example/g/p.git?private_token=\(gitlab)"}
          - {name: fragment, url: "https://github.com/o/r.git#\(Self.token)"}
          - {name: user, url: "https://\(Self.token)@github.com/o/r.git"}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let output = scratch.appending("out")
        for lang in ["fr", "en"] {
            let result = try runVigie(["fleet", manifest.path, "--output", output.path, "--lang", lang])
            #expect(result.status == 65)
            expectNoToken(result.stdout + result.stderr, "the refusal (\(lang))")
            #expect(!(result.stdout + result.stderr).contains(gitlab))
            #expect(result.stderr.components(separatedBy: "•••").count >= 4, "each URL shown masked: \(result.stderr)")
        }
        #expect(try runVigie(["fleet", manifest.path, "--output", output.path, "--lang", "en"]).stderr
            .contains("urls.yml:3:24: the URL https://gitlab.example/g/p.git?private_token=••• holds a user, a query or a fragment"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.json").path))
    }

    @Test("control characters of a revision reach stderr as visible pictures, never raw")
    func controlCharactersReplaced() throws {
        let scratch = try TemporaryDirectory("vigie-mask-ctl")
        let repo = try Self.plantedRepository(in: scratch)
        let result = try runVigie(["audit", repo.path, "--ref", "evil\u{1B}]0;owned\u{07}\u{1B}[31mred", "--lang", "en"])
        #expect(result.status == 66)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"))
        #expect(result.stderr.contains("evil␛]0;owned␇␛[31mred"))
    }

    @Test("stdout on a full disk is an error naming it, exit 74, in both languages")
    func fullDiskIsAnError() throws {
        let scratch = try TemporaryDirectory("vigie-full")
        let repo = try Self.plantedRepository(in: scratch)
        let vigie = PackagePaths.vigieExecutable.path
        let shell = URL(fileURLWithPath: "/bin/sh")
        let en = try runProcess(shell, ["-c", "'\(vigie)' audit '\(repo.path)' --format json --lang en > /dev/full"])
        #expect(en.status == 74)
        #expect(en.stderr.hasPrefix("vigie: error: cannot write to standard output: no space left on the device"), "\(en.stderr)")
        let fr = try runProcess(shell, ["-c", "'\(vigie)' audit '\(repo.path)' > /dev/full"])
        #expect(fr.status == 74)
        #expect(fr.stderr.hasPrefix("vigie: erreur: impossible d'écrire sur la sortie standard : plus de place sur le disque"), "\(fr.stderr)")
        let docs = try runProcess(shell, ["-c", "'\(vigie)' rules docs > /dev/full"])
        #expect(docs.status == 74, "output printed by any command is checked: \(docs.stderr)")
    }

    @Test("an output folder that cannot be made exits 73, an output file that cannot be written 74, both in plain words")
    func outputFailuresInPlainWords() throws {
        let scratch = try TemporaryDirectory("vigie-write")
        let repo = try Self.plantedRepository(in: scratch)
        let blocked = try runVigie(["audit", repo.path, "--output", "/dev/full/out", "--lang", "en"])
        #expect(blocked.status == 73)
        #expect(blocked.stderr.hasPrefix("vigie: error: cannot write /dev/full/out: part of the path is a file, not a folder\nhint: "))
        // The scorecard's place is taken by a folder: the file cannot be written, nothing half-written stays.
        let output = scratch.appending("out")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("planted.json"), withIntermediateDirectories: true)
        let taken = try runVigie(["audit", repo.path, "--output", output.path])
        #expect(taken.status == 74)
        #expect(taken.stderr.hasPrefix("vigie: erreur: impossible d'écrire \(output.path)/planted.json : c'est un dossier\nconseil: "))
        for result in [blocked, taken] { #expect(!result.stderr.contains("NSCocoaErrorDomain")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["planted.json"])
    }

    @Test("a README of 170,000 links gives a bounded scorecard that says how many were found")
    func manyLinksBounded() throws {
        let scratch = try TemporaryDirectory("vigie-links")
        let repo = scratch.appending("links")
        // Just under the 1 MiB read cap: every link points at a missing file, so each is evidence.
        try Self.commit(["README.md": "# Outil\n\n" + String(repeating: "[](x) ", count: 170_000) + "\n"], in: repo)
        let result = try runVigie(["audit", repo.path, "--format", "json", "--as-of", "2026-11-30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.utf8.count < 200_000, "scorecard of \(result.stdout.utf8.count) bytes")
        let card = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let checks = try #require(card["checks"] as? [[String: Any]])
        let links = try #require(checks.first { $0["id"] as? String == "readme.links" })
        #expect((links["evidence"] as? [Any])?.count == 100)
        #expect(links["evidence_total"] as? Int == 170_000)
        for check in checks where check["evidence_total"] == nil {
            #expect(((check["evidence"] as? [Any])?.count ?? 0) <= 100)
        }
    }
}
