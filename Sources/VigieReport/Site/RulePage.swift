import VigieCore

/// `rules/<id>.html`: one rule, its pass rate, the repositories that fail it (with the message and
/// evidence each got), the others, and the fix.
enum RulePage {
    static func render(_ rule: SiteModel.Rule, _ model: SiteModel, _ l: Language) -> String {
        let data = HTML.langAttribute(model.dataLanguage, in: l)
        var body = "<h1><span\(data)>\(escapeHTML(rule.title))</span></h1>\n"
        var meta = ["<code>\(escapeHTML(rule.id))</code>", escapeHTML(model.categoryTitle(rule.category, l))]
        if let weight = rule.weight { meta.append("\(SiteStrings.weight[l]) \(weight)") }
        body += "<p class=\"lede\">\(meta.joined(separator: " · "))</p>\n"
        body += "<p>\(escapeHTML(SiteStrings.passRateLine(rule)[l]))</p>\n"
        if let remediation = rule.remediation {
            body += "<p><strong>\(SiteStrings.fix[l]) :</strong> <span\(data)>\(escapeHTML(remediation))</span></p>\n".replacingSpaceBeforeColon(for: l)
        }
        let failing = rule.results.filter { $0.check.status == .fail }
        let others = rule.results.filter { $0.check.status != .fail }
        body += "<section>\n<h2 id=\"failing-title\">\(SiteStrings.failingRepositories[l])</h2>\n"
        body += failing.isEmpty ? "<p>\(SiteStrings.noFailure[l])</p>\n" : table(id: "failing", caption: SiteStrings.failingRepositories[l], failing, l, data)
        body += "</section>\n"
        if !others.isEmpty {
            body += "<section>\n<h2 id=\"others-title\">\(SiteStrings.otherRepositories[l])</h2>\n"
            body += table(id: "others", caption: SiteStrings.otherRepositories[l], others, l, data)
            body += "</section>\n"
        }
        return HTMLPage(title: rule.title, root: "../", section: .rules, isSectionIndex: false,
                        breadcrumb: [(SiteStrings.repositories[l], "../index.html"), (SiteStrings.rules[l], "index.html")], language: l)
            .render(model: model, body: body)
    }

    private static func table(id: String, caption: String, _ results: [(repository: SiteModel.Repository, check: CheckResult)],
                              _ l: Language, _ data: String) -> String {
        let rows = results.map { result -> String in
            "<tr><th scope=\"row\"><a href=\"../repositories/\(result.repository.page).html\">\(escapeHTML(result.repository.name))</a></th>"
                + "<td data-value=\"\(SiteModel.severity(result.check.status))\">\(HTML.status(result.check.status, l))</td>"
                + "<td><span\(data)>\(escapeHTML(result.check.message))</span>\(HTML.evidence(result.check.evidence))</td></tr>"
        }
        return HTML.table(id: id, caption: caption, head: [ReportStrings.repository[l], ReportStrings.status[l], ReportStrings.result[l]],
                          rows: rows, l: l, captionHidden: true)
    }
}
