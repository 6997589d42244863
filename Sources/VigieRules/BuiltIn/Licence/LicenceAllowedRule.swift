public import VigieCore

/// Every licence, recognised from its text, is one French administrations may use (rules/data/french-licences.yml).
public struct LicenceAllowedRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "licence.allowed",
        category: RuleCategory.named("licence")!,
        defaultWeight: 3,
        title: LocalizedText(fr: "La licence est autorisée pour les administrations", en: "The licence is one French administrations may use"),
        rationale: LocalizedText(
            fr: "Les administrations ne peuvent publier que sous une licence de la liste fixée par l'article D. 323-2-1 du CRPA (liste data.gouv.fr), sauf homologation.",
            en: "French administrations may only publish under a licence on the list of CRPA article D. 323-2-1 (the data.gouv.fr list), unless approved."),
        remediation: LocalizedText(
            fr: "Remplacez le texte du fichier de licence par le texte intégral et non modifié d'une licence de la liste : https://www.data.gouv.fr/fr/pages/legal/licences/",
            en: "Replace the licence file with the full, unmodified text of a licence on the list: https://www.data.gouv.fr/fr/pages/legal/licences/")
    )

    /// Values starting with `@fixtures/` are replaced by that file's content when the examples run.
    public static let examples: [RuleExample] = [
        RuleExample("MIT passes", files: ["LICENSE": "@fixtures/licences/MIT.txt"], expect: .pass),
        RuleExample("EUPL-1.2 in French passes", files: ["LICENCE.md": "@fixtures/licences/EUPL-1.2.fr.txt"], expect: .pass),
        RuleExample("code under Apache-2.0 and docs under etalab-2.0 pass",
                    files: ["LICENSES/Apache-2.0.txt": "@fixtures/licences/Apache-2.0.txt", "LICENSES/etalab-2.0.txt": "@fixtures/licences/etalab-2.0.fr.txt"],
                    expect: .pass),
        RuleExample("GPL-2.0, an older version the list does not name, warns", files: ["COPYING": "@fixtures/licences/GPL-2.0.txt"], expect: .warn),
        RuleExample("WTFPL fails", files: ["LICENSE": "@fixtures/licences/WTFPL.txt"], expect: .fail),
        RuleExample("a proprietary notice fails", files: ["LICENSE": "Copyright 2024 ACME. All rights reserved. Proprietary and confidential."], expect: .fail),
        RuleExample("a GPL-2.0 COPYING with bundled zlib and BSD-4-Clause texts is judged on GPL-2.0 only",
                    files: ["COPYING": "@fixtures/licences/bundled/COPYING-gpl2-with-bundled.txt"],
                    expect: .warn),
        RuleExample("no licence file skips", files: ["README.md": "# x"], expect: .skip),
    ]

    let data: RuleData
    public init(parameters: RuleParameters, data: RuleData) { self.data = data }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let analysis = try LicenceAnalysis.of(snapshot, data: data)
        guard !analysis.files.isEmpty else {
            return .skip(LocalizedText(fr: "Aucun fichier de licence (voir licence.present).", en: "No licence file (see licence.present)."))
        }
        let policy = data.policy
        var refused: [Finding] = [], older: [Finding] = [], unknown: [Finding] = [], accepted: [Finding] = []
        // Bundled code's licences are its authors' choice, not the repository's: only the repository's own are judged.
        for detection in analysis.ownDetections where !LicenceAnalysis.isCustomReference(detection.path) {
            guard let id = detection.match.spdx else {
                let closest = detection.match.candidates.map(\.id).joined(separator: ", ")
                let message = closest.isEmpty
                    ? LocalizedText(fr: "texte non reconnu comme une licence connue", en: "text not recognised as a known licence")
                    : LocalizedText(fr: "texte non reconnu, proche de : \(closest) (modifié ou incomplet ?)",
                                    en: "text not recognised, closest: \(closest) (altered or incomplete?)")
                unknown.append(Finding(path: detection.path, message: message))
                continue
            }
            if policy.isAllowed(id) {
                accepted.append(Finding(path: detection.path, message: .same(id)))
            } else if policy.isOlderVersion(id) {
                older.append(Finding(path: detection.path, message: LocalizedText(
                    fr: "\(id) : version antérieure, absente de la liste", en: "\(id): an older version the list does not name")))
            } else {
                refused.append(Finding(path: detection.path, message: LocalizedText(
                    fr: "\(id) : absente de la liste des administrations", en: "\(id): not on the French administrations' list")))
            }
        }
        let ids = analysis.spdxIDs.joined(separator: ", ")
        if !refused.isEmpty {
            // Name only the refused licences: an allowed one next to them (MIT) is not the problem.
            let refusedIDs = Array(Set(analysis.ownDetections.compactMap(\.match.spdx).filter { !policy.isAllowed($0) && !policy.isOlderVersion($0) })).sorted()
                .joined(separator: ", ")
            return .fail(LocalizedText(fr: "Licence hors de la liste autorisée : \(refusedIDs).", en: "Licence not on the allowed list: \(refusedIDs)."), refused + unknown)
        }
        if !unknown.isEmpty && accepted.isEmpty && older.isEmpty {
            let anyClose = analysis.unidentified.contains { !$0.match.candidates.isEmpty }
            let message = LocalizedText(fr: "Le texte de licence n'a pas été reconnu : impossible de confirmer qu'elle est autorisée.",
                                        en: "The licence text was not recognised: cannot confirm it is allowed.")
            return anyClose ? .warn(message, unknown) : .fail(message, unknown)
        }
        if !older.isEmpty || !unknown.isEmpty {
            return .warn(LocalizedText(fr: "Licence à mettre à jour ou à vérifier : \(ids.isEmpty ? "?" : ids).",
                                       en: "Licence to update or check: \(ids.isEmpty ? "?" : ids)."), older + unknown)
        }
        return .pass(LocalizedText(fr: "Licence autorisée : \(ids).", en: "Allowed licence: \(ids)."), accepted)
    }
}
