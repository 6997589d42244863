public import VigieCore

/// A publiccode.yml at the root, valid against the keys DOMAIN §2.5 requires (each problem at its
/// line:column), whose `legal.license` agrees with the licence files, and whose maintenance claims
/// agree with the history. A missing file is a warning: code.gouv.fr reads it, but neither the EIG
/// guide nor DINUM's policy requires it (docs/health.md).
public struct CommunityPubliccodeRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "community.publiccode",
        category: RuleCategory.named("community")!,
        defaultWeight: 1,
        title: LocalizedText(fr: "Un publiccode.yml valide décrit le logiciel", en: "A valid publiccode.yml describes the software"),
        rationale: LocalizedText(
            fr: "code.gouv.fr et les catalogues européens de logiciels publics lisent publiccode.yml pour référencer un projet (nom, statut, licence, maintenance) ; un fichier invalide ou contredit par le dépôt les induit en erreur.",
            en: "code.gouv.fr and European public-software catalogues read publiccode.yml to list a project (name, status, licence, maintenance); an invalid file, or one the repository contradicts, misleads them."),
        remediation: LocalizedText(
            fr: "Ajoutez à la racine un publiccode.yml (modèle : https://github.com/codegouvfr/awesome-codegouvfr/blob/main/template.publiccode.yml), corrigez chaque problème à la ligne et à la colonne indiquées, et déclarez dans legal.license la licence du fichier LICENSE.",
            en: "Add a publiccode.yml at the root (template: https://github.com/codegouvfr/awesome-codegouvfr/blob/main/template.publiccode.yml), fix each problem at the line and column given, and declare in legal.license the licence of the LICENSE file."),
        readsHistory: true
    )

    public static let parameters = [
        RuleParameter("max_bytes", default: .int(65_536), LocalizedText(
            fr: "Taille maximale du publiccode.yml lu, en octets.", en: "Largest publiccode.yml read, in bytes.")),
        RuleParameter("inactive_after_days", default: .int(365), LocalizedText(
            fr: "Jours sans commit après lesquels un fichier qui se dit maintenu contredit l'historique (avertissement).",
            en: "Days without a commit after which a file claiming maintenance contradicts the history (warning).")),
    ]

    /// A minimal valid file for version 0.4 of the standard (the keys of DOMAIN §2.5).
    static let valid = """
        publiccodeYmlVersion: "0.4"
        name: Outil
        url: "https://code.example.gouv.fr/dinum/outil.git"
        platforms:
          - web
        developmentStatus: stable
        softwareType: standalone/web
        description:
          fr:
            shortDescription: Un outil pour vérifier les dépôts publiés par les administrations.
            longDescription: >
              Outil aide les équipes des administrations à vérifier que les dépôts qu'elles publient
              ont une licence autorisée, un README utile, un guide de contribution et un contact de sécurité.
            features:
              - Vérifier la licence
        legal:
          license: MIT
        maintenance:
          type: internal
          contacts:
            - name: Alice Martin
        localisation:
          localisationReady: true
          availableLanguages:
            - fr

        """

    /// `localisationReady` given a list (line 24, column 5).
    static let wrongType = valid.replacing("  localisationReady: true\n", with: "  localisationReady:\n    - oui\n")

    public static let examples: [RuleExample] = [
        RuleExample("a valid file agreeing with an MIT LICENSE passes",
                    files: ["publiccode.yml": valid, "LICENSE": "@fixtures/licences/MIT.txt"], expect: .pass),
        RuleExample("a list where a boolean is expected fails",
                    files: ["publiccode.yml": wrongType], expect: .fail),
        RuleExample("a missing required key fails",
                    files: ["publiccode.yml": "publiccodeYmlVersion: \"0.4\"\nname: Outil\n"], expect: .fail),
        RuleExample("legal.license contradicting the LICENSE file fails",
                    files: ["publiccode.yml": valid, "LICENSE": "@fixtures/licences/Apache-2.0.txt"], expect: .fail),
        RuleExample("invalid YAML fails", files: ["publiccode.yml": "name: [Outil\nurl: x\n"], expect: .fail),
        RuleExample("a maintained project without a commit for two years warns",
                    files: ["publiccode.yml": valid, "LICENSE": "@fixtures/licences/MIT.txt"], expect: .warn,
                    commits: [.at("2024-10-01")]),
        RuleExample("no publiccode.yml warns", files: ["README.md": "# Outil\n"], expect: .warn),
    ]

    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Écrit publiccode.yml rempli d'après les faits (nom, URL, licence, date de la dernière étiquette, statut d'après l'activité, plateformes et type d'après les écosystèmes, description d'après le premier paragraphe du README), des valeurs marquées « À COMPLÉTER » là où rien n'est connu ; vérifié par le validateur de vigie avant d'être écrit.",
        en: "Writes publiccode.yml filled from the facts (name, URL, licence, date of the last tag, status from activity, platforms and type from the ecosystems, description from the README's first paragraph), values marked 'TO COMPLETE' where nothing is known; checked by vigie's validator before it is written.")) { context in
        try PubliccodeFix.plan(context)
    }

    let maxBytes: Int
    let inactiveAfter: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        maxBytes = parameters.int("max_bytes")
        inactiveAfter = parameters.int("inactive_after_days")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let schema = data.health.publiccode
        guard let file = CommunityFiles.of(snapshot, data: data).publiccode else {
            return .warn(LocalizedText(fr: "Pas de publiccode.yml à la racine : code.gouv.fr ne peut pas décrire le logiciel.",
                                       en: "No publiccode.yml at the root: code.gouv.fr cannot describe the software."))
        }
        guard let text = try snapshot.readText(file, within: maxBytes) else {
            return .warn(notReadOverCap(file, in: snapshot, cap: maxBytes, parameter: "max_bytes"), [Finding(path: file.path)])
        }
        var document = PubliccodeValidator(schema: schema).validate(text)
        let licenceNote = try checkLicence(&document, snapshot)
        try checkMaintenance(&document, snapshot, context: context, schema: schema)
        document.problems.sort { ($0.line, $0.column) < ($1.line, $1.column) }

        let evidence = document.problems.map { problem in
            Finding(path: file.path, line: problem.line, message: LocalizedText(
                fr: "\(problem.line):\(problem.column) : \(problem.message.fr)", en: "\(problem.line):\(problem.column): \(problem.message.en)"))
        }
        if let first = document.errors.first ?? document.warnings.first {
            let errors = LocalizedText.quantity(document.errors.count, fr: ("erreur", "erreurs"), en: ("error", "errors"))
            let warnings = LocalizedText.quantity(document.warnings.count, fr: ("avertissement", "avertissements"), en: ("warning", "warnings"))
            let summary = LocalizedText(
                fr: "\(file.path) : \(errors.fr), \(warnings.fr) ; d'abord, \(first.line):\(first.column) : \(first.message.fr).",
                en: "\(file.path): \(errors.en), \(warnings.en); first, \(first.line):\(first.column): \(first.message.en).")
            return document.errors.isEmpty ? .warn(summary, evidence) : .fail(summary, evidence)
        }
        return .pass(LocalizedText(fr: "\(file.path) est valide (version \(document.version ?? "?"))\(licenceNote.fr).",
                                   en: "\(file.path) is valid (version \(document.version ?? "?"))\(licenceNote.en)."), [Finding(path: file.path)])
    }

    /// `legal.license` against the licences recognised in the licence files: every licence it
    /// names must be one of them (GPL-3.0-or-later and a GPL-3.0 text agree). Returns a note for
    /// the passing message.
    private func checkLicence(_ document: inout PubliccodeDocument, _ snapshot: RepositorySnapshot) throws -> LocalizedText {
        guard let license = document.license, let expression = document.licenseExpression else { return .same("") }
        let found = try LicenceAnalysis.of(snapshot, data: data).spdxIDs
        guard !found.isEmpty else {
            return LocalizedText(fr: ", licence \(license.value) non comparée : aucun fichier de licence reconnu",
                                 en: ", licence \(license.value) not compared: no licence file recognised")
        }
        let policy = data.policy
        let base = { (id: String) -> String in
            var id = policy.canonical(id).lowercased()
            for suffix in ["-only", "-or-later", "+"] where id.hasSuffix(suffix) { id = String(id.dropLast(suffix.count)) }
            return id
        }
        let known = Set(found.map(base))
        let declared = expression.licences.filter { !$0.lowercased().hasPrefix("licenseref-") && !$0.lowercased().hasPrefix("documentref-") }
        let unmatched = declared.filter { !known.contains(base($0)) }
        guard !unmatched.isEmpty else {
            return LocalizedText(fr: ", licence \(license.value) conforme aux fichiers de licence", en: ", licence \(license.value) agrees with the licence files")
        }
        document.problems.append(PubliccodeProblem(severity: .error, line: license.line, column: license.column, message: LocalizedText(
            fr: "legal.license déclare \(unmatched.joined(separator: ", ")), mais les fichiers de licence sont sous \(found.joined(separator: ", "))",
            en: "legal.license declares \(unmatched.joined(separator: ", ")), but the licence files are \(found.joined(separator: ", "))")))
        return .same("")
    }

    /// Maintenance honesty: a file that says the software is maintained (or in development) while
    /// the history has been silent for `inactive_after_days`, and maintenance contracts already over.
    private func checkMaintenance(_ document: inout PubliccodeDocument, _ snapshot: RepositorySnapshot, context: AuditContext,
                                  schema: PubliccodeSchema) throws {
        let activity = try ActivityAnalysis.of(snapshot, context: context, data: data)
        if let days = activity.daysSinceLastCommit, days > inactiveAfter {
            let claims = [document.maintenanceType.flatMap { schema.maintainedTypes.contains($0.value) ? ("maintenance.type", $0) : nil },
                          document.developmentStatus.flatMap { schema.activeStatuses.contains($0.value) ? ("developmentStatus", $0) : nil }]
            for case let (key, claim)? in claims {
                document.problems.append(PubliccodeProblem(severity: .warning, line: claim.line, column: claim.column, message: LocalizedText(
                    fr: "\(key) vaut « \(claim.value) », mais aucun commit depuis \(days) jours (dites « none » ou « obsolete », ou reprenez l'activité)",
                    en: "\(key) is '\(claim.value)', but there has been no commit for \(days) days (say 'none' or 'obsolete', or resume activity)")))
            }
        }
        for until in document.contractsUntil where Day(iso: until.value).map({ $0 < context.asOf }) ?? false {
            document.problems.append(PubliccodeProblem(severity: .warning, line: until.line, column: until.column, message: LocalizedText(
                fr: "le contrat de maintenance a pris fin le \(until.value)", en: "the maintenance contract ended on \(until.value)")))
        }
    }
}
