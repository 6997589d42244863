public import VigieCore

/// The README is written in French or English, and which one is reported.
public struct ReadmeLanguageRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "readme.language",
        category: RuleCategory.named("readme")!,
        defaultWeight: 1,
        title: LocalizedText(fr: "La langue du README est claire", en: "The README's language is clear"),
        rationale: LocalizedText(
            fr: "Le guide EIG demande un README en français (en anglais pour une bibliothèque générique) : un texte trop court ou mêlé ne sert aucun des deux publics.",
            en: "The EIG guide asks for a README in French (English for a generic library): a text too short or mixed serves neither audience."),
        remediation: LocalizedText(
            fr: "Rédigez le README en français (ou en anglais pour une bibliothèque générique), avec quelques phrases complètes.",
            en: "Write the README in French (or English for a generic library), with a few full sentences.")
    )

    public static let examples: [RuleExample] = [
        RuleExample("a French README passes", files: ["README.md": "# Outil\n\nCet outil est utilisé par les agents de la direction pour suivre les dossiers et les demandes des usagers dans une seule interface, avec des exports pour les équipes.\n"], expect: .pass),
        RuleExample("an English README passes", files: ["README.md": "# Tool\n\nThis tool is used by the teams of the ministry to follow the files and the requests of the users in a single interface, with exports for the analysts.\n"], expect: .pass),
        RuleExample("a README too short to tell warns", files: ["README.md": "# Outil\n\nTODO\n"], expect: .warn),
        RuleExample("no README skips", files: ["LICENSE": "MIT"], expect: .skip),
    ]

    let data: RuleData
    public init(parameters: RuleParameters, data: RuleData) { self.data = data }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let structure = try ReadmeStructure.of(snapshot, data: data)
        guard let file = structure.file else {
            return .skip(LocalizedText(fr: "Pas de README (voir readme.present).", en: "No README (see readme.present)."))
        }
        switch structure.language {
        case .fr?: return .pass(LocalizedText(fr: "\(file.path) est en français.", en: "\(file.path) is in French."), [Finding(path: file.path)])
        case .en?: return .pass(LocalizedText(fr: "\(file.path) est en anglais.", en: "\(file.path) is in English."), [Finding(path: file.path)])
        case nil: return .warn(LocalizedText(fr: "Langue de \(file.path) indéterminée : texte trop court ou mêlé.",
                                             en: "Cannot tell the language of \(file.path): too short or mixed."), [Finding(path: file.path)])
        }
    }
}
