import VigieCore

/// `fix-first.html`: the rules that cost the cohort the most score, most costly first (`FixFirst`
/// says how the cost is counted), each with its failing and warning repositories (linked) and the
/// rule's fix. The index shows the first five.
enum FixFirstPage {
    static func render(_ model: SiteModel, _ l: Language) -> String {
        let data = HTML.langAttribute(model.dataLanguage, in: l)
        let ranking = FixFirst(model)
        var body = "<h1>\(SiteStrings.fixFirst[l])</h1>\n"
        body += "<p class=\"lede\">\(escapeHTML(SiteStrings.headline(model)[l]))</p>\n"
        body += "<p>\(escapeHTML(SiteStrings.fixFirstExplanation[l]))</p>\n"
        if ranking.items.isEmpty {
            body += "<p>\(SiteStrings.nothingToFix[l])</p>\n"
        } else {
            body += "<ol class=\"fix-first\">\n"
            for (rank, item) in ranking.items.enumerated() {
                body += entry(item, rank: rank + 1, ranking, model, l, data)
            }
            body += "</ol>\n"
        }
        return HTMLPage(title: SiteStrings.fixFirst[l], root: "", section: .fixFirst, isSectionIndex: true,
                        breadcrumb: [(SiteStrings.repositories[l], "index.html")], language: l)
            .render(model: model, body: body)
    }

    private static func entry(_ item: FixFirst.Item, rank: Int, _ ranking: FixFirst, _ model: SiteModel, _ l: Language, _ data: String) -> String {
        let rule = item.rule
        var out = "<li class=\"fix-item\" data-rule=\"\(escapeHTML(rule.id))\" data-points=\"\(Int((item.points * 1000).rounded()))\">\n"
        out += "<h2 id=\"rank-\(rank)\"><a href=\"rules/\(rule.page).html\"><span\(data)>\(escapeHTML(rule.title))</span></a> <code>\(escapeHTML(rule.id))</code></h2>\n"
        let cost = SiteStrings.costLine(failing: item.failing.count, warning: item.warning.count, weight: rule.weight ?? 0,
                                        points: FixFirst.decimal(item.points, l), gain: FixFirst.decimal(ranking.averageGain(item), l))[l]
        out += "<p class=\"fix-cost\">\(escapeHTML(cost))"
        out += " · \(escapeHTML(model.categoryTitle(rule.category, l)))</p>\n"
        if let remediation = rule.remediation {
            out += "<p><strong>\(SiteStrings.howToFix[l]) :</strong> <span\(data)>\(escapeHTML(remediation))</span></p>\n".replacingSpaceBeforeColon(for: l)
        }
        // The command the scorecards carry for this rule (`checks[].fix`), to run in each repository listed.
        if let command = rule.results.lazy.compactMap(\.check.fix).first {
            out += "<p><strong>\(ReportStrings.automaticFix[l]) :</strong> <code>\(escapeHTML(command))</code></p>\n".replacingSpaceBeforeColon(for: l)
        }
        out += repositoryList(SiteStrings.failingRepositories[l], item.failing)
        out += repositoryList(SiteStrings.warningRepositories[l], item.warning)
        return out + "</li>\n"
    }

    private static func repositoryList(_ label: String, _ repositories: [SiteModel.Repository]) -> String {
        guard !repositories.isEmpty else { return "" }
        let links = repositories.map { "<li><a href=\"repositories/\($0.page).html\">\(escapeHTML($0.name))</a></li>" }
        return "<p class=\"fix-list-label\">\(label) (\(repositories.count))</p>\n<ul class=\"inline-list\">\(links.joined())</ul>\n"
    }

    /// The first `limit` rules, for the index.
    static func summary(_ ranking: FixFirst, _ model: SiteModel, _ l: Language, limit: Int) -> String {
        guard model.isFleet else { return "" }
        let data = HTML.langAttribute(model.dataLanguage, in: l)
        var out = "<section>\n<h2 id=\"fix-first-title\">\(SiteStrings.fixFirst[l])</h2>\n"
        guard !ranking.items.isEmpty else { return out + "<p>\(SiteStrings.nothingToFix[l])</p>\n</section>\n" }
        out += "<ol class=\"fix-summary\">\n"
        for (rank, item) in ranking.items.prefix(limit).enumerated() {
            out += "<li><a href=\"fix-first.html#rank-\(rank + 1)\"><span\(data)>\(escapeHTML(item.rule.title))</span></a> <code>\(escapeHTML(item.rule.id))</code> — "
            out += escapeHTML(SiteStrings.costLine(failing: item.failing.count, warning: item.warning.count, weight: item.rule.weight ?? 0,
                                                   points: FixFirst.decimal(item.points, l), gain: FixFirst.decimal(ranking.averageGain(item), l))[l])
            out += "</li>\n"
        }
        out += "</ol>\n<p><a href=\"fix-first.html\">\(SiteStrings.allFixFirst(ranking.items.count)[l])</a></p>\n"
        return out + "</section>\n"
    }
}
