public import VigieCore

/// A licence file at the root (LICENSE, LICENCE, COPYING, UNLICENSE, any case and extension) or a REUSE `LICENSES/` folder.
public struct LicencePresentRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "licence.present",
        category: RuleCategory.named("licence")!,
        defaultWeight: 3,
        title: LocalizedText(fr: "Un fichier de licence est présent", en: "A licence file is present"),
        rationale: LocalizedText(
            fr: "Sans licence, personne n'a le droit de réutiliser le code : il n'est pas libre, même publié.",
            en: "Without a licence nobody may reuse the code: published is not open."),
        remediation: LocalizedText(
            fr: "Ajoutez à la racine un fichier LICENSE contenant le texte intégral d'une licence de la liste des administrations (par exemple MIT, Apache-2.0, EUPL-1.2 ou etalab-2.0 pour les données).",
            en: "Add a LICENSE file at the root with the full text of a licence on the French administrations' list (for example MIT, Apache-2.0, EUPL-1.2, or etalab-2.0 for data).")
    )

    public static let examples: [RuleExample] = [
        RuleExample("LICENSE at the root passes", files: ["LICENSE": "MIT License", "README.md": "# x"], expect: .pass),
        RuleExample("lower-case licence.md passes", files: ["licence.md": "text"], expect: .pass),
        RuleExample("COPYING passes", files: ["COPYING": "text"], expect: .pass),
        RuleExample("REUSE LICENSES folder passes", files: ["LICENSES/MIT.txt": "text", "src/a.c": "x"], expect: .pass),
        RuleExample("LICENCES.md passes", files: ["LICENCES.md": "text"], expect: .pass),
        RuleExample("Licence_CeCILL-B_V1-fr.txt passes", files: ["Licence_CeCILL-B_V1-fr.txt": "text"], expect: .pass),
        RuleExample("COPYRIGHT passes", files: ["COPYRIGHT": "text"], expect: .pass),
        RuleExample("a licence only in package.json warns", files: ["package.json": #"{"name": "x", "license": "MIT"}"#], expect: .warn),
        RuleExample("a licence only in publiccode.yml warns", files: ["publiccode.yml": "legal:\n  license: EUPL-1.2\n"], expect: .warn),
        RuleExample("no licence file fails", files: ["README.md": "# Project"], expect: .fail),
        RuleExample("composer.json declaring \"proprietary\" fails: no open licence", files: ["composer.json": #"{"license": "proprietary"}"#], expect: .fail),
        RuleExample("package.json declaring \"UNLICENSED\" fails: no open licence", files: ["package.json": #"{"license": "UNLICENSED"}"#], expect: .fail),
        RuleExample("a licence file below the root fails", files: ["docs/LICENSE": "text"], expect: .fail),
        RuleExample("LICENSEE.md is not a licence", files: ["LICENSEE.md": "text"], expect: .fail),
    ]

    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Écrit LICENSE : le texte officiel de la licence choisie avec --licence (ou de la seule licence que déclarent les manifestes), en français quand il existe une version officielle française, l'année et le titulaire (--holder) remplis là où le texte a une ligne de copyright.",
        en: "Writes LICENSE: the official text of the licence chosen with --licence (or of the one licence the manifests declare), in French when there is an official French version, with the year and holder (--holder) filled in where the text has a copyright line.")) { context in
        let declared = Set(LicenceAnalysis.manifestDeclarations(try DeclaredLicences.of(context.snapshot, data: context.data)).flatMap(\.ids))
            .filter(context.data.policy.isAllowed)
        guard let id = context.options.licence ?? (declared.count == 1 ? declared.first : nil) else {
            let guide = try context.templates.text("licence.guide")
            let list = OfficialLicenceText.choices(context.data).joined(separator: ", ")
            return .note(LocalizedText(fr: "rien écrit : choisissez la licence avec --licence ID parmi \(list). \(guide.fr)",
                                       en: "nothing written: choose the licence with --licence ID among \(list). \(guide.en)"))
        }
        switch try OfficialLicenceText.text(of: id, language: context.language, year: context.options.today.components.year, holder: context.options.holder,
                                            data: context.data, templates: context.templates) {
        case .text(let text): return FixPlan(changes: [.create(path: try context.templates.string("licence.file"), text: text)])
        case .unavailable(let why): return .note(why)
        }
    }

    let data: RuleData
    public init(parameters: RuleParameters, data: RuleData) { self.data = data }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let files = LicenceAnalysis.licenceFiles(in: snapshot, conventions: data.files)
        guard !files.isEmpty else {
            let declared = LicenceAnalysis.manifestDeclarations(try DeclaredLicences.of(snapshot, data: data))
            if !declared.isEmpty {
                let ids = Array(Set(declared.flatMap(\.ids))).sorted().joined(separator: ", ")
                return .warn(LocalizedText(fr: "Licence déclarée (\(ids)) mais aucun texte de licence : ajoutez le fichier LICENSE.",
                                           en: "Licence declared (\(ids)) but no licence text: add the LICENSE file."),
                             declared.map { Finding(path: $0.path, line: $0.line, message: .same("\($0.source): \($0.expression)")) })
            }
            // `"license": "proprietary"`: the repository says it has no open licence; shown as the evidence.
            let noOpenLicence = try DeclaredLicences.of(snapshot, data: data).filter(\.declaresNoOpenLicence)
            if !noOpenLicence.isEmpty {
                return .fail(LocalizedText(fr: "Aucun fichier de licence, et le dépôt se déclare sans licence libre.",
                                           en: "No licence file, and the repository declares no open licence."),
                             noOpenLicence.map { Finding(path: $0.path, line: $0.line, message: .same("\($0.source): \($0.expression)")) })
            }
            return .fail(LocalizedText(fr: "Aucun fichier de licence à la racine ni de dossier \(data.files.reuseFolder)/.",
                                       en: "No licence file at the root and no \(data.files.reuseFolder)/ folder."))
        }
        let names = files.map(\.path).joined(separator: ", ")
        return .pass(LocalizedText(fr: "Licence trouvée : \(names).", en: "Licence found: \(names)."),
                     files.map { Finding(path: $0.path) })
    }
}
