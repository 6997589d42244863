import VigieCore

/// The cohort overview's table, shared by the index and the team pages: one compact row per
/// repository (name, team and cohort; score and grade; trend with a sparkline; one cell per
/// category), the category cells colour-coded by grade with the grade letter and the score written
/// in each, so colour is never the only carrier. Repositories that could not be audited have a row
/// too, marked "error", and partial audits are marked "partial". It fits 1280 px without scrolling
/// (category headings are written vertically), its header row sticks to the top of the window, and
/// below 60 rem each row becomes a card (assets/vigie.css).
enum RepositoryMatrix {
    static func render(_ repositories: [SiteModel.Repository], _ model: SiteModel, _ l: Language, root: String, id: String, caption: String) -> String {
        let head = [ReportStrings.repository[l], ReportStrings.score[l], SiteStrings.trend[l]]
            + model.categoryIDs.map { "<span class=\"category-label\">\(escapeHTML(model.categoryTitle($0, l)))</span>" }
        let numeric = Set([1] + model.categoryIDs.indices.map { $0 + 3 })
        let rows = repositories.map { row($0, model, l, root: root) }
        let teams = Set(repositories.compactMap(\.team).filter { !$0.isEmpty }).sorted()
        let cohorts = Set(repositories.compactMap(\.cohort).filter { !$0.isEmpty }).sorted()
        var filters: [(key: String, label: String, values: [String])] = []
        if teams.count > 1 { filters.append(("team", SiteStrings.team[l], teams)) }
        if cohorts.count > 1 { filters.append(("cohort", SiteStrings.cohort[l], cohorts)) }
        return HTML.table(id: id, caption: caption, head: head, rows: rows, sortable: true, numeric: numeric, l: l,
                          tableClass: "matrix", headClasses: Dictionary(uniqueKeysWithValues: model.categoryIDs.indices.map { ($0 + 3, "category") }),
                          scrolls: false, filters: filters)
    }

    static func row(_ repository: SiteModel.Repository, _ model: SiteModel, _ l: Language, root: String) -> String {
        var row = "<tr data-team=\"\(escapeHTML(repository.team ?? ""))\" data-cohort=\"\(escapeHTML(repository.cohort ?? ""))\">"
        row += "<th scope=\"row\">"
        row += repository.audited
            ? "<a href=\"\(root)repositories/\(repository.page).html\">\(escapeHTML(repository.name))</a>"
            : "<span class=\"name\">\(escapeHTML(repository.name))</span>"
        if !repository.audited {
            row += " <span class=\"state state-error\"><span aria-hidden=\"true\">✘</span> \(SiteStrings.errorState[l])</span>"
        } else if repository.partial {
            row += " <span class=\"state state-partial\" title=\"\(escapeHTML(ReportStrings.partialNote[l]))\"><span aria-hidden=\"true\">⚠</span> \(ReportStrings.partial[l])</span>"
        }
        let meta = [repository.team, repository.cohort].compactMap { $0 }.filter { !$0.isEmpty }.map(escapeHTML)
        if !meta.isEmpty { row += "<span class=\"meta\">\(meta.joined(separator: " · "))</span>" }
        if let error = repository.error, !repository.audited { row += "<span class=\"meta\">\(escapeHTML(error))</span>" }
        row += "</th>"
        row += "<td class=\"num score-cell\" data-value=\"\(repository.score.map(String.init) ?? "")\" data-label=\"\(ReportStrings.score[l])\">"
            + "\(HTML.grade(repository.grade, l)) \(repository.score.map(String.init) ?? "")</td>"
        row += "<td data-value=\"\(repository.change.map(String.init) ?? "")\" data-label=\"\(SiteStrings.trend[l])\">\(repository.audited ? HTML.trend(repository, l) : "—")</td>"
        for id in model.categoryIDs {
            let label = escapeHTML(model.categoryTitle(id, l))
            guard let score = repository.categories[id].flatMap({ $0 }) else {
                row += "<td class=\"num cell cell-none\" data-value=\"\" data-label=\"\(label)\">—</td>"
                continue
            }
            let grade = Grade(score: score)
            row += "<td class=\"num cell cell-\(grade.rawValue.lowercased())\" data-value=\"\(score)\" data-label=\"\(label)\">"
                + "<span class=\"letter\">\(grade.rawValue)</span> \(score)</td>"
        }
        return row + "</tr>"
    }
}
