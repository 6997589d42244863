import VigieCore

/// `index.html`: every audited repository with its score, grade, trend and categories (sortable
/// and filterable with JavaScript), the regressions, each rule's pass rate, and the repositories that
/// could not be audited with the reason.
enum IndexPage {
    static func render(_ model: SiteModel, _ l: Language) -> String {
        let dataLang = HTML.langAttribute(model.dataLanguage, in: l)
        let title = model.isFleet ? "\(SiteStrings.fleet[l]) : \(model.title)".replacingSpaceBeforeColon(for: l) : model.title
        var body = "<h1>\(escapeHTML(title))</h1>\n"
        body += "<p class=\"lede\">\(escapeHTML(SiteStrings.headline(model)[l]))</p>\n"

        if model.isFleet {
            body += "<p class=\"exports\">\(SiteStrings.exportsLead[l]) <a href=\"index.csv\">index.csv</a> "
                + "<span class=\"exports-note\">(\(SiteStrings.indexCSVNote[l]))</span> · <a href=\"checks.csv\">checks.csv</a> "
                + "<span class=\"exports-note\">(\(SiteStrings.checksCSVNote[l]))</span></p>\n"
            body += "<section>\n<h2 id=\"overview-title\">\(SiteStrings.overview[l])</h2>\n"
            body += CohortCharts.render(model, l)
            body += "</section>\n"
        }

        body += "<section>\n<h2 id=\"repositories-title\">\(SiteStrings.repositories[l])</h2>\n"
        body += RepositoryMatrix.render(model.repositories, model, l, root: "", id: "repositories", caption: SiteStrings.repositoriesCaption(l))
        body += "</section>\n"

        body += FixFirstPage.summary(FixFirst(model), model, l, limit: 5)

        if !model.teams.isEmpty {
            body += "<section>\n<h2 id=\"teams-title\">\(SiteStrings.teams[l])</h2>\n"
            body += TeamPages.table(model, l, root: "")
            body += "</section>\n"
        }

        let regressions = model.audited.filter { ($0.change ?? 0) < 0 }
        if !regressions.isEmpty {
            body += "<section>\n<h2 id=\"regressions-title\">\(SiteStrings.regressions[l])</h2>\n<ul>\n"
            for repository in regressions {
                body += "<li><a href=\"repositories/\(repository.page).html\">\(escapeHTML(repository.name))</a> : \(repository.previousScore ?? 0) → \(repository.score ?? 0) (−\(-(repository.change ?? 0)))</li>\n"
                    .replacingSpaceBeforeColon(for: l)
            }
            body += "</ul>\n</section>\n"
        }

        body += "<section>\n<h2 id=\"rules-title\">\(SiteStrings.rules[l])</h2>\n"
        body += RulesIndexPage.table(model, l, root: "", dataLang: dataLang)
        body += "</section>\n"

        if model.isFleet {
            body += "<section>\n<h2 id=\"errors-title\">\(SiteStrings.notAudited[l])</h2>\n"
            if model.failed.isEmpty {
                body += "<p>\(SiteStrings.allAudited[l])</p>\n"
            } else {
                let rows = model.failed.map { "<tr><th scope=\"row\">\(escapeHTML($0.name))</th><td>\(escapeHTML($0.error ?? ""))</td></tr>" }
                body += HTML.table(id: "errors", caption: SiteStrings.notAudited[l], head: [ReportStrings.repository[l], SiteStrings.reason[l]],
                                   rows: rows, l: l, captionHidden: true)
            }
            body += "</section>\n"
        }
        return HTMLPage(title: title, root: "", section: .repositories, isSectionIndex: true, breadcrumb: [], language: l)
            .render(model: model, body: body)
    }
}

/// `rules/index.html`: every rule with its pass rate across the audited repositories.
enum RulesIndexPage {
    static func render(_ model: SiteModel, _ l: Language) -> String {
        let dataLang = HTML.langAttribute(model.dataLanguage, in: l)
        var body = "<h1>\(SiteStrings.rules[l])</h1>\n"
        body += "<p class=\"lede\">\(escapeHTML(SiteStrings.headline(model)[l]))</p>\n"
        body += table(model, l, root: "../", dataLang: dataLang)
        return HTMLPage(title: SiteStrings.rules[l], root: "../", section: .rules, isSectionIndex: true,
                        breadcrumb: [(SiteStrings.repositories[l], "../index.html")], language: l)
            .render(model: model, body: body)
    }

    /// The rules table, least passed first (then by id), shared with the index page.
    static func table(_ model: SiteModel, _ l: Language, root: String, dataLang: String) -> String {
        let rules = model.rules.sorted { lhs, rhs in
            let left = lhs.passRate ?? 101, right = rhs.passRate ?? 101
            return left != right ? left < right : lhs.id < rhs.id
        }
        let rows = rules.map { rule -> String in
            var row = "<tr><th scope=\"row\"><a href=\"\(root)rules/\(rule.page).html\"><span\(dataLang)>\(escapeHTML(rule.title))</span></a> <code>\(escapeHTML(rule.id))</code></th>"
            row += "<td>\(escapeHTML(model.categoryTitle(rule.category, l)))</td>"
            row += HTML.numberCell(rule.passRate, rule.passRate.map { SiteStrings.percent($0, l) })
            row += "<td class=\"num\">\(rule.passed) / \(rule.applicable)</td>"
            row += HTML.numberCell(rule.failing)
            return row + "</tr>"
        }
        let id = root.isEmpty ? "rules" : "all-rules"
        return HTML.table(id: id, caption: SiteStrings.rules[l] + " — " + SiteStrings.passRate[l].lowercased(),
                          head: [SiteStrings.rule[l], SiteStrings.category[l], SiteStrings.passRate[l], SiteStrings.passedOfApplicable[l], SiteStrings.failures[l]],
                          rows: rows, sortable: true, numeric: [2, 3, 4], l: l)
    }
}
