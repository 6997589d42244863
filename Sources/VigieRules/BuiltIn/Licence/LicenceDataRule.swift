public import VigieCore

/// A repository that publishes data puts it under etalab-2.0 or ODbL-1.0, the two licences allowed for data.
public struct LicenceDataRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "licence.data",
        category: RuleCategory.named("licence")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Les données publiées ont une licence ouverte", en: "Published data has an open licence"),
        rationale: LocalizedText(
            fr: "Les informations publiques ne peuvent être publiées que sous Licence Ouverte 2.0 (etalab-2.0) ou ODbL (CRPA art. D. 323-2-1) ; une licence logicielle ne convient pas aux données.",
            en: "Public information may only be published under the Licence Ouverte 2.0 (etalab-2.0) or the ODbL (CRPA art. D. 323-2-1); a software licence does not fit data."),
        remediation: LocalizedText(
            fr: "Ajoutez le texte de la Licence Ouverte 2.0 dans LICENSES/etalab-2.0.txt (ou l'ODbL) et indiquez dans le README que les données sont sous cette licence.",
            en: "Add the Licence Ouverte 2.0 text in LICENSES/etalab-2.0.txt (or the ODbL) and say in the README that the data is under it.")
    )

    public static let examples: [RuleExample] = [
        RuleExample("data with an etalab-2.0 text passes", files: ["data/communes.csv": "code,nom\n", "LICENSES/etalab-2.0.txt": "@fixtures/licences/etalab-2.0.fr.txt",
                                                                   "LICENSES/MIT.txt": "@fixtures/licences/MIT.txt"], expect: .pass),
        RuleExample("a datapackage declaring ODbL passes", files: ["datapackage.json": #"{"licenses": [{"name": "ODbL-1.0"}], "resources": []}"#], expect: .pass),
        RuleExample("data under MIT only fails", files: ["data/communes.csv": "code,nom\n", "LICENSE": "@fixtures/licences/MIT.txt"], expect: .fail),
        RuleExample("no data skips", files: ["src/a.py": "x", "LICENSE": "@fixtures/licences/MIT.txt"], expect: .skip),
        RuleExample("data uploaded by the CI, with no data file in git and no data licence, fails",
                    files: [".gitlab-ci.yml": "publish:\n  script: curl -F file=@out.csv https://www.data.gouv.fr/api/1/datasets/communes/upload/\n",
                            "LICENSE": "@fixtures/licences/MIT.txt"], expect: .fail),
        RuleExample("a link in a comment of a rule file that lists upload endpoints is no publication: skips",
                    files: ["rules/data/open_data.yml": "api_publish_markers: [\"/upload\"]\n# \"Use https://www.data.gouv.fr/api/1/proconnect/auth\"\n",
                            "LICENSE": "@fixtures/licences/MIT.txt"], expect: .skip),
        RuleExample("test fixtures are not published data: skips", files: ["tests/data/adresses.csv": "id,voie\n", "src/a.py": "x",
                                                                          "LICENSE": "@fixtures/licences/MIT.txt"], expect: .skip),
    ]

    let data: RuleData
    public init(parameters: RuleParameters, data: RuleData) { self.data = data }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        // The open-data family's answer, so that the two never disagree on whether data is published
        // (test fixtures and data merely used are not: bench/accuracy, LaPosteSNA/ban).
        let publication = try OpenDataAnalysis.publication(snapshot, data: data)
        guard publication.publishesData else {
            return .skip(LocalizedText(fr: "Le dépôt ne publie pas de données. \(publication.reason.fr)",
                                       en: "The repository publishes no data. \(publication.reason.en)"))
        }
        let dataFiles = publication.dataFiles.compactMap(snapshot.entry(at:))
        let packages = snapshot.entries.filter { $0.name == "datapackage.json" }
        let allowed = data.policy.data
        let analysis = try LicenceAnalysis.of(snapshot, data: data)
        var evidence = analysis.detections.filter { $0.match.spdx.map { allowed.contains($0.lowercased()) } ?? false }
            .map { Finding(path: $0.path, message: .same($0.match.spdx ?? "")) }
        evidence += try DeclaredLicences.of(snapshot, data: data).filter { $0.ids.contains { allowed.contains($0.lowercased()) } }
            .map { Finding(path: $0.path, line: $0.line, message: .same($0.expression)) }
        for package in packages where snapshot.size(of: package).map({ $0 <= 1 << 20 }) ?? false {
            let text = (try snapshot.textUnlessBinary(of: package) ?? "").lowercased()
            if allowed.contains(where: { text.contains("\"\($0)\"") }) {
                evidence.append(Finding(path: package.path, message: .same("licenses")))
            }
        }
        let sample = dataFiles.prefix(5).map { Finding(path: $0.path) }
        guard !evidence.isEmpty else {
            // Published without a data file in git (an upload, a link): "0 data file(s)" would say nothing.
            if dataFiles.isEmpty {
                return .fail(LocalizedText(fr: "Données publiées sans Licence Ouverte 2.0 ni ODbL. \(publication.reason.fr)",
                                           en: "Data published with neither the Licence Ouverte 2.0 nor the ODbL. \(publication.reason.en)"))
            }
            return .fail(LocalizedText(fr: "\(dataFiles.count) fichier(s) de données, sans Licence Ouverte 2.0 ni ODbL.",
                                       en: "\(dataFiles.count) data file(s), with neither the Licence Ouverte 2.0 nor the ODbL."), sample)
        }
        return .pass(LocalizedText(fr: "Données sous licence ouverte.", en: "Data under an open licence."), evidence)
    }
}
