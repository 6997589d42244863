import Foundation
import Testing
import VigieTestSupport
import Yams

/// The CI recipes of docs/ci/ are YAML the forges accept, and the vigie commands they run are the
/// ones these tests run: each `vigie …` line is taken from the file, its variables replaced by the
/// values CI would give, and run on fixture repositories.
@Suite("CI recipes in docs/ci", .serialized)
struct PublishingRecipesTests {
    static let folder = PackagePaths.root.appendingPathComponent("docs/ci")

    static func load(_ name: String) throws -> Node {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return try #require(try Yams.compose(yaml: text), "\(name) is YAML")
    }

    /// Every shell line of the recipe: GitHub's `run` blocks, GitLab's `before_script` and `script` items.
    static func shellLines(_ node: Node) -> [String] {
        var lines: [String] = []
        func visit(_ node: Node, key: String?) {
            switch node {
            case .scalar(let scalar):
                if ["run", "script", "before_script"].contains(key ?? "") {
                    lines += scalar.string.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                }
            case .sequence(let sequence):
                for item in sequence { visit(item, key: key) }
            case .mapping(let mapping):
                for (name, value) in mapping { visit(value, key: name.string) }
            default:
                break
            }
        }
        visit(node, key: nil)
        return lines
    }

    static func vigieLines(_ node: Node) -> [String] {
        shellLines(node).filter { $0.hasPrefix("vigie ") }
    }

    @Test("each recipe file is YAML and docs/ci.md links it")
    func parse() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".yml") }.sorted()
        #expect(files == ["github-pages.yml", "github-pull-request.yml", "gitlab-merge-request.yml", "gitlab-pages.yml"])
        let guide = try String(contentsOf: PackagePaths.root.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        for file in files {
            _ = try Self.load(file)
            #expect(guide.contains("(ci/\(file))"), "docs/ci.md links \(file)")
        }
    }

    @Test("GitHub: a weekly schedule, the fleet then the site, published with deploy-pages; the PR gate diffs against the base branch")
    func github() throws {
        let pages = try Self.load("github-pages.yml")
        // `on` is a string key here: Yams would read a bare `on` as a boolean when loading to Swift values.
        let triggers = try #require(pages["on"])
        #expect(triggers["schedule"]?[0]?["cron"]?.string == "17 5 * * 1")
        let steps = try #require(pages["jobs"]?["audit"]?["steps"]?.sequence)
        #expect(steps.contains { $0["uses"]?.string == "actions/upload-pages-artifact@v3" })
        #expect(pages["jobs"]?["deploy"]?["steps"]?[0]?["uses"]?.string == "actions/deploy-pages@v4")
        #expect(pages["permissions"]?["pages"]?.string == "write")
        let lines = Self.shellLines(pages)
        let restore = try #require(lines.firstIndex { $0.contains("/data/index.json") && $0.hasPrefix("curl") })
        let fleet = try #require(lines.firstIndex { $0.hasPrefix("vigie fleet") })
        #expect(restore < fleet, "the history is restored before the fleet runs")
        #expect(Self.vigieLines(pages).map { $0.split(separator: " ")[1] } == ["fleet", "site", "badge"])

        let gate = try Self.load("github-pull-request.yml")
        #expect(gate["on"]?["pull_request"] != nil)
        #expect(gate["jobs"]?["vigie"]?["steps"]?[0]?["with"]?["fetch-depth"]?.int == 0)
        #expect(Self.vigieLines(gate).map { $0.split(separator: " ")[1] } == ["audit", "audit", "audit", "diff"])
    }

    @Test("GitLab: the pages job runs on schedules and publishes public/; the merge-request job reports Code Quality")
    func gitlab() throws {
        let pages = try Self.load("gitlab-pages.yml")
        let job = try #require(pages["pages"])
        #expect(job["rules"]?[0]?["if"]?.string == "$CI_PIPELINE_SOURCE == \"schedule\"")
        #expect(job["artifacts"]?["paths"]?[0]?.string == "public")
        let items = try #require(job["script"]?.sequence)
        let script = items.compactMap { $0.string }
        let restore = try #require(script.firstIndex { $0.contains("$CI_PAGES_URL/data/index.json") })
        let fleet = try #require(script.firstIndex { $0.hasPrefix("vigie fleet") })
        #expect(restore < fleet)
        let gate = try Self.load("gitlab-merge-request.yml")
        let mr = try #require(gate["vigie"])
        #expect(mr["rules"]?[0]?["if"]?.string == "$CI_PIPELINE_SOURCE == \"merge_request_event\"")
        #expect(mr["artifacts"]?["reports"]?["codequality"]?.string == "gl-code-quality-report.json")
        #expect(mr["variables"]?["GIT_DEPTH"]?.string == "0")
    }

    @Test("the scheduled recipes' commands build the fleet, its site and badges, and the history continues from the published index")
    func scheduledRun() throws {
        for recipe in ["github-pages.yml", "gitlab-pages.yml"] {
            let scratch = try TemporaryDirectory("vigie-recipe")
            let complete = try FixtureBuilder.build("eig-complete", in: scratch)
            let licence = try FixtureBuilder.build("history-licence", in: scratch)
            try """
            name: Recette
            repositories:
              - {name: signaux, path: \(complete.lastPathComponent)}
              - {name: outil, path: \(licence.lastPathComponent)}
            """.write(to: scratch.appending("cohort.yml"), atomically: true, encoding: .utf8)
            let commands = Self.vigieLines(try Self.load(recipe))
            for day in ["2026-11-22", "2026-11-29"] {
                // What the restore step gives the next run: the published index only.
                let published = scratch.appending("public/data/index.json")
                try? FileManager.default.removeItem(at: scratch.appending("out"))
                try FileManager.default.createDirectory(at: scratch.appending("out"), withIntermediateDirectories: true)
                if FileManager.default.fileExists(atPath: published.path) {
                    try FileManager.default.copyItem(at: published, to: scratch.appending("out/index.json"))
                }
                try? FileManager.default.removeItem(at: scratch.appending("public"))
                for line in commands {
                    let command = try ShellLine(line, variables: [:])
                    // The day is fixed so the two runs are a week apart, as two scheduled runs would be.
                    let day = command.arguments.first == "fleet" ? ["--as-of", day] : []
                    let result = try runVigie(command.arguments + day, in: scratch.url)
                    #expect(command.accepts(result.status), "\(recipe): \(line) exited \(result.status): \(result.stderr)")
                }
                // The recipe's own copy of the data into the site.
                try FileManager.default.copyItem(at: scratch.appending("out"), to: scratch.appending("public/data"))
            }
            #expect(FileManager.default.fileExists(atPath: scratch.appending("public/index.html").path))
            #expect(FileManager.default.fileExists(atPath: scratch.appending("public/repositories/outil.html").path))
            #expect(FileManager.default.fileExists(atPath: scratch.appending("public/badges/outil.badge.svg").path))
            #expect(FileManager.default.fileExists(atPath: scratch.appending("public/badges/signaux.badge.json").path))
            let index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.appending("public/data/index.json"))) as? [String: Any])
            let entries = try #require(index["repositories"] as? [[String: Any]])
            for entry in entries {
                #expect((entry["history"] as? [[String: Any]])?.map { $0["as_of"] as? String } == ["2026-11-22", "2026-11-29"], "\(recipe)")
            }
        }
    }

    @Test("the merge-request recipes' commands pass when nothing regressed and fail when the licence is removed")
    func mergeRequestRun() throws {
        for (recipe, variables) in [("gitlab-merge-request.yml", ["CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"]),
                                    ("github-pull-request.yml", ["github.base_ref": "main"])] {
            let scratch = try TemporaryDirectory("vigie-recipe-mr")
            let repository = try FixtureBuilder.build("history-licence", in: scratch)
            // What CI sees: the target branch as origin/main, the merge request checked out.
            try git(["reset", "--quiet", "--hard"], in: repository)
            try git(["update-ref", "refs/remotes/origin/main", "refs/heads/main"], in: repository)
            let commands = Self.vigieLines(try Self.load(recipe))
            try git(["checkout", "--quiet", "-b", "same"], in: repository)
            for line in commands {
                let command = try ShellLine(line, variables: variables)
                let result = try command.run(in: repository)
                #expect(result.status == 0, "\(recipe): \(line) exited \(result.status): \(result.stderr)")
            }
            try git(["rm", "--quiet", "LICENSE"], in: repository)
            try git(["-c", "user.name=Dev", "-c", "user.email=dev@example.org", "commit", "--quiet", "-m", "Sans licence"], in: repository)
            var statuses: [Int32] = []
            for line in commands {
                statuses.append(try ShellLine(line, variables: variables).run(in: repository).status)
            }
            #expect(statuses.last == 1, "\(recipe): the diff fails on the regression")
            #expect(statuses.dropLast().allSatisfy { $0 == 0 })
            let report = try String(contentsOf: repository.appendingPathComponent(recipe.hasPrefix("gitlab") ? "vigie-merge-request.json" : "vigie-pull-request.json"),
                                    encoding: .utf8)
            #expect(report.contains("\"licence.present\""))
        }
    }
}

/// One line of a CI script reduced to what the tests run: the words of the vigie command (quotes
/// removed, `$VAR`, `${VAR}` and `${{ expression }}` replaced), where its stdout goes (`> file`),
/// and which exit codes the line tolerates (`|| [ $? -le N ]`).
struct ShellLine {
    let arguments: [String]
    let stdout: String?
    let tolerated: Int32

    init(_ line: String, variables: [String: String]) throws {
        var text = line
        for (name, value) in variables {
            text = text.replacingOccurrences(of: "${{ \(name) }}", with: value)
            text = text.replacingOccurrences(of: "${\(name)}", with: value)
            text = text.replacingOccurrences(of: "$\(name)", with: value)
        }
        if let range = text.range(of: #"\|\| \[ \$\? -le (\d) \]"#, options: .regularExpression) {
            tolerated = Int32(text[range].filter(\.isNumber)) ?? 0
            text = String(text[..<range.lowerBound])
        } else {
            tolerated = 0
        }
        for separator in ["|", "&&", ";"] where text.contains(separator) {
            text = String(text[..<text.range(of: separator)!.lowerBound])
        }
        var words: [String] = [], current = "", quote: Character?, started = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                started = true
            } else if character == " " {
                if started || !current.isEmpty { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
            }
        }
        if started || !current.isEmpty { words.append(current) }
        guard quote == nil, words.first == "vigie", !words.contains(where: { $0.contains("$") }) else {
            throw PublishingFailure("cannot read the command line: \(line)")
        }
        if let redirect = words.firstIndex(of: ">"), redirect + 1 < words.count {
            stdout = words[redirect + 1]
            words = Array(words[..<redirect])
        } else {
            stdout = nil
        }
        arguments = Array(words.dropFirst())
    }

    func accepts(_ status: Int32) -> Bool { status <= tolerated }

    func run(in folder: URL) throws -> ProcessResult {
        let result = try runVigie(arguments, in: folder)
        if let stdout { try result.stdout.write(to: folder.appendingPathComponent(stdout), atomically: true, encoding: .utf8) }
        return result
    }
}
