public import VigieCore

/// What changed between two scorecards, or two fleet indexes: for each repository, the score before
/// and after and the checks that regressed or improved. A merge-request gate fails on `hasRegression`.
///
/// A check's badness is 0 for pass, skip and exempt, 1 for warn and error (could not check), 2 for
/// fail: it regressed when its badness grew (a check new in the second scorecard counts from 0), and
/// improved when it shrank. A repository regressed when a check regressed, its score went down, or it
/// could be audited before and cannot now.
public struct ScorecardDiff: Sendable, Equatable {
    public enum Kind: String, Sendable { case scorecard, fleet }

    public struct CheckChange: Sendable, Equatable {
        public let id: String
        public let title: String
        public let before: CheckStatus?
        public let after: CheckStatus?
    }

    public struct Side: Sendable, Equatable {
        public enum State: String, Sendable { case audited, error, absent }
        public let state: State
        public let score: Int?
        public let grade: Grade?
        public let error: String?

        static let absent = Side(state: .absent, score: nil, grade: nil, error: nil)
    }

    public struct RepositoryChange: Sendable, Equatable {
        public let name: String
        public let before: Side
        public let after: Side
        public let regressions: [CheckChange]
        public let improvements: [CheckChange]
        /// False when the checks could not be compared (a fleet entry without both scorecards).
        public let checksCompared: Bool

        public var scoreChange: Int? {
            guard let old = before.score, let new = after.score else { return nil }
            return new - old
        }

        public var regressed: Bool {
            !regressions.isEmpty || (scoreChange ?? 0) < 0 || (before.state == .audited && after.state == .error)
        }

        public var improved: Bool {
            !improvements.isEmpty || (scoreChange ?? 0) > 0 || (before.state == .error && after.state == .audited)
        }
    }

    public let kind: Kind
    public let language: Language
    public let repositories: [RepositoryChange]

    public var hasRegression: Bool { repositories.contains(where: \.regressed) }

    public init(kind: Kind, language: Language, repositories: [RepositoryChange]) {
        self.kind = kind
        self.language = language
        self.repositories = repositories
    }

    /// Compares two scorecards of one repository.
    public static func compare(_ old: Scorecard, _ new: Scorecard, language: Language) -> ScorecardDiff {
        ScorecardDiff(kind: .scorecard, language: language, repositories: [change(name: new.repository.name, old: old, new: new)])
    }

    /// Compares two fleet indexes, repository by repository (by name), with their checks when both
    /// scorecards are at hand.
    public static func compare(_ old: FleetIndex, oldCards: [String: Scorecard], _ new: FleetIndex, newCards: [String: Scorecard],
                               language: Language) -> ScorecardDiff {
        let oldEntries = Dictionary(old.repositories.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newEntries = Dictionary(new.repositories.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let names = Set(oldEntries.keys).union(newEntries.keys).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        let changes = names.map { name -> RepositoryChange in
            let before = oldEntries[name].map(side) ?? .absent
            let after = newEntries[name].map(side) ?? .absent
            if let oldCard = oldCards[name], let newCard = newCards[name], before.state == .audited, after.state == .audited {
                let compared = change(name: name, old: oldCard, new: newCard)
                return RepositoryChange(name: name, before: before, after: after, regressions: compared.regressions,
                                        improvements: compared.improvements, checksCompared: true)
            }
            return RepositoryChange(name: name, before: before, after: after, regressions: [], improvements: [], checksCompared: false)
        }
        return ScorecardDiff(kind: .fleet, language: language, repositories: changes)
    }

    static func side(_ entry: FleetRepository) -> Side {
        Side(state: entry.status == .audited ? .audited : .error, score: entry.score, grade: entry.grade, error: entry.error)
    }

    static func change(name: String, old: Scorecard, new: Scorecard) -> RepositoryChange {
        let before = Dictionary(old.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var regressions: [CheckChange] = []
        var improvements: [CheckChange] = []
        for check in new.checks {
            let previous = before[check.id]?.status
            let change = CheckChange(id: check.id, title: check.title, before: previous, after: check.status)
            let was = previous.map(badness) ?? 0
            if badness(check.status) > was { regressions.append(change) }
            if badness(check.status) < was { improvements.append(change) }
        }
        let side = { (card: Scorecard) in Side(state: .audited, score: card.score, grade: card.grade, error: nil) }
        return RepositoryChange(name: name, before: side(old), after: side(new), regressions: regressions, improvements: improvements,
                                checksCompared: true)
    }

    static func badness(_ status: CheckStatus) -> Int {
        switch status {
        case .pass, .skip, .exempt: 0
        case .warn, .error: 1
        case .fail: 2
        }
    }
}
