import VigieCore

/// The frame every page shares: language, a strict content security policy (no inline script or
/// style can run, even if something escaped the escaping), a skip link, the site name, the main
/// navigation, breadcrumbs, one `main` landmark and a footer. Links are relative, so the site works
/// from `file://` as well as from GitHub or GitLab Pages.
struct HTMLPage {
    enum Section { case repositories, fixFirst, teams, rules }

    let title: String
    /// `""` for a page at the root, `"../"` for one in a sub-folder.
    let root: String
    let section: Section
    /// Whether this page is the section's own index (for `aria-current`).
    let isSectionIndex: Bool
    /// Earlier pages of the breadcrumb (label, link); the current page ends it.
    let breadcrumb: [(label: String, href: String)]
    let language: Language

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    func render(model: SiteModel, body: String) -> String {
        let l = language
        var out = """
        <!DOCTYPE html>
        <html lang="\(l.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
        <meta name="generator" content="vigie \(escapeHTML(model.tool.version))">
        <title>\(escapeHTML(title)) — vigie</title>
        <link rel="stylesheet" href="\(root)assets/vigie.css">
        <script src="\(root)assets/vigie.js" defer></script>
        </head>
        <body>
        <a class="skip-link" href="#contenu">\(SiteStrings.skipLink[l])</a>
        <header class="site-header">
        <div class="wrap">
        <p class="site-name"><a href="\(root)index.html">vigie<span class="site-context"> · \(escapeHTML(model.title))</span></a></p>
        <nav aria-label="\(SiteStrings.mainNavigation[l])">
        <ul>
        <li><a href="\(root)index.html"\(current(.repositories))>\(SiteStrings.repositories[l])</a></li>
        <li><a href="\(root)fix-first.html"\(current(.fixFirst))>\(SiteStrings.fixFirst[l])</a></li>
        \(model.teams.isEmpty ? "" : "<li><a href=\"\(root)teams/index.html\"\(current(.teams))>\(SiteStrings.teams[l])</a></li>")
        <li><a href="\(root)rules/index.html"\(current(.rules))>\(SiteStrings.rules[l])</a></li>
        </ul>
        </nav>
        </div>
        </header>
        <main id="contenu" tabindex="-1">
        <div class="wrap">

        """
        if !breadcrumb.isEmpty {
            out += "<nav class=\"breadcrumb\" aria-label=\"\(SiteStrings.breadcrumb[l])\">\n<ol>\n"
            for crumb in breadcrumb { out += "<li><a href=\"\(crumb.href)\">\(escapeHTML(crumb.label))</a></li>\n" }
            out += "<li aria-current=\"page\">\(escapeHTML(title))</li>\n</ol>\n</nav>\n"
        }
        out += body
        out += """
        </div>
        </main>
        <footer class="site-footer">
        <div class="wrap">
        <p>\(escapeHTML(SiteStrings.footer(model)[l]))</p>
        </div>
        </footer>
        </body>
        </html>

        """
        return out
    }

    private func current(_ link: Section) -> String {
        link == section && isSectionIndex ? " aria-current=\"page\"" : ""
    }
}

/// Small builders shared by the pages; every string from the data goes through `escapeHTML`.
enum HTML {
    /// ` lang="fr"` when text written in the data's language sits in a page of another language,
    /// so screen readers pronounce it right.
    static func langAttribute(_ data: Language, in page: Language) -> String {
        data == page ? "" : " lang=\"\(data.rawValue)\""
    }

    /// The grade as a letter in a coloured box; the letter, not the colour, carries the meaning.
    static func grade(_ grade: Grade?, _ l: Language) -> String {
        guard let grade else { return "<span class=\"grade grade-none\">—<span class=\"visually-hidden\"> \(ReportStrings.notScored[l])</span></span>" }
        return "<span class=\"grade grade-\(grade.rawValue.lowercased())\">\(grade.rawValue)</span>"
    }

    /// A status as a symbol and a word, coloured as a bonus.
    static func status(_ status: CheckStatus, _ l: Language) -> String {
        "<span class=\"status status-\(status.rawValue)\"><span aria-hidden=\"true\">\(ReportStrings.statusSymbol(status))</span> \(ReportStrings.statusName(status)[l])</span>"
    }

    /// `+3 ▲ up`, `−5 ▼ down`, `= unchanged`, `new`: arrows and words, never colour alone; the line
    /// of the last scores before it.
    static func trend(_ repository: SiteModel.Repository, _ l: Language) -> String {
        let spark = sparkline(repository.history, l)
        guard let change = repository.change else {
            return repository.previousScore == nil && repository.history.count <= 1
                ? "\(spark)<span class=\"trend trend-new\">\(SiteStrings.new[l])</span>" : "\(spark)<span class=\"trend\">—</span>"
        }
        if change > 0 {
            return "\(spark)<span class=\"trend trend-up\">+\(change) <span aria-hidden=\"true\">▲</span><span class=\"visually-hidden\"> \(SiteStrings.up[l])</span></span>"
        }
        if change < 0 {
            return "\(spark)<span class=\"trend trend-down\">−\(-change) <span aria-hidden=\"true\">▼</span><span class=\"visually-hidden\"> \(SiteStrings.down[l])</span></span>"
        }
        return "\(spark)<span class=\"trend\">= <span class=\"visually-hidden\">\(SiteStrings.stable[l])</span></span>"
    }

    /// A small line of the last scores (at most 12), the last point marked; its text alternative
    /// lists the scores with their dates.
    static func sparkline(_ history: [ScorePoint], _ l: Language) -> String {
        let points = history.suffix(12).filter { $0.score != nil }
        let scores = points.compactMap(\.score)
        guard scores.count >= 2 else { return "" }
        let coordinates = scores.enumerated().map { index, score in (index * 52 / (scores.count - 1) + 4, 18 - score * 16 / 100) }
        let line = coordinates.map { "\($0.0),\($0.1)" }.joined(separator: " ")
        let label = SiteStrings.sparklineLabel(points.map { ($0.asOf.iso, $0.score ?? 0) })[l]
        let last = coordinates[coordinates.count - 1]
        return "<svg class=\"sparkline\" width=\"60\" height=\"20\" viewBox=\"0 0 60 20\" role=\"img\" aria-label=\"\(escapeHTML(label))\" focusable=\"false\">"
            + "<title>\(escapeHTML(label))</title>"
            + "<polyline fill=\"none\" stroke=\"#1f4e8c\" stroke-width=\"2\" points=\"\(line)\"/>"
            + "<circle cx=\"\(last.0)\" cy=\"\(last.1)\" r=\"2.5\" fill=\"#1f4e8c\"/></svg> "
    }

    /// A table in a scrollable region a keyboard can reach, labelled by its caption.
    /// `captionHidden`: the caption repeats the heading just above; screen readers still get it.
    /// `scrolls: false` for a table laid out to fit (the cohort matrix): no scrolling region, so its
    /// header row can stick to the top of the window. `filters`: a list of values to filter the rows
    /// by (`data-<key>` on each row), built by vigie.js.
    static func table(id: String, caption: String, head: [String], rows: [String], sortable: Bool = false, numeric: Set<Int> = [],
                      l: Language, captionHidden: Bool = false, tableClass: String? = nil, headClasses: [Int: String] = [:],
                      scrolls: Bool = true, filters: [(key: String, label: String, values: [String])] = []) -> String {
        var out = ""
        if sortable {
            // Filled in by vigie.js; without JavaScript the table reads the same, unsorted.
            out += "<div class=\"table-tools\" data-table=\"\(id)\" data-label-filter=\"\(escapeHTML(SiteStrings.filterLabel[l]))\" "
                + "data-label-sorted=\"\(escapeHTML(SiteStrings.sortedBy[l]))\" data-label-ascending=\"\(escapeHTML(SiteStrings.ascending[l]))\" "
                + "data-label-descending=\"\(escapeHTML(SiteStrings.descending[l]))\" data-label-rows=\"\(escapeHTML(SiteStrings.rowsShown[l]))\" "
                + "data-label-all=\"\(escapeHTML(SiteStrings.all[l]))\" "
                + filters.map { "data-filter-\($0.key)=\"\(escapeHTML($0.label))\" " }.joined()
                + "data-label-hint=\"\(escapeHTML(SiteStrings.enhancementHint[l]))\"></div>\n"
        }
        out += scrolls
            ? "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"\(id)-caption\" tabindex=\"0\">\n"
            : "<div class=\"table-fits\">\n"
        let classes = [sortable ? "sortable" : nil, tableClass].compactMap { $0 }
        out += "<table id=\"\(id)\"\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\n<caption id=\"\(id)-caption\"\(captionHidden ? " class=\"visually-hidden\"" : "")>\(caption)</caption>\n<thead>\n<tr>"
        for (index, label) in head.enumerated() {
            let cellClasses = [numeric.contains(index) ? "num" : nil, headClasses[index]].compactMap { $0 }
            out += "<th scope=\"col\"\(cellClasses.isEmpty ? "" : " class=\"\(cellClasses.joined(separator: " "))\"")\(numeric.contains(index) ? " data-type=\"number\"" : "")>\(label)</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in rows { out += row + "\n" }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    /// A cell with a sortable value: the number when there is one, otherwise empty (sorted last).
    static func numberCell(_ value: Int?, _ text: String? = nil) -> String {
        "<td class=\"num\" data-value=\"\(value.map(String.init) ?? "")\">\(text ?? value.map(String.init) ?? "—")</td>"
    }

    /// Evidence as a list: path, line and note, all escaped.
    static func evidence(_ items: [Evidence]) -> String {
        guard !items.isEmpty else { return "" }
        var out = "<ul class=\"evidence\">"
        for item in items {
            let line = item.line.map { ":\($0)" } ?? ""
            let note = item.message.map { " — \(escapeHTML($0))" } ?? ""
            out += "<li><code>\(escapeHTML(item.path))\(line)</code>\(note)</li>"
        }
        return out + "</ul>"
    }
}
