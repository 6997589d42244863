import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// security.secrets: every token shape, the masking guarantee, placeholders and fakes, `.env`
/// parsing, inline allow markers, and the byte budget.
@Suite("security.secrets")
struct HealthSecretsTests {
    // Fake values, assembled so that this file holds no token shape (docs/health.md).
    static let awsKeyID = "AKIA" + "Q4HZW7NT2XJKD5VB"
    static let awsSecret = "q8Vd2/3mZpLr7TxKc9Nw" + "Yb4HjF6sEaUg1oRi0tPl"
    static let github = "ghp" + "_R2d2C3poB8bY7wX6vU5tS4rQ3pO2nM1lK0jI"
    static let fineGrained = "github" + "_pat_11ABCDEFG0123456789abcd_" + String(repeating: "Zq7Lm2Np9Rt4", count: 5) + "Vw3Xy8Bc5Dh6Jk1"
    static let gitlab = "glpat" + "-Xy7Zq2Lm9Np4Rt6Vw3Bk"
    static let slack = "xoxb" + "-2934857102-8374659201-Qm7Zp2Lx9Nr4Tv6Wy3Bk"
    static let webhook = "https://hooks.slack.com/" + "services/T0AB1CD2E/B3FG4HI5J/Qm7Zp2Lx9Nr4Tv6Wy3BkXc8D"
    static let google = "AIza" + "SyD7mQ2pLx9Nr4Tv6Wy3Bk8Jh5Gf1Dc0Sa_"
    static let keyBody = "UvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA/TkB/yOaGglfIPk5VlDPk4C47bIkprJIoekk\n"
        + "6P0K4uGpSSozBfGIy2EJAPnjR/rohtxlB3lex0XEw/yy6yxz4Uk0yGfuBXunJJm/oSHoNr\n"
    static func pem(_ label: String = "RSA", body: String = keyBody) -> String {
        "-----BEGIN \(label) " + "PRIVATE KEY-----\n" + body + "-----END \(label) " + "PRIVATE KEY-----\n"
    }

    struct Shape: CustomTestStringConvertible, Sendable {
        let kind: String
        let file: String
        let text: String
        let value: String
        let masked: String
        var testDescription: String { kind }
    }

    static let shapes: [Shape] = [
        Shape(kind: "private_key", file: "keys/server.pem", text: "# key\n" + pem(), value: keyBody, masked: "private key (140 characters)"),
        Shape(kind: "aws_access_key_id", file: "config.json", text: "{\n  \"id\": \"\(awsKeyID)\"\n}\n", value: awsKeyID,
              masked: "AWS access key ID (AKIA…, 20 characters)"),
        Shape(kind: "aws_secret_access_key", file: "settings.yml", text: "aws:\n  aws_secret_access_key: \(awsSecret)\n", value: awsSecret,
              masked: "AWS secret access key (40 characters)"),
        Shape(kind: "github_token", file: "ci/publish.sh", text: "#!/bin/sh\nexport GH=\(github)\n", value: github,
              masked: "GitHub token (ghp_…, 40 characters)"),
        Shape(kind: "github_fine_grained_token", file: "a.txt", text: "x\n\(fineGrained)\n", value: fineGrained,
              masked: "GitHub fine-grained token (github_pat_…, 110 characters)"),
        Shape(kind: "gitlab_token", file: "deploy.py", text: "# deploy\nTOKEN = '\(gitlab)'\n", value: gitlab, masked: "GitLab token (glpat-…, 26 characters)"),
        Shape(kind: "slack_token", file: "bot.js", text: "// bot\nconst t = \"\(slack)\";\n", value: slack, masked: "Slack token (xoxb-…, 47 characters)"),
        Shape(kind: "slack_webhook", file: "notify.rb", text: "# notify\nURL = '\(webhook)'\n", value: "Qm7Zp2Lx9Nr4Tv6Wy3BkXc8D",
              masked: "Slack webhook (44 characters)"),
        Shape(kind: "google_api_key", file: "web/index.html", text: "<script>\nkey='\(google)'\n</script>\n", value: google,
              masked: "Google API key (AIza…, 39 characters)"),
    ]

    @Test("each token shape is found at its line, and only its masked form is shown", arguments: shapes)
    func shape(_ shape: Shape) throws {
        for language in [Language.fr, .en] {
            let outcome = try evaluateHealthRule("security.secrets", [shape.file: shape.text], language: language)
            #expect(outcome.status == .fail)
            let finding = try #require(outcome.findings.first)
            #expect(outcome.findings.count == 1)
            #expect(finding.path == shape.file)
            #expect(finding.line == 2)
            if language == .en { #expect(finding.message?.en == shape.masked) }
            for text in [outcome.message.fr, outcome.message.en, finding.message?.fr ?? "", finding.message?.en ?? ""] {
                #expect(!text.contains(shape.value.trimmingCharacters(in: .whitespacesAndNewlines)))
                #expect(!text.contains(String(shape.value.suffix(12))))
            }
            #expect(outcome.message.en.contains("\(shape.kind) × 1"))
        }
        let facts = try jsonText(try healthFacts("security", [shape.file: shape.text]))
        #expect(!facts.contains(String(shape.value.suffix(12))))
        #expect(facts.contains("\"\(shape.kind)\":1"))
    }

    @Test("a .env is parsed: export, quotes, comments; secret-named variables with a value are findings")
    func envFile() throws {
        let env = """
            # settings
            export API_TOKEN="s3cr3t-v4lue-9"
            DEBUG=true
            DB_PASSWORD='hunter2hunter2' # local
            CLIENT_SECRET=
            SESSION_SECRET=${SESSION_SECRET}
            MAIL_PASSWORD=changeme
            SENTRY_DSN=https://public@sentry.example.org/1

            """
        let outcome = try evaluateHealthRule("security.secrets", ["app/.env.local": env])
        #expect(outcome.status == .fail)
        #expect(outcome.findings.map(\.line) == [2, 4])
        #expect(outcome.findings.map { $0.message?.en } == ["variable API_TOKEN given a value in a .env file (14 characters)",
                                                           "variable DB_PASSWORD given a value in a .env file (14 characters)"])
        for finding in outcome.findings {
            let shown = (finding.message?.en ?? "") + (finding.message?.fr ?? "")
            #expect(!shown.contains("s3cr3t"))
            #expect(!shown.contains("hunter2"))
        }
    }

    @Test("example .env files are not read as secrets; other .env names are")
    func envNames() throws {
        let line = "API_TOKEN=Zq7Lm2Np9Rt4Vw3X\n"
        for name in [".env.example", "config/.env.sample", ".env.template", ".env.dist", "docker/.env.production.example"] {
            #expect(try evaluateHealthRule("security.secrets", [name: line]).status == .pass, "\(name)")
        }
        for name in [".env", ".env.production", "config/prod.env", "services/api/.env.local"] {
            #expect(try evaluateHealthRule("security.secrets", [name: line]).status == .fail, "\(name)")
        }
        // Outside .env files a variable assignment is not a finding by its name alone.
        #expect(try evaluateHealthRule("security.secrets", ["settings.py": "API_TOKEN = 'Zq7Lm2Np9Rt4Vw3X'\n"]).status == .pass)
    }

    @Test("example, template and sample .env files are read as examples; real token shapes in them still count")
    func exampleFiles() throws {
        let values = "API_TOKEN=Zq7Lm2Np9Rt4Vw3X\nSECRET_KEY=demo\nDB_PASSWORD=Tr0ub4dor&3\n"
        for name in ["example-env-file.env", "deploy/example-prod.env", "config/sample.env", "app.env.tpl", "docker/.env.local.dist",
                     ".env.tpl", "env/template-staging.env",
                     // A folder of example env files (gip-inclusion/dora, held out).
                     "back/envs-example/secrets.env", "config/samples/.env"] {
            #expect(try evaluateHealthRule("security.secrets", [name: values]).status == .pass, "\(name)")
        }
        let token = try evaluateHealthRule("security.secrets", ["example-env-file.env": "API_TOKEN=demo\nGH_TOKEN=\(Self.github)\n"])
        #expect(token.status == .fail)
        #expect(token.findings.map(\.line) == [2])
        #expect(token.findings.first?.message?.en.hasPrefix("GitHub token (ghp_") == true)
        let key = try evaluateHealthRule("security.secrets", ["config.sample": Self.pem()])
        #expect(key.status == .fail)
    }

    @Test("placeholder values in a .env: local defaults, demo, xxx, <…>, ${…}, your-…, empty and very short values")
    func envPlaceholderValues() throws {
        let env = """
            POSTGRES_PASSWORD=password
            ADMIN_PASSWORD="Admin"
            API_TOKEN=demo
            SECRET_KEY=demo-key-for-the-readme
            CLIENT_SECRET=xxx
            AUTH_KEY=xxxxxxxxxxxxxxxx
            ACCESS_KEY=<your access key>
            PRIVATE_KEY=${PRIVATE_KEY}
            SESSION_SECRET=your-session-secret
            MAIL_PASSWORD=
            DATABASE_PASSWORD=djpwd
            REDIS_PASSWORD=1234
            SMTP_PASSWORD=Kp9w2Lx7Qz

            """
        let outcome = try evaluateHealthRule("security.secrets", [".env": env])
        #expect(outcome.status == .fail)
        // Only the last line is a value worth revoking; its length is shown, never the value.
        #expect(outcome.findings.map(\.line) == [13])
        #expect(outcome.findings.first?.message?.en == "variable SMTP_PASSWORD given a value in a .env file (10 characters)")
        // A value merely containing a placeholder word inside a random run still counts.
        #expect(try evaluateHealthRule("security.secrets", [".env": "API_TOKEN=Qz7demoLm2Np9Rt\n"]).status == .fail)
    }

    @Test("a .env value made only of its variable's words (and fillers such as my, a, secret) names itself; a digit or another word makes it a value")
    func selfDescribingValues() throws {
        for (line, expected) in [("SERVER_TO_SERVER_API_TOKENS=server-api-token", CheckStatus.pass), ("GOTENBERG_TOKEN=A_SECRET_TOKEN", .pass),
                                 ("SCALINGO_TOKEN=mytoken", .pass), ("QUEUE_MONITOR_TOKEN=secrettoken", .pass),
                                 // Held out: betagouv/ma-cantine's `.env.docker`.
                                 ("SECRET=my local secret", .pass), ("SECRET=\"my local secret\"", .pass),
                                 ("API_TOKEN=token-3f9a1c7e5b2d", .fail), ("SCALINGO_TOKEN=mytoken2024", .fail), ("DB_PASSWORD=correcthorsebattery", .fail)] {
            #expect(try evaluateHealthRule("security.secrets", [".env": line + "\n"]).status == expected, "\(line)")
        }
    }

    @Test("a message never holds the value, even when the variable's name spells it")
    func maskingGuard() throws {
        // With a digit, so that the value is not read as one that merely names itself (which is no finding).
        let outcome = try evaluateHealthRule("security.secrets", [".env": "MY_TOKEN_7=MY_TOKEN_7\n"])
        let message = try #require(outcome.findings.first?.message)
        #expect(message.en == "secret (10 characters)")
        #expect(!message.en.contains("MY_TOKEN") && !message.fr.contains("MY_TOKEN"))
        #expect(try evaluateHealthRule("security.secrets", [".env": "MY_TOKEN=MY_TOKEN\n"]).status == .pass)
    }

    @Test("placeholders: documented examples and values that say they are fake are not secrets")
    func placeholders() throws {
        let allowed = [
            "docs/aws.md": "key `AKIA" + "IOSFODNN7EXAMPLE` secret `wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY`\n",
            "README.md": "export GH=ghp" + "_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
            "ci.yml": "token: glpat" + "-fake-token-for-the-tests-000\n",
            "zero.txt": "AKIA" + "0000000000000000\n",
        ]
        let outcome = try evaluateHealthRule("security.secrets", allowed)
        #expect(outcome.status == .pass, "\(outcome.findings)")
    }

    @Test("a short placeholder word inside a random value does not hide a real key")
    func placeholderWordsOnlyAtEdges() throws {
        let body = "MIIEowIBAAKCAQEAx7fakeQm2pLx9Nr4Tv6Wy3Bk8Jh5Gf1Dc0SaZq7Lm2Np9Rt4Vw3Xy8Bc5Dh6Jk1\n"
            + "Pq7Lm2Np9Rt4Vw3Xy8Bc5Dh6Jk1MIIEowIBAAKCAQEAx7todoQm2pLx9Nr4Tv6Wy3Bk8Jh5Gf1Dc0Sa\n"
        let outcome = try evaluateHealthRule("security.secrets", ["id_rsa": Self.pem(body: body)])
        #expect(outcome.status == .fail)
        #expect(outcome.findings.first?.line == 1)
    }

    @Test("a realistic key in a test fixture is still a finding: the place does not make it fake")
    func testFixtures() throws {
        let outcome = try evaluateHealthRule("security.secrets", ["src/test/resources/credentials.properties": "aws.key=\(Self.awsKeyID)\n"])
        #expect(outcome.status == .fail)
        #expect(outcome.findings.map(\.path) == ["src/test/resources/credentials.properties"])
    }

    @Test("an inline allow marker accepts a finding on its line or the line above, and the pass says so")
    func allowMarkers() throws {
        let files = [
            "tests/keys.py": "KEY = '\(Self.awsKeyID)'  # gitleaks:allow\n",
            "tests/fixtures/jwt.pem": "# vigie:allow-secret (test key, never used)\n" + Self.pem(),
            "spec/helper.rb": "TOKEN = '\(Self.gitlab)' # pragma: allowlist secret\n",
        ]
        let outcome = try evaluateHealthRule("security.secrets", files)
        #expect(outcome.status == .pass)
        #expect(outcome.message.en.hasSuffix("; 3 findings accepted by an inline marker (gitleaks:allow…)."))
        #expect(outcome.findings.map { "\($0.path):\($0.line ?? 0)" } == ["spec/helper.rb:1", "tests/fixtures/jwt.pem:2", "tests/keys.py:1"])
        let facts = try healthFacts("security", files)
        #expect(facts["secrets"]?["allowed"]?.intValue == 3)
        #expect(facts["secrets"]?["findings"]?.intValue == 0)
        let env = try evaluateHealthRule("security.secrets", [".env": "# vigie:allow-secret (local development only)\nDB_PASSWORD=Tr0ub4dor\n"])
        #expect(env.status == .pass)
        #expect(env.findings.map(\.line) == [2])
        // A marker two lines above does not count.
        #expect(try evaluateHealthRule("security.secrets", ["k.pem": "# gitleaks:allow\n\n" + Self.pem()]).status == .fail)
    }

    @Test("key headers without a key are not findings: documentation, code that parses PEM, public keys")
    func pemShapes() throws {
        let files = [
            "docs/keys.md": "A key starts with `-----BEGIN RSA " + "PRIVATE KEY-----` and ends with its END line.\n",
            "src/pem.go": "if strings.HasPrefix(line, \"-----BEGIN EC " + "PRIVATE KEY-----\") {\n\treturn true\n}\n",
            "keys/short.pem": Self.pem(body: "abc\n"),
            "keys/id_rsa.pub": "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 alice@example\n",
            "certs/ca.pem": "-----BEGIN CERTIFICATE-----\n" + Self.keyBody + "-----END CERTIFICATE-----\n",
        ]
        #expect(try evaluateHealthRule("security.secrets", files).status == .pass)
        for label in ["OPENSSH", "EC", "DSA", "ENCRYPTED", "PGP"] {
            let text = label == "PGP"
                ? "-----BEGIN PGP " + "PRIVATE KEY BLOCK-----\n\n" + Self.keyBody + "-----END PGP " + "PRIVATE KEY BLOCK-----\n"
                : Self.pem(label, body: Self.keyBody)
            #expect(try evaluateHealthRule("security.secrets", ["key": text]).status == .fail, "\(label)")
        }
        // A key inside a JSON string (a cloud service account), newlines escaped.
        let json = "{\"private_key\": \"-----BEGIN " + "PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7Zq7Lm2Np9Rt4Vw3Xy8Bc\\n-----END "
            + "PRIVATE KEY-----\\n\"}\n"
        #expect(try evaluateHealthRule("security.secrets", ["service-account.json": json]).findings.map(\.line) == [1])
    }

    @Test("a token glued to other letters is not a token; one finding per line")
    func boundaries() throws {
        #expect(try evaluateHealthRule("security.secrets", ["a.txt": "X" + Self.awsKeyID + "\n"]).status == .pass)
        #expect(try evaluateHealthRule("security.secrets", ["a.txt": Self.awsKeyID + "Z\n"]).status == .pass)
        let twice = try evaluateHealthRule("security.secrets", ["a.txt": "\(Self.awsKeyID) \(Self.github)\n"])
        #expect(twice.findings.count == 1)
    }

    @Test("binary files are not scanned: by extension without reading, by a NUL byte after reading")
    func binary() throws {
        let files = ["logo.png": Self.awsKeyID, "data.bin.dat": "\u{0}\u{1}" + Self.awsKeyID, "README.md": "# Outil\n"]
        let outcome = try evaluateHealthRule("security.secrets", files)
        #expect(outcome.status == .pass)
        #expect(outcome.message.en == "No secret: 1 text file scanned (8 bytes).")
        let facts = try healthFacts("security", files)
        #expect(facts["not_scanned"]?["binary"]?.intValue == 2)
        #expect(facts["scanned"]?["files"]?.intValue == 1)
    }

    @Test("lock files are skipped and counted")
    func skipped() throws {
        let facts = try healthFacts("security", ["package-lock.json": "{\"t\": \"\(Self.github)\"}", "web/yarn.lock": "x", "a.js": "1\n"])
        #expect(facts["not_scanned"]?["skipped"]?.intValue == 2)
        #expect(facts["secrets"]?["findings"]?.intValue == 0)
    }

    @Test("files over max_file_bytes are not read, and the message says so")
    func perFileCap() throws {
        let files = ["big.sql": String(repeating: "x", count: 2_000) + "\n" + Self.awsKeyID + "\n", "small.txt": "ok\n"]
        let outcome = try evaluateHealthRule("security.secrets", files, parameters: ["max_file_bytes": .int(1_000)])
        #expect(outcome.status == .pass)
        #expect(outcome.message.en == "No secret: 1 text file scanned (3 bytes); 1 file not read over max_file_bytes (1000).")
        let caught = try evaluateHealthRule("security.secrets", files, parameters: ["max_file_bytes": .int(4_000)])
        #expect(caught.status == .fail)
    }

    @Test("the budget goes to .env and configuration files first; a spent budget warns and names the count")
    func budget() throws {
        var files = ["deploy/.env": "API_TOKEN=Zq7Lm2Np9Rt4Vw3X\n"]
        for index in 0..<5 { files["a\(index).txt"] = String(repeating: "a", count: 400) }
        let outcome = try evaluateHealthRule("security.secrets", files, parameters: ["max_total_bytes": .int(1_000)])
        // The .env (27 bytes) is read first, then two of the five text files fit in the rest.
        #expect(outcome.status == .fail)
        #expect(outcome.findings.map(\.path) == ["deploy/.env"])
        #expect(outcome.message.en == "1 secret found (env_value × 1); 3 text files scanned (827 bytes); max_total_bytes (1000) reached: 3 files not read.")
        let clean = files.filter { $0.key != "deploy/.env" }
        let warned = try evaluateHealthRule("security.secrets", clean, parameters: ["max_total_bytes": .int(1_000)])
        #expect(warned.status == .warn)
        #expect(warned.message.en == "No secret, but some files were not read: 2 text files scanned (800 bytes); max_total_bytes (1000) reached: 3 files not read.")
        #expect(warned.message.fr == "Aucun secret, mais des fichiers n'ont pas été lus : 2 fichiers texte analysés (800 octets) ; max_total_bytes (1000) atteint : 3 fichiers non lus.")
    }

    @Test("facts.security reports the scan with the rule's default limits; a rule set's limits make the rule's own scan")
    func factsUseTheDefaults() throws {
        let files = ["a.txt": String(repeating: "a", count: 600), "b.txt": String(repeating: "b", count: 600)]
        let facts = try healthFacts("security", files, after: [("security.secrets", ["max_total_bytes": .int(1_000)])])
        #expect(facts["budget_reached"]?.boolValue == false)
        #expect(facts["limits"]?["max_total_bytes"]?.intValue == 8_388_608)
        #expect(facts["limits"]?["max_file_bytes"]?.intValue == 524_288)
        #expect(facts["scanned"]?["bytes"]?.intValue == 1_200)
        let limited = try evaluateHealthRule("security.secrets", files, parameters: ["max_total_bytes": .int(1_000)])
        #expect(limited.message.en.hasSuffix("max_total_bytes (1000) reached: 1 file not read."))
    }
}
