public import VigieCore

/// The analysis' verdict in words (facts.open_data.reason, the open-data rules' skips): what makes
/// the repository a data publisher, or why it is not one (nothing, or only using and processing data).
extension OpenDataAnalysis {
    /// Why data files were not counted, as a sentence to append ("" when none was set aside).
    var setAsideSentence: LocalizedText {
        guard let first = setAsideDataFiles.first else { return .same("") }
        let count = setAsideDataFiles.count
        return LocalizedText(
            fr: " \(count) fichier(s) de données écarté(s) : entrées, échantillons, données fictives, sorties d'outils ou ressources d'un programme (dont \(first)).",
            en: " \(count) data file(s) set aside: inputs, samples, mock data, tool output or a program's resources (including \(first)).")
    }

    public var reason: LocalizedText {
        if onlyConsumes {
            let describe = { (signal: Signal, french: Bool) -> String in
                let place = signal.path + (signal.line.map { ":\($0)" } ?? "")
                switch (signal.consumption ?? "", french) {
                case ("download", true): return "du code qui télécharge depuis data.gouv.fr (\(place))"
                case ("download", false): return "code downloading from data.gouv.fr (\(place))"
                case ("api", true): return "du code qui lit l'API de data.gouv.fr sans y écrire (\(place))"
                case ("api", false): return "code reading the data.gouv.fr API without writing to it (\(place))"
                case ("attribution", true): return "une source citée (\(place))"
                case ("attribution", false): return "a credited source (\(place))"
                case ("footer", true): return "un lien de pied ou d'en-tête de page (\(place))"
                case ("footer", false): return "a page footer or header link (\(place))"
                case ("example", true): return "un exemple dans la documentation (\(place))"
                case ("example", false): return "an example in the documentation (\(place))"
                case ("mention", true): return "un lien dans une page qui n'est pas la documentation du dépôt (\(place))"
                case ("mention", false): return "a link in a page that is not the repository's own documentation (\(place))"
                case ("comment", true): return "un lien dans un commentaire de fichier de configuration (\(place))"
                case ("comment", false): return "a link in a comment of a configuration file (\(place))"
                case ("processing", true): return "du code qui transforme des données sans les publier (\(place) : \(signal.detail))"
                case ("processing", false): return "code processing data without publishing it (\(place): \(signal.detail))"
                default: return place
                }
            }
            let used = consumption.prefix(3)
            return LocalizedText(
                fr: "Le dépôt utilise des données ouvertes mais n'en publie pas : " + used.map { describe($0, true) }.joined(separator: " ; ")
                    + ". Télécharger, citer, lier ou transformer un jeu de données n'est pas le publier." + setAsideSentence.fr,
                en: "The repository uses open data but publishes none: " + used.map { describe($0, false) }.joined(separator: "; ")
                    + ". Downloading, crediting, linking to or processing a dataset is not publishing it." + setAsideSentence.en)
        }
        guard applicable else {
            return LocalizedText(
                fr: "Pas de données : ni dossier de données, ni datapackage.json ou schéma TableSchema, ni lien ou appel à data.gouv.fr, ni code écrivant du CSV, GeoJSON ou Parquet parmi \(filesExamined) fichiers." + setAsideSentence.fr,
                en: "No data: no data folder, no datapackage.json or TableSchema, no data.gouv.fr link or API call, no code writing CSV, GeoJSON or Parquet among \(filesExamined) files." + setAsideSentence.en)
        }
        let describe = { (signal: Signal, french: Bool) -> String in
            let place = signal.path + (signal.line.map { ":\($0)" } ?? "")
            switch (signal.kind, french) {
            case ("data_files", true): return "\(signal.detail) fichier(s) de données (dont \(place))"
            case ("data_files", false): return "\(signal.detail) data file(s) (including \(place))"
            case ("link", true): return "un lien \(signal.detail) (\(place))"
            case ("link", false): return "a \(signal.detail) link (\(place))"
            case ("api", true): return "un appel à l'API de data.gouv.fr (\(place))"
            case ("api", false): return "a data.gouv.fr API call (\(place))"
            case ("pipeline", true): return "du code qui écrit des données (\(place) : \(signal.detail))"
            case ("pipeline", false): return "code writing data (\(place): \(signal.detail))"
            case ("upload", true): return "du code qui publie des fichiers (\(place) : \(signal.detail))"
            case ("upload", false): return "code publishing files (\(place): \(signal.detail))"
            default: return place
            }
        }
        let producing = signals.filter { $0.consumption == nil }
        return LocalizedText(fr: "Données : " + producing.prefix(3).map { describe($0, true) }.joined(separator: " ; ") + ".",
                             en: "Data: " + producing.prefix(3).map { describe($0, false) }.joined(separator: "; ") + ".")
    }
}
