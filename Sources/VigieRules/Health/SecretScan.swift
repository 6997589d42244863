public import VigieCore

/// The secret scan of the audited tree: text files only, each under a per-file cap, all within a
/// total byte budget, the likeliest files first. Says exactly what was and was not read, so that
/// "no secret found" is never claimed for files nobody looked at.
public struct SecretScan: Sendable {
    public struct Limits: Sendable, Hashable {
        public let maxFileBytes: Int
        public let maxTotalBytes: Int
    }

    public let limits: Limits
    /// Findings that count, by path then line.
    public let findings: [SecretFinding]
    /// Findings accepted by an inline marker.
    public let allowed: [SecretFinding]
    public let filesScanned: Int
    public let bytesScanned: Int
    /// Files over the per-file cap, not read.
    public let tooLarge: [String]
    /// Binary files: by extension (not read) or by content (a NUL byte in the first 8000 bytes).
    public let binary: Int
    /// Lock files and other files health.yml says never to read.
    public let skipped: Int
    /// Files left unread because the budget was spent.
    public let overBudget: Int

    public var budgetReached: Bool { overBudget > 0 }

    /// The scan with `limits`, once per snapshot and limits: `facts.security` (the rule's default
    /// limits) and a rule with the same limits share one scan; other limits make their own.
    static func of(_ snapshot: RepositorySnapshot, data: RuleData, limits: Limits) throws -> SecretScan {
        let scan = try snapshot.memoised("health.secrets", limits) {
            try SecretScan(ContentPass.of(snapshot, data: data), data.health.secrets, limits: limits)
        }
        // Every scan's values, whatever its limits, are what the scorecard is masked with.
        SecretValuesFound.of(snapshot).add((scan.findings + scan.allowed).map(\.value))
        return scan
    }

    init(_ pass: ContentPass, _ conventions: SecretConventions, limits: Limits) throws {
        let snapshot = pass.snapshot
        self.limits = limits
        let scanner = SecretScanner(conventions)
        let (ordered, binaryByName, skipped) = Self.candidates(snapshot, conventions)
        var binary = binaryByName

        snapshot.willRead(ordered.map(\.entry), cap: Int64(limits.maxFileBytes))
        var found: [SecretFinding] = []
        var filesScanned = 0, bytesRead = 0, bytesScanned = 0, overBudget = 0
        var tooLarge: [String] = []
        for (entry, path) in ordered {
            // Unknown size (an absent or corrupt object): the snapshot records that this rule needed it.
            guard let size = snapshot.size(of: entry) else { continue }
            if size > Int64(limits.maxFileBytes) {
                tooLarge.append(entry.path)
                continue
            }
            // A file that no longer fits in the budget is left unread; smaller ones after it may still fit.
            if bytesRead + Int(size) > limits.maxTotalBytes {
                overBudget += 1
                continue
            }
            // The global budget of all the content scans, after the scan's own (which it reports as before).
            guard pass.admits(entry, size: size) else {
                overBudget += 1
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try snapshot.bytes(of: entry, cap: Int64(limits.maxFileBytes))
            } catch is ContentTooLarge {
                tooLarge.append(entry.path)
                continue
            }
            bytesRead += bytes.count
            // Binary by git's test (TextDecoding): a NUL byte in the first 8000 bytes, no UTF-16 BOM.
            // Text is scanned decoded (UTF-8, LF), so UTF-16 and CR-only files get their real lines;
            // the decoding is the snapshot's, shared with the other scans of the same file.
            guard let decoded = snapshot.decoded(entry, bytes: bytes) else {
                binary += 1
                continue
            }
            filesScanned += 1
            bytesScanned += bytes.count
            found += scanner.scan(decoded.utf8, path: entry.path, isEnvFile: Self.isEnvFile(path, conventions))
        }
        found.sort { ($0.path, $0.line) < ($1.path, $1.line) }
        self.findings = found.filter { !$0.allowed }
        self.allowed = found.filter(\.allowed)
        self.filesScanned = filesScanned
        self.bytesScanned = bytesScanned
        self.tooLarge = tooLarge.sorted()
        self.binary = binary
        self.skipped = skipped
        self.overBudget = overBudget
    }

    /// The files the scan may read, likeliest first (.env, keys, configuration), each group in path
    /// order (deterministic), with the counts of the files skipped by name and binary by extension.
    /// `among`: only these entries (in tree order), for a caller that wants few of them.
    static func candidates(_ snapshot: RepositorySnapshot, _ conventions: SecretConventions, among: [SnapshotEntry]? = nil)
        -> (ordered: [(entry: SnapshotEntry, path: SnapshotEntryPath)], binary: Int, skipped: Int) {
        var binary = 0, skipped = 0
        var candidates: [(entry: SnapshotEntry, path: SnapshotEntryPath)] = []
        for entry in among ?? snapshot.entries where entry.kind == .file || entry.kind == .executable {
            let path = SnapshotEntryPath(entry.path)
            if conventions.skip.matches(path) {
                skipped += 1
            } else if let ext = path.extensionKey, conventions.binaryExtensions.contains(ext) {
                binary += 1
            } else {
                candidates.append((entry, path))
            }
        }
        let isPriority = candidates.map { conventions.priority.matches($0.path) }
        let ordered = zip(candidates, isPriority).filter { $0.1 }.map(\.0) + zip(candidates, isPriority).filter { !$0.1 }.map(\.0)
        return (ordered, binary, skipped)
    }

    /// A `.env` file whose `NAME=value` lines hold real values (not an example, not a local stack's).
    static func isEnvFile(_ path: SnapshotEntryPath, _ conventions: SecretConventions) -> Bool {
        conventions.envFiles.matches(path) && !conventions.envExamples.matches(path) && !conventions.envLocalStacks.matches(path)
    }

    /// Counts by kind id, sorted by id.
    static func countByKind(_ findings: [SecretFinding]) -> [(kind: String, count: Int)] {
        Dictionary(grouping: findings, by: \.kind).map { ($0.key, $0.value.count) }.sorted { $0.kind < $1.kind }
    }

    /// `facts.security`: counts only, never a value (and no paths: those are in the check's evidence).
    func facts() -> JSONValue {
        .object([
            "secrets": .object([
                "findings": .int(findings.count),
                "by_kind": .object(Dictionary(uniqueKeysWithValues: Self.countByKind(findings).map { ($0.kind, JSONValue.int($0.count)) })),
                "allowed": .int(allowed.count),
            ]),
            "scanned": .object(["files": .int(filesScanned), "bytes": .int(bytesScanned)]),
            "not_scanned": .object([
                "too_large": .int(tooLarge.count),
                "binary": .int(binary),
                "skipped": .int(skipped),
                "over_budget": .int(overBudget),
            ]),
            "budget_reached": .bool(budgetReached),
            "limits": .object(["max_file_bytes": .int(limits.maxFileBytes), "max_total_bytes": .int(limits.maxTotalBytes)]),
        ])
    }
}

/// Contributes `facts.security`.
public struct SecurityFacts: FactProvider {
    public let key = "security"
    let data: RuleData
    public init(data: RuleData) { self.data = data }
    public func facts(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> JSONValue {
        try SecretScan.of(snapshot, data: data, limits: SecuritySecretsRule.defaultLimits).facts()
    }
}
