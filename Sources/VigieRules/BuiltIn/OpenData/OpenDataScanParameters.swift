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

    /// The skip of a repository without data; one that only uses open data lists where it does.
    static func notApplicable(_ analysis: OpenDataAnalysis) -> RuleOutcome {
        let findings = analysis.consumption.prefix(10).map { signal in
            let what: LocalizedText = switch signal.consumption {
            case "download": LocalizedText(fr: "téléchargement de données ouvertes", en: "open data downloaded")
            case "api": LocalizedText(fr: "lecture de l'API de data.gouv.fr", en: "data.gouv.fr API read")
            case "attribution": LocalizedText(fr: "source citée", en: "credited source")
            case "mention": LocalizedText(fr: "lien hors de la documentation du dépôt", en: "link outside the repository's own documentation")
            case "example": LocalizedText(fr: "exemple dans la documentation", en: "example in the documentation")
            case "comment": LocalizedText(fr: "commentaire de fichier de configuration", en: "configuration file comment")
            case "processing": LocalizedText(fr: "traitement de données, sans publication", en: "data processing, no publication")
            default: LocalizedText(fr: "lien de navigation", en: "navigation link")
            }
            return Finding(path: signal.path, line: signal.line, message: what)
        }
        return RuleOutcome(status: .skip, message: LocalizedText(fr: "Sans objet. " + analysis.reason.fr, en: "Not applicable. " + analysis.reason.en),
                           findings: Array(findings))
    }

    static let communes = "code_insee,nom_commune,population\n01001,L'Abergement-Clémenciat,832\n01002,L'Abergement-de-Varey,267\n"
}
