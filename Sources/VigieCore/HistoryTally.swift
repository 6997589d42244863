/// The moments activity is measured against, from the as-of day, in seconds since the epoch: the
/// 365 days ending with that day, and the 12 calendar months ending with its month.
public struct HistoryWindow: Sendable, Hashable {
    public let yearStart: Int64
    /// First second after the as-of day: later commits count in totals, never in the year or months.
    public let end: Int64
    /// The first second of each of the 12 months, oldest first, then of the month after them.
    public let monthStarts: [Int64]

    public init(asOf: Day) {
        yearStart = asOf.adding(days: -364).daysSinceEpoch * 86_400
        end = asOf.adding(days: 1).daysSinceEpoch * 86_400
        let (year, month, _) = asOf.components
        let last = year * 12 + month - 1
        let indexes = (last - 11)...(last + 1)
        monthStarts = indexes.map { index in
            (Day(year: index / 12, month: index % 12 + 1, day: 1)?.daysSinceEpoch ?? 0) * 86_400
        }
    }

    /// The month (0 = oldest) of a commit made at `time`, if it falls in the window before `end`.
    public func month(of time: Int64) -> Int? {
        guard time >= monthStarts[0], time < monthStarts[12], time < end else { return nil }
        var month = 11
        while time < monthStarts[month] { month -= 1 }
        return month
    }

    public func isInYear(_ time: Int64) -> Bool { time >= yearStart && time < end }
}

/// What the activity analysis needs from a whole history, counted in one walk: totals, the 12
/// monthly counts, and one entry per author identity (after `.mailmap`) in order of first
/// appearance in the walk. Nothing per commit but the malformed ones.
public struct HistoryTally: Sendable, Equatable {
    public struct Author: Sendable, Equatable {
        public let name: String
        public let email: String
        public var commits: Int
        public var commitsInYear: Int

        public init(name: String, email: String, commits: Int, commitsInYear: Int) {
            self.name = name
            self.email = email
            self.commits = commits
            self.commitsInYear = commitsInYear
        }
    }

    public var commits = 0
    public var merges = 0
    public var commitsInYear = 0
    /// Oldest and newest committer times.
    public var first: Int64?
    public var last: Int64?
    /// Commits in each of the window's months, oldest first.
    public var monthly = [Int](repeating: 0, count: 12)
    /// Several entries may share a name and e-mail (spelt differently in commits, or joined by the `.mailmap`).
    public var authors: [Author] = []
    public var malformed: [MalformedCommit] = []
    public var gaps: [HistoryGap] = []

    public init() {}

    /// Counts the commits of a per-commit walk (`SnapshotReader.walkHistory`): what readers without
    /// a counting walk of their own give, and the reference the counting walks are tested against.
    public init(window: HistoryWindow, walk: ((HistoryCommit) throws -> Void) throws -> [HistoryGap]) rethrows {
        var indexes: [Identity: Int] = [:]
        gaps = try walk { commit in
            if let bad = commit.malformed { malformed.append(bad) }
            commits += 1
            if commit.parentCount > 1 { merges += 1 }
            let time = commit.committerTime
            first = Swift.min(first ?? time, time)
            last = Swift.max(last ?? time, time)
            let inYear = window.isInYear(time)
            if inYear { commitsInYear += 1 }
            if let month = window.month(of: time) { monthly[month] += 1 }
            let key = Identity(name: commit.authorName, email: commit.authorEmail)
            let index = indexes[key] ?? {
                authors.append(Author(name: key.name, email: key.email, commits: 0, commitsInYear: 0))
                indexes[key] = authors.count - 1
                return authors.count - 1
            }()
            authors[index].commits += 1
            if inYear { authors[index].commitsInYear += 1 }
        }
        malformed.sort { $0.commit < $1.commit }
    }

    private struct Identity: Hashable {
        let name: String
        let email: String
    }
}

extension SnapshotReader {
    /// Default: counts `walkHistory`'s commits one by one.
    public func tallyHistory(_ window: HistoryWindow) throws -> HistoryTally {
        try HistoryTally(window: window, walk: walkHistory)
    }
}
