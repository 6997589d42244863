public import VigieCore

/// A repository's quality over time (`vigie history`): one audit per period, at the last commit of
/// that period on the first-parent line, oldest first.
public struct ScoreHistory: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// The last day of the period (or the `--as-of` day for the current one): the audit's as-of day.
        public let date: Day
        /// `2024-03`, `2024-Q1` or `2024`.
        public let period: String
        public let commit: String
        public let score: Int?
        public let grade: Grade?
        /// Category scores in the scorecard's order: id, title, score.
        public let categories: [CategoryScore]
        public let checks: [(id: String, status: CheckStatus)]

        public init(date: Day, period: String, commit: String, score: Int?, grade: Grade?, categories: [CategoryScore],
                    checks: [(id: String, status: CheckStatus)]) {
            self.date = date
            self.period = period
            self.commit = commit
            self.score = score
            self.grade = grade
            self.categories = categories
            self.checks = checks
        }

        public static func == (lhs: Point, rhs: Point) -> Bool {
            lhs.date == rhs.date && lhs.period == rhs.period && lhs.commit == rhs.commit && lhs.score == rhs.score && lhs.grade == rhs.grade
                && lhs.categories == rhs.categories && lhs.checks.map(\.id) == rhs.checks.map(\.id) && lhs.checks.map(\.status) == rhs.checks.map(\.status)
        }
    }

    public let repository: String
    public let ref: String
    /// `month`, `quarter` or `year`.
    public let every: String
    public let language: Language
    public let points: [Point]
    /// Commits of the line that could not be read: the one that ended the line early (no period
    /// before it gets a point), and points skipped because their commit or tree is unreadable.
    public var unreadable: [UnreadablePoint] = []

    /// A commit `vigie history` could not audit, and why; `period` is nil when it ended the line.
    public struct UnreadablePoint: Sendable, Equatable {
        public let commit: String
        public let period: String?
        public let detail: String

        public init(commit: String, period: String?, detail: String) {
            self.commit = commit
            self.period = period
            self.detail = detail
        }
    }

    public init(repository: String, ref: String, every: String, language: Language, points: [Point]) {
        self.repository = repository
        self.ref = ref
        self.every = every
        self.language = language
        self.points = points
    }
}

public enum HistoryFormat: String, Sendable, CaseIterable {
    case json, markdown, svg

    public func render(_ history: ScoreHistory) -> String {
        switch self {
        case .json: HistoryRenderer.json(history)
        case .markdown: HistoryRenderer.markdown(history)
        case .svg: HistoryRenderer.svg(history)
        }
    }
}

enum HistoryRenderer {
    static func json(_ history: ScoreHistory) -> String {
        var object: [String: JSONValue] = [
            "repository": .string(history.repository),
            "ref": .string(history.ref),
            "every": .string(history.every),
            "points": .array(history.points.map { point in
                .object([
                    "date": .string(point.date.iso),
                    "period": .string(point.period),
                    "commit": .string(point.commit),
                    "score": point.score.map(JSONValue.int) ?? .null,
                    "grade": point.grade.map { .string($0.rawValue) } ?? .null,
                    "categories": .object(Dictionary(point.categories.map { ($0.id, $0.score.map(JSONValue.int) ?? .null) },
                                                     uniquingKeysWith: { first, _ in first })),
                    "checks": .array(point.checks.map { .object(["id": .string($0.id), "status": .string($0.status.rawValue)]) }),
                ])
            }),
        ]
        // Only when something was unreadable: a sound history's JSON stays as it was.
        if !history.unreadable.isEmpty {
            object["unreadable"] = .array(history.unreadable.map { item in
                .object(["commit": .string(item.commit), "period": item.period.map(JSONValue.string) ?? .null, "detail": .string(item.detail)])
            })
        }
        return JSONRenderer.render(.object(object))
    }

    static func markdown(_ history: ScoreHistory) -> String {
        let l = history.language
        let categories = categoryColumns(history)
        var out = ["# \(HistoryStrings.title[l]) : \(escapeMarkdown(history.repository))".replacingSpaceBeforeColon(for: l), ""]
        out.append(HistoryStrings.headline(history)[l])
        out.append("")
        guard !history.points.isEmpty else {
            out.append(HistoryStrings.noPoint[l])
            return out.joined(separator: "\n") + "\n"
        }
        let header = [HistoryStrings.period[l], HistoryStrings.commit[l], ReportStrings.score[l], ReportStrings.grade[l]] + categories.map { escapeMarkdown($0.title) }
        out.append("| " + header.joined(separator: " | ") + " |")
        out.append("|---|---|---:|:---:|" + String(repeating: "---:|", count: categories.count))
        for point in history.points {
            let scores = categories.map { category in
                point.categories.first { $0.id == category.id }?.score.map(String.init) ?? "—"
            }
            let row = [point.period, "`\(point.commit.prefix(10))`", point.score.map(String.init) ?? "—", point.grade?.rawValue ?? "—"] + scores
            out.append("| " + row.joined(separator: " | ") + " |")
        }
        if !history.unreadable.isEmpty {
            out += ["", "## \(HistoryStrings.unreadable[l])", ""]
            for item in history.unreadable {
                let what = item.period.map { HistoryStrings.skippedPoint($0)[l] } ?? HistoryStrings.endedLine[l]
                out.append("- `\(item.commit.prefix(10))` : \(what) (\(escapeMarkdown(item.detail)))".replacingSpaceBeforeColon(for: l))
            }
        }
        let changes = checkChanges(history)
        if !changes.isEmpty {
            out += ["", "## \(HistoryStrings.changes[l])", ""]
            for change in changes {
                out.append("- \(change.period) · `\(change.id)` : \(ReportStrings.statusSymbol(change.from)) \(ReportStrings.statusName(change.from)[l]) → \(ReportStrings.statusSymbol(change.to)) \(ReportStrings.statusName(change.to)[l])"
                    .replacingSpaceBeforeColon(for: l))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func svg(_ history: ScoreHistory) -> String {
        let l = history.language
        let categories = categoryColumns(history)
        var series = [SVGChart.Series(name: ReportStrings.score[l], values: history.points.map(\.score))]
        for category in categories {
            series.append(SVGChart.Series(name: category.title, values: history.points.map { point in
                point.categories.first { $0.id == category.id }?.score
            }))
        }
        return SVGChart.lines(id: "vigie-history", title: "\(HistoryStrings.title[l]) — \(history.repository)",
                              description: HistoryStrings.describe(history)[l], labels: history.points.map(\.period),
                              series: series, standalone: true)
    }

    /// Every category that appears in some point, in first-seen order.
    static func categoryColumns(_ history: ScoreHistory) -> [CategoryScore] {
        var seen: Set<String> = []
        var result: [CategoryScore] = []
        for point in history.points {
            for category in point.categories where seen.insert(category.id).inserted { result.append(category) }
        }
        return result
    }

    /// Each check whose status changed from one point to the next.
    static func checkChanges(_ history: ScoreHistory) -> [(period: String, id: String, from: CheckStatus, to: CheckStatus)] {
        var result: [(period: String, id: String, from: CheckStatus, to: CheckStatus)] = []
        for (previous, point) in zip(history.points, history.points.dropFirst()) {
            let before = Dictionary(previous.checks.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
            for check in point.checks {
                if let old = before[check.id], old != check.status { result.append((point.period, check.id, old, check.status)) }
            }
        }
        return result
    }
}

enum HistoryStrings {
    static let title = LocalizedText(fr: "Historique vigie", en: "vigie history")
    static let period = LocalizedText(fr: "Période", en: "Period")
    static let commit = LocalizedText(fr: "Commit", en: "Commit")
    static let changes = LocalizedText(fr: "Changements de statut", en: "Status changes")
    static let noPoint = LocalizedText(fr: "Aucun commit dans l'intervalle demandé.", en: "No commit in the requested range.")
    static let unreadable = LocalizedText(fr: "Commits illisibles", en: "Unreadable commits")
    static let endedLine = LocalizedText(fr: "illisible, l'historique s'arrête là : aucun point avant ce commit",
                                         en: "unreadable, the history ends there: no point before this commit")
    static func skippedPoint(_ period: String) -> LocalizedText {
        LocalizedText(fr: "point \(period) omis, son arbre est illisible", en: "point \(period) skipped, its tree is unreadable")
    }

    static func every(_ every: String) -> LocalizedText {
        switch every {
        case "quarter": LocalizedText(fr: "un par trimestre", en: "one per quarter")
        case "year": LocalizedText(fr: "un par an", en: "one per year")
        default: LocalizedText(fr: "un par mois", en: "one per month")
        }
    }

    static func headline(_ history: ScoreHistory) -> LocalizedText {
        let count = history.points.count
        let every = every(history.every)
        return LocalizedText(
            fr: "\(count) point\(count > 1 ? "s" : ""), \(every.fr), au dernier commit de chaque période sur la lignée de \(history.ref) (premiers parents).",
            en: "\(count) point\(count == 1 ? "" : "s"), \(every.en), at the last commit of each period on the first-parent line of \(history.ref).")
    }

    static func describe(_ history: ScoreHistory) -> LocalizedText {
        guard let first = history.points.first, let last = history.points.last else { return noPoint }
        let from = first.score.map(String.init) ?? "—", to = last.score.map(String.init) ?? "—"
        return LocalizedText(fr: "Score de \(from) en \(first.period) à \(to) en \(last.period), \(history.points.count) points.",
                             en: "Score from \(from) in \(first.period) to \(to) in \(last.period), \(history.points.count) points.")
    }
}
