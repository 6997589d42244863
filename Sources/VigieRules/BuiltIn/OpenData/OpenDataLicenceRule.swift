public import VigieCore

/// The data carries a licence of the data.gouv.fr list: Licence Ouverte 2.0 (etalab-2.0) or ODbL-1.0.
public struct OpenDataLicenceRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "open_data.licence",
        category: RuleCategory.named("open_data")!,
        defaultWeight: 3,
        title: LocalizedText(fr: "Les données ont une licence de la liste officielle", en: "The data carries a licence from the official list"),
        rationale: LocalizedText(
            fr: "Pour les informations publiques, l'administration ne peut choisir que la Licence Ouverte 2.0 (etalab-2.0) ou l'ODbL (CRPA art. D. 323-2-1) ; toute autre licence demande une homologation. Une licence de code (MIT, GPL…) ne dit rien des données.",
            en: "For public information, French administrations may only use the Licence Ouverte 2.0 (etalab-2.0) or the ODbL (CRPA art. D. 323-2-1); any other licence needs an approval. A code licence (MIT, GPL…) says nothing about the data."),
        remediation: LocalizedText(
            fr: "Déclarez la licence des données : `\"licenses\": [{\"name\": \"etalab-2.0\", \"path\": \"https://spdx.org/licenses/etalab-2.0.html\"}]` dans datapackage.json, ou « Les données sont publiées sous Licence Ouverte 2.0 » dans le README.",
            en: "Declare the data's licence: `\"licenses\": [{\"name\": \"etalab-2.0\", \"path\": \"https://spdx.org/licenses/etalab-2.0.html\"}]` in datapackage.json, or \"The data is published under the Licence Ouverte 2.0\" in the README.")
    )

    public static let parameters = OpenDataScan.parameters

    public static let examples: [RuleExample] = [
        RuleExample("Licence Ouverte 2.0 named in the README passes",
                    files: ["README.md": "# Communes\n\nLes données sont publiées sous **Licence Ouverte 2.0**.\n", "data/communes.csv": OpenDataScan.communes],
                    expect: .pass),
        RuleExample("etalab-2.0 in datapackage.json passes",
                    files: ["datapackage.json": #"{"licenses": [{"name": "etalab-2.0", "title": "Licence Ouverte 2.0"}], "resources": [{"name": "communes", "path": "data/communes.csv"}]}"#,
                            "data/communes.csv": OpenDataScan.communes], expect: .pass),
        RuleExample("ODbL in a data folder's licence file passes",
                    files: ["data/LICENSE": "Ces données sont mises à disposition sous l'Open Database License (ODbL) v1.0.\n", "data/communes.csv": OpenDataScan.communes],
                    expect: .pass),
        RuleExample("a code licence alone fails: it says nothing of the data",
                    files: ["LICENSE": "@fixtures/licences/MIT.txt", "data/communes.csv": OpenDataScan.communes], expect: .fail),
        RuleExample("CC-BY-4.0 is not on the list: fails",
                    files: ["datapackage.json": #"{"licenses": [{"name": "CC-BY-4.0"}], "resources": [{"name": "communes", "path": "data/communes.csv"}]}"#,
                            "data/communes.csv": OpenDataScan.communes], expect: .fail),
        RuleExample("Licence Ouverte 1.0 warns: superseded by 2.0",
                    files: ["README.md": "Données sous Licence Ouverte version 1.0.\n", "data/communes.csv": OpenDataScan.communes], expect: .warn),
        RuleExample("no data skips", files: ["main.go": "package main\n"], expect: .skip),
    ]

    let budget: ScanBudget
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        budget = OpenDataScan.budget(parameters)
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let analysis = try OpenDataAnalysis.of(snapshot, data: data, budget: budget)
        guard analysis.applicable else { return OpenDataScan.notApplicable(analysis) }
        let licences = analysis.licences
        let findings = licences.map { Finding(path: $0.path, line: $0.line, message: .same($0.id)) }
        let onList = licences.filter(\.onList), older = licences.filter { !$0.onList && $0.olderVersion }
        let off = licences.filter { !$0.onList && !$0.olderVersion }
        let names = { (list: [OpenDataAnalysis.DataLicence]) in Array(Set(list.map(\.id))).sorted().joined(separator: ", ") }
        if licences.isEmpty {
            return .fail(LocalizedText(fr: "Aucune licence déclarée pour les données (ni datapackage.json, ni fichier de licence des données, ni README).",
                                       en: "No licence declared for the data (no datapackage.json, data licence file or README)."))
        }
        if !off.isEmpty {
            if onList.isEmpty {
                return .fail(LocalizedText(fr: "Licence(s) des données hors de la liste (etalab-2.0, ODbL-1.0) : \(names(off)).",
                                           en: "Data licence(s) not on the list (etalab-2.0, ODbL-1.0): \(names(off))."), findings)
            }
            return .warn(LocalizedText(fr: "Licences contradictoires : \(names(onList)), mais aussi \(names(off)).",
                                       en: "Conflicting licences: \(names(onList)), but also \(names(off))."), findings)
        }
        if onList.isEmpty {
            return .warn(LocalizedText(fr: "Version ancienne : \(names(older)) ; passez à la Licence Ouverte 2.0 (etalab-2.0).",
                                       en: "An older version: \(names(older)); move to the Licence Ouverte 2.0 (etalab-2.0)."), findings)
        }
        return .pass(LocalizedText(fr: "Données sous \(names(onList)).", en: "Data under \(names(onList))."), findings)
    }
}
