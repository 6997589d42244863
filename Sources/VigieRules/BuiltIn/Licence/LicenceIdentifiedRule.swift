public import VigieCore

/// Each licence file holds the text of a known licence, not just any text.
public struct LicenceIdentifiedRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "licence.identified",
        category: RuleCategory.named("licence")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Le texte de licence est reconnu", en: "The licence text is recognised"),
        rationale: LocalizedText(
            fr: "Un fichier LICENSE au texte modifié, tronqué ou maison ne dit pas clairement ce que les réutilisateurs ont le droit de faire.",
            en: "A LICENSE file whose text is altered, truncated or home-made does not tell reusers clearly what they may do."),
        remediation: LocalizedText(
            fr: "Remplacez le contenu du fichier par le texte officiel complet de la licence (https://spdx.org/licenses/), sans le modifier.",
            en: "Replace the file's content with the full official text of the licence (https://spdx.org/licenses/), unmodified."),
        requires: ["licence.present"]
    )

    public static let examples: [RuleExample] = [
        RuleExample("the MIT text passes", files: ["LICENSE": "@fixtures/licences/MIT.txt"], expect: .pass),
        RuleExample("the CeCILL-B text in COPYING.txt passes", files: ["COPYING.txt": "@fixtures/licences/CECILL-B.fr.txt"], expect: .pass),
        RuleExample("a LICENSE.md linking to the licence text it names passes",
                    files: ["LICENSE.md": "The default license is [MIT](./MIT.LICENSE.md).\n", "MIT.LICENSE.md": "@fixtures/licences/MIT.txt"], expect: .pass),
        RuleExample("a LICENSE.md linking to a licence-named file that is no licence fails",
                    files: ["LICENSE.md": "See [the notes](./docs/COPYING.md).\n", "docs/COPYING.md": "Ce code appartient à la direction.\n"], expect: .fail),
        RuleExample("a LICENSE.md merely linking to the README fails: the README is not read as a licence",
                    files: ["LICENSE.md": "Voir [le README](./README.md).\n", "README.md": "@fixtures/licences/MIT.txt"], expect: .fail),
        RuleExample("a home-made notice fails", files: ["LICENSE": "Ce code appartient à la direction. Réutilisation sur demande."], expect: .fail),
        RuleExample("no licence file skips", files: ["README.md": "# x"], expect: .skip),
    ]

    let data: RuleData
    public init(parameters: RuleParameters, data: RuleData) { self.data = data }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let analysis = try LicenceAnalysis.of(snapshot, data: data)
        guard !analysis.files.isEmpty else {
            return .skip(LocalizedText(fr: "Aucun fichier de licence (voir licence.present).", en: "No licence file (see licence.present)."))
        }
        let unknown = analysis.unidentified
        let altered = analysis.detections.filter { $0.match.spdx != nil && $0.match.extraWords > 0 }
        if unknown.isEmpty && !altered.isEmpty {
            return .warn(LocalizedText(fr: "Texte reconnu mais avec du contenu en plus : une clause ajoutée change la licence.",
                                       en: "Text recognised but with more content: an added clause changes the licence."),
                         altered.map { Finding(path: $0.path, message: LocalizedText(
                            fr: "\($0.match.spdx ?? "?") et \($0.match.extraWords) mots de plus que le texte officiel (confiance \(Int(($0.match.confidence * 100).rounded())) %)",
                            en: "\($0.match.spdx ?? "?") plus \($0.match.extraWords) words beyond the official text (confidence \(Int(($0.match.confidence * 100).rounded()))%)")) })
        }
        guard !unknown.isEmpty else {
            let found = analysis.detections.map { detection in
                Finding(path: detection.path, message: detection.role == .pointer
                    ? LocalizedText(fr: "renvoie aux textes de licence", en: "points to the licence texts")
                    : .same(detection.match.spdx ?? "?"))
            }
            return .pass(LocalizedText(fr: "Reconnu : \(analysis.spdxIDs.joined(separator: ", ")).", en: "Recognised: \(analysis.spdxIDs.joined(separator: ", "))."), found)
        }
        let findings = unknown.map { detection in
            let closest = detection.match.candidates.map { "\($0.id) (\(Int(($0.share * 100).rounded())) %)" }.joined(separator: ", ")
            return Finding(path: detection.path, message: closest.isEmpty
                ? LocalizedText(fr: "aucune licence connue", en: "no known licence")
                : LocalizedText(fr: "proche de \(closest)", en: "close to \(closest)"))
        }
        let close = unknown.contains { !$0.match.candidates.isEmpty }
        let message = LocalizedText(fr: "\(unknown.count) fichier(s) de licence non reconnu(s) (NOASSERTION).", en: "\(unknown.count) licence file(s) not recognised (NOASSERTION).")
        return close ? .warn(message, findings) : .fail(message, findings)
    }
}
