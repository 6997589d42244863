public import VigieCore

/// Every heading and label the reports print, in both languages.
public enum ReportStrings {
    public static let scorecardTitle = LocalizedText(fr: "Fiche d'évaluation vigie", en: "vigie scorecard")
    public static let score = LocalizedText(fr: "Score", en: "Score")
    /// A partial audit, as a short label and as the sentence under the score.
    public static let partial = LocalizedText(fr: "audit partiel", en: "partial audit")
    public static let partialNote = LocalizedText(
        fr: "Audit partiel : des fichiers ou des commits n'ont pas pu être lus ; les vérifications qui en avaient besoin sont en erreur (voir repository.complete).",
        en: "Partial audit: some files or commits could not be read; the checks that needed them are errors (see repository.complete).")
    public static let grade = LocalizedText(fr: "Note", en: "Grade")
    public static let repository = LocalizedText(fr: "Dépôt", en: "Repository")
    public static let commit = LocalizedText(fr: "Commit", en: "Commit")
    public static let ruleset = LocalizedText(fr: "Jeu de règles", en: "Rule set")
    public static let asOf = LocalizedText(fr: "Évalué au", en: "As of")
    public static let check = LocalizedText(fr: "Vérification", en: "Check")
    public static let status = LocalizedText(fr: "Statut", en: "Status")
    public static let weight = LocalizedText(fr: "Poids", en: "Weight")
    public static let result = LocalizedText(fr: "Résultat", en: "Result")
    public static let toFix = LocalizedText(fr: "À corriger", en: "To fix")
    public static let fix = LocalizedText(fr: "Correction", en: "Fix")
    /// Before the `vigie fix --only <id>` command of a check vigie can fix itself (docs/fix.md).
    public static let automaticFix = LocalizedText(fr: "Correction automatique", en: "Automatic fix")
    public static let evidence = LocalizedText(fr: "Fichiers", en: "Files")
    public static let categories = LocalizedText(fr: "Catégories", en: "Categories")
    public static let allPassing = LocalizedText(fr: "Toutes les vérifications applicables passent.", en: "Every applicable check passes.")
    public static let noVerdict = LocalizedText(fr: "aucune vérification applicable", en: "no applicable check")
    /// A category whose checks carry no weight (repository integrity): they inform, they do not score.
    public static let informative = LocalizedText(fr: "pour information, hors score", en: "for information, not scored")
    public static let notScored = LocalizedText(fr: "non noté", en: "not scored")
    public static let shallow = LocalizedText(fr: "clone superficiel : l'historique est incomplet", en: "shallow clone: the history is incomplete")
    public static let empty = LocalizedText(fr: "dépôt vide : aucun commit publié", en: "empty repository: no commit yet")
    public static let detached = LocalizedText(fr: "HEAD détachée", en: "detached HEAD")
    public static let footer = LocalizedText(
        fr: "Produit par vigie à partir de l'arbre commité (jamais de la copie de travail). Score = poids obtenu / poids applicable × 100 ; un avertissement compte pour moitié.",
        en: "Produced by vigie from the committed tree (never the work tree). Score = earned weight / applicable weight × 100; a warning counts half.")

    public static let history = LocalizedText(fr: "Historique sur 12 mois", en: "History over 12 months")
    public static let contributor = LocalizedText(fr: "Contributeur ou contributrice", en: "Contributor")
    public static let commitsHeading = LocalizedText(fr: "Commits", en: "Commits")

    public static func commitsPerMonth(_ counts: [Int]) -> LocalizedText {
        let list = counts.map(String.init).joined(separator: " ")
        return LocalizedText(fr: "commits par mois : \(list)", en: "commits per month: \(list)")
    }

    public static func historyTotals(commits: Int, authors: Int) -> LocalizedText {
        LocalizedText(fr: "\(commits) commits par \(authors) personne\(authors > 1 ? "s" : "") dans l'historique.",
                      en: "\(commits) commits by \(authors) \(authors == 1 ? "person" : "people") in the history.")
    }

    public static func botCommits(_ count: Int) -> LocalizedText {
        LocalizedText(fr: "Plus \(count) commits de robots (comptés à part).", en: "Plus \(count) commits by bots (counted apart).")
    }

    public static func statusName(_ status: CheckStatus) -> LocalizedText {
        switch status {
        case .pass: LocalizedText(fr: "réussi", en: "pass")
        case .warn: LocalizedText(fr: "avertissement", en: "warning")
        case .fail: LocalizedText(fr: "échec", en: "fail")
        case .skip: LocalizedText(fr: "non applicable", en: "skipped")
        case .error: LocalizedText(fr: "erreur", en: "error")
        case .exempt: LocalizedText(fr: "exempté", en: "exempt")
        }
    }

    /// A symbol that carries the status without colour.
    public static func statusSymbol(_ status: CheckStatus) -> String {
        switch status {
        case .pass: "✔"
        case .warn: "⚠"
        case .fail: "✘"
        case .skip: "–"
        case .error: "‼"
        case .exempt: "◌"
        }
    }

    public static func summary(_ counts: StatusCounts) -> LocalizedText {
        // French puts 0 and 1 in the singular, English only 1.
        func fr(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count <= 1 ? one : many)" }
        func en(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        return LocalizedText(
            fr: [fr(counts.pass, "réussie", "réussies"), fr(counts.warn, "avertissement", "avertissements"),
                 fr(counts.fail, "échec", "échecs"), fr(counts.skip, "non applicable", "non applicables"),
                 fr(counts.error, "erreur", "erreurs")].joined(separator: ", ")
                + (counts.exempt > 0 ? ", " + fr(counts.exempt, "exemptée", "exemptées") : ""),
            en: [en(counts.pass, "passed", "passed"), en(counts.warn, "warning", "warnings"),
                 en(counts.fail, "failed", "failed"), en(counts.skip, "skipped", "skipped"),
                 en(counts.error, "error", "errors")].joined(separator: ", ")
                + (counts.exempt > 0 ? ", " + en(counts.exempt, "exempt", "exempt") : ""))
    }
}
