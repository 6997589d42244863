public import VigieCore

/// Every image of the README has alternative text.
public struct ReadmeImagesAltRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "readme.images_alt",
        category: RuleCategory.named("readme")!,
        defaultWeight: 1,
        title: LocalizedText(fr: "Les images du README ont un texte alternatif", en: "The README's images have alternative text"),
        rationale: LocalizedText(
            fr: "Le README est la page d'accueil du projet : l'accessibilité commence là, et une image sans alternative est muette pour un lecteur d'écran.",
            en: "The README is the project's front page: accessibility starts there, and an image without alternative text says nothing to a screen reader."),
        remediation: LocalizedText(
            fr: "Décrivez chaque image : ![Capture de l'écran d'accueil](docs/accueil.png), ou alt=\"…\" en HTML.",
            en: "Describe each image: ![Screenshot of the home page](docs/home.png), or alt=\"…\" in HTML.")
    )

    public static let examples: [RuleExample] = [
        RuleExample("described images pass", files: ["README.md": "# Outil\n\n![Capture de l'accueil](docs/a.png)\n<img src=\"logo.svg\" alt=\"Logo du projet\">\n"], expect: .pass),
        RuleExample("an image without alt fails", files: ["README.md": "# Outil\n\n![](docs/a.png)\n"], expect: .fail),
        RuleExample("an HTML image without alt fails", files: ["README.md": "# Outil\n\n<img src=\"logo.svg\">\n"], expect: .fail),
        RuleExample("no image skips", files: ["README.md": "# Outil\n\nDu texte.\n"], expect: .skip),
    ]

    let data: RuleData
    public init(parameters: RuleParameters, data: RuleData) { self.data = data }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let structure = try ReadmeStructure.of(snapshot, data: data)
        guard let file = structure.file, structure.imageCount > 0 else {
            return .skip(LocalizedText(fr: "Pas d'image dans le README.", en: "No image in the README."))
        }
        guard structure.imagesWithoutAlt.isEmpty else {
            return .fail(LocalizedText(fr: "\(structure.imagesWithoutAlt.count) image(s) sur \(structure.imageCount) sans texte alternatif.",
                                       en: "\(structure.imagesWithoutAlt.count) of \(structure.imageCount) image(s) without alternative text."),
                         structure.imagesWithoutAlt.map { Finding(path: file.path, line: $0) })
        }
        return .pass(LocalizedText(fr: "\(structure.imageCount) image(s), toutes décrites.", en: "\(structure.imageCount) image(s), all described."))
    }
}
