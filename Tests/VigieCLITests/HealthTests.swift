import Foundation
import Testing
import VigieTestSupport

/// Issue 5's project-health part, end to end on the built binary with the health rule set alone
/// (fixtures/rulesets/health.yml): a healthy repository passes every rule, committed secrets are
/// reported with path and line and never shown, a mistyped publiccode.yml is reported at line:column.
@Suite("Project health, end to end")
struct HealthTests {
    static let ruleset = PackagePaths.fixtures.appendingPathComponent("rulesets/health.yml").path

    /// The fake secrets of fixtures/health-secrets.yml, spelled in pieces so that this file holds no
    /// token shape either.
    static let awsSecret = "q8Vd2/3mZpLr7TxKc9Nw" + "Yb4HjF6sEaUg1oRi0tPl"
    static let awsKeyID = "AKIA" + "Q4HZW7NT2XJKD5VB"
    static let keyBody = [
        "UvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA/TkB/yOaGglfIPk5VlDPk4C47bIkprJIoekk",
        "6P0K4uGpSSozBfGIy2EJAPnjR/rohtxlB3lex0XEw/yy6yxz4Uk0yGfuBXunJJm/oSHoNr",
        "KsFXJu59awr2qxPDjpLK4NFQV7FZmH+UzHQR1xfxRXmyqhAPu7NPpZP+rtJy",
    ]
    /// Pieces long enough to identify a value: none may appear in any output.
    static var secretPieces: [String] {
        [awsSecret, awsKeyID, String(awsSecret.prefix(12)), String(awsSecret.suffix(12)), String(awsKeyID.suffix(12))]
            + keyBody + keyBody.map { String($0.prefix(16)) }
    }

    func audit(_ path: String, format: String, _ extra: [String] = []) throws -> ProcessResult {
        let result = try runVigie(["audit", path, "--format", format, "--as-of", "2026-11-29", "--ruleset", Self.ruleset] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    func card(_ path: String, _ extra: [String] = []) throws -> [String: Any] {
        let text = try audit(path, format: "json", extra).stdout
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func check(_ card: [String: Any], _ id: String) throws -> [String: Any] {
        let checks = try #require(card["checks"] as? [[String: Any]])
        return try #require(checks.first { $0["id"] as? String == id }, "no check \(id)")
    }

    func facts(_ card: [String: Any], _ key: String) throws -> [String: Any] {
        try #require((card["facts"] as? [String: Any])?[key] as? [String: Any], "no facts.\(key)")
    }

    @Test("a repository with every community, quality and security file passes every health rule")
    func completePasses() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("health-complete", in: scratch)
        let card = try card(repo.path, ["--lang", "en"])
        let checks = try #require(card["checks"] as? [[String: Any]])
        #expect(checks.count == 10)
        for check in checks {
            #expect(check["status"] as? String == "pass", "\(check["id"] ?? "?"): \(check["message"] ?? "")")
        }
        #expect(card["score"] as? Int == 100)
        #expect(try check(card, "quality.ci")["message"] as? String == "Continuous integration: GitHub Actions (1).")
        #expect(try check(card, "quality.tests")["message"] as? String == "1 test file: Python 1.")
        #expect(try check(card, "community.publiccode")["message"] as? String
                == "publiccode.yml is valid (version 0.4), licence MIT agrees with the licence files.")
        #expect(try check(card, "community.changelog")["message"] as? String == "CHANGELOG.md mentions the latest tagged version, v1.1.0.")

        let community = try facts(card, "community")
        #expect(community["contributing"] as? [String] == ["CONTRIBUTING.md"])
        #expect(community["code_of_conduct"] as? [String] == ["CODE_OF_CONDUCT.md"])
        #expect(community["security"] as? [String] == ["SECURITY.md"])
        #expect(community["changelog"] as? [String] == ["CHANGELOG.md"])
        #expect(community["publiccode"] as? String == "publiccode.yml")
        #expect(community["issue_templates"] as? [String] == [".github/ISSUE_TEMPLATE/bug.md"])
        #expect(community["change_request_templates"] as? [String] == [".github/PULL_REQUEST_TEMPLATE.md"])

        let quality = try facts(card, "quality")
        let ci = try #require(quality["ci"] as? [[String: Any]])
        #expect(ci.map { $0["id"] as? String } == ["github_actions"])
        #expect(ci.first?["files"] as? [String] == [".github/workflows/tests.yml"])
        let tests = try #require(quality["tests"] as? [String: Any])
        #expect(tests["files"] as? Int == 1)
        let languages = try #require(tests["languages"] as? [[String: Any]])
        #expect(languages.map { $0["id"] as? String } == ["python"])
        #expect(languages.first?["source_files"] as? Int == 3)
        let updates = try #require(quality["dependency_updates"] as? [String: Any])
        #expect((updates["tools"] as? [[String: Any]])?.map { $0["id"] as? String } == ["dependabot"])
        #expect(updates["ecosystems"] as? [String] == ["pip", "github-actions"])
        #expect(updates["dependabot_ecosystems"] as? [String] == ["pip", "github-actions"])

        let security = try facts(card, "security")
        #expect((security["secrets"] as? [String: Any])?["findings"] as? Int == 0)
        #expect(security["budget_reached"] as? Bool == false)
        let scanned = try #require(security["scanned"] as? [String: Any])
        #expect(scanned["files"] as? Int == 16)
        #expect((scanned["bytes"] as? Int ?? 0) > 1_000)
    }

    @Test("a committed id_rsa and a .env with AWS keys are reported with path and line, in JSON")
    func secretsReported() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("health-secrets", in: scratch)
        let card = try card(repo.path, ["--lang", "en"])
        let secrets = try check(card, "security.secrets")
        #expect(secrets["status"] as? String == "fail")
        let evidence = try #require(secrets["evidence"] as? [[String: Any]])
        let places = evidence.map { "\($0["path"] as? String ?? "?"):\($0["line"] as? Int ?? 0)" }
        #expect(places == [".env:2", ".env:3", "deploy/id_rsa:1"])
        let messages = evidence.map { $0["message"] as? String ?? "" }
        #expect(messages == ["AWS access key ID (AKIA…, 20 characters)", "AWS secret access key (40 characters)",
                             "private key (200 characters)"])
        #expect((secrets["message"] as? String ?? "").hasPrefix("3 secrets found (aws_access_key_id × 1, aws_secret_access_key × 1 and private_key × 1); "))

        let security = try facts(card, "security")
        let found = try #require(security["secrets"] as? [String: Any])
        #expect(found["findings"] as? Int == 3)
        #expect(found["by_kind"] as? [String: Int] == ["aws_access_key_id": 1, "aws_secret_access_key": 1, "private_key": 1])
        #expect((security["scanned"] as? [String: Any])?["files"] as? Int == 5)
    }

    @Test("model, end-to-end and local docker stack .env files: placeholders and local values are not findings, a real token shape is")
    func localStackEnvFiles() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("health-secrets-local", in: scratch)
        let card = try card(repo.path, ["--lang", "en"])
        let secrets = try check(card, "security.secrets")
        #expect(secrets["status"] as? String == "fail")
        let evidence = try #require(secrets["evidence"] as? [[String: Any]])
        let places = evidence.map { "\($0["path"] as? String ?? "?"):\($0["line"] as? Int ?? 0)" }
        #expect(places == ["config/.env:1", "docker/compose/app/.env/app.env:3"])
        let found = try #require(try facts(card, "security")["secrets"] as? [String: Any])
        #expect(found["by_kind"] as? [String: Int] == ["aws_access_key_id": 1, "env_value": 1])
        let text = try audit(repo.path, format: "json", ["--lang", "en"]).stdout
        #expect(!text.contains(Self.awsKeyID) && !text.contains("9d2f7a1c4e8b") && !text.contains("3f9a1c7e5b2d4f6a"))
    }

    @Test("the secrets never appear in the JSON, the Markdown or the terminal, in either language")
    func secretsNeverShown() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("health-secrets", in: scratch)
        // The fixture holds the values (else this test would prove nothing).
        let env = try git(["-C", repo.path, "show", "HEAD:.env"]).stdout
        #expect(env.contains(Self.awsSecret) && env.contains(Self.awsKeyID))
        let key = try git(["-C", repo.path, "show", "HEAD:deploy/id_rsa"]).stdout
        #expect(Self.keyBody.allSatisfy(key.contains))

        for language in ["fr", "en"] {
            let outputs = try ["json", "markdown", "text"].map { format in
                (format, try audit(repo.path, format: format, ["--lang", language]))
            }
            for (format, result) in outputs {
                // Markdown escapes the underscore of the path.
                let keyPath = format == "markdown" ? "deploy/id\\_rsa:1" : "deploy/id_rsa"
                #expect(result.stdout.contains(".env"), "\(format) \(language) does not report the .env")
                #expect(result.stdout.contains(keyPath), "\(format) \(language) does not report the id_rsa")
                for piece in Self.secretPieces {
                    #expect(!result.stdout.contains(piece), "\(format) \(language) shows a secret")
                    #expect(!result.stderr.contains(piece), "\(format) \(language) stderr shows a secret")
                }
            }
        }
        // Written scorecards too.
        let output = scratch.appending("cards")
        _ = try audit(repo.path, format: "text", ["--output", output.path])
        for file in try FileManager.default.contentsOfDirectory(atPath: output.path) {
            let text = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains("id_rsa") || text.contains("id\\_rsa"))
            for piece in Self.secretPieces { #expect(!text.contains(piece), "\(file) shows a secret") }
        }
    }

    @Test("the terminal names each secret by path:line and masked kind")
    func secretsOnTheTerminal() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("health-secrets", in: scratch)
        let text = try audit(repo.path, format: "text").stdout
        #expect(text.contains("· .env:2 — identifiant de clé d'accès AWS (AKIA…, 20 caractères)"))
        #expect(text.contains("· .env:3 — clé d'accès secrète AWS (40 caractères)"))
        #expect(text.contains("· deploy/id_rsa:1 — clé privée (200 caractères)"))
    }

    @Test("a publiccode.yml with wrong key types reports each at its line:column")
    func publiccodeWrongType() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("health-publiccode-wrong-type", in: scratch)
        let card = try card(repo.path, ["--lang", "en"])
        let publiccode = try check(card, "community.publiccode")
        #expect(publiccode["status"] as? String == "fail")
        let evidence = try #require(publiccode["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["path"] as? String } == ["publiccode.yml", "publiccode.yml"])
        #expect(evidence.map { $0["line"] as? Int } == [5, 25])
        #expect(evidence.map { $0["message"] as? String } == [
            "5:3: 'platforms' must be a string or a list of strings, not a mapping",
            "25:5: 'localisation.localisationReady' must be true or false, not a list",
        ])
        #expect(publiccode["message"] as? String
                == "publiccode.yml: 2 errors, 0 warnings; first, 5:3: 'platforms' must be a string or a list of strings, not a mapping.")
        let french = try self.card(repo.path)
        let message = try check(french, "community.publiccode")["message"] as? String
        #expect(message == "publiccode.yml : 2 erreurs, 0 avertissement ; d'abord, 5:3 : « platforms » doit être un texte ou une liste de textes, pas un dictionnaire.")
    }

    @Test("a hastily published repository (a title and app.js) fails the community rules, CI and tests")
    func bareRepository() throws {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build("title-only", in: scratch)
        let card = try card(repo.path, ["--lang", "en"])
        let statuses = try #require(card["checks"] as? [[String: Any]]).reduce(into: [String: String]()) {
            $0[$1["id"] as! String] = $1["status"] as? String
        }
        #expect(statuses == [
            "community.contributing": "fail", "community.code_of_conduct": "fail", "community.security": "fail",
            "community.changelog": "fail", "community.publiccode": "warn", "community.issue_templates": "warn",
            "quality.ci": "fail", "quality.tests": "fail", "quality.dependency_updates": "skip", "security.secrets": "pass",
        ])
    }

    @Test("the health scorecards validate against the published JSON Schema")
    func schema() throws {
        let scratch = try TemporaryDirectory()
        var files: [String] = []
        for fixture in ["health-complete", "health-secrets", "health-publiccode-wrong-type"] {
            let repo = try FixtureBuilder.build(fixture, in: scratch)
            let file = scratch.appending("\(fixture).json")
            try audit(repo.path, format: "json").stdout.write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let validator = PackagePaths.root.appendingPathComponent("scripts/validate-json.py")
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", validator.path, PackagePaths.schema.path] + files)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
