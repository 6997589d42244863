import VigieCore

/// `licence.consistent`'s fix: manifests are the project's own files, edited by the team, so the fix
/// only prints each edit: where, what is written there, and the SPDX expression of the licence files.
enum LicenceConsistencyFix {
    static func plan(_ context: FixContext) throws -> FixPlan {
        let analysis = try LicenceAnalysis.of(context.snapshot, data: context.data)
        let texts = Set(analysis.detections.compactMap(\.match.spdx).map(\.licenceFamily))
        let target = analysis.spdxIDs.joined(separator: " AND ")
        guard !texts.isEmpty, !target.isEmpty else {
            return .note(LocalizedText(fr: "rien à proposer : aucun texte de licence reconnu (licence.identified)",
                                       en: "nothing to propose: no licence text recognised (licence.identified)"))
        }
        var notes: [LocalizedText] = []
        for declaration in try DeclaredLicences.of(context.snapshot, data: context.data) {
            let wrong = declaration.declaresNoOpenLicence
                || (declaration.ids.isEmpty && !LicenceDeclarations.pointsToFile(declaration.expression))
                || declaration.ids.contains { !texts.contains($0.licenceFamily) }
            guard wrong else { continue }
            let place = declaration.path + (declaration.line.map { ":\($0)" } ?? "")
            notes.append(LocalizedText(fr: "\(place) (\(declaration.source)) : remplacez « \(declaration.expression) » par « \(target) »",
                                       en: "\(place) (\(declaration.source)): replace '\(declaration.expression)' with '\(target)'"))
        }
        if notes.isEmpty {
            notes.append(LocalizedText(fr: "aucune déclaration à modifier", en: "no declaration to edit"))
        } else {
            notes.append(LocalizedText(fr: "vigie fix ne réécrit pas les manifestes : faites ces modifications, puis validez-les",
                                       en: "vigie fix does not rewrite manifests: make these edits, then commit them"))
        }
        return FixPlan(notes: notes)
    }
}
