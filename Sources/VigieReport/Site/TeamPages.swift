import VigieCore

/// `teams/index.html`, every team with its repositories and average score, and `teams/<team>.html`,
/// one team's repositories in the cohort matrix and the rules that cost it the most.
enum TeamPages {
    static func average(_ repositories: [SiteModel.Repository]) -> Int? {
        let scores = repositories.filter(\.audited).compactMap(\.score)
        guard !scores.isEmpty else { return nil }
        return Int((Double(scores.reduce(0, +)) / Double(scores.count)).rounded())
    }

    static func table(_ model: SiteModel, _ l: Language, root: String) -> String {
        let rows = model.teams.map { team -> String in
            let average = average(team.repositories)
            let cohorts = Set(team.repositories.compactMap(\.cohort).filter { !$0.isEmpty }).sorted().map(escapeHTML).joined(separator: ", ")
            let failed = team.repositories.filter { !$0.audited }.count
            return "<tr><th scope=\"row\"><a href=\"\(root)teams/\(team.page).html\">\(escapeHTML(team.name))</a></th>"
                + "<td>\(cohorts)</td>\(HTML.numberCell(team.repositories.count))\(HTML.numberCell(failed))"
                + "<td class=\"num\" data-value=\"\(average.map(String.init) ?? "")\">\(HTML.grade(average.map(Grade.init(score:)), l)) \(average.map(String.init) ?? "")</td></tr>"
        }
        return HTML.table(id: root.isEmpty ? "teams" : "all-teams", caption: SiteStrings.teamsCaption[l],
                          head: [SiteStrings.team[l], SiteStrings.cohort[l], SiteStrings.repositories[l], SiteStrings.errorState[l].capitalized, SiteStrings.averageScore[l]],
                          rows: rows, sortable: true, numeric: [2, 3, 4], l: l)
    }

    static func index(_ model: SiteModel, _ l: Language) -> String {
        var body = "<h1>\(SiteStrings.teams[l])</h1>\n"
        body += "<p class=\"lede\">\(escapeHTML(SiteStrings.headline(model)[l]))</p>\n"
        body += table(model, l, root: "../")
        return HTMLPage(title: SiteStrings.teams[l], root: "../", section: .teams, isSectionIndex: true,
                        breadcrumb: [(SiteStrings.repositories[l], "../index.html")], language: l)
            .render(model: model, body: body)
    }

    static func page(_ team: SiteModel.Team, _ model: SiteModel, _ l: Language) -> String {
        let data = HTML.langAttribute(model.dataLanguage, in: l)
        let title = "\(SiteStrings.team[l]) : \(team.name)".replacingSpaceBeforeColon(for: l)
        var body = "<h1>\(escapeHTML(title))</h1>\n"
        let average = average(team.repositories)
        body += "<p class=\"lede\">\(escapeHTML(SiteStrings.teamLine(count: team.repositories.count, average: average)[l]))</p>\n"
        body += "<section>\n<h2 id=\"repositories-title\">\(SiteStrings.repositories[l])</h2>\n"
        body += RepositoryMatrix.render(team.repositories, model, l, root: "../", id: "repositories",
                                        caption: escapeHTML(title) + " — " + SiteStrings.repositoriesCaption(l))
        body += "</section>\n"
        // The team's own ranking: the same cost, counted over its repositories only.
        let names = Set(team.repositories.map(\.name))
        let teamRanking = FixFirst(model, only: names)
        body += "<section>\n<h2 id=\"fix-first-title\">\(SiteStrings.fixFirst[l])</h2>\n"
        if teamRanking.items.isEmpty {
            body += "<p>\(SiteStrings.nothingToFix[l])</p>\n"
        } else {
            body += "<ol class=\"fix-summary\">\n"
            for item in teamRanking.items.prefix(10) {
                let links = (item.failing + item.warning).map { "<a href=\"../repositories/\($0.page).html\">\(escapeHTML($0.name))</a>" }
                body += "<li><a href=\"../rules/\(item.rule.page).html\"><span\(data)>\(escapeHTML(item.rule.title))</span></a> <code>\(escapeHTML(item.rule.id))</code> — "
                    + escapeHTML(SiteStrings.costLine(failing: item.failing.count, warning: item.warning.count, weight: item.rule.weight ?? 0,
                                                      points: FixFirst.decimal(item.points, l), gain: FixFirst.decimal(teamRanking.averageGain(item), l))[l])
                    + " : \(links.joined(separator: ", "))</li>\n".replacingSpaceBeforeColon(for: l)
            }
            body += "</ol>\n"
        }
        body += "</section>\n"
        return HTMLPage(title: title, root: "../", section: .teams, isSectionIndex: false,
                        breadcrumb: [(SiteStrings.repositories[l], "../index.html"), (SiteStrings.teams[l], "index.html")], language: l)
            .render(model: model, body: body)
    }
}
