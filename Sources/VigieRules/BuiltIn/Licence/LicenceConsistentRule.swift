public import VigieCore

/// Manifests, SPDX headers, REUSE files and the README name the licences the licence files hold.
public struct LicenceConsistentRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "licence.consistent",
        category: RuleCategory.named("licence")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Les déclarations de licence concordent", en: "Licence declarations agree"),
        rationale: LocalizedText(
            fr: "Un package.json qui annonce GPL-3.0 à côté d'un LICENSE MIT laisse les réutilisateurs et les outils (registres, code.gouv.fr) dans le doute.",
            en: "A package.json announcing GPL-3.0 next to an MIT LICENSE leaves reusers and tools (registries, code.gouv.fr) in doubt."),
        remediation: LocalizedText(
            fr: "Alignez chaque déclaration (manifestes, en-têtes SPDX-License-Identifier, README) sur le texte des fichiers de licence, ou ajoutez le texte manquant dans LICENSES/.",
            en: "Align each declaration (manifests, SPDX-License-Identifier headers, README) with the licence files' text, or add the missing text in LICENSES/."),
        requires: ["licence.present"]
    )

    public static let examples: [RuleExample] = [
        RuleExample("package.json and LICENSE agree", files: ["LICENSE": "@fixtures/licences/MIT.txt", "package.json": #"{"name": "x", "license": "MIT"}"#], expect: .pass),
        RuleExample("code MIT and docs etalab-2.0 is dual licensing, not a conflict",
                    files: ["LICENSES/MIT.txt": "@fixtures/licences/MIT.txt", "LICENSES/etalab-2.0.txt": "@fixtures/licences/etalab-2.0.fr.txt",
                            "src/a.py": "# SPDX-License-Identifier: MIT\n", "docs/a.md": "<!-- SPDX-License-Identifier: etalab-2.0 -->\n"], expect: .pass),
        RuleExample("MIT LICENSE with a GPL-3.0 package.json fails", files: ["LICENSE": "@fixtures/licences/MIT.txt", "package.json": #"{"license": "GPL-3.0"}"#], expect: .fail),
        RuleExample("GPL-3.0-or-later agrees with the GPL-3.0 text", files: ["COPYING": "@fixtures/licences/GPL-3.0.txt", "pyproject.toml": "[project]\nlicense = \"GPL-3.0-or-later\"\n"], expect: .pass),
        RuleExample("code that mentions the tag in a string is not a declaration",
                    files: ["LICENSE": "@fixtures/licences/MIT.txt", "src/a.py": "# SPDX-License-Identifier: MIT\nX = \"SPDX-License-Identifier: GPL-3.0\"\n"], expect: .pass),
        RuleExample("a REUSE LicenseRef-X declaration agrees with LICENSES/LicenseRef-X.txt",
                    files: ["LICENSES/MIT.txt": "@fixtures/licences/MIT.txt", "LICENSES/LicenseRef-Excluded.txt": "This file is covered by copyright.\n",
                            "REUSE.toml": "version = 1\n[[annotations]]\npath = \"logo/*\"\nSPDX-License-Identifier = \"LicenseRef-Excluded\"\n"], expect: .pass),
        RuleExample("package.json \"CC-BY 2.0\" is not an SPDX expression: warns", files: ["LICENSE": "@fixtures/licences/MIT.txt", "package.json": #"{"license": "CC-BY 2.0"}"#], expect: .warn),
        RuleExample("npm's \"SEE LICENSE IN LICENSE\" points at the text: passes", files: ["LICENSE": "@fixtures/licences/MIT.txt", "package.json": #"{"license": "SEE LICENSE IN LICENSE"}"#], expect: .pass),
        RuleExample("composer.json \"proprietary\" next to an MIT text fails", files: ["LICENSE": "@fixtures/licences/MIT.txt", "composer.json": #"{"license": "proprietary"}"#], expect: .fail),
        RuleExample("no declaration besides the file skips", files: ["LICENSE": "@fixtures/licences/MIT.txt"], expect: .skip),
    ]

    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Dit, sans réécrire les manifestes, la modification exacte à faire dans chaque déclaration qui contredit les fichiers de licence (fichier, ligne, valeur actuelle, identifiant SPDX à mettre).",
        en: "Says, without rewriting the manifests, the exact edit to make in each declaration that contradicts the licence files (file, line, current value, SPDX id to write).")) { context in
        try LicenceConsistencyFix.plan(context)
    }

    let data: RuleData
    public init(parameters: RuleParameters, data: RuleData) { self.data = data }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let analysis = try LicenceAnalysis.of(snapshot, data: data)
        let declarations = try DeclaredLicences.of(snapshot, data: data)
        // Bundled code's licence texts count too: an SPDX header in that code names them.
        var texts = Set(analysis.detections.compactMap(\.match.spdx).map(\.licenceFamily))
        // In REUSE, the identifier `LicenseRef-X` *is* the file LICENSES/LicenseRef-X.*: they agree by definition.
        for file in analysis.files where LicenceAnalysis.isCustomReference(file.path) {
            texts.insert(String(file.name.split(separator: ".").first ?? file.name).lowercased())
        }
        guard !declarations.isEmpty else {
            return .skip(LocalizedText(fr: "Aucune autre déclaration de licence que les fichiers.", en: "No licence declaration besides the files."))
        }
        guard !texts.isEmpty else {
            return .skip(LocalizedText(fr: "Aucun texte de licence reconnu à comparer (voir licence.identified).",
                                       en: "No recognised licence text to compare with (see licence.identified)."))
        }
        let files = analysis.files.map(\.path).joined(separator: ", ")
        var conflicts: [Finding] = [], unreadable: [Finding] = []
        for declaration in declarations {
            if declaration.declaresNoOpenLicence {
                conflicts.append(Finding(path: declaration.path, line: declaration.line, message: LocalizedText(
                    fr: "\(declaration.source) déclare \(declaration.expression) (aucune licence libre), mais \(files) contient \(analysis.spdxIDs.joined(separator: ", "))",
                    en: "\(declaration.source) declares \(declaration.expression) (no open licence), but \(files) holds \(analysis.spdxIDs.joined(separator: ", "))")))
                continue
            }
            // Not SPDX and not a usual name ("CC-BY 2.0"): nothing to compare, which is itself worth fixing.
            if declaration.ids.isEmpty && !LicenceDeclarations.pointsToFile(declaration.expression) {
                unreadable.append(Finding(path: declaration.path, line: declaration.line, message: LocalizedText(
                    fr: "\(declaration.source) déclare « \(declaration.expression) », qui n'est pas une expression SPDX valide",
                    en: "\(declaration.source) declares '\(declaration.expression)', which is not a valid SPDX expression")))
                continue
            }
            let missing = declaration.ids.filter { !texts.contains($0.licenceFamily) }
            guard !missing.isEmpty else { continue }
            conflicts.append(Finding(path: declaration.path, line: declaration.line, message: LocalizedText(
                fr: "\(declaration.source) déclare \(declaration.expression) : \(missing.joined(separator: ", ")) absent de \(files) (\(analysis.spdxIDs.joined(separator: ", ")))",
                en: "\(declaration.source) declares \(declaration.expression): \(missing.joined(separator: ", ")) not in \(files) (\(analysis.spdxIDs.joined(separator: ", ")))")))
        }
        guard conflicts.isEmpty else {
            return .fail(LocalizedText(fr: "\(conflicts.count) déclaration(s) contredisent les fichiers de licence.",
                                       en: "\(conflicts.count) declaration(s) contradict the licence files."), conflicts)
        }
        guard unreadable.isEmpty else {
            return .warn(LocalizedText(fr: "\(unreadable.count) déclaration(s) illisible(s) : remplacez-les par l'identifiant SPDX de la licence.",
                                       en: "\(unreadable.count) unreadable declaration(s): replace them with the licence's SPDX id."), unreadable)
        }
        let dual = texts.count > 1
        return .pass(dual
            ? LocalizedText(fr: "\(declarations.count) déclaration(s) concordent ; double licence : \(analysis.spdxIDs.joined(separator: " et ")).",
                            en: "\(declarations.count) declaration(s) agree; dual licensing: \(analysis.spdxIDs.joined(separator: " and ")).")
            : LocalizedText(fr: "\(declarations.count) déclaration(s) concordent avec \(files).", en: "\(declarations.count) declaration(s) agree with \(files)."),
            declarations.prefix(10).map { Finding(path: $0.path, line: $0.line, message: .same($0.expression)) })
    }
}
