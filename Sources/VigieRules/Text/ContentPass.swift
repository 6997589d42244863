import VigieCore

/// The one bounded read pass of the content scans (issue 14): the secret scan, the accessibility
/// and open-data scans (through `BudgetedReader`) and the licence-header sample read the audited
/// tree through it. Each file is read once and decoded once (the snapshot memoises both), every
/// family's matcher runs on that one decoded text, and the bytes the scans read together stay
/// within one global budget, `RepositorySnapshot.scanBudget`, reported in `facts.reading`.
///
/// The budget is decided before any file is read, from the tree alone, so that which files it
/// refuses does not depend on which family asks first: rules stay independent of their order. The
/// text candidates (regular files the snapshot may read, not binary by their extension) are taken
/// smallest first until the budget is spent; the larger ones are refused to every scan, each of which
/// reports them as it reports its own budget's refusals. A family's own limits still apply first.
final class ContentPass {
    /// Unowned: the pass is memoised in the snapshot's analyses, so a strong reference back would be a
    /// cycle, and every audited snapshot would leak (the fuzzers' LeakSanitizer found it; a fleet
    /// worker audits repository after repository in one process).
    unowned let snapshot: RepositorySnapshot
    /// Extensions no scan reads as text (rules/data/health.yml `secrets.binary_extensions`).
    private let binaryExtensions: Set<String>
    /// The candidates the budget lets the scans read; nil when every candidate fits.
    private let admitted: Set<String>?

    /// The pass of `snapshot`, planned once whatever family asks first.
    static func of(_ snapshot: RepositorySnapshot, data: RuleData) -> ContentPass {
        snapshot.analysis("content-pass") { ContentPass(snapshot, binaryExtensions: data.health.secrets.binaryExtensions) }
    }

    init(_ snapshot: RepositorySnapshot, binaryExtensions: Set<String>) {
        self.snapshot = snapshot
        self.binaryExtensions = binaryExtensions
        admitted = Self.plan(snapshot, binaryExtensions: binaryExtensions)
    }

    var budget: Int64 { snapshot.scanBudget }

    /// True when the global budget lets a scan read `entry`, of `size` bytes; a refusal is recorded
    /// for `facts.reading`. Files that are not text candidates (binary by their extension) are outside
    /// the plan: no shipped scan asks for one, and one that does reads it (counted in `facts.reading`).
    func admits(_ entry: SnapshotEntry, size: Int64) -> Bool {
        // Over the read cap, the snapshot itself refuses the file, as it always has.
        guard let admitted, size <= snapshot.readCap, isCandidate(entry), !admitted.contains(entry.path) else { return true }
        snapshot.reading.refuse(path: entry.path, size: size)
        return false
    }

    private func isCandidate(_ entry: SnapshotEntry) -> Bool {
        Self.isCandidate(entry, binaryExtensions: binaryExtensions)
    }

    private static func isCandidate(_ entry: SnapshotEntry, binaryExtensions: Set<String>) -> Bool {
        guard entry.kind == .file || entry.kind == .executable else { return false }
        guard let ext = SnapshotEntryPath(entry.path).extensionKey else { return true }
        return !binaryExtensions.contains(ext)
    }

    /// The candidates admitted, smallest first (then by path) while they fit; nil when all fit. A tree
    /// whose candidates could not exceed the budget even at the read cap each is not sized at all. Sizes
    /// come from `state(of:)`, which records no rule as needing an unreadable file: files whose size
    /// is unknown are left to the scans, which report them as they always have.
    private static func plan(_ snapshot: RepositorySnapshot, binaryExtensions: Set<String>) -> Set<String>? {
        let candidates = snapshot.entries.filter { isCandidate($0, binaryExtensions: binaryExtensions) }
        if Int64(candidates.count) * snapshot.readCap <= snapshot.scanBudget { return nil }
        let sized = candidates.compactMap { entry -> (path: String, size: Int64)? in
            guard case .readable(let size) = snapshot.state(of: entry), size <= snapshot.readCap else { return nil }
            return (entry.path, size)
        }.sorted { ($0.size, $0.path) < ($1.size, $1.path) }
        var admitted: Set<String> = []
        var total: Int64 = 0
        for (path, size) in sized {
            guard total + size <= snapshot.scanBudget else { break }
            total += size
            admitted.insert(path)
        }
        return admitted.count == sized.count ? nil : admitted
    }
}
