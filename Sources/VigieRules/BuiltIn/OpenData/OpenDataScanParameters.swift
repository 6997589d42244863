import VigieCore

/// What every open-data rule shares: the read budget parameters and the verdict when the
/// repository has no data.
enum OpenDataScan {
    static let parameters = [
        RuleParameter("max_file_bytes", default: .int(OpenDataScanDefaults.maxFileBytes), LocalizedText(
            fr: "Taille maximale, en octets, d'un fichier lu (documentation, code, datapackage.json, CSV) ; au-delà, il est signalé comme non lu. La limite de lecture de l'audit s'applique aussi.",
            en: "Largest file, in bytes, that is read (documentation, code, datapackage.json, CSV); larger ones are reported as not read. The audit's read cap also applies.")),
        RuleParameter("max_scan_bytes", default: .int(OpenDataScanDefaults.maxScanBytes), LocalizedText(
            fr: "Octets de documentation et de code lus au plus pour trouver les liens et les licences (les README d'abord).",
            en: "Most bytes of documentation and code read to find links and licences (READMEs first).")),
    ]

    static func budget(_ parameters: RuleParameters) -> ScanBudget {
        ScanBudget(perFile: parameters.int("max_file_bytes"), total: parameters.int("max_scan_bytes"))
    }

    static func notApplicable(_ analysis: OpenDataAnalysis) -> RuleOutcome {
        .skip(LocalizedText(fr: "Sans objet. " + analysis.reason.fr, en: "Not applicable. " + analysis.reason.en))
    }

    static let communes = "code_insee,nom_commune,population\n01001,L'Abergement-Clémenciat,832\n01002,L'Abergement-de-Varey,267\n"
}
