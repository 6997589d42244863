public import VigieCore

/// The repository says where its data is published: data.gouv.fr, a data package, a schema.
public struct OpenDataPublishedRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "open_data.published",
        category: RuleCategory.named("open_data")!,
        defaultWeight: 3,
        title: LocalizedText(fr: "Le dépôt dit où ses données sont publiées", en: "The repository says where its data is published"),
        rationale: LocalizedText(
            fr: "Des données produites par un service public sont des informations publiques à ouvrir : le dépôt doit mener au jeu de données publié (data.gouv.fr ou un portail public), à son datapackage.json ou à son schéma sur schema.data.gouv.fr, pour que chacun trouve la version de référence.",
            en: "Data produced by a public service is public information to open: the repository must lead to the published dataset (data.gouv.fr or a public portal), to its datapackage.json or to its schema on schema.data.gouv.fr, so everyone finds the reference version."),
        remediation: LocalizedText(
            fr: "Publiez les données sur data.gouv.fr et mettez le lien du jeu de données (https://www.data.gouv.fr/fr/datasets/…) dans le README, ou décrivez-les dans un datapackage.json.",
            en: "Publish the data on data.gouv.fr and put the dataset link (https://www.data.gouv.fr/fr/datasets/…) in the README, or describe it in a datapackage.json.")
    )

    public static let parameters = OpenDataScan.parameters

    public static let examples: [RuleExample] = [
        RuleExample("a data.gouv.fr dataset link in the README passes",
                    files: ["README.md": "# Communes\n\nPublié sur [data.gouv.fr](https://www.data.gouv.fr/fr/datasets/communes-de-france/).\n",
                            "data/communes.csv": OpenDataScan.communes],
                    expect: .pass),
        RuleExample("a resource permalink in the docs passes",
                    files: ["docs/donnees.md": "Fichier : https://www.data.gouv.fr/fr/datasets/r/0a1b2c3d-1111-2222-3333-444455556666\n",
                            "data/communes.csv": OpenDataScan.communes],
                    expect: .pass),
        RuleExample("a datapackage.json passes",
                    files: ["datapackage.json": #"{"resources": [{"name": "communes", "path": "data/communes.csv"}]}"#,
                            "data/communes.csv": OpenDataScan.communes],
                    expect: .pass),
        RuleExample("a data folder with no pointer to its publication fails",
                    files: ["README.md": "# Communes\n", "data/communes.csv": OpenDataScan.communes], expect: .fail),
        RuleExample("a reuse link is not a publication",
                    files: ["README.md": "Voir https://www.data.gouv.fr/fr/reuses/carte-des-communes/\n", "data/communes.csv": OpenDataScan.communes],
                    expect: .fail),
        RuleExample("data whose only data.gouv.fr link is in the code uploading it warns",
                    files: ["pipeline/publish.py": "requests.post(\"https://www.data.gouv.fr/api/1/datasets/communes/upload/\", files=files)\n",
                            "data/communes.csv": OpenDataScan.communes],
                    expect: .warn),
        RuleExample("data plus a download URL in code fails: where the input comes from is not where the data is published",
                    files: ["pipeline/export.py": "URL = \"https://www.data.gouv.fr/fr/datasets/r/0a1b2c3d-1111-2222-3333-444455556666\"\ndf.to_csv('data/communes.csv')\n",
                            "data/communes.csv": OpenDataScan.communes],
                    expect: .fail),
        RuleExample("code writing data that it uploads with a public-read ACL, without saying where, fails",
                    files: ["build.sh": "ogr2ogr -f GeoJSON dist/communes.geojson communes.shp\n",
                            "deploy.sh": "aws s3 cp --recursive --acl=public-read dist/ s3://contours/\n"],
                    expect: .fail),
        RuleExample("code writing data without publishing it skips: processing is not publishing",
                    files: ["lidro/vectors.py": "import geopandas as gpd\ngpd.GeoDataFrame(geometry=[mask]).to_file(output)\n",
                            "scripts/fetch.py": "URL = \"https://www.data.gouv.fr/fr/datasets/r/0a1b2c3d-1111-2222-3333-444455556666\"\n"],
                    expect: .skip),
        RuleExample("a README table of the datasets the project uses skips",
                    files: ["README.md": "# Recherche\n\n| Jeu | usage |\n| --- | --- |\n| [sirene](https://www.data.gouv.fr/fr/datasets/base-sirene/) | établissements |\n"],
                    expect: .skip),
        RuleExample("a link under a '## Sources' heading skips",
                    files: ["README.md": "# Carte\n\n## Sources\n\n* [Codes postaux](https://www.data.gouv.fr/fr/datasets/base-officielle-des-codes-postaux/)\n"],
                    expect: .skip),
        RuleExample("a link in a sub-project's README or a site's content page skips",
                    files: ["back/src/sirene/README.md": "Index built from https://www.data.gouv.fr/fr/datasets/base-sirene/\n",
                            "_data/api/adresse.md": "Données : https://www.data.gouv.fr/fr/datasets/base-adresse-nationale/\n"],
                    expect: .skip),
        RuleExample("benchmark results, docker mock data and a hidden tool folder are not published data",
                    files: ["benchsuite/runs/raw.csv": "name,seconds\nliteral,0.1\n", "docker/volumes/insee/commune.csv": OpenDataScan.communes,
                            ".benchmarks/history.csv": "run,seconds\n1,0.5\n"],
                    expect: .skip),
        RuleExample("code that only downloads a data.gouv.fr resource skips: using open data is not publishing it",
                    files: ["scripts/fetch.py": "import requests\nURL = \"https://www.data.gouv.fr/fr/datasets/r/0a1b2c3d-1111-2222-3333-444455556666\"\nrows = requests.get(URL).text\n"],
                    expect: .skip),
        RuleExample("a credited source in the README skips",
                    files: ["README.md": "# Carte\n\nSource : [Base Adresse Nationale](https://www.data.gouv.fr/fr/datasets/base-adresse-nationale/), Licence Ouverte.\n"],
                    expect: .skip),
        RuleExample("a DSFR footer link skips",
                    files: ["public/index.html": "<footer class=\"fr-footer\"><a href=\"https://www.data.gouv.fr/fr/organizations/etalab/\">data.gouv.fr</a></footer>\n"],
                    expect: .skip),
        RuleExample("Doxygen's menudata.js is not a call to udata",
                    files: ["README.md": "# Demo\n\nA coordinate converter.\n", "html/menudata.js": "var menudata={children:[]};\n"], expect: .skip),
        RuleExample("the example URL inside the Licence Ouverte text is not a publication",
                    files: ["README.md": "# Site\n\nA static web site.\n",
                            "LICENSE.md": "« Ministère de xxx – Données originales téléchargées sur http://www.data.gouv.fr/fr/datasets/xxx/, mise à jour du 14 février 2017 ».\n"],
                    expect: .skip),
        RuleExample("a link in a comment of a configuration file that also lists upload endpoints skips: a comment runs nothing (vigie's own rules/data/open_data.yml)",
                    files: ["rules/data/open_data.yml": "api_publish_markers: [\"/upload\", upload_resource]\n  # \"Use https://www.data.gouv.fr/api/1/proconnect/auth\": a changelog line\n"],
                    expect: .skip),
        RuleExample("a configuration file that uploads to the data.gouv.fr API outside a comment still publishes",
                    files: [".gitlab-ci.yml": "publish:\n  # weekly\n  script: curl -F file=@data/communes.csv https://www.data.gouv.fr/api/1/datasets/communes/upload/\n",
                            "data/communes.csv": OpenDataScan.communes],
                    expect: .warn),
        RuleExample("a library without data skips",
                    files: ["src/outil/__init__.py": "def f():\n    return 1\n", "tests/data/sample.csv": "a,b\n1,2\n"], expect: .skip),
    ]

    /// How many pieces of evidence become findings (a size for reports, not a threshold); all of
    /// them are in facts.open_data.evidence.
    static let listedEvidence = 20

    let budget: ScanBudget
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        budget = OpenDataScan.budget(parameters)
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let analysis = try OpenDataAnalysis.of(snapshot, data: data, budget: budget)
        guard analysis.applicable else { return OpenDataScan.notApplicable(analysis) }
        let kinds = data.openData.publicationKinds
        let findings = { (evidence: [OpenDataAnalysis.Evidence]) in
            evidence.prefix(Self.listedEvidence).map { Finding(path: $0.path, line: $0.line, message: .same($0.url ?? $0.kind)) }
        }
        let published = analysis.publication(kinds: kinds)
        if !published.isEmpty {
            let kindsFound = Array(Set(published.map(\.kind))).sorted().joined(separator: ", ")
            return .pass(LocalizedText(fr: "\(published.count) indication(s) de publication (\(kindsFound)).",
                                       en: "\(published.count) pointer(s) to the publication (\(kindsFound))."), findings(published))
        }
        // Code that uploads to data.gouv.fr knows where the data goes; a download URL says where someone's data comes from.
        let inCode = analysis.evidence.filter { $0.source == .code && $0.consumption == nil && (kinds.contains($0.kind) || $0.kind == "api") }
        if !inCode.isEmpty {
            return .warn(LocalizedText(
                fr: "data.gouv.fr n'apparaît que dans le code qui y publie (\(inCode.count) endroit(s)) : dites dans le README où les données sont publiées.",
                en: "data.gouv.fr appears only in the code publishing to it (\(inCode.count) place(s)): say in the README where the data is published."), findings(inCode))
        }
        return .fail(LocalizedText(
            fr: "Le dépôt produit des données mais ne dit pas où elles sont publiées (ni lien data.gouv.fr, ni datapackage.json, ni schéma).",
            en: "The repository produces data but does not say where it is published (no data.gouv.fr link, datapackage.json or schema)."),
                     analysis.signals.prefix(5).map { Finding(path: $0.path, line: $0.line) })
    }
}
