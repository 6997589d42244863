import Foundation
import Testing
import VigieTestSupport

/// A fleet of fixture repositories audited twice (so the index has a history), as the scheduled CI
/// job leaves it: the input of `vigie site` and `vigie badge`. One repository is hostile: its folder
/// and manifest name are `<img src=x onerror=alert(1)>`, its team closes a script, its files and
/// authors carry markup, and the rule set adds a rule whose evidence names those files.
struct PublishedFleet {
    static let hostileName = "<img src=x onerror=alert(1)>"
    let scratch: TemporaryDirectory
    let output: URL
    let manifest: URL
    let ruleset: URL

    init(label: String = "vigie-site") throws {
        scratch = try TemporaryDirectory(label)
        let complete = try FixtureBuilder.build("eig-complete", in: scratch)
        let titleOnly = try FixtureBuilder.build("title-only", in: scratch)
        let activity = try FixtureBuilder.build("activity", in: scratch)
        let licence = try FixtureBuilder.build("history-licence", in: scratch)
        let built = try FixtureBuilder.build("history-hostile", in: scratch)
        let hostile = scratch.appending(Self.hostileName)
        try FileManager.default.moveItem(at: built, to: hostile)
        try Self.commitByScriptAuthor(in: hostile)
        ruleset = scratch.appending("publishing.yml")
        try """
        # The licence and README rules, two activity rules (whose results depend on the as-of day, so
        # two runs differ), and a declarative rule whose evidence names files with markup in them. Few
        # rules keep the browser test short: every rule is a page axe-core checks.
        id: publishing
        version: "1"
        title: {fr: "Publication (tests)", en: "Publishing (tests)"}
        extends: \(PackagePaths.fixtures.appendingPathComponent("rulesets/foundation.yml").path)
        rules:
          activity.recent: {weight: 3}
          activity.contributors: {weight: 2}
          security.markup_names:
            kind: file_absent
            paths: ["*<*", "**/*<*", "**/*\\"*"]
            category: security
            weight: 1
            title: {fr: "Aucun nom de fichier ne contient de balise", en: "No file name holds markup"}
            remediation: {fr: "Renommez les fichiers dont le nom contient < ou \\".", en: "Rename the files whose names hold < or \\"."}
        """.write(to: ruleset, atomically: true, encoding: .utf8)
        manifest = scratch.appending("cohort.yml")
        output = scratch.appending("out")
        try """
        name: "EIG test <b>publication</b>"
        timeout: 60
        repositories:
          - {name: signaux, path: \(complete.lastPathComponent), team: Signaux}
          - {name: mon-projet, path: \(titleOnly.lastPathComponent), team: Projet}
          - {name: tableau, path: \(activity.lastPathComponent), team: "Tableau & données", tags: [data]}
          - {name: outil, path: \(licence.lastPathComponent), team: Outil}
          - {name: "\(Self.hostileName)", path: "\(Self.hostileName)", team: "</script><script>alert(1)</script>"}
          - {name: fantome, path: does-not-exist}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        for day in ["2026-10-31", "2026-11-29"] {
            let result = try runVigie(["fleet", manifest.path, "--output", output.path, "--ruleset", ruleset.path, "--as-of", day, "--quiet"])
            guard result.status == 2 else { // fantome cannot be audited
                throw PublishingFailure("vigie fleet exited \(result.status): \(result.stderr)")
            }
        }
    }

    /// Adds a commit by an author named `</script>` on `main`. libgit2 and git refuse angle brackets in
    /// names, so the commit is written as a raw object; vigie's history reader takes the name as it is.
    static func commitByScriptAuthor(in repository: URL) throws {
        let parent = try git(["rev-parse", "HEAD"], in: repository).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tree = try git(["rev-parse", "HEAD^{tree}"], in: repository).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let object = """
        tree \(tree)
        parent \(parent)
        author </script> <script@evil.example> 1794304800 +0000
        committer </script> <script@evil.example> 1794304800 +0000

        <img src=x onerror=alert(1)>

        """
        let raw = repository.appendingPathComponent("raw-commit.txt")
        try object.write(to: raw, atomically: true, encoding: .utf8)
        let id = try git(["hash-object", "-t", "commit", "-w", "--literally", raw.path], in: repository).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: raw)
        try git(["update-ref", "refs/heads/main", id], in: repository)
    }

    func site(_ extra: [String] = [], into folder: String = "site") throws -> URL {
        let target = scratch.appending(folder)
        let result = try runVigie(["site", output.path, "--output", target.path] + extra)
        guard result.status == 0 else { throw PublishingFailure("vigie site exited \(result.status): \(result.stderr)") }
        return target
    }

    /// Every file under `folder`, by relative path.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return files
    }
}

struct PublishingFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Where test runs leave what a person should look at (screenshots); never committed (.build/ is ignored).
enum TestArtefacts {
    static var folder: URL {
        if let custom = ProcessInfo.processInfo.environment["VIGIE_TEST_ARTEFACTS"] { return URL(fileURLWithPath: custom) }
        return PackagePaths.root.appendingPathComponent(".build/test-artefacts")
    }
}

@Suite("vigie site, end to end", .serialized)
struct SiteTests {
    @Test("the site has an index, a page per audited repository and per rule, and assets; same input, same bytes")
    func pagesAndDeterminism() throws {
        let fleet = try PublishedFleet()
        let first = try fleet.site()
        let second = try fleet.site(into: "site-again")
        let files = try PublishedFleet.files(in: first)
        #expect(try PublishedFleet.files(in: second) == files, "two runs on the same input give the same bytes")
        for page in ["index.html", "rules/index.html", "assets/vigie.css", "assets/vigie.js", "repositories/signaux.html",
                     "repositories/mon-projet.html", "repositories/tableau.html", "repositories/outil.html",
                     "repositories/_img_src_x_onerror_alert_1__.html", "rules/licence.present.html", "rules/security.markup_names.html"] {
            #expect(files[page] != nil, "\(page)")
        }
        #expect(files["repositories/fantome.html"] == nil, "no page for a repository that could not be audited")
        let index = try #require(files["index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(index.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(index.contains("<a class=\"skip-link\" href=\"#contenu\">Aller au contenu</a>"))
        #expect(index.contains("<main id=\"contenu\" tabindex=\"-1\">"))
        #expect(index.contains("<caption id=\"repositories-caption\">"))
        #expect(index.contains("<th scope=\"col\" class=\"num\" data-type=\"number\">Score</th>"))
        #expect(index.contains("<a href=\"repositories/tableau.html\">tableau</a>"))
        #expect(index.contains("Tableau &amp; données"))
        #expect(index.contains("does-not-exist"), "the repository that could not be audited is listed with its reason")
        // Headings in order: one h1, no level skipped.
        let levels = index.matches(of: /<h([1-6])[ >]/).map { Int($0.output.1)! }
        #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1)
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $1 <= $0 + 1 })

        let tableau = try #require(files["repositories/tableau.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(tableau.contains("<svg class=\"chart\""), "the activity chart")
        #expect(tableau.contains("aria-labelledby=\"chart-activity-title chart-activity-desc\""))
        #expect(tableau.contains("id=\"chart-history-title\""), "the score history chart, from index.json's two runs")
        #expect(tableau.contains("<summary>Données du graphique</summary>"), "a text alternative: the data as a table")
        #expect(tableau.contains("<span class=\"status status-pass\"><span aria-hidden=\"true\">✔</span> réussi</span>"))
        let licence = try #require(files["rules/licence.present.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(licence.contains("<h2 id=\"failing-title\">Dépôts en échec</h2>"))
        #expect(licence.contains("<a href=\"../repositories/mon-projet.html\">mon-projet</a>"))

        let english = try fleet.site(["--lang", "en"], into: "site-en")
        let englishIndex = try String(contentsOf: english.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(englishIndex.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(englishIndex.contains("Skip to content"))
        // The fleet was audited in French: its texts are marked as French inside the English page.
        let signaux = try String(contentsOf: english.appendingPathComponent("repositories/signaux.html"), encoding: .utf8)
        #expect(signaux.contains("<span lang=\"fr\">"))
    }

    @Test("every page passes axe-core in headless Chromium with zero violations; screenshots are saved")
    func browser() throws {
        let fleet = try PublishedFleet()
        let site = try fleet.site()
        let shots = TestArtefacts.folder.appendingPathComponent("site")
        try? FileManager.default.removeItem(at: shots)
        let report = fleet.scratch.appending("a11y.json")
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", PackagePaths.root.appendingPathComponent("scripts/a11y-check.py").path, site.path,
            "--screenshots", shots.path, "--shot", "index.html=index.png", "--shot", "repositories/tableau.html=repository.png",
            "--shot", "repositories/_img_src_x_onerror_alert_1__.html=hostile-repository.png", "--report", report.path,
        ])
        #expect(result.status == 0, "a11y-check failed:\n\(result.stdout)\n\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let pages = try #require(summary["pages"] as? Int)
        #expect(pages == (try PublishedFleet.files(in: site).keys.filter { $0.hasSuffix(".html") }.count))
        #expect(summary["violations"] as? Int == 0)
        #expect((summary["failures"] as? [String: Any])?.isEmpty == true)
        for name in ["index.png", "repository.png", "hostile-repository.png"] {
            let png = try Data(contentsOf: shots.appendingPathComponent(name))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "\(name) is a real screenshot")
        }
        print("vigie site screenshots: \(shots.path)")
    }
}
