public import VigieCore

/// Every `datapackage.json` and TableSchema `schema.json` is valid, and names files that exist.
public struct OpenDataDatapackageRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "open_data.datapackage",
        category: RuleCategory.named("open_data")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Les métadonnées des données sont valides", en: "The data's metadata is valid"),
        rationale: LocalizedText(
            fr: "Un datapackage.json (Frictionless Data) ou un schéma TableSchema invalide casse les outils qui le lisent (validata, frictionless, schema.data.gouv.fr) : JSON strict, « resources » avec un « name » et un « path » qui existe, et pour un schéma publié les clés name, title, description, homepage, version et contributors.",
            en: "An invalid datapackage.json (Frictionless Data) or TableSchema breaks the tools that read it (validata, frictionless, schema.data.gouv.fr): strict JSON, 'resources' with a 'name' and a 'path' that exists, and for a published schema the keys name, title, description, homepage, version and contributors."),
        remediation: LocalizedText(
            fr: "Corrigez chaque erreur à la ligne et la colonne indiquées ; vérifiez avec `frictionless validate datapackage.json` ou `frictionless validate --type schema schema.json`.",
            en: "Fix each error at the line and column given; check with `frictionless validate datapackage.json` or `frictionless validate --type schema schema.json`.")
    )

    public static let parameters = OpenDataScan.parameters

    static let validPackage = #"""
        {
          "name": "communes",
          "title": "Communes de France",
          "licenses": [{"name": "etalab-2.0", "path": "https://spdx.org/licenses/etalab-2.0.html"}],
          "resources": [{"name": "communes", "path": "data/communes.csv", "schema": "schema.json"}]
        }
        """#
    static let validSchema = #"""
        {
          "name": "communes", "title": "Communes", "description": "Liste des communes", "version": "1.0.0",
          "homepage": "https://github.com/etalab/schema-communes", "contributors": [{"title": "Etalab"}],
          "fields": [{"name": "code_insee", "type": "string"}, {"name": "nom_commune", "type": "string"}]
        }
        """#

    public static let examples: [RuleExample] = [
        RuleExample("a valid data package and schema pass",
                    files: ["datapackage.json": validPackage, "schema.json": validSchema, "data/communes.csv": OpenDataScan.communes],
                    expect: .pass, tags: [SnapshotTag(name: "v1.0.0", time: seconds("2026-01-01"))]),
        RuleExample("a resource path missing from the tree fails",
                    files: ["datapackage.json": validPackage.replacingOccurrences("data/communes.csv", "data/absent.csv"),
                            "schema.json": validSchema, "data/communes.csv": OpenDataScan.communes],
                    expect: .fail, tags: [SnapshotTag(name: "v1.0.0", time: seconds("2026-01-01"))]),
        RuleExample("a datapackage.json that is not JSON fails",
                    files: ["datapackage.json": "{\n  \"resources\": [\n    {\"name\": \"communes\", \"path\": \"data/communes.csv\"},\n  ]\n}\n",
                            "data/communes.csv": OpenDataScan.communes], expect: .fail),
        RuleExample("a resource without a name fails",
                    files: ["datapackage.json": #"{"name": "x", "title": "X", "licenses": [{"name": "ODbL-1.0"}], "resources": [{"path": "data/communes.csv"}]}"#,
                            "data/communes.csv": OpenDataScan.communes], expect: .fail),
        RuleExample("a root schema.json missing schema.data.gouv.fr keys fails",
                    files: ["schema.json": #"{"fields": [{"name": "code_insee", "type": "string"}]}"#], expect: .fail),
        RuleExample("a schema version without its git tag warns",
                    files: ["schema.json": validSchema], expect: .warn),
        RuleExample("a JSON Schema named schema.json elsewhere is not a TableSchema: skips",
                    files: ["api/schema.json": #"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}"#,
                            "data/communes.csv": OpenDataScan.communes], expect: .skip),
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
        let check = try DataPackageCheck.of(snapshot, data: data, maxFileBytes: Int(budget.perFile))
        guard !check.packages.isEmpty else {
            return .skip(LocalizedText(fr: "Ni datapackage.json ni schéma TableSchema (voir open_data.published).",
                                       en: "No datapackage.json and no TableSchema (see open_data.published)."))
        }
        let finding = { (package: CheckedPackage, problem: PackageProblem) in
            Finding(path: package.path, line: problem.position?.line, message: LocalizedText(
                fr: (problem.position.map { "colonne \($0.column) : " } ?? "") + problem.message.fr,
                en: (problem.position.map { "column \($0.column): " } ?? "") + problem.message.en))
        }
        let errors = check.packages.flatMap { package in package.errors.map { finding(package, $0) } }
        let advice = check.packages.flatMap { package in package.problems.filter { $0.severity == .advice }.map { finding(package, $0) } }
        let names = check.packages.map(\.path).joined(separator: ", ")
        if !errors.isEmpty {
            let invalid = check.packages.filter { !$0.valid }.count
            return .fail(LocalizedText(fr: "\(invalid) fichier(s) de métadonnées invalide(s), \(errors.count) erreur(s).",
                                       en: "\(invalid) invalid metadata file(s), \(errors.count) error(s)."), errors + advice)
        }
        if !advice.isEmpty {
            return .warn(LocalizedText(fr: "Valides (\(names)), avec \(advice.count) recommandation(s) non suivie(s).",
                                       en: "Valid (\(names)), with \(advice.count) recommendation(s) not followed."), advice)
        }
        return .pass(LocalizedText(fr: "Valides : \(names).", en: "Valid: \(names)."), check.packages.map { Finding(path: $0.path) })
    }
}
