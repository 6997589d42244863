import Foundation
public import VigieCore

/// A code of conduct file at the root, in `.github/` or in `docs/`. A README or CONTRIBUTING that
/// only points to one elsewhere is a warning: forges and code.gouv.fr look for the file.
public struct CommunityCodeOfConductRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "community.code_of_conduct",
        category: RuleCategory.named("community")!,
        defaultWeight: 1,
        title: LocalizedText(fr: "Un code de conduite est présent", en: "A code of conduct is present"),
        rationale: LocalizedText(
            fr: "code.gouv.fr range le code de conduite parmi les bonnes pratiques et le critère 9 d'Awesome CodeGouvFr demande un CODE_OF_CONDUCT.md ; le guide des EIG recommande le Contributor Covenant.",
            en: "code.gouv.fr lists a code of conduct among good practices and Awesome CodeGouvFr's criterion 9 asks for a CODE_OF_CONDUCT.md; the EIG guide recommends the Contributor Covenant."),
        remediation: LocalizedText(
            fr: "Ajoutez à la racine un CODE_OF_CONDUCT.md, par exemple le Contributor Covenant en français (https://www.contributor-covenant.org/fr/), avec l'adresse à laquelle signaler un comportement.",
            en: "Add a CODE_OF_CONDUCT.md at the root, for example the Contributor Covenant (https://www.contributor-covenant.org/), with the address to report behaviour to.")
    )

    public static let parameters = [
        RuleParameter("max_bytes", default: .int(262_144), LocalizedText(
            fr: "Taille maximale du README et du CONTRIBUTING lus pour y chercher un renvoi, en octets.",
            en: "Largest README and CONTRIBUTING read to look for a pointer, in bytes.")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("CODE_OF_CONDUCT.md passes", files: ["CODE_OF_CONDUCT.md": "# Code de conduite\n\nNous nous engageons…\n"], expect: .pass),
        RuleExample(".github/code-of-conduct.md passes", files: [".github/code-of-conduct.md": "# Code of conduct\n"], expect: .pass),
        RuleExample("an empty file warns", files: ["CODE_OF_CONDUCT.md": ""], expect: .warn),
        RuleExample("a README pointing to a code of conduct elsewhere warns",
                    files: ["README.md": "# Outil\n\nCe projet suit le [code de conduite](https://example.gouv.fr/conduite) de la DINUM.\n"], expect: .warn),
        RuleExample("no code of conduct fails", files: ["README.md": "# Outil\n\nUn outil.\n"], expect: .fail),
    ]

    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Écrit CODE_OF_CONDUCT.md : le Contributor Covenant 2.1, en français ou en anglais, avec l'adresse de --security-contact (sinon un blanc à remplir).",
        en: "Writes CODE_OF_CONDUCT.md: the Contributor Covenant 2.1, in French or English, with the address of --security-contact (else a blank to fill).")) { context in
        let contact = context.options.securityContact.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let placeholder = try context.templates.localized("code_of_conduct.contact_placeholder", context.language)
        var plan = try context.create(try context.templates.string("code_of_conduct.file"), template: try context.templates.string("code_of_conduct.template"),
                                      ["contact": contact ?? placeholder])
        if contact == nil {
            plan.notes.append(LocalizedText(fr: "remplacez \(placeholder) dans CODE_OF_CONDUCT.md par l'adresse où signaler un comportement (ou donnez --security-contact)",
                                            en: "replace \(placeholder) in CODE_OF_CONDUCT.md with the address to report behaviour to (or give --security-contact)"))
        }
        return plan
    }

    let maxBytes: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        maxBytes = parameters.int("max_bytes")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let community = CommunityFiles.of(snapshot, data: data)
        if let file = community.codeOfConduct.first {
            let evidence = community.codeOfConduct.map { Finding(path: $0.path) }
            if snapshot.size(of: file) == 0 {
                return .warn(LocalizedText(fr: "\(file.path) est vide.", en: "\(file.path) is empty."), evidence)
            }
            return .pass(LocalizedText(fr: "Code de conduite : \(file.path).", en: "Code of conduct: \(file.path)."), evidence)
        }
        let readme = try ReadmeAnalysis.of(snapshot, data: data).file
        for file in [readme].compactMap({ $0 }) + community.contributing {
            guard let text = try snapshot.readText(file, within: maxBytes) else { continue }
            let normalized = TextNormalizer.normalizedBytes(text)
            if data.health.community.codeOfConductPhrases.contains(where: { contains(normalized, $0) }) {
                return .warn(LocalizedText(fr: "\(file.path) renvoie à un code de conduite, mais le dépôt n'en contient pas.",
                                           en: "\(file.path) points to a code of conduct, but the repository holds none."), [Finding(path: file.path)])
            }
        }
        return .fail(LocalizedText(fr: "Aucun code de conduite (CODE_OF_CONDUCT) à la racine, dans .github/ ou dans docs/.",
                                   en: "No code of conduct (CODE_OF_CONDUCT) at the root, in .github/ or in docs/."))
    }
}
