/// The moments activity is counted against, as seconds: the 365 days before the as-of day (and
/// that day), and the 12 calendar months ending with the as-of month. The walk compares integers;
/// it never turns a commit's time into a date.
public struct ActivityWindow: Sendable, Hashable {
    /// First second of the 365-day year, and first second after the as-of day.
    public let yearStart: Int64
    public let end: Int64
    /// 13 bounds: the first second of each of the 12 months, oldest first, then of the month after.
    public let monthStarts: [Int64]

    public init(yearStart: Int64, end: Int64, monthStarts: [Int64]) {
        precondition(monthStarts.count == 13, "12 months need 13 bounds")
        self.yearStart = yearStart
        self.end = end
        self.monthStarts = monthStarts
    }

    @inline(__always)
    func isInYear(_ time: Int64) -> Bool { time >= yearStart && time < end }

    /// The month (0 = oldest) `time` falls in, if it is before `end`.
    @inline(__always)
    func month(of time: Int64) -> Int? {
        guard time >= monthStarts[0], time < monthStarts[12], time < end else { return nil }
        var month = 11
        while time < monthStarts[month] { month -= 1 }
        return month
    }
}

/// What the activity rules need from a whole history, counted while walking it: totals, the 12 month
/// buckets, and one line per distinct identity. Nothing is kept per commit but the malformed ones.
public struct HistoryCounts: Sendable, Equatable {
    /// An author as the commits spell it (before any `.mailmap`), in order of first appearance in the walk.
    public struct Identity: Sendable, Equatable {
        public let name: String
        public let email: String
        public internal(set) var commits: Int
        public internal(set) var commitsInYear: Int
    }

    public internal(set) var commits = 0
    public internal(set) var merges = 0
    public internal(set) var commitsInYear = 0
    /// Oldest and newest committer times.
    public internal(set) var first: Int64?
    public internal(set) var last: Int64?
    /// Commits per month of the window, oldest first.
    public internal(set) var monthly = [Int](repeating: 0, count: 12)
    public internal(set) var identities: [Identity] = []
    /// Commits whose header git would warn about, with what is wrong, sorted by id.
    public internal(set) var malformed: [(commit: ObjectID, reason: String)] = []
    /// Where the history stops early: commits that could not be read, sorted by id.
    public internal(set) var cuts: [HistoryCut] = []
    /// True when the commits were enumerated from the commit-graph file and read on several threads.
    public internal(set) var usedCommitGraph = false

    public static func == (lhs: HistoryCounts, rhs: HistoryCounts) -> Bool {
        lhs.commits == rhs.commits && lhs.merges == rhs.merges && lhs.commitsInYear == rhs.commitsInYear
            && lhs.first == rhs.first && lhs.last == rhs.last && lhs.monthly == rhs.monthly && lhs.identities == rhs.identities
            && lhs.malformed.elementsEqual(rhs.malformed) { $0.commit == $1.commit && $0.reason == $1.reason } && lhs.cuts == rhs.cuts
    }
}

/// Adds commits to `HistoryCounts` one at a time, with integer work only: the identity arrives as
/// an index into an `IdentityTable`.
struct HistoryCounter {
    let window: ActivityWindow
    var counts = HistoryCounts()
    private var identityCommits: [Int] = []
    private var identityInYear: [Int] = []

    init(window: ActivityWindow) { self.window = window }

    @inline(__always)
    mutating func add(identity: Int, committerTime time: Int64, parentCount: Int) {
        counts.commits += 1
        if parentCount > 1 { counts.merges += 1 }
        if let first = counts.first { if time < first { counts.first = time } } else { counts.first = time }
        if let last = counts.last { if time > last { counts.last = time } } else { counts.last = time }
        while identityCommits.count <= identity {
            identityCommits.append(0)
            identityInYear.append(0)
        }
        identityCommits[identity] += 1
        if window.isInYear(time) {
            counts.commitsInYear += 1
            identityInYear[identity] += 1
        }
        if let month = window.month(of: time) { counts.monthly[month] += 1 }
    }

    /// The counts, with the identities' names from `table` (indexes are the table's).
    func finish(names table: IdentityTable, malformed: [(commit: ObjectID, reason: String)], cuts: [HistoryCut]) -> HistoryCounts {
        var result = counts
        result.identities = identityCommits.indices.map {
            HistoryCounts.Identity(name: table.names[$0], email: table.emails[$0], commits: identityCommits[$0], commitsInYear: identityInYear[$0])
        }
        result.malformed = malformed.sorted { $0.commit < $1.commit }
        result.cuts = cuts.sorted { $0.commit < $1.commit }
        return result
    }
}
