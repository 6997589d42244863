import VigieCore

/// The cohort at a glance: how many repositories have each grade, and the cohort's average score
/// at each past run (from the histories in index.json). Each chart comes with its description in
/// words and its data as a table (the text alternatives).
enum CohortCharts {
    /// Repositories per grade, then not scored, then not audited.
    static func gradeCounts(_ model: SiteModel) -> [(label: LocalizedText, count: Int)] {
        var counts: [(label: LocalizedText, count: Int)] = Grade.allCases.map { grade in
            (LocalizedText(fr: grade.rawValue, en: grade.rawValue), model.audited.filter { $0.grade == grade }.count)
        }
        counts.append((ReportStrings.notScored, model.audited.filter { $0.grade == nil }.count))
        counts.append((SiteStrings.errorState, model.failed.count))
        return counts
    }

    /// The average score of the repositories that have a point on each run day, oldest first, at most the last 24.
    static func averages(_ model: SiteModel) -> [(day: Day, average: Int, repositories: Int)] {
        var byDay: [Day: [Int]] = [:]
        for repository in model.repositories {
            for point in repository.history { if let score = point.score { byDay[point.asOf, default: []].append(score) } }
        }
        return byDay.keys.sorted { $0.iso < $1.iso }.suffix(24).map { day in
            let scores = byDay[day] ?? []
            return (day, Int((Double(scores.reduce(0, +)) / Double(scores.count)).rounded()), scores.count)
        }
    }

    static func render(_ model: SiteModel, _ l: Language) -> String {
        var out = "<div class=\"overview\">\n"
        let counts = gradeCounts(model)
        let description = SiteStrings.gradeDistributionDescription(counts.map { ($0.label[l], $0.count) })[l]
        out += "<div>\n<figure>\n"
        out += SVGChart.bars(id: "chart-grades", title: SiteStrings.gradeDistribution[l], description: description,
                             labels: counts.map { $0.label[l] }, values: counts.map(\.count))
        out += "<figcaption>\(escapeHTML(description))</figcaption>\n</figure>\n"
        out += "<details>\n<summary>\(SiteStrings.chartData[l]) — \(SiteStrings.gradeDistribution[l].lowercased())</summary>\n"
        out += HTML.table(id: "grades-data", caption: SiteStrings.gradeDistribution[l], head: [ReportStrings.grade[l], SiteStrings.repositories[l]],
                          rows: counts.map { "<tr><th scope=\"row\">\(escapeHTML($0.label[l]))</th>\(HTML.numberCell($0.count))</tr>" },
                          numeric: [1], l: l)
        out += "</details>\n</div>\n"

        let averages = averages(model)
        if averages.count >= 2 {
            let description = SiteStrings.averageDescription(averages.map { ($0.day.iso, $0.average) })[l]
            out += "<div>\n<figure>\n"
            out += SVGChart.lines(id: "chart-average", title: SiteStrings.averageOverRuns[l], description: description,
                                  labels: averages.map(\.day.iso), series: [SVGChart.Series(name: SiteStrings.averageScore[l], values: averages.map(\.average))],
                                  legend: false)
            out += "<figcaption>\(escapeHTML(description))</figcaption>\n</figure>\n"
            out += "<details>\n<summary>\(SiteStrings.chartData[l]) — \(SiteStrings.averageOverRuns[l].lowercased())</summary>\n"
            out += HTML.table(id: "average-data", caption: SiteStrings.averageOverRuns[l],
                              head: [SiteStrings.date[l], SiteStrings.averageScore[l], SiteStrings.repositories[l]],
                              rows: averages.map { "<tr><th scope=\"row\">\($0.day.iso)</th>\(HTML.numberCell($0.average))\(HTML.numberCell($0.repositories))</tr>" },
                              numeric: [1, 2], l: l)
            out += "</details>\n</div>\n"
        } else {
            out += "<div><p>\(escapeHTML(SiteStrings.oneRunOnly[l]))</p></div>\n"
        }
        return out + "</div>\n"
    }
}
