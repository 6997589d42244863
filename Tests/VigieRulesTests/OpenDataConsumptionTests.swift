import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// Publishing is not consuming: downloads, credited sources, site footers, the Licence Ouverte's own
/// example URL and identifiers that merely contain "udata" do not make a repository a data publisher.
@Suite("Open data: using open data is not publishing it")
struct OpenDataConsumptionTests {
    let context = AuditContext(asOf: Day(iso: "2026-01-01")!, language: .en)

    func analysis(_ files: [String: String]) throws -> OpenDataAnalysis {
        try OpenDataAnalysis.of(scanSnapshot(scanFiles(files)).0, data: ruleData, budget: OpenDataScanDefaults.budget)
    }

    @Test("a repository that only uses open data skips, and the skip lists where it uses it", arguments: [
        (["src/fetch.py": "import requests\nrows = requests.get('https://www.data.gouv.fr/fr/datasets/r/0a1b2c3d-1111-2222-3333-444455556666')\n"],
         "download", "src/fetch.py", 2),
        (["src/client.js": "const base = 'https://www.data.gouv.fr/api/1/';\nfetch(base + 'datasets/?q=' + query) // udata\n"],
         "api", "src/client.js", 1),
        (["lib/search.py": "from datagouv import Client\nClient().search('communes')\n"], "api", "lib/search.py", 1),
        (["README.md": "# Carte\n\nSource : [BAN](https://www.data.gouv.fr/fr/datasets/base-adresse-nationale/).\n"], "attribution", "README.md", 3),
        (["README.md": "# Map\n\nData from https://www.data.gouv.fr/fr/datasets/communes/ (Licence Ouverte).\n"], "attribution", "README.md", 3),
        (["site/index.html": "<footer class=\"fr-footer\">\n<a href=\"https://www.data.gouv.fr/fr/organizations/etalab/\">data.gouv.fr</a>\n</footer>\n"],
         "footer", "site/index.html", 2),
    ] as [([String: String], String, String, Int)])
    func onlyConsumes(_ files: [String: String], _ consumption: String, _ path: String, _ line: Int) throws {
        let found = try analysis(files)
        #expect(!found.applicable)
        #expect(found.onlyConsumes)
        #expect(found.consumption.first?.consumption == consumption)
        #expect(found.reason.en.hasPrefix("The repository uses open data but publishes none:"))
        #expect(found.reason.fr.hasPrefix("Le dépôt utilise des données ouvertes mais n'en publie pas :"))
        var snapshotFiles = files
        snapshotFiles["LICENSE"] = "MIT"
        let outcome = try evaluateHealthRule("open_data.published", snapshotFiles)
        #expect(outcome.status == .skip)
        #expect(outcome.findings.first?.path == path)
        #expect(outcome.findings.first?.line == line)
        #expect(try evaluateHealthRule("open_data.licence", snapshotFiles).status == .skip)
    }

    @Test("writing to data.gouv.fr, or a dataset link not framed as a source, is still publication")
    func stillPublishing() throws {
        let upload = try analysis(["publish.py": "requests.post(f\"https://www.data.gouv.fr/api/1/datasets/{ID}/upload/\", headers={'X-API-KEY': key})\n"])
        #expect(upload.applicable)
        let readme = try analysis(["README.md": "# Communes\n\nLes données sont publiées sur https://www.data.gouv.fr/fr/datasets/communes/\n"])
        #expect(readme.applicable)
        #expect(try evaluateHealthRule("open_data.published", ["README.md": "# C\n\nPublié sur https://www.data.gouv.fr/fr/datasets/communes/\n"]).status == .pass)
        // Own data plus a credited source: applicable by the data, and the source is not the publication.
        let both = try evaluateHealthRule("open_data.published", [
            "data/communes.csv": "code,nom\n01001,A\n",
            "README.md": "# Communes\n\nSource : https://www.data.gouv.fr/fr/datasets/base-adresse-nationale/\n",
        ])
        #expect(both.status == .fail)
    }

    @Test("markers are words: menudata is not udata; ogr2ogr inside a longer identifier is not a pipeline")
    func words() throws {
        let doxygen = try analysis([
            "README.md": "# Demo\n\nA coordinate converter.\n",
            "html/menudata.js": "var menudata={children:[\n]};\n",
            "html/menu.js": "$('#main-nav').append(makeTree(menudata,relPath));\n",
        ])
        #expect(doxygen.signals.isEmpty)
        #expect(!doxygen.applicable && !doxygen.onlyConsumes)
        #expect(doxygen.reason.en.hasPrefix("No data"))
        let udata = try analysis(["sync.py": "import udata\n"])
        #expect(udata.signals.map(\.kind) == ["api"])
    }

    @Test("the example URL of the Licence Ouverte text, and placeholder slugs, are not links")
    func licenceExample() throws {
        let licence = "« Ministère de xxx – Données originales téléchargées sur http://www.data.gouv.fr/fr/datasets/xxx/, mise à jour du 14 février 2017 ».\n"
        for name in ["LICENSE.md", "LICENCE", "LICENSE_FR.md", "LICENSES/etalab-2.0.md"] {
            let found = try analysis(["README.md": "# Site\n\nA static web site.\n", name: licence.replacingOccurrences(of: "/xxx/", with: "/communes/")])
            #expect(found.signals.isEmpty, "\(name)")
        }
        let placeholder = try analysis(["docs/guide.md": "Mettez le lien https://www.data.gouv.fr/fr/datasets/xxx/ de votre jeu.\n"])
        #expect(placeholder.evidence.isEmpty)
        #expect(!placeholder.applicable)
    }
}

/// Issue 12 part 5: where a link stands, what data files are for, and what code does with data.
@Suite("Open data: the context of a link, data files that are not published, processing")
struct OpenDataContextTests {
    func analysis(_ files: [String: String]) throws -> OpenDataAnalysis {
        try OpenDataAnalysis.of(scanSnapshot(scanFiles(files)).0, data: ruleData, budget: OpenDataScanDefaults.budget)
    }

    func consumption(_ readme: String) throws -> String? {
        try analysis(["README.md": readme]).evidence.first?.consumption
    }

    @Test("a source section, a source table or a heading naming the producer credits; other headings and code comments do not")
    func sections() throws {
        let link = "https://www.data.gouv.fr/fr/datasets/communes/"
        #expect(try consumption("# C\n\n## Sources\n\nLes [communes](\(link)).\n") == "attribution")
        #expect(try consumption("# C\n\n## Données utilisées\n\n- \(link)\n") == "attribution")
        #expect(try consumption("# C\n\n## Fichiers mis à disposition par l'INSEE\n\nSur \(link)\n") == "attribution")
        #expect(try consumption("# C\n\n| Jeu | Usage |\n|---|---|\n| \(link) | carte |\n") == "attribution")
        // Publishers: "sources" inside a heading, a table without a usage column, a publication sentence.
        #expect(try consumption("# C\n\n## Mise à disposition des sources sous forme de tuiles\n\nServies depuis \(link)\n") == nil)
        #expect(try consumption("# C\n\n| Fichier | Format |\n|---|---|\n| \(link) | CSV |\n") == nil)
        #expect(try consumption("# C\n\n## Consolidation\n\nNous publions la base sur [data.gouv.fr](\(link)).\n") == nil)
        // A `#` line inside a fenced block is a shell comment, not a heading.
        #expect(try consumption("# C\n\n## Publication\n\n```sh\n# sources\nmake\n```\n\nPublié sur \(link)\n") == nil)
        // A sources section ends at the next heading.
        #expect(try consumption("# C\n\n## Sources\n\nINSEE.\n\n## Publication\n\nPublié sur \(link)\n") == nil)
    }

    @Test("an example call or response in a code block, a line saying 'Example', and a CHANGELOG are not where data is published (held out: api-tabular, udata)")
    func examplesAndHistory() throws {
        let response = "# API\n\n**Response:**\n```json\n{\"url\": \"https://data.gouv.fr/datasets/communes/resources/fake.csv\"}\n```\n"
        #expect(try consumption(response) == "example")
        #expect(try consumption("# udata\n\n### SCHEMA_CATALOG_URL\n\nExample: https://schema.data.gouv.fr/schemas/schemas.json\n") == "example")
        let history = try analysis(["CHANGELOG.md": "## 1.2\n\n- Use https://www.data.gouv.fr/fr/datasets/communes/ for tests\n"])
        #expect(!history.applicable)
        #expect(history.consumption.first?.consumption == "mention")
        // After the code block, a publication sentence still counts.
        #expect(try consumption("# C\n\n```sh\nmake\n```\n\nPublié sur https://www.data.gouv.fr/fr/datasets/communes/\n") == nil)
        let skip = try analysis(["README.md": response])
        #expect(skip.reason.en.contains("an example in the documentation (README.md:5)"))
        #expect(skip.reason.fr.contains("un exemple dans la documentation (README.md:5)"))
    }

    @Test("only the root files and docs/ are the repository's documentation; links elsewhere are mentions")
    func mentions() throws {
        let link = "Publié sur https://www.data.gouv.fr/fr/datasets/communes/\n"
        #expect(try analysis(["docs/index.md": link]).applicable)
        #expect(try analysis(["DONNEES.md": link]).applicable)
        for path in ["back/README.md", "_data/api/communes.md", ".storybook/preview-head.html", "content/page.html"] {
            let found = try analysis([path: link])
            #expect(!found.applicable, "\(path)")
            #expect(found.consumption.first?.consumption == "mention", "\(path)")
        }
    }

    @Test("data files in input, sample, mock, benchmark, hidden, reference or package folders, and nested JSON, are set aside")
    func setAside() throws {
        let csv = "a,b\n1,2\n"
        for path in ["benchsuite/runs/raw.csv", "benchmarks/x.csv", ".benchmarks/h.csv", "docker/volumes/c.csv", "app/reference/r.csv",
                     "samples/s.geojson", "examples/e.csv", "mocks/m.csv", "assets/data/a.json", "src/modules/data/q.json",
                     // Documentation illustrations (ProgrammeVitam/vitam, held out).
                     "doc/fr/archi/data/inventory.csv", "docs/img/chart.csv"] {
            let found = try analysis([path: csv])
            #expect(!found.applicable, "\(path)")
            #expect(found.setAsideDataFiles == [path], "\(path)")
            #expect(found.reason.en.contains("1 data file(s) set aside"), "\(path)")
            #expect(found.reason.fr.contains("1 fichier(s) de données écarté(s)"), "\(path)")
        }
        let package = try analysis(["itou/__init__.py": "", "itou/otp/data/companies.csv": csv])
        #expect(!package.applicable)
        for path in ["data/communes.csv", "data/communes.json", "exports/2024/communes.xml", "sources/communes.csv", "api/v1/authors.csv"] {
            #expect(try analysis([path: csv]).applicable, "\(path)")
        }
    }

    @Test("code writing data is processing; it publishes where the repository also uploads, and an API key alone is no upload")
    func processing() throws {
        let write = "import pandas as pd\ndf.to_csv('out.csv')\n"
        let alone = try analysis(["build.py": write])
        #expect(!alone.applicable && alone.onlyConsumes)
        #expect(alone.consumption.map(\.consumption) == ["processing"])
        let uploaded = try analysis(["build.py": write, "publish.py": "requests.post(API + '/upload/', files=files)\n"])
        #expect(uploaded.applicable)
        #expect(uploaded.signals.last?.kind == "upload")
        #expect(uploaded.signals.last?.path == "publish.py")
        let keyed = try analysis(["crawler.py": "headers = {'X-API-KEY': key}\nrequests.get('https://www.data.gouv.fr/api/1/datasets/')\n"])
        #expect(!keyed.applicable)
        #expect(Set(keyed.consumption.compactMap(\.consumption)) == ["api", "download"])
        // A public upload alone may deploy a web site: not a data signal.
        #expect(try analysis(["deploy.sh": "aws s3 sync --acl public-read build/ s3://site/\n"]).signals.isEmpty)
    }
}

/// The shared "does this repository publish data?" answer (corpus finding 11).
@Suite("Open data: one answer to whether a repository publishes data")
struct OpenDataPublicationTests {
    @Test("test fixtures are not published data; a data folder is; consumption is not publication")
    func publication() throws {
        let fixtures = try OpenDataAnalysis.publication(RepositorySnapshot(files: ["README.md": "# Ban\n", "ban/tests/data/municipalities.csv": "a,b\n"]),
                                                        data: ruleData)
        #expect(!fixtures.publishesData)
        #expect(fixtures.dataFiles.isEmpty)
        let data = try OpenDataAnalysis.publication(RepositorySnapshot(files: ["data/communes.csv": "code,nom\n", "tests/data/x.csv": "a\n"]),
                                                    data: ruleData)
        #expect(data.publishesData)
        #expect(data.dataFiles == ["data/communes.csv"])
        let links = try OpenDataAnalysis.publication(RepositorySnapshot(files: ["README.md": "Jeu publié : https://www.data.gouv.fr/fr/datasets/communes/\n"]),
                                                     data: ruleData)
        #expect(links.publishesData)
        #expect(links.dataFiles.isEmpty)
        let uses = try OpenDataAnalysis.publication(RepositorySnapshot(files: ["README.md": "Source : https://www.data.gouv.fr/fr/datasets/communes/\n"]),
                                                    data: ruleData)
        #expect(!uses.publishesData)
        #expect(uses.reason.en.hasPrefix("The repository uses open data but publishes none"))
    }
}
