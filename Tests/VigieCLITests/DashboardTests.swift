import Foundation
import Testing
import VigieTestSupport

/// The cohort dashboard of `vigie site` (docs/site.md#the-cohort-dashboard) on a fleet of 46
/// repositories: exports that round-trip, the "fix first" ranking checked against an independent
/// computation from the scorecards' JSON, and, in headless Chromium, no horizontal overflow at
/// 1280 px and 390 px, zero axe-core violations, and a printed index with every repository and no
/// row cut across pages.
@Suite("vigie site: the cohort dashboard", .serialized)
struct DashboardTests {
    /// The scorecards and the index as plain JSON, read without vigie's types.
    struct Published {
        let index: [String: Any]
        let entries: [[String: Any]]
        /// Scorecards by repository name.
        let cards: [String: [String: Any]]

        init(_ folder: URL) throws {
            index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("index.json"))) as? [String: Any])
            entries = try #require(index["repositories"] as? [[String: Any]])
            var cards: [String: [String: Any]] = [:]
            for entry in entries {
                guard let file = entry["scorecard"] as? String else { continue }
                cards[try #require(entry["name"] as? String)] = try #require(
                    try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file))) as? [String: Any])
            }
            self.cards = cards
        }
    }

    /// RFC 4180, with the separator given; a leading `'` before a formula character is the export's guard, removed.
    static func parseCSV(_ text: String, separator: Character) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false, atStart = true
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { cell.append("\""); characters.removeFirst() } else { quoted = false }
                } else { cell.append(character) }
                continue
            }
            switch character {
            case "\"" where atStart: quoted = true; atStart = false
            case separator: row.append(cell); cell = ""; atStart = true
            case "\r\n", "\n": row.append(cell); rows.append(row); row = []; cell = ""; atStart = true
            default: cell.append(character); atStart = false
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows.map { $0.map { cell in
            cell.count > 1 && cell.hasPrefix("'") && "=+-@\t\r".contains(cell.dropFirst().first!) ? String(cell.dropFirst()) : cell
        } }
    }

    static func csv(_ url: URL, separator: Character) throws -> [[String: String]] {
        let data = try Data(contentsOf: url)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(url.lastPathComponent) begins with the UTF-8 byte order mark")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let rows = parseCSV(text, separator: separator)
        let header = try #require(rows.first)
        #expect(Set(header).count == header.count, "column names are unique: \(header)")
        return rows.dropFirst().map { row in
            #expect(row.count == header.count, "every line has as many cells as the header: \(row)")
            return Dictionary(zip(header, row).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        }
    }

    static func text(_ value: Any?) -> String {
        switch value {
        case let number as NSNumber: number.stringValue
        case let string as String: string
        default: ""
        }
    }

    @Test("index.csv and checks.csv, parsed back, equal the index's and the scorecards' figures (French ';', English ',')")
    func exportsRoundTrip() throws {
        let fleet = try DashboardFleet()
        let published = try Published(fleet.output)
        for (language, separator) in [("fr", Character(";")), ("en", Character(","))] {
            let site = try fleet.site(["--lang", language], into: "site-\(language)")
            let index = try Self.csv(site.appendingPathComponent("index.csv"), separator: separator)
            #expect(index.count == published.entries.count)
            for entry in published.entries {
                let name = try #require(entry["name"] as? String)
                let line = try #require(index.first { $0["repository"] == name }, "\(name) in index.csv")
                #expect(line["team"] == Self.text(entry["team"]))
                #expect(line["cohort"] == Self.text(entry["cohort"] is NSNull || entry["cohort"] == nil ? entry["programme"] : entry["cohort"]))
                #expect(line["status"] == Self.text(entry["status"]))
                #expect(line["partial"] == ((entry["partial"] as? Bool) == true ? "true" : "false"))
                #expect(line["score"] == Self.text(entry["score"]))
                #expect(line["grade"] == Self.text(entry["grade"]))
                for (category, score) in (entry["categories"] as? [String: Any]) ?? [:] {
                    #expect(line["score.\(category)"] == Self.text(score), "\(name) \(category)")
                }
            }
            #expect(index.contains { $0["team"] == DashboardFleet.hostileTeam } && index.contains { $0["repository"] == DashboardFleet.hostileName },
                    "a separator, quotes and a formula round-trip")
            let raw = try String(contentsOf: site.appendingPathComponent("index.csv"), encoding: .utf8)
            #expect(raw.contains("'=HYPERLINK"), "a cell that would be a formula is kept as text")

            let checks = try Self.csv(site.appendingPathComponent("checks.csv"), separator: separator)
            let expected = published.cards.values.reduce(0) { $0 + (($1["checks"] as? [Any])?.count ?? 0) }
            #expect(checks.count == expected && expected > 40 * 20)
            for (name, card) in published.cards {
                let lines = checks.filter { $0["repository"] == name }
                let cardChecks = try #require(card["checks"] as? [[String: Any]])
                #expect(lines.count == cardChecks.count)
                for (line, check) in zip(lines, cardChecks) {
                    #expect(line["check"] == Self.text(check["id"]) && line["status"] == Self.text(check["status"])
                            && line["weight"] == Self.text(check["weight"]) && line["category"] == Self.text(check["category"]), "\(name) \(line)")
                }
            }
        }
    }

    /// What a check costs its repository in score points: weight ÷ applicable weight × 100 for a
    /// failure, half for a warning (docs/scoring.md), computed here from the JSON alone.
    static func ranking(_ published: Published) -> [(id: String, points: Double)] {
        var points: [String: Double] = [:]
        for card in published.cards.values {
            let checks = (card["checks"] as? [[String: Any]]) ?? []
            let applicable = checks.reduce(0) { total, check in
                ["pass", "warn", "fail"].contains(check["status"] as? String ?? "") ? total + (check["weight"] as? Int ?? 0) : total
            }
            guard applicable > 0 else { continue }
            for check in checks {
                let weight = Double(check["weight"] as? Int ?? 0)
                let share = check["status"] as? String == "fail" ? 1.0 : check["status"] as? String == "warn" ? 0.5 : 0
                guard share > 0, weight > 0 else { continue }
                points[check["id"] as? String ?? "", default: 0] += share * weight * 100 / Double(applicable)
            }
        }
        let failing = { (id: String) in published.cards.values.filter { card in
            ((card["checks"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == id && $0["status"] as? String == "fail" }
        }.count }
        return points.sorted { lhs, rhs in
            if abs(lhs.value - rhs.value) > 1e-6 { return lhs.value > rhs.value }
            if failing(lhs.key) != failing(rhs.key) { return failing(lhs.key) > failing(rhs.key) }
            return lhs.key < rhs.key
        }.map { ($0.key, $0.value) }
    }

    @Test("the 'fix first' ranking equals the one computed independently from the scorecards")
    func fixFirstRanking() throws {
        let fleet = try DashboardFleet()
        let published = try Published(fleet.output)
        let site = try fleet.site()
        let page = try String(contentsOf: site.appendingPathComponent("fix-first.html"), encoding: .utf8)
        let shown = page.matches(of: /<li class="fix-item" data-rule="([^"]+)" data-points="(\d+)">/).map { (String($0.output.1), Int($0.output.2)!) }
        let expected = Self.ranking(published)
        #expect(expected.count >= 10)
        #expect(shown.map(\.0) == expected.map(\.id))
        #expect(shown.map(\.1) == expected.map { Int(($0.points * 1000).rounded()) })
        // Each rule lists the repositories that fail it, linked, and says how to fix it.
        let first = try #require(expected.first?.id)
        let failing = published.cards.filter { ($0.value["checks"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == first && $0["status"] as? String == "fail" } }
        let item = try #require(page.components(separatedBy: "data-rule=\"\(first)\"").dropFirst().first?.components(separatedBy: "</li>\n<li class=\"fix-item\"").first)
        #expect(item.contains("Comment corriger"))
        for name in failing.keys where name != DashboardFleet.hostileName {
            #expect(item.contains(">\(name)</a>"), "\(name) is linked under \(first)")
        }
        // A rule with an automatic fix (`checks[].fix` in the scorecards) shows its `vigie fix` command; others do not.
        var withFix = 0
        for rule in expected.map(\.id) {
            let command = published.cards.values.lazy.flatMap { $0["checks"] as? [[String: Any]] ?? [] }
                .first { $0["id"] as? String == rule && $0["fix"] != nil }?["fix"] as? String
            let text = try #require(page.components(separatedBy: "data-rule=\"\(rule)\"").dropFirst().first?.components(separatedBy: "</li>").first)
            if let command {
                withFix += 1
                #expect(command == "vigie fix --only \(rule)")
                #expect(text.contains("Correction automatique :</strong> <code>\(command)</code>"), "\(rule) shows its command")
            } else {
                #expect(!text.contains("Correction automatique"), "\(rule) has no automatic fix")
            }
        }
        #expect(withFix >= 3, "several ranked rules have an automatic fix")
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"fix-first.html#rank-1\">"), "the index shows the top of the ranking")
        // A page per team, filters on the index (team and cohort).
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("teams/Alpha.html").path))
        #expect(index.contains("data-filter-team=\"Équipe\"") && index.contains("data-filter-cohort=\"Promotion\""))
        #expect(index.contains("data-cohort=\"EIG 5\""))
    }

    @Test("the manifest's cohort: (and the older programme:) reach index.json, the site's rows and index.csv")
    func cohortField() throws {
        let scratch = try TemporaryDirectory("vigie-cohort")
        let repository = try FixtureBuilder.build("title-only", in: scratch)
        let manifest = scratch.appending("cohort.yml")
        try """
        name: cohorte
        repositories:
          - {name: nouveau, path: \(repository.lastPathComponent), team: Alpha, cohort: EIG 7}
          - {name: ancien, path: \(repository.lastPathComponent), team: Alpha, programme: EIG 3}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let output = scratch.appending("out")
        let run = try runVigie(["fleet", manifest.path, "--output", output.path, "--as-of", "2026-11-29", "--quiet"])
        #expect(run.status <= 1, "\(run.stderr)")
        let published = try Published(output)
        let byName = Dictionary(uniqueKeysWithValues: published.entries.map { (Self.text($0["name"]), $0) })
        #expect(Self.text(byName["nouveau"]?["cohort"]) == "EIG 7")
        #expect(Self.text(byName["ancien"]?["cohort"]) == "EIG 3" && Self.text(byName["ancien"]?["programme"]) == "EIG 3",
                "programme: still works, and is the cohort")
        // The fleet's Markdown index names the cohort beside the team too.
        let markdown = try String(contentsOf: output.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(markdown.contains("| Équipe · promotion |") && markdown.contains("| Alpha · EIG 7 |") && markdown.contains("| Alpha · EIG 3 |"))
        let site = scratch.appending("site")
        #expect(try runVigie(["site", output.path, "--output", site.path]).status == 0)
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("data-cohort=\"EIG 7\"") && index.contains("Alpha · EIG 3"))
        let csv = try Self.csv(site.appendingPathComponent("index.csv"), separator: ";")
        #expect(csv.map { $0["cohort"] ?? "" }.sorted() == ["EIG 3", "EIG 7"])
        let page = try String(contentsOf: site.appendingPathComponent("repositories/nouveau.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"../teams/Alpha.html\">Alpha</a>") && page.contains("<dd>EIG 7</dd>"))
    }

    @Test("no horizontal overflow at 1280 and 390 px, zero axe-core violations on every page, and a printed index with every repository and no row cut")
    func browserAndPrint() throws {
        let fleet = try DashboardFleet()
        let published = try Published(fleet.output)
        let started = Date()
        let site = try fleet.site()
        let seconds = Date().timeIntervalSince(started)
        let shots = TestArtefacts.folder.appendingPathComponent("dashboard")
        try? FileManager.default.removeItem(at: shots)
        let report = fleet.scratch.appending("a11y.json")
        let pdf = shots.appendingPathComponent("index.pdf")
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", PackagePaths.root.appendingPathComponent("scripts/a11y-check.py").path, site.path, "--widths", "1280,390",
            "--screenshots", shots.path, "--shot", "index.html=index.png", "--shot", "fix-first.html=fix-first.png",
            "--shot", "teams/Alpha.html=team.png", "--shot", "repositories/depot-01.html=repository.png",
            "--pdf", "index.html=\(pdf.path)", "--pdf", "repositories/depot-01.html=\(shots.appendingPathComponent("repository.pdf").path)",
            "--report", report.path,
        ])
        try? FileManager.default.copyItem(at: site, to: shots.appendingPathComponent("site")) // to look at after the run
        #expect(result.status == 0, "a11y-check failed:\n\(result.stdout.suffix(6000))\n\(result.stderr.suffix(3000))")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        #expect(summary["violations"] as? Int == 0)
        #expect((summary["failures"] as? [String: Any])?.isEmpty == true)
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.components(separatedBy: "<span class=\"category-label\">").count - 1 == 11, "the widest matrix: all eleven built-in categories")
        let layouts = try #require(summary["layouts"] as? [String: [String: [String: Int]]])
        let pages = try PublishedFleet.files(in: site).keys.filter { $0.hasSuffix(".html") }
        #expect(layouts.count == pages.count && pages.count > 46 + 20)
        for width in [1280, 390] {
            let index = try #require(layouts["index.html"]?[String(width)])
            #expect(index["scroll"]! <= width && index["table_overflow"]! <= 0, "index at \(width) px: \(index)")
            let widest = layouts.values.compactMap { $0[String(width)]?["scroll"] }.max() ?? .max
            #expect(widest <= width, "every page fits \(width) px")
        }
        for name in ["index-1280.png", "index-390.png", "fix-first-1280.png", "team-390.png", "repository-390.png"] {
            let png = try Data(contentsOf: shots.appendingPathComponent(name))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "\(name) is a real screenshot")
        }

        // The printed index: pdftotext gives each page's text, pages separated by form feeds.
        let text = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["pdftotext", "-layout", pdf.path, "-"])
        #expect(text.status == 0, "pdftotext (Debian's poppler-utils, scripts/setup.sh): \(text.stderr)")
        let printed = text.stdout.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(printed.count >= 2, "the index runs over several A4 pages")
        #expect(printed.joined().contains(DashboardFleet.hostileName), "text with quotes prints as it is")
        // A row is whole on a page when its first line (the name) and its last (team · cohort) are on
        // that page, with no other repository's name between them. (A row taller than a page, forced
        // by a test stylesheet, is reported here as cut: the check can fail.)
        let names = published.entries.compactMap { $0["name"] as? String }
        let patterns = Dictionary(uniqueKeysWithValues: names.map { ($0, "(^|\\s)\(NSRegularExpression.escapedPattern(for: $0))(\\s|$)") })
        let holds = { (line: String, name: String) in line.range(of: patterns[name]!, options: .regularExpression) != nil }
        for entry in published.entries {
            let name = try #require(entry["name"] as? String)
            let team = Self.text(entry["team"])
            let cohort = Self.text(entry["cohort"] is NSNull || entry["cohort"] == nil ? entry["programme"] : entry["cohort"])
            let whole = printed.contains { page in
                let lines = page.components(separatedBy: "\n")
                return lines.indices.contains { start in
                    guard holds(lines[start], name) else { return false }
                    let end = lines.indices.dropFirst(start + 1).first { index in names.contains { $0 != name && holds(lines[index], $0) } } ?? lines.count
                    return lines[start..<end].joined(separator: "\n").contains("\(team) · \(cohort)")
                }
            }
            #expect(whole, "\(name)'s row is printed whole on one page")
        }
        print("vigie dashboard: site of \(published.entries.count) repositories built in \(String(format: "%.2f", seconds)) s; "
              + "screenshots and PDFs in \(shots.path)")
    }
}
