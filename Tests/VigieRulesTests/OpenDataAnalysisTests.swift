import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// Applicability, publication evidence and data licences.
@Suite("Open data: applicability, evidence, licences")
struct OpenDataAnalysisTests {
    let context = AuditContext(asOf: Day(iso: "2026-01-01")!, language: .en)

    func analysis(_ files: [String: String], budget: ScanBudget = OpenDataScanDefaults.budget) throws -> OpenDataAnalysis {
        try OpenDataAnalysis.of(scanSnapshot(scanFiles(files)).0, data: ruleData, budget: budget)
    }

    @Test("what makes a repository a data repository", arguments: [
        (["donnees/communes.geojson": "{}"], "data_files"),
        (["exports/2024/stats.json": "{}"], "data_files"),
        (["out.parquet": "PAR1"], "data_files"),
        (["datapackage.json": "{}"], "datapackage"),
        (["schema.json": #"{"fields": [{"name": "a"}]}"#], "tableschema"),
        (["README.md": "Voir https://www.data.gouv.fr/fr/datasets/communes/"], "link"),
        (["publish.py": "requests.post(f\"{BASE}/api/1/datasets/{ID}/upload/\", headers={'X-API-KEY': key})"], "api"),
        (["pipeline/build.R": "write.csv(communes, 'communes.csv')", "pipeline/publish.R": "httr::POST(paste0(api, '/upload/'))"], "pipeline"),
    ])
    func signals(_ files: [String: String], _ kind: String) throws {
        let found = try analysis(files)
        #expect(found.applicable)
        #expect(found.signals.first?.kind == kind)
    }

    @Test("JSON outside data folders, test data and code without data writes are not data", arguments: [
        ["package.json": "{}", "tsconfig.json": "{}"],
        ["tests/data/sample.csv": "a,b\n", "src/lib.py": "import csv\nwriter = csv.writer(f)\n"],
        ["fixtures/communes.csv": "a,b\n", "README.md": "# Outil\n"],
    ])
    func notData(_ files: [String: String]) throws {
        let found = try analysis(files)
        #expect(!found.applicable)
        #expect(found.reason.en.hasPrefix("No data"))
    }

    @Test("patterns listed in a configuration file, and URL shapes with placeholders, are not signals")
    func configurationIsNotCode() throws {
        let found = try analysis([
            "lint/rules.yml": "markers: [\".to_csv(\", \"api/1/datasets\", \"udata\"]\n",
            "docs/shapes.md": "`www.data.gouv.fr/fr/datasets/r/<uuid>`, `https://www.data.gouv.fr/fr/datasets/<slug>/`, static.data.gouv.fr/resources/…\n",
        ])
        #expect(!found.applicable)
        #expect(found.evidence.isEmpty)
        let ci = try analysis([".gitlab-ci.yml": "publish:\n  script: curl -X POST https://www.data.gouv.fr/api/1/datasets/abc/upload/\n"])
        #expect(ci.signals.map(\.kind) == ["link"])
        #expect(ci.evidence.map(\.kind) == ["api"])
        let quoted = try analysis(["README.md": "Les données : « https://www.data.gouv.fr/fr/datasets/communes/ »."])
        #expect(quoted.evidence.map(\.url) == ["https://www.data.gouv.fr/fr/datasets/communes/"])
    }

    @Test("links are classified, located and cut at Markdown and HTML delimiters")
    func links() throws {
        let readme = """
            # Données

            - [Le jeu de données](https://www.data.gouv.fr/fr/datasets/communes-de-france/).
            - Fichier stable : <https://www.data.gouv.fr/fr/datasets/r/5b5c0a7e-1111-2222-3333-444455556666>,
            - Miroir : https://static.data.gouv.fr/resources/communes/20240101-120000/communes.csv;
            - <a href="https://www.data.gouv.fr/datasets/65a7b0c2d4e5f60718293a4b">nouvelle adresse</a>
            - Producteur : https://www.data.gouv.fr/fr/organizations/insee/
            - Réutilisation : https://www.data.gouv.fr/fr/reuses/carte-des-communes/
            - Schéma : https://schema.data.gouv.fr/etalab/schema-irve/
            - Portail : https://data.education.gouv.fr/explore/dataset/fr-en-annuaire/ et https://public.opendatasoft.com/explore/
            - API : `curl https://www.data.gouv.fr/api/1/datasets/communes/`
            - Sans rapport : https://www.service-public.gouv.fr/particuliers
            """
        let found = try analysis(["README.md": readme])
        let evidence = found.evidence.map { "\($0.kind) \($0.line ?? 0) \($0.url ?? "")" }
        #expect(evidence == [
            "dataset 3 https://www.data.gouv.fr/fr/datasets/communes-de-france/",
            "resource 4 https://www.data.gouv.fr/fr/datasets/r/5b5c0a7e-1111-2222-3333-444455556666",
            "resource 5 https://static.data.gouv.fr/resources/communes/20240101-120000/communes.csv",
            "dataset 6 https://www.data.gouv.fr/datasets/65a7b0c2d4e5f60718293a4b",
            "organization 7 https://www.data.gouv.fr/fr/organizations/insee/",
            "reuse 8 https://www.data.gouv.fr/fr/reuses/carte-des-communes/",
            "schema 9 https://schema.data.gouv.fr/etalab/schema-irve/",
            "portal 10 https://data.education.gouv.fr/explore/dataset/fr-en-annuaire/",
            "portal 10 https://public.opendatasoft.com/explore/",
            "api 11 https://www.data.gouv.fr/api/1/datasets/communes/",
        ])
        #expect(found.evidence.allSatisfy { $0.source == .documentation && $0.path == "README.md" })
        let kinds = ruleData.openData.publicationKinds
        #expect(!found.publication(kinds: kinds).contains { $0.kind == "reuse" || $0.kind == "api" })
    }

    @Test("data licences from data packages, licence files, the repository licence and READMEs")
    func licences() throws {
        let found = try analysis([
            "datapackage.json": #"{"licenses": [{"name": "Licence-Ouverte-2.0"}, {"path": "https://opendatacommons.org/licenses/odbl/1-0/"}], "resources": [{"name": "a", "path": "data/a.csv"}]}"#,
            "data/a.csv": "a\n",
            "data/LICENCE.txt": "Les données sont sous Licence Ouverte / Open Licence version 1.0.",
            "LICENSE": try PackagePaths.resolveFixtureReference("@fixtures/licences/etalab-2.0.fr.txt"),
            "README.md": "# Données\n\nDonnées sous licence CC-BY 4.0, voir https://creativecommons.org/licenses/by/4.0/\n",
        ])
        let described = found.licences.map { "\($0.id) \($0.source) \($0.path) \($0.onList)" }
        #expect(described == [
            "etalab-2.0 datapackage datapackage.json true",
            "ODbL-1.0 datapackage datapackage.json true",
            "Licence-Ouverte-1.0 licence_file data/LICENCE.txt false",
            "etalab-2.0 repository_licence LICENSE true",
            "CC-BY-4.0 readme README.md false",
        ])
        #expect(found.licences.first { $0.id == "Licence-Ouverte-1.0" }?.olderVersion == true)
    }

    @Test("a more specific licence name wins over the shorter one inside it")
    func specificNames() throws {
        let found = try analysis(["README.md": "Publié sous Licence Ouverte / Open Licence version 1.0.", "data/a.csv": "a\n"])
        #expect(found.licences.map(\.id) == ["Licence-Ouverte-1.0"])
        let rule = OpenDataLicenceRule.make([:], data: ruleData)
        let (snap, _) = scanSnapshot(scanFiles(["README.md": "Publié sous Licence Ouverte / Open Licence version 1.0.", "data/a.csv": "a\n"]))
        #expect(try rule.evaluate(snap, context: context).status == .warn)
    }

    @Test("the READMEs are read first when the total budget is short")
    func readmeFirst() throws {
        let long = String(repeating: "x", count: 5000)
        let found = try analysis(["docs/a.md": long, "docs/b.md": long, "README.md": "https://www.data.gouv.fr/fr/datasets/communes/\n", "data/a.csv": "a\n"],
                                 budget: ScanBudget(perFile: 1 << 20, total: 6000))
        #expect(found.evidence.map(\.path) == ["README.md"])
        #expect(found.unread.map(\.path) == ["docs/b.md"])
    }

    @Test("facts: applicability, evidence with path, line and url, CSV problems")
    func facts() throws {
        let (snap, _) = scanSnapshot(scanFiles(["README.md": "# D\n\nhttps://www.data.gouv.fr/fr/datasets/communes/\n", "data/a.csv": "A;B\n1;2\n"]))
        let facts = try OpenDataFacts(data: ruleData).facts(snap, context: context)
        #expect(facts["applicable"] == .bool(true))
        #expect(facts["evidence"] == .array([.object(["kind": .string("dataset"), "path": .string("README.md"), "line": .int(3),
                                                       "url": .string("https://www.data.gouv.fr/fr/datasets/communes/"),
                                                       "source": .string("documentation")])]))
        guard case .array(let problems)? = facts["csv"]?["problems"] else {
            Issue.record("no CSV problems in the facts")
            return
        }
        #expect(problems.map { $0["kind"] } == [.string("separator"), .string("header")])
    }
}
