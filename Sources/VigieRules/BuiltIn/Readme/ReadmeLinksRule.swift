public import VigieCore

/// Every relative link and image of the README points to something in the audited tree; every anchor to a heading.
public struct ReadmeLinksRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "readme.links",
        category: RuleCategory.named("readme")!,
        defaultWeight: 1,
        title: LocalizedText(fr: "Les liens internes du README mènent quelque part", en: "The README's internal links lead somewhere"),
        rationale: LocalizedText(
            fr: "Un lien vers un fichier renommé ou supprimé arrête le lecteur au moment où il suit la documentation.",
            en: "A link to a renamed or deleted file stops readers just as they follow the documentation."),
        remediation: LocalizedText(
            fr: "Corrigez chaque lien signalé : chemin du fichier commité (relatif au README) ou ancre d'un titre existant.",
            en: "Fix each link listed: the path of a committed file (relative to the README) or the anchor of an existing heading.")
    )

    public static let examples: [RuleExample] = [
        RuleExample("links to existing files, folders and headings pass", files: [
            "README.md": "# Outil\n\nVoir [l'installation](docs/install.md), [le code](src/) et [l'usage](#utilisation).\n\n## Utilisation\n",
            "docs/install.md": "# Install", "src/main.py": "x",
        ], expect: .pass),
        RuleExample("a link to a missing file fails", files: ["README.md": "# Outil\n\nVoir [l'installation](docs/install.md).\n"], expect: .fail),
        RuleExample("an anchor to no heading fails", files: ["README.md": "# Outil\n\nVoir [la suite](#suite).\n"], expect: .fail),
        RuleExample("external links are not checked", files: ["README.md": "# Outil\n\n[Site](https://example.org/x.md) [mail](mailto:a@b.fr)\n"], expect: .pass),
        RuleExample("a reStructuredText README's missing image fails", files: [
            "README.rst": "Outil\n=====\n\n.. image:: docs/capture.png\n   :alt: Capture\n\nVoir `le guide <docs/guide.rst>`_.\n",
            "docs/guide.rst": "Guide\n=====\n",
        ], expect: .fail),
        RuleExample("an AsciiDoc README's links to existing files pass", files: [
            "README.adoc": "= Outil\n\nVoir link:docs/guide.adoc[le guide] et xref:installation[].\n\n== Installation\n",
            "docs/guide.adoc": "= Guide\n",
        ], expect: .pass),
        RuleExample("no README skips", files: ["LICENSE": "MIT"], expect: .skip),
    ]

    let data: RuleData
    public init(parameters: RuleParameters, data: RuleData) { self.data = data }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let structure = try ReadmeStructure.of(snapshot, data: data)
        guard let file = structure.file else {
            return .skip(LocalizedText(fr: "Pas de README (voir readme.present).", en: "No README (see readme.present)."))
        }
        guard ReadmeStructure.checksLinks(structure.format) else {
            return .skip(LocalizedText(fr: "Les liens ne sont vérifiés que dans un README Markdown, reStructuredText ou AsciiDoc.",
                                       en: "Links are checked in Markdown, reStructuredText and AsciiDoc READMEs only."))
        }
        guard !structure.brokenLinks.isEmpty else {
            return .pass(LocalizedText(fr: "\(structure.linkCount) lien(s), aucun cassé.", en: "\(structure.linkCount) link(s), none broken."))
        }
        let broken = structure.brokenLinks.count
        return .fail(LocalizedText(fr: "\(broken) lien(s) cassé(s) dans \(file.path).", en: "\(broken) broken link(s) in \(file.path)."),
                     first: structure.brokenLinks) { link in
            Finding(path: file.path, line: link.line, message: LocalizedText(fr: "\(link.isImage ? "image" : "lien") vers \(link.target) : introuvable",
                                                                             en: "\(link.isImage ? "image" : "link") to \(link.target): not found"))
        }
    }
}
