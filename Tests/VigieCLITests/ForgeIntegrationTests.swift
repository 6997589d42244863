import Foundation
import Testing
import VigieTestSupport
import Yams

/// The GitHub Action (`action.yml`), the GitLab template (`ci/vigie.gitlab-ci.yml`) and the
/// pre-commit hooks (`.pre-commit-hooks.yaml`) run as the forges run them: their shell steps are
/// taken from the files and executed with bash, with the variables each forge sets (job summary,
/// step outputs, runner temp folder, CI_* variables), on fixture repositories, with the built vigie
/// on PATH. What they write is checked against the forges' schemas (SARIF 2.1.0, GitLab Code Quality).
@Suite("vigie in the forges: GitHub Action, GitLab template, pre-commit", .serialized)
struct ForgeIntegrationTests {
    static func load(_ path: String) throws -> Node {
        let text = try String(contentsOf: PackagePaths.root.appendingPathComponent(path), encoding: .utf8)
        return try #require(try Yams.compose(yaml: text), "\(path) is YAML")
    }

    /// PATH with the built vigie first, as an installed one would be.
    static var path: String {
        PackagePaths.vigieExecutable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }

    static func bash(_ script: String, in folder: URL, environment: [String: String]) throws -> ProcessResult {
        try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-e", "-o", "pipefail", "-c", script], in: folder,
                       environment: environment.merging(["PATH": path, "HOME": folder.path]) { _, new in new })
    }

    static func validate(_ file: URL, schema: String) throws {
        let validator = PackagePaths.root.appendingPathComponent("scripts/validate-json.py")
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                    ["python3", validator.path, PackagePaths.root.appendingPathComponent(schema).path, file.path])
        #expect(result.status == 0, "\(file.lastPathComponent) against \(schema): \(result.stdout)\(result.stderr)")
    }

    /// The step of action.yml named `name`: its script, and its `env` with `${{ inputs.X }}` replaced.
    static func actionStep(_ name: String, inputs: [String: String]) throws -> (run: String, environment: [String: String]) {
        let action = try load("action.yml")
        let steps = try #require(action["runs"]?["steps"]?.sequence)
        let step = try #require(steps.first { $0["name"]?.string == name }, "step \(name)")
        var environment: [String: String] = [:]
        for (key, value) in step["env"]?.mapping ?? [:] {
            guard let key = key.string, var text = value.string else { continue }
            for (input, given) in inputs { text = text.replacingOccurrences(of: "${{ inputs.\(input) }}", with: given) }
            if text.contains("${{") {
                // An input the test did not give: its default from action.yml.
                let input = String(text.dropFirst("${{ inputs.".count).dropLast(" }}".count))
                text = action["inputs"]?[input]?["default"]?.string ?? ""
            }
            environment[key] = text
        }
        return (try #require(step["run"]?.string), environment)
    }

    @Test("GitHub Action: the install step keeps the vigie on PATH; the audit step writes the job summary, the outputs and a valid SARIF, and passes the threshold's verdict on")
    func githubAction() throws {
        let scratch = try TemporaryDirectory("vigie-action")
        let repository = try FixtureBuilder.build("eig-complete", in: scratch)
        let github = ["GITHUB_ACTION_PATH": PackagePaths.root.path, "RUNNER_TEMP": scratch.appending("runner").path,
                      "GITHUB_STEP_SUMMARY": scratch.appending("summary.md").path, "GITHUB_OUTPUT": scratch.appending("output.txt").path]
        try FileManager.default.createDirectory(at: scratch.appending("runner"), withIntermediateDirectories: true)

        let install = try Self.actionStep("Install vigie", inputs: [:])
        let installed = try Self.bash(install.run, in: repository, environment: github.merging(install.environment) { _, new in new })
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("already installed") && installed.stdout.contains("vigie "), "\(installed.stdout)")

        for (threshold, expected) in [("", "0"), ("100", "1")] {
            try? FileManager.default.removeItem(at: scratch.appending("summary.md"))
            try? FileManager.default.removeItem(at: scratch.appending("output.txt"))
            let audit = try Self.actionStep("Audit", inputs: ["path": ".", "lang": "en", "fail-under": threshold])
            let result = try Self.bash(audit.run, in: repository, environment: github.merging(audit.environment) { _, new in new })
            // Under the threshold the step itself succeeds (the SARIF must still be uploaded) and says 1.
            #expect(result.status == 0, "\(result.stderr)")
            let outputs = try String(contentsOf: scratch.appending("output.txt"), encoding: .utf8)
            let values = Dictionary(outputs.split(separator: "\n").map { line in
                (String(line.prefix { $0 != "=" }), String(line.drop { $0 != "=" }.dropFirst()))
            }, uniquingKeysWith: { _, last in last })
            #expect(values["exit-code"] == expected, "\(outputs)")
            let score = try #require(Int(values["score"] ?? ""), "\(outputs)")
            #expect((0...100).contains(score) && score < 100)
            let sarif = URL(fileURLWithPath: try #require(values["sarif"]))
            try Self.validate(sarif, schema: "docs/schema/sarif-schema-2.1.0.json")
            try Self.validate(URL(fileURLWithPath: try #require(values["scorecard"])), schema: "docs/schema/scorecard.schema.json")
            let summary = try String(contentsOf: scratch.appending("summary.md"), encoding: .utf8)
            #expect(summary.hasPrefix("# ") && summary.contains("\(score)"), "\(summary.prefix(300))")
        }

        // The last step fails the job exactly when the audit said 1; the SARIF upload runs whatever happened.
        let action = try Self.load("action.yml")
        let steps = try #require(action["runs"]?["steps"]?.sequence)
        #expect(steps.first { $0["name"]?.string == "Fail under the threshold" }?["if"]?.string == "${{ steps.audit.outputs.exit-code == '1' }}")
        let upload = try #require(steps.first { $0["uses"]?.string?.hasPrefix("github/codeql-action/upload-sarif") == true })
        #expect(upload["if"]?.string?.contains("always()") == true)
        #expect(action["runs"]?["using"]?.string == "composite")
    }

    @Test("GitHub Action: the package released with the Action's tag is found in the release's assets, on Debian 12 only")
    func releasedPackage() throws {
        let scratch = try TemporaryDirectory("vigie-release")
        let api = scratch.appending("api/repos/etalab/vigie/releases/tags")
        try FileManager.default.createDirectory(at: api, withIntermediateDirectories: true)
        try """
        {"tag_name": "v1.2.0", "assets": [
          {"name": "vigie-1.2.0.tar.gz", "browser_download_url": "https://example.org/vigie-1.2.0.tar.gz"},
          {"name": "vigie_1.2.0_arm64.deb", "browser_download_url": "https://example.org/vigie_1.2.0_arm64.deb"},
          {"name": "vigie_1.2.0_amd64.deb", "browser_download_url": "https://example.org/vigie_1.2.0_amd64.deb"}]}
        """.write(to: api.appendingPathComponent("v1.2.0"), atomically: true, encoding: .utf8)
        let script = PackagePaths.root.appendingPathComponent("scripts/forge/release-deb-url.sh").path
        func lookUp(_ environment: [String: String]) throws -> String {
            let base = ["VIGIE_RELEASE_API": "file://" + scratch.appending("api").path, "GITHUB_ACTION_REPOSITORY": "etalab/vigie"]
            let result = try Self.bash("bash '\(script)'", in: scratch.url, environment: base.merging(environment) { _, new in new })
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let architecture = try runProcess(URL(fileURLWithPath: "/usr/bin/dpkg"), ["--print-architecture"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try lookUp(["GITHUB_ACTION_REF": "v1.2.0", "VIGIE_DEB_CODENAME": "bookworm"])
                == "https://example.org/vigie_1.2.0_\(architecture).deb")
        // Another system (GitHub's Ubuntu runners), a tag without a release, no tag: nothing, and vigie is built.
        #expect(try lookUp(["GITHUB_ACTION_REF": "v1.2.0", "VIGIE_DEB_CODENAME": "noble"]).isEmpty)
        #expect(try lookUp(["GITHUB_ACTION_REF": "v9.9.9", "VIGIE_DEB_CODENAME": "bookworm"]).isEmpty)
        #expect(try lookUp(["VIGIE_DEB_CODENAME": "bookworm"]).isEmpty)
    }

    /// The `script` of a job of the GitLab template, as GitLab runs it: one shell, `set -eo pipefail`.
    static func gitlabScript(_ job: String) throws -> (script: String, variables: [String: String]) {
        let template = try load("ci/vigie.gitlab-ci.yml")
        let items = try #require(template[.init(job)]?["script"]?.sequence, "job \(job)")
        var variables: [String: String] = [:]
        for (key, value) in template["variables"]?.mapping ?? [:] { if let key = key.string { variables[key] = value.string ?? "" } }
        // An item GitLab would not read as a string (`echo "a: b"` unquoted is a mapping) is a mistake.
        let lines = items.compactMap(\.string)
        #expect(lines.count == items.count, "every script item of \(job) is a string")
        return (lines.joined(separator: "\n"), variables)
    }

    @Test("GitLab template: vigie-audit writes a valid Code Quality report and the scorecards, fails under VIGIE_FAIL_UNDER; pages publishes the fleet's site")
    func gitlabTemplate() throws {
        let scratch = try TemporaryDirectory("vigie-gitlab")
        let repository = try FixtureBuilder.build("eig-complete", in: scratch)
        let template = try Self.load("ci/vigie.gitlab-ci.yml")
        #expect(template["vigie-audit"]?["artifacts"]?["reports"]?["codequality"]?.string == "gl-code-quality-report.json")
        #expect(template[".vigie-install"]?["variables"]?["GIT_DEPTH"]?.string == "0")
        #expect(template["pages"]?["artifacts"]?["paths"]?[0]?.string == "public")

        let audit = try Self.gitlabScript("vigie-audit")
        let ci = ["CI_PIPELINE_SOURCE": "merge_request_event", "CI_PROJECT_DIR": repository.path, "VIGIE_LANG": "en"]
        let passed = try Self.bash(audit.script, in: repository, environment: audit.variables.merging(ci) { _, new in new })
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(passed.stdout.contains("# "), "the Markdown scorecard is printed in the job log")
        try Self.validate(repository.appendingPathComponent("gl-code-quality-report.json"), schema: "docs/schema/gitlab-codequality.schema.json")
        let cards = try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("vigie-report").path)
        #expect(cards.contains { $0.hasSuffix(".json") } && cards.contains { $0.hasSuffix(".md") }, "\(cards)")

        let failing = ci.merging(["VIGIE_FAIL_UNDER": "100"]) { _, new in new }
        let failed = try Self.bash(audit.script, in: repository, environment: audit.variables.merging(failing) { _, new in new })
        #expect(failed.status == 1 && failed.stdout.contains("under 100"), "\(failed.status) \(failed.stderr) \(failed.stdout.suffix(200))")
        try Self.validate(repository.appendingPathComponent("gl-code-quality-report.json"), schema: "docs/schema/gitlab-codequality.schema.json")

        let licence = try FixtureBuilder.build("history-licence", in: scratch)
        try """
        name: Cohorte
        repositories:
          - {name: signaux, path: \(repository.path)}
          - {name: outil, path: \(licence.path)}
        """.write(to: scratch.appending("cohort.yml"), atomically: true, encoding: .utf8)
        let pages = try Self.gitlabScript("pages")
        let schedule = ["CI_PIPELINE_SOURCE": "schedule", "VIGIE_MANIFEST": "cohort.yml", "CI_PAGES_URL": "file:///nonexistent"]
        let published = try Self.bash(pages.script, in: scratch.url, environment: pages.variables.merging(schedule) { _, new in new })
        #expect(published.status == 0, "\(published.stderr)")
        #expect(published.stdout.contains("no published index yet"))
        for file in ["public/index.html", "public/data/index.json", "public/badges/outil.badge.svg"] {
            #expect(FileManager.default.fileExists(atPath: scratch.appending(file).path), "\(file)")
        }
    }

    @Test("pre-commit: the hooks run vigie on the committed tree before a push, once, and fail under their threshold")
    func preCommitHooks() throws {
        let hooks = try #require(try Self.load(".pre-commit-hooks.yaml").sequence)
        #expect(hooks.compactMap { $0["id"]?.string } == ["vigie", "vigie-build"])
        let scratch = try TemporaryDirectory("vigie-precommit")
        let repository = try FixtureBuilder.build("eig-complete", in: scratch)
        for hook in hooks {
            #expect(hook["stages"]?[0]?.string == "pre-push")
            #expect(hook["pass_filenames"]?.bool == false && hook["always_run"]?.bool == true)
            // pre-commit runs `entry` followed by `args` (and no file names).
            let entry = try #require(hook["entry"]?.string)
            let arguments = (hook["args"]?.sequence ?? []).compactMap(\.string)
            let line = ([entry] + arguments).map { "'\($0)'" }.joined(separator: " ").replacingOccurrences(of: "'vigie audit'", with: "vigie audit")
            let result = try Self.bash(line, in: repository, environment: [:])
            #expect(result.status == 0, "\(hook["id"]?.string ?? ""): \(result.stderr)")
            let strict = try Self.bash(line + " --fail-under 100", in: repository, environment: [:])
            #expect(strict.status == 1, "a score under 100 fails the push: \(strict.status) \(strict.stderr)")
        }
        // pre-commit itself (scripts/setup.sh installs it), trying this repository's hooks as a user's
        // .pre-commit-config.yaml would name them.
        let environment = ["PRE_COMMIT_HOME": scratch.appending("pre-commit-home").path]
        let run = try Self.bash("python3 -m pre_commit try-repo '\(PackagePaths.root.path)' vigie --hook-stage pre-push --all-files --verbose",
                                in: repository, environment: environment)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("vigie audit") && run.stdout.contains("Passed"), "\(run.stdout)")
    }
}
