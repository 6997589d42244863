public import VigieCore

/// No secret in the audited tree: private keys, `.env` values, cloud, forge and chat tokens. Each
/// finding gives its path and line and a masked description; the value never leaves the scan.
/// Text files only, each under `max_file_bytes`, all within `max_total_bytes`: the message says
/// what was read, and a spent budget is a warning, never a silent pass.
public struct SecuritySecretsRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "security.secrets",
        category: RuleCategory.named("security")!,
        defaultWeight: 3,
        title: LocalizedText(fr: "Aucun secret n'est publié dans le dépôt", en: "No secret is published in the repository"),
        rationale: LocalizedText(
            fr: "Un mot de passe, une clé privée ou un jeton publié dans un dépôt ouvert est compromis : la politique de contribution de la DINUM interdit les secrets dans le code et code.gouv.fr demande de vérifier l'historique avant d'ouvrir.",
            en: "A password, private key or token published in an open repository is compromised: DINUM's contribution policy forbids secrets in code and code.gouv.fr asks to check the history before opening."),
        remediation: LocalizedText(
            fr: "Révoquez d'abord chaque secret trouvé (il est public), puis retirez-le du dépôt, placez la configuration dans un fichier ignoré par git (.env, avec un .env.example sans valeurs) et purgez l'historique (git filter-repo).",
            en: "First revoke each secret found (it is public), then remove it from the repository, keep configuration in a file git ignores (.env, with a .env.example without values) and purge the history (git filter-repo).")
    )

    public static let parameters = [
        RuleParameter("max_file_bytes", default: .int(524_288), LocalizedText(
            fr: "Taille maximale d'un fichier lu, en octets ; les fichiers plus grands ne sont pas analysés (et le message le dit).",
            en: "Largest file read, in bytes; larger files are not scanned (and the message says so).")),
        RuleParameter("max_total_bytes", default: .int(8_388_608), LocalizedText(
            fr: "Octets lus au plus pour tout le dépôt ; au-delà, les fichiers restants ne sont pas analysés (avertissement).",
            en: "Bytes read at most for the whole repository; beyond it the remaining files are not scanned (warning).")),
    ]

    /// The limits `facts.security` reports a scan with (a rule set may give the rule others).
    static var defaultLimits: SecretScan.Limits {
        let values = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.defaultValue) })
        let defaults = RuleParameters(values)
        return SecretScan.Limits(maxFileBytes: defaults.int("max_file_bytes"), maxTotalBytes: defaults.int("max_total_bytes"))
    }

    // Fake secrets for the examples, assembled so that this source file holds no token shape itself.
    static let awsKeyID = "AKIA" + "Q4HZW7NT2XJKD5VB"
    static let awsSecret = "q8Vd2/3mZpLr7TxKc9Nw" + "Yb4HjF6sEaUg1oRi0tPl"
    static let githubToken = "ghp" + "_R2d2C3poB8bY7wX6vU5tS4rQ3pO2nM1lK0jI"
    static let privateKey = "-----BEGIN OPENSSH " + "PRIVATE KEY-----\n"
        + "UvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA/TkB/yOaGglfIPk5VlDPk4C47bIkprJIoekk\n"
        + "6P0K4uGpSSozBfGIy2EJAPnjR/rohtxlB3lex0XEw/yy6yxz4Uk0yGfuBXunJJm/oSHoNr\n"
        + "-----END OPENSSH " + "PRIVATE KEY-----\n"

    public static let examples: [RuleExample] = [
        RuleExample("a clean repository passes", files: ["README.md": "# Outil\n", "app.py": "import os\nKEY = os.environ['API_KEY']\n"], expect: .pass),
        RuleExample("a committed id_rsa fails", files: ["deploy/id_rsa": privateKey], expect: .fail),
        RuleExample("a .env with an AWS secret fails",
                    files: [".env": "DEBUG=true\nAWS_ACCESS_KEY_ID=\(awsKeyID)\nAWS_SECRET_ACCESS_KEY=\(awsSecret)\n"], expect: .fail),
        RuleExample("a .env password fails", files: ["config/.env.production": "DATABASE_PASSWORD=Tr0ub4dor&3\n"], expect: .fail),
        RuleExample("a GitHub token in code fails", files: ["scripts/publish.js": "const token = '\(githubToken)';\n"], expect: .fail),
        RuleExample("a real-looking key in a test fixture still fails", files: ["tests/fixtures/aws.json": "{\"key\": \"\(awsKeyID)\"}\n"],
                    expect: .fail),
        RuleExample("a .env.example with placeholders passes",
                    files: [".env.example": "AWS_SECRET_ACCESS_KEY=your-secret-here\nAPI_TOKEN=\nDB_PASSWORD=${DB_PASSWORD}\n"], expect: .pass),
        RuleExample("demo values in an example .env file pass",
                    files: ["example-env-file.env": "API_TOKEN=demo\nSECRET_KEY=demo-secret-key\nDB_PASSWORD=Tr0ub4dor&3\n"], expect: .pass),
        RuleExample("a real token shape in an example file still fails", files: [".env.example": "GITHUB_TOKEN=\(githubToken)\n"], expect: .fail),
        RuleExample("a .env.model (an example under another name) with placeholders passes",
                    files: [".env.model": "GOTENBERG_TOKEN=A_SECRET_TOKEN\nSCALINGO_TOKEN=mytoken\nSESSION_SECRET=Kq8zT2vLm9\n"], expect: .pass),
        RuleExample("a value that only names itself passes", files: ["config/.env": "SERVER_TO_SERVER_API_TOKENS=server-api-token\n"], expect: .pass),
        RuleExample("a .env of the local docker compose stack passes", files: ["docker/compose/app/.env/app.env": "Redis_PASSWORD=3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e\n"],
                    expect: .pass),
        RuleExample("an AWS key in a .env of the local docker compose stack still fails", files: ["docker/compose/app/.env/app.env": "AWS_ACCESS_KEY_ID=\(awsKeyID)\n"],
                    expect: .fail),
        RuleExample("a random value next to the variable's words still fails", files: [".env": "API_TOKEN=token-3f9a1c7e5b2d\n"], expect: .fail),
        RuleExample("local defaults and very short values in a .env pass",
                    files: [".env": "POSTGRES_PASSWORD=password\nDATABASE_PASSWORD=djpwd\nSECRET_KEY=xxx\nAPI_TOKEN=<token>\n"], expect: .pass),
        RuleExample("AWS's documented example key passes", files: ["docs/aws.md": "Use `AKIA" + "IOSFODNN7EXAMPLE` as in the AWS guide.\n"],
                    expect: .pass),
        RuleExample("a fake key marked gitleaks:allow passes (and is counted)",
                    files: ["tests/keys.py": "KEY = '\(awsKeyID)'  # gitleaks:allow\n"], expect: .pass),
        RuleExample("a PEM header without a body passes", files: ["docs/keys.md": "A key file starts with `-----BEGIN RSA " + "PRIVATE KEY-----`.\n"],
                    expect: .pass),
        RuleExample("a spent budget warns", files: ["a.txt": String(repeating: "a", count: 600), "b.txt": String(repeating: "b", count: 600)],
                    expect: .warn, parameters: ["max_total_bytes": .int(1_000)]),
        RuleExample("a tree without text files skips", files: ["logo.png": "PNG"], expect: .skip),
    ]

    let limits: SecretScan.Limits
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        limits = SecretScan.Limits(maxFileBytes: parameters.int("max_file_bytes"), maxTotalBytes: parameters.int("max_total_bytes"))
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let scan = try SecretScan.of(snapshot, data: data, limits: limits)
        let files = LocalizedText.quantity(scan.filesScanned, fr: ("fichier texte analysé", "fichiers texte analysés"),
                                        en: ("text file scanned", "text files scanned"))
        let read = LocalizedText(fr: "\(files.fr) (\(scan.bytesScanned) octets)", en: "\(files.en) (\(scan.bytesScanned) bytes)")
        let notes = notes(scan)
        if !scan.findings.isEmpty {
            let kinds = LocalizedText.series(SecretScan.countByKind(scan.findings).map { "\($0.kind) × \($0.count)" })
            let found = LocalizedText.quantity(scan.findings.count, fr: ("secret trouvé", "secrets trouvés"), en: ("secret found", "secrets found"))
            return .fail(LocalizedText(fr: "\(found.fr) (\(kinds.fr)) ; \(read.fr)\(notes.fr).",
                                       en: "\(found.en) (\(kinds.en)); \(read.en)\(notes.en)."),
                         scan.findings.map { Finding(path: $0.path, line: $0.line, message: $0.masked) })
        }
        if scan.budgetReached || (scan.filesScanned == 0 && !scan.tooLarge.isEmpty) {
            return .warn(LocalizedText(fr: "Aucun secret, mais des fichiers n'ont pas été lus : \(read.fr)\(notes.fr).",
                                       en: "No secret, but some files were not read: \(read.en)\(notes.en)."),
                         scan.tooLarge.prefix(5).map { Finding(path: $0) })
        }
        if scan.filesScanned == 0 {
            return .skip(LocalizedText(fr: "Aucun fichier texte à analyser.", en: "No text file to scan."))
        }
        return .pass(LocalizedText(fr: "Aucun secret : \(read.fr)\(notes.fr).", en: "No secret: \(read.en)\(notes.en)."),
                     scan.allowed.map { Finding(path: $0.path, line: $0.line, message: $0.masked) })
    }

    /// What was not read, and what was accepted on purpose: so that a pass says what it covers.
    private func notes(_ scan: SecretScan) -> LocalizedText {
        var fr: [String] = [], en: [String] = []
        if !scan.tooLarge.isEmpty {
            let count = LocalizedText.quantity(scan.tooLarge.count, fr: ("fichier non lu", "fichiers non lus"), en: ("file not read", "files not read"))
            fr.append("\(count.fr) au-delà de max_file_bytes (\(limits.maxFileBytes))")
            en.append("\(count.en) over max_file_bytes (\(limits.maxFileBytes))")
        }
        if scan.budgetReached {
            let count = LocalizedText.quantity(scan.overBudget, fr: ("fichier non lu", "fichiers non lus"), en: ("file not read", "files not read"))
            fr.append("max_total_bytes (\(limits.maxTotalBytes)) atteint : \(count.fr)")
            en.append("max_total_bytes (\(limits.maxTotalBytes)) reached: \(count.en)")
        }
        if !scan.allowed.isEmpty {
            let count = LocalizedText.quantity(scan.allowed.count, fr: ("trouvaille acceptée", "trouvailles acceptées"),
                                            en: ("finding accepted", "findings accepted"))
            fr.append("\(count.fr) par un marqueur en ligne (gitleaks:allow…)")
            en.append("\(count.en) by an inline marker (gitleaks:allow…)")
        }
        return fr.isEmpty ? .same("") : LocalizedText(fr: " ; " + fr.joined(separator: " ; "), en: "; " + en.joined(separator: "; "))
    }
}
