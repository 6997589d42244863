import VigieCore

/// `vigie diff` output: text for a terminal or a CI log, Markdown for a merge-request comment, JSON
/// for a machine. Repository strings are escaped for Markdown and stripped of control characters in text.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, markdown, json

    public func render(_ diff: ScorecardDiff) -> String {
        switch self {
        case .text: DiffRenderer.text(diff)
        case .markdown: DiffRenderer.markdown(diff)
        case .json: DiffRenderer.json(diff)
        }
    }
}

enum DiffRenderer {
    static func text(_ diff: ScorecardDiff) -> String {
        let l = diff.language
        var out = [DiffStrings.headline(diff)[l]]
        for repository in diff.repositories where repository.regressed || repository.improved || repository.before.state != repository.after.state {
            out.append("")
            out.append("\(clean(repository.name))  \(sides(repository, l))")
            for change in repository.regressions {
                out.append("  ▼ \(DiffStrings.regressed[l])  \(change.id)  \(clean(change.title)) : \(status(change.before, l)) → \(status(change.after, l))"
                    .replacingSpaceBeforeColon(for: l))
            }
            for change in repository.improvements {
                out.append("  ▲ \(DiffStrings.improved[l])  \(change.id)  \(clean(change.title)) : \(status(change.before, l)) → \(status(change.after, l))"
                    .replacingSpaceBeforeColon(for: l))
            }
            if let error = repository.after.error, repository.after.state == .error { out.append("  ‼ \(clean(error))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func markdown(_ diff: ScorecardDiff) -> String {
        let l = diff.language
        var out = ["## \(DiffStrings.title[l])", "", DiffStrings.headline(diff)[l]]
        let changed = diff.repositories.filter { $0.regressed || $0.improved || $0.before.state != $0.after.state }
        if diff.kind == .fleet, !changed.isEmpty {
            out += ["", "| \(ReportStrings.repository[l]) | \(DiffStrings.before[l]) | \(DiffStrings.after[l]) | \(DiffStrings.verdict[l]) |", "|---|---:|---:|---|"]
            for repository in changed {
                out.append("| \(escapeMarkdown(repository.name)) | \(side(repository.before, l)) | \(side(repository.after, l)) | \(verdict(repository, l)) |")
            }
        }
        for repository in changed where !repository.regressions.isEmpty || !repository.improvements.isEmpty {
            out += ["", "### \(escapeMarkdown(repository.name)) — \(sides(repository, l))", ""]
            out.append("| | \(ReportStrings.check[l]) | \(DiffStrings.before[l]) | \(DiffStrings.after[l]) |")
            out.append("|---|---|---|---|")
            for change in repository.regressions {
                out.append("| ▼ \(DiffStrings.regressed[l]) | \(escapeMarkdown(change.title)) (`\(change.id)`) | \(status(change.before, l)) | \(status(change.after, l)) |")
            }
            for change in repository.improvements {
                out.append("| ▲ \(DiffStrings.improved[l]) | \(escapeMarkdown(change.title)) (`\(change.id)`) | \(status(change.before, l)) | \(status(change.after, l)) |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func json(_ diff: ScorecardDiff) -> String {
        let side = { (side: ScorecardDiff.Side) -> JSONValue in
            .object(["state": .string(side.state.rawValue), "score": side.score.map(JSONValue.int) ?? .null,
                     "grade": side.grade.map { .string($0.rawValue) } ?? .null, "error": side.error.map(JSONValue.string) ?? .null])
        }
        let change = { (change: ScorecardDiff.CheckChange) -> JSONValue in
            .object(["id": .string(change.id), "title": .string(change.title),
                     "before": change.before.map { .string($0.rawValue) } ?? .null, "after": change.after.map { .string($0.rawValue) } ?? .null])
        }
        return JSONRenderer.render(.object([
            "kind": .string(diff.kind.rawValue),
            "regression": .bool(diff.hasRegression),
            "repositories": .array(diff.repositories.map { repository in
                .object([
                    "name": .string(repository.name),
                    "before": side(repository.before),
                    "after": side(repository.after),
                    "score_change": repository.scoreChange.map(JSONValue.int) ?? .null,
                    "regressed": .bool(repository.regressed),
                    "improved": .bool(repository.improved),
                    "checks_compared": .bool(repository.checksCompared),
                    "regressions": .array(repository.regressions.map(change)),
                    "improvements": .array(repository.improvements.map(change)),
                ])
            }),
        ]))
    }

    static func status(_ status: CheckStatus?, _ l: Language) -> String {
        guard let status else { return DiffStrings.absent[l] }
        return "\(ReportStrings.statusSymbol(status)) \(ReportStrings.statusName(status)[l])"
    }

    static func side(_ side: ScorecardDiff.Side, _ l: Language) -> String {
        switch side.state {
        case .absent: DiffStrings.absent[l]
        case .error: DiffStrings.notAudited[l]
        case .audited: side.score.map { "\($0) (\(side.grade?.rawValue ?? "—"))" } ?? ReportStrings.notScored[l]
        }
    }

    static func sides(_ repository: ScorecardDiff.RepositoryChange, _ l: Language) -> String {
        let change = repository.scoreChange.map { $0 > 0 ? " (+\($0))" : $0 < 0 ? " (−\(-$0))" : " (=)" } ?? ""
        return "\(side(repository.before, l)) → \(side(repository.after, l))\(change)"
    }

    static func verdict(_ repository: ScorecardDiff.RepositoryChange, _ l: Language) -> String {
        if repository.regressed { return "▼ \(DiffStrings.regressed[l])" }
        if repository.improved { return "▲ \(DiffStrings.improved[l])" }
        if repository.before.state == .absent { return DiffStrings.added[l] }
        if repository.after.state == .absent { return DiffStrings.removed[l] }
        return "="
    }

    /// Control characters from a repository could rewrite a terminal: replace them.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }
}

enum DiffStrings {
    static let title = LocalizedText(fr: "Évolution vigie", en: "vigie changes")
    static let regressed = LocalizedText(fr: "régression", en: "regressed")
    static let improved = LocalizedText(fr: "amélioration", en: "improved")
    static let before = LocalizedText(fr: "Avant", en: "Before")
    static let after = LocalizedText(fr: "Après", en: "After")
    static let verdict = LocalizedText(fr: "Verdict", en: "Verdict")
    static let absent = LocalizedText(fr: "absent", en: "absent")
    static let notAudited = LocalizedText(fr: "non audité", en: "not audited")
    static let added = LocalizedText(fr: "nouveau", en: "new")
    static let removed = LocalizedText(fr: "retiré", en: "removed")

    static func headline(_ diff: ScorecardDiff) -> LocalizedText {
        let regressions = diff.repositories.reduce(0) { $0 + $1.regressions.count }
        let improvements = diff.repositories.reduce(0) { $0 + $1.improvements.count }
        if diff.kind == .scorecard, let repository = diff.repositories.first {
            let score = sides(repository)
            return LocalizedText(
                fr: "Score \(score.fr) · \(regressions) vérification\(regressions > 1 ? "s" : "") en régression, \(improvements) en amélioration"
                    + (diff.hasRegression ? " · RÉGRESSION" : ""),
                en: "Score \(score.en) · \(regressions) check\(regressions == 1 ? "" : "s") regressed, \(improvements) improved"
                    + (diff.hasRegression ? " · REGRESSION" : ""))
        }
        let regressed = diff.repositories.filter(\.regressed).count
        let improved = diff.repositories.filter(\.improved).count
        return LocalizedText(
            fr: "\(diff.repositories.count) dépôts comparés : \(regressed) en régression, \(improved) en amélioration ; \(regressions) vérifications en régression, \(improvements) en amélioration",
            en: "\(diff.repositories.count) repositories compared: \(regressed) regressed, \(improved) improved; \(regressions) checks regressed, \(improvements) improved")
    }

    private static func sides(_ repository: ScorecardDiff.RepositoryChange) -> LocalizedText {
        LocalizedText(fr: DiffRenderer.sides(repository, .fr), en: DiffRenderer.sides(repository, .en))
    }
}
