import Foundation
import VigieCore

/// `readme.sections`'s fix: the missing sections appended at the end of the README as it is in the
/// work tree, under a marker comment that says they are to complete (and makes a second run add
/// nothing).
enum ReadmeSectionsFix {
    static func plan(_ context: FixContext) throws -> FixPlan {
        let structure = try ReadmeStructure.of(context.snapshot, data: context.data)
        guard let file = structure.file else {
            return .note(LocalizedText(fr: "rien écrit : pas de README (écrivez-en un : readme.present)", en: "nothing written: no README (write one: readme.present)"))
        }
        guard structure.format == "markdown" else {
            return .note(LocalizedText(fr: "rien écrit : \(file.path) n'est pas en Markdown ; ajoutez les sections à la main",
                                       en: "nothing written: \(file.path) is not Markdown; add the sections by hand"))
        }
        guard let text = context.workTree.text(file.path) else {
            return .note(LocalizedText(fr: "rien écrit : \(file.path) est absent de la copie de travail ou illisible",
                                       en: "nothing written: \(file.path) is missing from the work tree or unreadable"))
        }
        let templates = context.templates, language = context.language
        let marker = FixTemplates.fill(try templates.string("readme_sections.marker"),
                                       ["prompt_marker": try templates.localized("readme_sections.prompt_marker", language)])
        if text.contains(marker) {
            return .note(LocalizedText(fr: "\(file.path) a déjà les sections ajoutées par vigie fix : complétez-les, puis validez (commit)",
                                       en: "\(file.path) already has the sections vigie fix added: complete them, then commit"))
        }
        let lines = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        var sections: [String] = []
        for key in structure.missingSections {
            let heading = try templates.localized("readme_sections.sections.\(key).heading", language)
            guard !lines.contains("## " + heading.lowercased()) else { continue }
            sections.append("## \(heading)\n\n\(try templates.localized("readme_sections.sections.\(key).prompt", language))\n")
        }
        guard !sections.isEmpty else {
            return .note(LocalizedText(fr: "\(file.path) a déjà ces sections dans la copie de travail : validez-les (commit)",
                                       en: "\(file.path) already has these sections in the work tree: commit them"))
        }
        let separator = text.isEmpty ? "" : text.hasSuffix("\n\n") ? "" : text.hasSuffix("\n") ? "\n" : "\n\n"
        let addition = separator + marker + "\n\n" + sections.joined(separator: "\n")
        return FixPlan(changes: [.append(path: file.path, text: addition)],
                       notes: [LocalizedText(fr: "complétez les sections ajoutées à \(file.path), puis supprimez le commentaire « vigie fix »",
                                             en: "complete the sections added to \(file.path), then delete the 'vigie fix' comment")])
    }
}
