public import VigieCore

/// No data file over a size threshold (50 MiB by default) is committed: it belongs on data.gouv.fr.
public struct OpenDataSizeRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "open_data.size",
        category: RuleCategory.named("open_data")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Pas de gros fichier de données dans git", en: "No large data file in git"),
        rationale: LocalizedText(
            fr: "Un gros fichier de données alourdit chaque clone pour toujours (git garde toutes ses versions) et les forges le refusent au-delà de 100 Mio : sa place est sur data.gouv.fr, d'où le code le télécharge.",
            en: "A large data file weighs on every clone forever (git keeps all its versions) and forges refuse it above 100 MiB: it belongs on data.gouv.fr, where the code downloads it from."),
        remediation: LocalizedText(
            fr: "Publiez le fichier sur data.gouv.fr, téléchargez-le depuis son lien stable (…/datasets/r/<id>) et retirez-le du dépôt (et de son historique avec git filter-repo).",
            en: "Publish the file on data.gouv.fr, download it from its stable link (…/datasets/r/<id>) and remove it from the repository (and from its history with git filter-repo).")
    )

    public static let parameters = OpenDataScan.parameters + [
        RuleParameter("max_mib", default: .int(50), LocalizedText(
            fr: "Taille, en Mio, au-delà de laquelle un fichier de données ne devrait pas être dans git (la taille vient de l'arbre : le fichier n'est pas lu).",
            en: "Size, in MiB, above which a data file should not be in git (the size comes from the tree: the file is not read).")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("small data files pass", files: ["data/communes.csv": OpenDataScan.communes], expect: .pass),
        RuleExample("a data file over the threshold fails",
                    files: ["data/communes.csv": OpenDataScan.communes + String(repeating: "01003,Ambérieu-en-Bugey,14000\n", count: 40_000)],
                    expect: .fail, parameters: ["max_mib": .int(1)]),
        RuleExample("no data skips", files: ["README.md": "# Outil\n"], expect: .skip),
    ]

    let budget: ScanBudget
    let maxBytes: Int64
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        budget = OpenDataScan.budget(parameters)
        maxBytes = Int64(parameters.int("max_mib")) * 1_048_576
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let analysis = try OpenDataAnalysis.of(snapshot, data: data, budget: budget)
        guard analysis.applicable else { return OpenDataScan.notApplicable(analysis) }
        let conventions = data.openData
        let large = snapshot.entries.compactMap { entry -> (entry: SnapshotEntry, size: Int64)? in
            guard conventions.isDataFile(entry), let size = snapshot.size(of: entry), size > maxBytes else { return nil }
            return (entry, size)
        }
        let limit = maxBytes / 1_048_576
        guard !large.isEmpty else {
            return .pass(LocalizedText(fr: "Aucun fichier de données de plus de \(limit) Mio.", en: "No data file over \(limit) MiB."))
        }
        let mib = { (size: Int64) in String(Double(size * 10 / 1_048_576) / 10) }
        return .fail(LocalizedText(fr: "\(large.count) fichier(s) de données de plus de \(limit) Mio dans git.",
                                   en: "\(large.count) data file(s) over \(limit) MiB in git."),
                     large.map { Finding(path: $0.entry.path, message: LocalizedText(fr: "\(mib($0.size)) Mio", en: "\(mib($0.size)) MiB")) })
    }
}
