import VigieCore

/// `repositories/<name>.html`: one repository's scorecard — headline, what was audited, categories,
/// score history (from the fleet index), activity (from `facts.activity`), every check with its
/// status, message and evidence, what to fix, and the exemptions.
enum RepositoryPage {
    static func render(_ repository: SiteModel.Repository, _ model: SiteModel, _ l: Language) -> String {
        let data = HTML.langAttribute(model.dataLanguage, in: l)
        var body = "<h1>\(escapeHTML(repository.name))</h1>\n"
        body += "<p class=\"headline\">\(HTML.grade(repository.grade, l)) <span class=\"score\">\(escapeHTML(SiteStrings.scoreLine(repository.score, repository.grade)[l]))</span></p>\n"
        if repository.partial { body += "<p class=\"partial-note\" role=\"note\">⚠ \(escapeHTML(ReportStrings.partialNote[l]))</p>\n" }
        guard let card = repository.card else {
            body += "<p>\(SiteStrings.noScorecard[l])</p>\n"
            body += history(repository, l)
            return page(repository, model, l, body)
        }
        body += summary(card, repository, model, l)
        body += categories(card, model, l)
        body += history(repository, l)
        body += activity(card, l)
        body += checks(card, model, l, data)
        body += toFix(card, model, l, data)
        body += exemptions(card, model, l, data)
        return page(repository, model, l, body)
    }

    private static func page(_ repository: SiteModel.Repository, _ model: SiteModel, _ l: Language, _ body: String) -> String {
        HTMLPage(title: repository.name, root: "../", section: .repositories, isSectionIndex: false,
                 breadcrumb: [(model.isFleet ? model.title : SiteStrings.repositories[l], "../index.html")], language: l)
            .render(model: model, body: body)
    }

    static func summary(_ card: Scorecard, _ repository: SiteModel.Repository, _ model: SiteModel, _ l: Language) -> String {
        let info = card.repository
        var rows: [(String, String)] = [(SiteStrings.source[l], "<code>\(escapeHTML(info.source))</code>")]
        if let team = model.teams.first(where: { $0.name == repository.team }) {
            rows.append((SiteStrings.team[l], "<a href=\"../teams/\(team.page).html\">\(escapeHTML(team.name))</a>"))
        }
        if let cohort = repository.cohort, !cohort.isEmpty { rows.append((SiteStrings.cohort[l], escapeHTML(cohort))) }
        let branch = info.branch.map { " (\(escapeHTML($0)))" } ?? ""
        if let commit = info.commit {
            rows.append((ReportStrings.commit[l], "<code>\(escapeHTML(commit))</code>"))
            rows.append((SiteStrings.revision[l], "<code>\(escapeHTML(info.ref))</code>\(branch)"))
            rows.append((SiteStrings.commitDate[l], escapeHTML(info.commitDate ?? "—")))
        } else {
            rows.append((ReportStrings.commit[l], ReportStrings.empty[l]))
        }
        rows.append((ReportStrings.ruleset[l], escapeHTML("\(card.ruleset.id) \(card.ruleset.version)")))
        rows.append((ReportStrings.asOf[l], card.asOf.iso))
        rows.append((ReportStrings.result[l], escapeHTML(ReportStrings.summary(card.summary)[l])))
        if info.shallow { rows.append(("⚠", ReportStrings.shallow[l])) }
        return "<dl class=\"facts\">\n" + rows.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }.joined(separator: "\n") + "\n</dl>\n"
    }

    static func categories(_ card: Scorecard, _ model: SiteModel, _ l: Language) -> String {
        let rows = card.categories.map { category in
            "<tr><th scope=\"row\">\(escapeHTML(model.categoryTitle(category.id, l)))</th>\(HTML.numberCell(category.score))<td>\(HTML.grade(category.grade, l))</td></tr>"
        }
        return "<section>\n<h2 id=\"categories-title\">\(SiteStrings.categories[l])</h2>\n"
            + HTML.table(id: "categories", caption: SiteStrings.categories[l], head: [SiteStrings.category[l], ReportStrings.score[l], ReportStrings.grade[l]],
                         rows: rows, numeric: [1], l: l, captionHidden: true)
            + "</section>\n"
    }

    /// The score at each run of the fleet (index.json's history): a chart and its data.
    static func history(_ repository: SiteModel.Repository, _ l: Language) -> String {
        let points = repository.history
        guard !points.isEmpty else { return "" }
        var out = "<section>\n<h2 id=\"history-title\">\(SiteStrings.scoreHistory[l])</h2>\n"
        let description = SiteStrings.historyDescription(points)[l]
        out += "<figure>\n"
        if points.count >= 2 {
            out += SVGChart.lines(id: "chart-history", title: SiteStrings.scoreHistory[l], description: description,
                                  labels: points.map(\.asOf.iso), series: [SVGChart.Series(name: ReportStrings.score[l], values: points.map(\.score))],
                                  legend: false)
        }
        out += "<figcaption>\(escapeHTML(description))</figcaption>\n</figure>\n"
        let rows = points.map { point in
            "<tr><th scope=\"row\">\(point.asOf.iso)</th>\(HTML.numberCell(point.score))<td>\(HTML.grade(point.grade, l))</td><td><code>\(escapeHTML(String((point.commit ?? "—").prefix(12))))</code></td></tr>"
        }
        out += "<details>\n<summary>\(SiteStrings.chartData[l])</summary>\n"
        out += HTML.table(id: "history-data", caption: SiteStrings.scoreHistory[l], head: [SiteStrings.date[l], ReportStrings.score[l], ReportStrings.grade[l], ReportStrings.commit[l]],
                          rows: rows, numeric: [1], l: l)
        return out + "</details>\n</section>\n"
    }

    /// Commits per month over the last 12 months and the main contributors, from `facts.activity`.
    static func activity(_ card: Scorecard, _ l: Language) -> String {
        guard let activity = card.facts["activity"], case .array(let monthly)? = activity["monthly"] else { return "" }
        let counts = monthly.compactMap { month -> Int? in if case .int(let n)? = month["commits"] { n } else { nil } }
        let labels = monthly.compactMap { month -> String? in if case .string(let s)? = month["month"] { s } else { nil } }
        guard counts.count == labels.count, !counts.isEmpty else { return "" }
        let description = SiteStrings.activityDescription(labels, counts)[l]
        var out = "<section>\n<h2 id=\"activity-title\">\(SiteStrings.activity[l])</h2>\n<figure>\n"
        out += SVGChart.bars(id: "chart-activity", title: SiteStrings.activity[l], description: description, labels: labels, values: counts)
        out += "<figcaption>\(escapeHTML(description))</figcaption>\n</figure>\n"
        let rows = zip(labels, counts).map { "<tr><th scope=\"row\">\(escapeHTML($0))</th>\(HTML.numberCell($1))</tr>" }
        out += "<details>\n<summary>\(SiteStrings.chartData[l])</summary>\n"
        out += HTML.table(id: "activity-data", caption: SiteStrings.activity[l], head: [SiteStrings.month[l], ReportStrings.commitsHeading[l]],
                          rows: rows, numeric: [1], l: l)
        out += "</details>\n"
        if case .int(let commits)? = activity["commits"], case .int(let authors)? = activity["authors"] {
            out += "<p>\(escapeHTML(ReportStrings.historyTotals(commits: commits, authors: authors)[l]))</p>\n"
        }
        if case .array(let contributors)? = activity["contributors"], !contributors.isEmpty {
            let rows = contributors.compactMap { contributor -> String? in
                guard case .string(let name)? = contributor["name"], case .int(let commits)? = contributor["commits"] else { return nil }
                return "<tr><th scope=\"row\">\(escapeHTML(name))</th>\(HTML.numberCell(commits))</tr>"
            }
            out += HTML.table(id: "contributors", caption: SiteStrings.contributors[l], head: [SiteStrings.person[l], ReportStrings.commitsHeading[l]],
                              rows: rows, numeric: [1], l: l)
        }
        return out + "</section>\n"
    }

    /// Every check, one table per category: status (symbol and word), title and id, weight, result.
    static func checks(_ card: Scorecard, _ model: SiteModel, _ l: Language, _ data: String) -> String {
        var out = "<section>\n<h2 id=\"checks-title\">\(SiteStrings.checks[l])</h2>\n"
        for (number, category) in card.categories.enumerated() {
            let title = model.categoryTitle(category.id, l)
            let score = category.score.map { " — \($0)/100" } ?? ""
            out += "<h3 id=\"category-\(number + 1)\">\(escapeHTML(title))\(score)</h3>\n"
            let rows = card.checks.filter { $0.category == category.id }.map { check -> String in
                var row = "<tr><td data-value=\"\(SiteModel.severity(check.status))\">\(HTML.status(check.status, l))</td>"
                row += "<th scope=\"row\">\(ruleLink(check, model, data))</th>"
                row += HTML.numberCell(check.weight)
                row += "<td><span\(data)>\(escapeHTML(check.message))</span>\(HTML.evidence(check.evidence))"
                if let exemption = check.exemption {
                    row += "<p class=\"exemption\">\(escapeHTML(exemptionNote(check, exemption, l)))</p>"
                }
                return row + "</td></tr>"
            }
            out += HTML.table(id: "checks-\(number + 1)", caption: escapeHTML(title),
                              head: [ReportStrings.status[l], ReportStrings.check[l], ReportStrings.weight[l], ReportStrings.result[l]],
                              rows: rows, numeric: [2], l: l, captionHidden: true)
        }
        return out + "</section>\n"
    }

    /// Each check that fails, warns or could not run: message, evidence and the fix.
    static func toFix(_ card: Scorecard, _ model: SiteModel, _ l: Language, _ data: String) -> String {
        let failing = card.checks.filter { [.fail, .warn, .error].contains($0.status) }
        var out = "<section>\n<h2 id=\"fix-title\">\(SiteStrings.toFix[l])</h2>\n"
        if failing.isEmpty { return out + "<p>\(ReportStrings.allPassing[l])</p>\n</section>\n" }
        for check in failing {
            out += "<article class=\"finding finding-\(check.status.rawValue)\">\n"
            out += "<h3>\(HTML.status(check.status, l)) <span\(data)>\(escapeHTML(check.title))</span> <code>\(escapeHTML(check.id))</code></h3>\n"
            out += "<p\(data)>\(escapeHTML(check.message))</p>\n\(HTML.evidence(check.evidence))\n"
            if check.status != .error {
                out += "<p><strong>\(SiteStrings.fix[l]) :</strong> <span\(data)>\(escapeHTML(check.remediation))</span></p>\n".replacingSpaceBeforeColon(for: l)
                if let command = check.fix {
                    out += "<p><strong>\(ReportStrings.automaticFix[l]) :</strong> <code>\(escapeHTML(command))</code></p>\n".replacingSpaceBeforeColon(for: l)
                }
            }
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    static func exemptions(_ card: Scorecard, _ model: SiteModel, _ l: Language, _ data: String) -> String {
        let exempted = card.checks.filter { $0.exemption != nil }
        var out = "<section>\n<h2 id=\"exemptions-title\">\(SiteStrings.exemptions[l])</h2>\n"
        guard !exempted.isEmpty else { return out + "<p>\(SiteStrings.noExemption[l])</p>\n</section>\n" }
        let rows = exempted.compactMap { check -> String? in
            guard let exemption = check.exemption else { return nil }
            return "<tr><th scope=\"row\">\(ruleLink(check, model, data))</th><td\(data)>\(escapeHTML(exemption.reason))</td>"
                + "<td>\(escapeHTML(exemption.grantedBy))</td><td>\(exemption.until?.iso ?? "—")</td>"
                + "<td>\(check.outcome.map { HTML.status($0, l) } ?? "—")</td></tr>"
        }
        out += HTML.table(id: "exemptions", caption: SiteStrings.exemptions[l],
                          head: [ReportStrings.check[l], SiteStrings.reason[l], SiteStrings.grantedBy[l], SiteStrings.until[l], SiteStrings.otherwise[l]],
                          rows: rows, l: l, captionHidden: true)
        return out + "</section>\n"
    }

    static func ruleLink(_ check: CheckResult, _ model: SiteModel, _ data: String) -> String {
        let text = "<span\(data)>\(escapeHTML(check.title))</span> <code>\(escapeHTML(check.id))</code>"
        guard let rule = model.rules.first(where: { $0.id == check.id }) else { return text }
        return "<a href=\"../rules/\(rule.page).html\">\(text)</a>"
    }

    static func exemptionNote(_ check: CheckResult, _ exemption: AppliedExemption, _ l: Language) -> String {
        let until = exemption.until.map { LocalizedText(fr: " jusqu'au \($0.iso)", en: " until \($0.iso)")[l] } ?? ""
        let outcome = check.outcome.map { ReportStrings.statusName($0)[l] } ?? "?"
        return LocalizedText(fr: "Exemptée par \(exemption.grantedBy)\(until) : « \(exemption.reason) » (sinon : \(outcome))",
                             en: "Exempted by \(exemption.grantedBy)\(until): \"\(exemption.reason)\" (otherwise: \(outcome))")[l]
    }
}
