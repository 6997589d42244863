import VigieCore

/// Every label of the site, in French and English.
enum SiteStrings {
    static let skipLink = LocalizedText(fr: "Aller au contenu", en: "Skip to content")
    static let mainNavigation = LocalizedText(fr: "Navigation principale", en: "Main navigation")
    static let breadcrumb = LocalizedText(fr: "Fil d'Ariane", en: "Breadcrumb")
    static let repositories = LocalizedText(fr: "Dépôts", en: "Repositories")
    static let rules = LocalizedText(fr: "Règles", en: "Rules")
    static let fleet = LocalizedText(fr: "Flotte vigie", en: "vigie fleet")
    static let scorecard = LocalizedText(fr: "Fiche d'évaluation vigie", en: "vigie scorecard")
    static let team = LocalizedText(fr: "Équipe", en: "Team")
    static let trend = LocalizedText(fr: "Évolution", en: "Trend")
    static let topFailing = LocalizedText(fr: "Principaux échecs", en: "Top failing checks")
    static let categories = LocalizedText(fr: "Catégories", en: "Categories")
    static let category = LocalizedText(fr: "Catégorie", en: "Category")
    static let notAudited = LocalizedText(fr: "Dépôts non audités", en: "Repositories not audited")
    static let allAudited = LocalizedText(fr: "Tous les dépôts ont été audités.", en: "Every repository was audited.")
    static let reason = LocalizedText(fr: "Raison", en: "Reason")
    static let regressions = LocalizedText(fr: "Régressions depuis le run précédent", en: "Regressions since the previous run")
    static let passRate = LocalizedText(fr: "Taux de réussite", en: "Pass rate")
    static let passedOfApplicable = LocalizedText(fr: "Réussies / applicables", en: "Passed / applicable")
    static let failures = LocalizedText(fr: "Échecs", en: "Failures")
    static let rule = LocalizedText(fr: "Règle", en: "Rule")
    static let weight = LocalizedText(fr: "Poids", en: "Weight")
    static let source = LocalizedText(fr: "Source", en: "Source")
    static let commitDate = LocalizedText(fr: "Date du commit", en: "Commit date")
    static let revision = LocalizedText(fr: "Révision", en: "Revision")
    static let checks = LocalizedText(fr: "Vérifications", en: "Checks")
    static let toFix = LocalizedText(fr: "À corriger", en: "To fix")
    static let exemptions = LocalizedText(fr: "Exemptions", en: "Exemptions")
    static let scoreHistory = LocalizedText(fr: "Évolution du score", en: "Score history")
    static let activity = LocalizedText(fr: "Activité sur 12 mois", en: "Activity over 12 months")
    static let chartData = LocalizedText(fr: "Données du graphique", en: "Chart data")
    static let month = LocalizedText(fr: "Mois", en: "Month")
    static let date = LocalizedText(fr: "Date", en: "Date")
    static let contributors = LocalizedText(fr: "Contributeurs et contributrices", en: "Contributors")
    static let person = LocalizedText(fr: "Personne", en: "Person")
    static let noScorecard = LocalizedText(fr: "La fiche détaillée de ce dépôt est introuvable dans les données publiées.",
                                           en: "This repository's detailed scorecard is missing from the published data.")
    static let failingRepositories = LocalizedText(fr: "Dépôts en échec", en: "Failing repositories")
    static let otherRepositories = LocalizedText(fr: "Autres dépôts", en: "Other repositories")
    static let noFailure = LocalizedText(fr: "Aucun dépôt n'échoue à cette règle.", en: "No repository fails this rule.")
    static let fix = LocalizedText(fr: "Correction", en: "Fix")
    static let grantedBy = LocalizedText(fr: "Accordée par", en: "Granted by")
    static let until = LocalizedText(fr: "Jusqu'au", en: "Until")
    static let otherwise = LocalizedText(fr: "Statut sans exemption", en: "Status without the exemption")
    static let noExemption = LocalizedText(fr: "Aucune exemption.", en: "No exemption.")
    static let new = LocalizedText(fr: "nouveau", en: "new")
    static let up = LocalizedText(fr: "en hausse", en: "up")
    static let down = LocalizedText(fr: "en baisse", en: "down")
    static let stable = LocalizedText(fr: "stable", en: "unchanged")
    static let filterLabel = LocalizedText(fr: "Filtrer le tableau", en: "Filter the table")
    static let sortedBy = LocalizedText(fr: "Tableau trié par", en: "Table sorted by")
    static let ascending = LocalizedText(fr: "ordre croissant", en: "ascending")
    static let descending = LocalizedText(fr: "ordre décroissant", en: "descending")
    static let rowsShown = LocalizedText(fr: "lignes affichées sur", en: "rows shown out of")
    static let enhancementHint = LocalizedText(
        fr: "Cliquez sur un en-tête de colonne pour trier ; le champ ci-dessus filtre les lignes.",
        en: "Select a column heading to sort; the field above filters the rows.")

    static let cohort = LocalizedText(fr: "Promotion", en: "Cohort")
    static let teams = LocalizedText(fr: "Équipes", en: "Teams")
    static let teamsCaption = LocalizedText(fr: "Équipes : promotions, nombre de dépôts, dépôts en erreur et score moyen",
                                            en: "Teams: cohorts, number of repositories, repositories in error and average score")
    static let fixFirst = LocalizedText(fr: "À corriger en premier", en: "Fix first")
    static let all = LocalizedText(fr: "Toutes", en: "All")
    static let errorState = LocalizedText(fr: "erreur", en: "error")
    static let overview = LocalizedText(fr: "Vue d'ensemble", en: "Overview")
    static let gradeDistribution = LocalizedText(fr: "Répartition des notes", en: "Grade distribution")
    static let averageOverRuns = LocalizedText(fr: "Score moyen de la flotte au fil des runs", en: "The fleet's average score over runs")
    static let averageScore = LocalizedText(fr: "Score moyen", en: "Average score")
    static let oneRunOnly = LocalizedText(fr: "Un seul run pour l'instant : l'évolution du score moyen apparaîtra au prochain.",
                                          en: "Only one run so far: the average score's trend will show from the next one.")
    static let exportsLead = LocalizedText(fr: "Exporter pour un tableur :", en: "Export for a spreadsheet:")
    static let indexCSVNote = LocalizedText(fr: "un dépôt par ligne", en: "one repository per line")
    static let checksCSVNote = LocalizedText(fr: "une vérification par ligne", en: "one check per line")
    static let howToFix = LocalizedText(fr: "Comment corriger", en: "How to fix")
    static let warningRepositories = LocalizedText(fr: "Dépôts en avertissement", en: "Repositories with a warning")
    static let nothingToFix = LocalizedText(fr: "Aucune règle ne coûte de points : rien à corriger.", en: "No rule costs any score: nothing to fix.")
    static let fixFirstExplanation = LocalizedText(
        fr: "Les règles sont classées selon les points de score qu'elles coûtent à la flotte, comptés comme le score les compte : pour chaque dépôt, un échec retire poids ÷ poids applicable × 100 points, un avertissement la moitié. Le coût d'une règle est la somme sur les dépôts ; divisé par le nombre de dépôts notés, c'est ce que gagnerait le score moyen si tous la respectaient.",
        en: "Rules are ranked by the score points they cost the fleet, counted the way the score counts them: in each repository, a failure takes weight ÷ applicable weight × 100 points off, a warning half of that. A rule's cost is the sum over the repositories; divided by the number of scored repositories, it is what the average score would gain if every repository passed it.")

    static func allFixFirst(_ count: Int) -> LocalizedText {
        LocalizedText(fr: "Les \(count) règles à corriger, avec les dépôts concernés et la correction", en: "All \(count) rules to fix, with the repositories and the fix")
    }

    static func costLine(failing: Int, warning: Int, weight: Int, points: String, gain: String) -> LocalizedText {
        let warnFR = warning > 0 ? " et \(warning) en avertissement" : "", warnEN = warning > 0 ? " and \(warning) with a warning" : ""
        return LocalizedText(
            fr: "\(failing) dépôt\(failing > 1 ? "s" : "") en échec\(warnFR) · poids \(weight) · coût \(points) points (score moyen +\(gain))",
            en: "\(failing) failing repositor\(failing == 1 ? "y" : "ies")\(warnEN) · weight \(weight) · costs \(points) points (average score +\(gain))")
    }

    static func sparklineLabel(_ points: [(day: String, score: Int)]) -> LocalizedText {
        LocalizedText(fr: "Score aux derniers runs : " + points.map { "\($0.score) le \($0.day)" }.joined(separator: ", "),
                      en: "Score at the last runs: " + points.map { "\($0.score) on \($0.day)" }.joined(separator: ", "))
    }

    static func gradeDistributionDescription(_ counts: [(label: String, count: Int)]) -> LocalizedText {
        let list = counts.map { "\($0.label) : \($0.count)" }
        return LocalizedText(fr: "Dépôts par note — " + list.joined(separator: ", "),
                             en: "Repositories per grade — " + list.map { $0.replacingOccurrences(of: " : ", with: ": ") }.joined(separator: ", "))
    }

    static func averageDescription(_ points: [(day: String, average: Int)]) -> LocalizedText {
        guard let first = points.first, let last = points.last else { return LocalizedText(fr: "Aucun relevé.", en: "No data point.") }
        return LocalizedText(fr: "Score moyen de \(first.average) le \(first.day) à \(last.average) le \(last.day), \(points.count) runs.",
                             en: "Average score from \(first.average) on \(first.day) to \(last.average) on \(last.day), \(points.count) runs.")
    }

    static func teamLine(count: Int, average: Int?) -> LocalizedText {
        let value = average.map(String.init) ?? "—"
        return LocalizedText(fr: "\(count) dépôt\(count > 1 ? "s" : "") · score moyen \(value)",
                             en: "\(count) repositor\(count == 1 ? "y" : "ies") · average score \(value)")
    }

    static func footer(_ model: SiteModel) -> LocalizedText {
        LocalizedText(
            fr: "Produit par vigie \(model.tool.version) (libgit2 \(model.tool.libgit2)) à partir de l'arbre commité de chaque dépôt, jeu de règles \(model.ruleset), au \(model.asOf.iso). Score = poids obtenu / poids applicable × 100 ; un avertissement compte pour moitié.",
            en: "Produced by vigie \(model.tool.version) (libgit2 \(model.tool.libgit2)) from each repository's committed tree, rule set \(model.ruleset), as of \(model.asOf.iso). Score = earned weight / applicable weight × 100; a warning counts half.")
    }

    static func headline(_ model: SiteModel) -> LocalizedText {
        let average = model.averageScore.map(String.init) ?? "—"
        let count = model.repositories.count, audited = model.audited.count, failed = model.failed.count
        return LocalizedText(
            fr: "Au \(model.asOf.iso) · jeu de règles \(model.ruleset) · \(count) dépôt\(count > 1 ? "s" : "") : \(audited) audité\(audited > 1 ? "s" : ""), \(failed) en erreur · score moyen \(average)",
            en: "As of \(model.asOf.iso) · rule set \(model.ruleset) · \(count) repositor\(count == 1 ? "y" : "ies"): \(audited) audited, \(failed) with errors · average score \(average)")
    }

    static func scoreLine(_ score: Int?, _ grade: Grade?) -> LocalizedText {
        guard let score, let grade else { return ReportStrings.notScored }
        return LocalizedText(fr: "Score \(score) sur 100, note \(grade.rawValue)", en: "Score \(score) out of 100, grade \(grade.rawValue)")
    }

    static func passRateLine(_ rule: SiteModel.Rule) -> LocalizedText {
        guard let rate = rule.passRate else {
            return LocalizedText(fr: "Cette règle ne s'applique à aucun dépôt audité.", en: "This rule applies to no audited repository.")
        }
        return LocalizedText(fr: "Taux de réussite : \(rate) % (\(rule.passed) sur \(rule.applicable) dépôts où elle s'applique).",
                             en: "Pass rate: \(rate)% (\(rule.passed) of the \(rule.applicable) repositories it applies to).")
    }

    static func percent(_ value: Int, _ l: Language) -> String { l == .fr ? "\(value) %" : "\(value)%" }

    static func repositoriesCaption(_ l: Language) -> String {
        LocalizedText(fr: "Dépôts : note et score, évolution sur les derniers runs, note et score de chaque catégorie",
                      en: "Repositories: grade and score, trend over the last runs, grade and score of each category")[l]
    }

    static func historyDescription(_ points: [ScorePoint]) -> LocalizedText {
        guard let first = points.first, let last = points.last else {
            return LocalizedText(fr: "Aucun relevé.", en: "No data point.")
        }
        let from = first.score.map(String.init) ?? "—", to = last.score.map(String.init) ?? "—"
        return LocalizedText(fr: "Score de \(from) le \(first.asOf.iso) à \(to) le \(last.asOf.iso), \(points.count) relevés.",
                             en: "Score from \(from) on \(first.asOf.iso) to \(to) on \(last.asOf.iso), \(points.count) data points.")
    }

    static func activityDescription(_ labels: [String], _ counts: [Int]) -> LocalizedText {
        let total = counts.reduce(0, +), busiest = counts.max() ?? 0
        let first = labels.first ?? "", last = labels.last ?? ""
        return LocalizedText(fr: "\(total) commits de \(first) à \(last) ; au plus \(busiest) en un mois.",
                             en: "\(total) commits from \(first) to \(last); at most \(busiest) in one month.")
    }
}
