public import VigieCore

/// Commit activity computed from the history alone (no forge API, no token), relative to `--as-of`.
///
/// Dates are committer dates (when work landed), in UTC. The walk streams: it keeps counters and one
/// entry per identity, never one per commit. Identities are e-mail addresses after `.mailmap`,
/// compared without case, forge no-reply ids folded; bots are counted apart. Without a `.mailmap`,
/// identities that are obviously one person (same normalised name, same forge login) are merged into
/// one person (rules/data/people.yml); `identities` keeps the count before that merge.
public struct ActivityAnalysis: Sendable {
    public struct Person: Sendable, Equatable {
        public var name: String
        public var commits: Int
        public var commitsInYear: Int
    }

    public struct Month: Sendable, Equatable {
        /// `YYYY-MM`.
        public let month: String
        public let commits: Int
    }

    public let commits: Int
    public let commitsInYear: Int
    public let merges: Int
    public let firstCommit: Int64?
    public let lastCommit: Int64?
    /// The 12 calendar months ending with the as-of month, oldest first.
    public let monthly: [Month]
    /// Humans, most commits first (ties by name).
    public let people: [Person]
    public let bots: [Person]
    /// Human identities (e-mail addresses after `.mailmap`) before people are merged, and those
    /// with a commit in the last 365 days.
    public let identities: Int
    public let identitiesInYear: Int
    public let tags: [SnapshotTag]
    public let asOf: Day
    /// Commits the walk could not read (absent, corrupt, malformed): the history stops there, and
    /// every figure above counts the commits present.
    public let historyGaps: [HistoryGap]
    /// Commits read with a malformed header (author without e-mail, overflowing date…), which git
    /// shows and `git fsck` only warns about: counted like the others, and listed here.
    public let malformedCommits: [MalformedCommit]

    public var activeMonths: Int { monthly.filter { $0.commits > 0 }.count }
    public var botCommits: Int { bots.reduce(0) { $0 + $1.commits } }
    public var authorsInYear: Int { people.filter { $0.commitsInYear > 0 }.count }
    public var humanCommitsInYear: Int { people.reduce(0) { $0 + $1.commitsInYear } }

    /// CHAOSS contributor absence factor over the last 365 days: the fewest people who made half of
    /// the human commits. 0 when there were none.
    public var absenceFactor: Int {
        let counts = people.map(\.commitsInYear).filter { $0 > 0 }.sorted(by: >)
        let total = counts.reduce(0, +)
        guard total > 0 else { return 0 }
        var sum = 0
        for (index, count) in counts.enumerated() {
            sum += count
            if sum * 2 >= total { return index + 1 }
        }
        return counts.count
    }

    /// Share of the last 365 days' human commits made by the most active person.
    public var topAuthorShare: Double {
        let total = humanCommitsInYear
        guard total > 0 else { return 0 }
        return Double(people.map(\.commitsInYear).max() ?? 0) / Double(total)
    }

    /// Days between the last commit and the as-of day (0 when on that day or later).
    public var daysSinceLastCommit: Int64? {
        lastCommit.map { max(0, asOf.daysSinceEpoch - Day(secondsSinceEpoch: $0).daysSinceEpoch) }
    }

    public var latestTag: SnapshotTag? { tags.max { ($0.time, $1.name) < ($1.time, $0.name) } }

    public func tagsInYear() -> [SnapshotTag] {
        let start = asOf.adding(days: -364).daysSinceEpoch * 86_400
        let end = asOf.adding(days: 1).daysSinceEpoch * 86_400
        return tags.filter { $0.time >= start && $0.time < end }
    }

    /// Walks the snapshot's history once (memoised per snapshot).
    public static func of(_ snapshot: RepositorySnapshot, context: AuditContext, data: RuleData) throws -> ActivityAnalysis {
        try snapshot.analysis("activity") {
            try ActivityAnalysis(snapshot, asOf: context.asOf, conventions: data.activity, people: data.people)
        }
    }

    init(_ snapshot: RepositorySnapshot, asOf: Day, conventions: ActivityConventions, people: PeopleConventions) throws {
        self.asOf = asOf
        let (asOfYear, asOfMonth, _) = asOf.components
        let lastMonthIndex = asOfYear * 12 + asOfMonth - 1
        // Tags first: listing them goes through every reference (53,000 on a mirror of rails, its pull
        // requests'), work that overlaps the walk when it still runs on its own thread. The walk's
        // error, if any, is still the one reported.
        let tags = Result { try snapshot.tags() }
        // The walk counts (integers, one entry per author identity); only identities become people here.
        let tally = try snapshot.tallyHistory(HistoryWindow(asOf: asOf))
        // One entry per distinct identity seen in commits: tiny next to the history.
        var byKey: [String: Person] = [:]
        // The names each identity used, with their commit counts: the shown name, and the merge.
        var namesByKey: [String: [String: Int]] = [:]
        var botKeys: Set<String> = []
        // Authors come in order of first appearance in the walk, so a person's first name is the
        // one its first commit used, as when commits were counted one by one.
        for author in tally.authors {
            let key = conventions.personKey(email: author.email)
            if conventions.isBot(name: author.name, email: author.email) { botKeys.insert(key) }
            var person = byKey[key] ?? Person(name: author.name, commits: 0, commitsInYear: 0)
            person.commits += author.commits
            person.commitsInYear += author.commitsInYear
            byKey[key] = person
            namesByKey[key, default: [:]][author.name, default: 0] += author.commits
        }
        self.historyGaps = tally.gaps
        let malformed = tally.malformed
        let commits = tally.commits, commitsInYear = tally.commitsInYear, merges = tally.merges
        let first = tally.first, last = tally.last
        let monthCounts = tally.monthly

        self.malformedCommits = malformed.sorted { $0.commit < $1.commit }
        self.commits = commits
        self.commitsInYear = commitsInYear
        self.merges = merges
        self.firstCommit = first
        self.lastCommit = last
        self.monthly = (0..<12).map { index in
            let monthIndex = lastMonthIndex - 11 + index
            let label = "\(pad4(monthIndex / 12))-\(monthIndex % 12 + 1 < 10 ? "0" : "")\(monthIndex % 12 + 1)"
            return Month(month: label, commits: monthCounts[index])
        }
        let order: (Person, Person) -> Bool = { ($0.commits, $1.name) > ($1.commits, $0.name) }
        let humanKeys = byKey.keys.filter { !botKeys.contains($0) }.sorted()
        self.identities = humanKeys.count
        self.identitiesInYear = humanKeys.filter { (byKey[$0]?.commitsInYear ?? 0) > 0 }.count
        // With a .mailmap the project has said who is who; without one, obvious twins are merged.
        let hasMailmap = snapshot.entries.contains { $0.path == ".mailmap" }
        self.people = Self.merge(humanKeys, byKey: byKey, names: namesByKey, conventions: hasMailmap ? nil : people).sorted(by: order)
        self.bots = byKey.filter { botKeys.contains($0.key) }.map(\.value).sorted(by: order)
        self.tags = try tags.get()
    }

    /// People from identities (sorted keys): each identity alone when `conventions` is nil, else
    /// identities sharing a normalised name or a forge login joined. A person's commits are the sum
    /// of its identities'; its name is the one used in most commits (ties: the first in order).
    static func merge(_ keys: [String], byKey: [String: Person], names: [String: [String: Int]],
                      conventions: PeopleConventions?) -> [Person] {
        let displayName = { (counts: [String: Int], fallback: String) -> String in
            counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? fallback
        }
        guard let conventions else {
            return keys.compactMap { key in
                byKey[key].map { Person(name: displayName(names[key] ?? [:], $0.name), commits: $0.commits, commitsInYear: $0.commitsInYear) }
            }
        }
        let joinKeys = keys.map { key -> [String] in
            var nameKeys = (names[key] ?? [:]).keys.compactMap(conventions.nameKey)
            var found: [String] = []
            if let login = conventions.noreplyLogin(key) {
                found.append("login:" + login)
                if let handle = conventions.loginHandle(login) { found.append("handle:" + handle) }
            } else if let spelled = conventions.addressName(key) {
                nameKeys.append(spelled)
            }
            found += nameKeys.map { "name:" + $0 }
            // "aainsa" (a login) and "Alice Ainsa" (a name, or alice.ainsa@): first initial and surname.
            found += nameKeys.compactMap(conventions.initialSurnameHandle).map { "handle:" + $0 }
            return Array(Set(found)).sorted()
        }
        let groups = IdentityMerger.groups(keys: joinKeys)
        var members: [Int: [String]] = [:]
        for (index, group) in groups.enumerated() { members[group, default: []].append(keys[index]) }
        return members.keys.sorted().compactMap { group in
            let identities = members[group] ?? []
            var commits = 0, inYear = 0
            var counts: [String: Int] = [:]
            for key in identities {
                guard let person = byKey[key] else { continue }
                commits += person.commits
                inYear += person.commitsInYear
                for (name, count) in names[key] ?? [person.name: person.commits] { counts[name, default: 0] += count }
            }
            guard commits > 0 else { return nil }
            return Person(name: displayName(counts, identities.first ?? ""), commits: commits, commitsInYear: inYear)
        }
    }

    /// `facts.activity` of the scorecard. Contributor names are left out when `anonymize` is set.
    func facts(conventions: ActivityConventions, anonymize: Bool) -> JSONValue {
        let iso = { (time: Int64?) -> JSONValue in time.map { .string(isoTimestamp(seconds: $0, offsetMinutes: 0)) } ?? .null }
        let latest = latestTag
        var object: [String: JSONValue] = [
            "first_commit": iso(firstCommit),
            "last_commit": iso(lastCommit),
            "days_since_last_commit": daysSinceLastCommit.map { .int(Int($0)) } ?? .null,
            "commits": .int(commits),
            "commits_365d": .int(commitsInYear),
            "monthly": .array(monthly.map { .object(["month": .string($0.month), "commits": .int($0.commits)]) }),
            "active_months": .int(activeMonths),
            "authors": .int(people.count),
            "authors_365d": .int(authorsInYear),
            "identities": .int(identities),
            "identities_365d": .int(identitiesInYear),
            "absence_factor": .int(absenceFactor),
            "top_author_share": .double((topAuthorShare * 1000).rounded() / 1000),
            "merges": .int(merges),
            "bots": .object(["commits": .int(botCommits), "names": .array(bots.map { .string($0.name) })]),
            "tags": .object([
                "count": .int(tags.count),
                "latest": latest.map { .string($0.name) } ?? .null,
                "latest_date": iso(latest?.time),
                "count_365d": .int(tagsInYear().count),
                "semver": .bool(!tags.isEmpty && tags.allSatisfy { conventions.isSemver($0.name) }),
            ]),
            "shallow": .bool(false),
            "history_complete": .bool(historyGaps.isEmpty),
            "history_gaps": .array(historyGaps.prefix(10).map { gap in
                .object(["commit": .string(gap.commit), "child": .string(gap.child), "reason": .string(gap.reason.code)])
            }),
            "malformed_commits": .object([
                "count": .int(malformedCommits.count),
                "commits": .array(malformedCommits.prefix(10).map { .object(["commit": .string($0.commit), "reason": .string($0.reason)]) }),
            ]),
        ]
        if !anonymize {
            object["contributors"] = .array(people.prefix(10).map { .object(["name": .string($0.name), "commits": .int($0.commits)]) })
        }
        return .object(object)
    }
}

private func pad4(_ value: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// Contributes `facts.activity`.
public struct ActivityFacts: FactProvider {
    public let key = "activity"
    public var readsHistory: Bool { true }
    let data: RuleData
    public init(data: RuleData) { self.data = data }
    public func facts(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> JSONValue {
        guard case .object(var object) = try ActivityAnalysis.of(snapshot, context: context, data: data)
            .facts(conventions: data.activity, anonymize: context.anonymize) else { return .null }
        object["shallow"] = .bool(snapshot.isShallow)
        return .object(object)
    }
}
