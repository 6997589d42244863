public import VigieCore

/// Every CSV follows the Etalab conventions: UTF-8 without BOM, comma, same field count, clean header.
public struct OpenDataCSVRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "open_data.csv",
        category: RuleCategory.named("open_data")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Les CSV suivent les conventions d'Etalab", en: "CSV files follow Etalab's conventions"),
        rationale: LocalizedText(
            fr: "Un CSV réutilisable est en UTF-8 (sans BOM), séparé par des virgules, avec le même nombre de champs sur chaque ligne et un en-tête de noms en minuscules, sans accents ni espaces : sinon les outils le lisent mal (accents brisés, colonnes décalées).",
            en: "A reusable CSV is UTF-8 (without BOM), comma-separated, with the same number of fields on every row and a header of lowercase names without accents or spaces: otherwise tools misread it (broken accents, shifted columns)."),
        remediation: LocalizedText(
            fr: "Réenregistrez le fichier en UTF-8 sans BOM avec la virgule comme séparateur (entourez de guillemets les valeurs qui en contiennent), complétez les lignes incomplètes et renommez les colonnes (code_insee, nom_commune…). Voir https://guides.etalab.gouv.fr/qualite/",
            en: "Save the file as UTF-8 without BOM with a comma separator (quote values that hold one), complete short rows and rename the columns (code_insee, nom_commune…). See https://guides.etalab.gouv.fr/qualite/")
    )

    public static let parameters = OpenDataScan.parameters + [
        RuleParameter("max_problems_per_file", default: .int(OpenDataScanDefaults.maxProblemsPerFile), LocalizedText(
            fr: "Problèmes signalés au plus par fichier (les lignes au mauvais nombre de champs au-delà sont comptées en une fois).",
            en: "Most problems reported per file (rows with the wrong field count beyond it are counted in one line).")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("a clean CSV passes", files: ["data/communes.csv": OpenDataScan.communes], expect: .pass),
        RuleExample("a semicolon separator fails",
                    files: ["data/communes.csv": "code_insee;nom_commune\n01001;L'Abergement-Clémenciat\n"], expect: .fail),
        RuleExample("a byte order mark fails",
                    files: ["data/communes.csv": "\u{FEFF}code_insee,nom_commune\n01001,L'Abergement-Clémenciat\n"], expect: .fail),
        RuleExample("a row with a missing field fails",
                    files: ["data/communes.csv": "code_insee,nom_commune,population\n01001,L'Abergement-Clémenciat\n"], expect: .fail),
        RuleExample("a header with accents and spaces fails",
                    files: ["data/communes.csv": "Code INSEE,Nom de la commune,Département\n01001,L'Abergement,Ain\n"], expect: .fail),
        RuleExample("quoted commas and line breaks are fields, not separators",
                    files: ["data/lieux.csv": "nom,adresse\n\"Mairie\",\"1 place de la Mairie,\n01000 Bourg\"\n"], expect: .pass),
        RuleExample("a CSV over the budget warns: not read",
                    files: ["data/communes.csv": OpenDataScan.communes], expect: .warn, parameters: ["max_file_bytes": .int(16)]),
        RuleExample("counter-examples are not checked",
                    files: ["exemple-invalide.csv": "a;b\n", "data/communes.csv": OpenDataScan.communes], expect: .pass),
        RuleExample("no data skips", files: ["README.md": "# Outil\n"], expect: .skip),
    ]

    let budget: ScanBudget
    let maxProblems: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        budget = OpenDataScan.budget(parameters)
        maxProblems = parameters.int("max_problems_per_file")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let analysis = try OpenDataAnalysis.of(snapshot, data: data, budget: budget)
        guard analysis.applicable else { return OpenDataScan.notApplicable(analysis) }
        let csv = try CSVInspection.of(snapshot, data: data, maxFileBytes: Int(budget.perFile), maxProblemsPerFile: maxProblems)
        guard !csv.checked.isEmpty || !csv.unread.isEmpty else {
            return .skip(LocalizedText(fr: "Aucun fichier CSV à vérifier.", en: "No CSV file to check."))
        }
        let unread = csv.unread.map(\.finding)
        if !csv.problems.isEmpty {
            let files = Set(csv.problems.map(\.path)).count
            return .fail(LocalizedText(
                fr: "\(csv.problems.count) problème(s) dans \(files) fichier(s) CSV sur \(csv.checked.count) vérifié(s).",
                en: "\(csv.problems.count) problem(s) in \(files) of \(csv.checked.count) CSV file(s) checked."), csv.problems.map(\.finding) + unread)
        }
        if !unread.isEmpty {
            return .warn(LocalizedText(
                fr: "\(csv.checked.count) CSV conforme(s), \(unread.count) non vérifié(s) : trop gros pour le budget de lecture.",
                en: "\(csv.checked.count) CSV file(s) conform, \(unread.count) not checked: too large for the read budget."), unread)
        }
        return .pass(LocalizedText(fr: "\(csv.checked.count) fichier(s) CSV conforme(s).", en: "\(csv.checked.count) CSV file(s) conform."),
                     csv.checked.prefix(10).map { Finding(path: $0) })
    }
}
