public import VigieCore

/// `vigie site`: a static website from a fleet output folder or a single scorecard. The result is
/// a list of files (path relative to the output folder, contents), sorted by path; the same input
/// always gives the same bytes (no clock, no randomness, sorted everything).
public enum SiteBuilder {
    public static func build(_ input: PublishedInput, language: Language) -> [(path: String, contents: String)] {
        let model: SiteModel = switch input {
        case .scorecard(let card, _): SiteModel(scorecard: card)
        case .fleet(let index, let scorecards, _): SiteModel(index: index, scorecards: scorecards)
        }
        return build(model, language)
    }

    /// Builds from an index and its scorecards (by entry name) directly.
    public static func build(index: FleetIndex, scorecards: [String: Scorecard], language: Language) -> [(path: String, contents: String)] {
        build(SiteModel(index: index, scorecards: scorecards), language)
    }

    static func build(_ model: SiteModel, _ l: Language) -> [(path: String, contents: String)] {
        var files: [(path: String, contents: String)] = [
            ("index.html", IndexPage.render(model, l)),
            ("rules/index.html", RulesIndexPage.render(model, l)),
            ("assets/vigie.css", SiteAssets.css),
            ("assets/vigie.js", SiteAssets.javascript),
        ]
        if model.isFleet {
            files += [
                ("fix-first.html", FixFirstPage.render(model, l)),
                ("index.csv", SiteExports.indexCSV(model, l)),
                ("checks.csv", SiteExports.checksCSV(model, l)),
            ]
            if !model.teams.isEmpty { files.append(("teams/index.html", TeamPages.index(model, l))) }
            for team in model.teams { files.append(("teams/\(team.page).html", TeamPages.page(team, model, l))) }
        }
        for repository in model.audited {
            files.append(("repositories/\(repository.page).html", RepositoryPage.render(repository, model, l)))
        }
        for rule in model.rules {
            files.append(("rules/\(rule.page).html", RulePage.render(rule, model, l)))
        }
        return files.sorted { $0.path < $1.path }
    }
}
