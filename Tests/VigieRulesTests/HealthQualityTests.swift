import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// The quality rules beyond their examples: CI systems named, tests by language, dependency update
/// coverage, and facts.quality.
@Suite("Quality rules")
struct HealthQualityTests {
    @Test("every CI system of health.yml is recognised by its configuration file and named")
    func ciSystems() throws {
        let files = [
            ".github/workflows/a.yaml": "on: push\n", ".gitlab-ci.yml": "x: 1\n", ".circleci/config.yml": "x: 1\n", ".travis.yml": "x: 1\n",
            "Jenkinsfile": "x\n", ".woodpecker/test.yml": "x: 1\n", ".drone.yml": "x: 1\n", ".forgejo/workflows/ci.yml": "x: 1\n",
        ]
        let outcome = try evaluateHealthRule("quality.ci", files)
        #expect(outcome.status == .pass)
        #expect(outcome.message.en == "Continuous integration: GitHub Actions (1), GitLab CI (1), CircleCI (1), Travis CI (1), Jenkins (1), "
                + "Woodpecker CI (1), Drone (1) and Forgejo/Gitea Actions (1).")
        #expect(outcome.findings.count == 8)
        // Not a workflow: a nested folder, another extension, a different case.
        for path in [".github/workflows/sub/ci.yml", ".github/workflows/ci.json", ".GitHub/workflows/ci.yml", "gitlab-ci.yml"] {
            #expect(try evaluateHealthRule("quality.ci", [path: "x: 1\n"]).status == .fail, "\(path)")
        }
    }

    @Test("tests are counted by language convention; vendored and minified files are not the project's")
    func testsByLanguage() throws {
        let files = [
            "src/app.py": "", "src/test_app.py": "", "tests/conftest.py": "",
            "web/src/App.tsx": "", "web/src/App.test.tsx": "", "web/src/__tests__/util.ts": "",
            "cmd/main.go": "", "cmd/main_test.go": "",
            "spec/models/user_spec.rb": "", "lib/user.rb": "",
            "web/node_modules/lib/index.test.js": "", "static/jquery.min.js": "",
        ]
        let outcome = try evaluateHealthRule("quality.tests", files)
        #expect(outcome.status == .pass)
        #expect(outcome.message.en == "6 test files: Python 2, JavaScript/TypeScript 2, Go 1 and Ruby 1.")
        let facts = try healthFacts("quality", files)
        let languages = try #require(facts["tests"]?["languages"])
        #expect(try jsonText(languages) == "[{\"id\":\"python\",\"name\":\"Python\",\"source_files\":3,\"test_files\":2},"
                + "{\"id\":\"javascript\",\"name\":\"JavaScript/TypeScript\",\"source_files\":3,\"test_files\":2},"
                + "{\"id\":\"go\",\"name\":\"Go\",\"source_files\":2,\"test_files\":1},"
                + "{\"id\":\"ruby\",\"name\":\"Ruby\",\"source_files\":2,\"test_files\":1}]")
        #expect(facts["tests"]?["files"]?.intValue == 6)
    }

    @Test("an untested language is named with its file count")
    func untested() throws {
        var files = ["api/main.go": "", "api/main_test.go": ""]
        for index in 0..<12 { files["front/src/c\(index).vue"] = "" }
        let outcome = try evaluateHealthRule("quality.tests", files, language: .fr)
        #expect(outcome.status == .warn)
        #expect(outcome.message.fr == "1 fichier de test (Go 1), mais aucun pour JavaScript/TypeScript (12).")
        let none = try evaluateHealthRule("quality.tests", ["api/main.go": ""])
        #expect(none.message.en == "No test file for the code: Go (1).")
    }

    @Test("Dependabot: ecosystems found at any depth must be covered; YAML errors are placed")
    func dependabot() throws {
        let config = "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    schedule: {interval: weekly}\n"
        let outcome = try evaluateHealthRule("quality.dependency_updates", [
            ".github/dependabot.yml": config, "backend/requirements.txt": "django\n", "frontend/package.json": "{}",
            "Dockerfile": "FROM python:3.13\n", "vendor/lib/go.mod": "module x\n",
        ])
        #expect(outcome.status == .warn)
        #expect(outcome.message.en == "Dependabot does not cover npm and docker.")
        #expect(outcome.findings.map(\.path) == [".github/dependabot.yml", "frontend/package.json", "Dockerfile"])
        let uv = try evaluateHealthRule("quality.dependency_updates", [".github/dependabot.yaml": config.replacing("pip", with: "uv"), "pyproject.toml": "x"])
        #expect(uv.status == .pass)
        #expect(uv.message.en == "Dependabot covers pip.")
        let broken = try evaluateHealthRule("quality.dependency_updates", [".github/dependabot.yml": "updates:\n  - [pip\n", "setup.py": "x"])
        #expect(broken.status == .warn)
        #expect(broken.findings.first?.line == 3)
        #expect(broken.message.en.hasPrefix(".github/dependabot.yml:3:1: invalid YAML"))
    }

    @Test("Renovate in any of its files, or in package.json, covers everything")
    func renovate() throws {
        for path in [".github/renovate.json5", ".renovaterc", ".gitlab/renovate.json"] {
            #expect(try evaluateHealthRule("quality.dependency_updates", [path: "{}", "go.mod": "module x\n"]).status == .pass, "\(path)")
        }
        let withoutKey = try evaluateHealthRule("quality.dependency_updates", ["package.json": "{\"name\": \"outil\"}"])
        #expect(withoutKey.status == .fail)
        #expect(withoutKey.message.en == "Neither Dependabot nor Renovate, for npm dependencies.")
        let facts = try healthFacts("quality", ["package.json": "{\"renovate\": {}}"])
        #expect(try jsonText(facts["dependency_updates"]!) == "{\"dependabot_ecosystems\":[],\"ecosystems\":[\"npm\"],"
                + "\"tools\":[{\"files\":[\"package.json\"],\"id\":\"renovate\",\"name\":\"Renovate\"}]}")
    }
}
