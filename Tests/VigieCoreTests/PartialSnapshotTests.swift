import Testing
import VigieCore

/// A rule that asks for the sizes of `paths` through a shared analysis, then passes: what a bulk
/// scanner does. The analysis is computed once per snapshot, so a second rule is served from the cache.
private struct SizesRule: Rule {
    let metadata: RuleMetadata
    let paths: [String]

    init(_ id: String, paths: [String]) {
        metadata = RuleMetadata(id: id, category: RuleCategory.named("quality")!, defaultWeight: 1,
                                title: .same(id), rationale: .same("r"), remediation: .same("f"))
        self.paths = paths
    }

    func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let total = snapshot.analysis("sizes") {
            paths.compactMap { snapshot.entry(at: $0).flatMap(snapshot.size(of:)) }.reduce(0, +)
        }
        return .pass(.same("\(total) bytes"))
    }
}

/// A rule that only looks at names: it needs no content.
private struct NamesRule: Rule {
    let metadata = RuleMetadata(id: "licence.named", category: RuleCategory.named("licence")!, defaultWeight: 1,
                                title: .same("t"), rationale: .same("r"), remediation: .same("f"))
    func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        snapshot.entry(at: "LICENSE") != nil ? .pass(.same("found")) : .fail(.same("none"))
    }
}

/// A scanner that reads every file it can and fails on each one holding "KEY": what `security.secrets` does.
private struct ScanRule: Rule {
    let metadata = RuleMetadata(id: "security.scan", category: RuleCategory.named("security")!, defaultWeight: 1,
                                title: .same("t"), rationale: .same("r"), remediation: .same("f"))
    func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        var findings: [Finding] = []
        for entry in snapshot.entries where entry.kind == .file {
            guard let text = try? snapshot.text(of: entry) else { continue }
            if text.contains("KEY") { findings.append(Finding(path: entry.path, line: 1, message: .same("a key"))) }
        }
        return findings.isEmpty ? .pass(.same("none")) : .fail(.same("\(findings.count) key(s)"), findings)
    }
}

@Suite("Partial snapshots: what could not be read, and which rules needed it")
struct PartialSnapshotTests {
    let context = AuditContext(asOf: Day(iso: "2026-06-30")!, language: .en)

    func snapshot() -> RepositorySnapshot {
        RepositorySnapshot(files: ["LICENSE": "MIT", "README.md": "# Projet"],
                           unreadable: ["data/big.csv": .absentFromPartialClone, "vendor/lib": .submodule(url: "https://example.org/lib.git")])
    }

    @Test("a rule needing an absent file is an error naming it and the fix; a rule needing none keeps its verdict")
    func needsBecomeErrors() {
        let rules = [ConfiguredRule(rule: SizesRule("quality.sizes", paths: ["README.md", "data/big.csv"]), weight: 1),
                     ConfiguredRule(rule: NamesRule(), weight: 1)]
        let result = AuditEngine(rules: rules, factProviders: []).run(snapshot(), context: context)
        let checks = Dictionary(uniqueKeysWithValues: result.checks.map { ($0.id, $0) })
        #expect(checks["quality.sizes"]?.status == .error)
        #expect(checks["quality.sizes"]?.message == "Could not check: unreadable file: data/big.csv (absent from this partial clone). Fetch the objects (`git fetch --refetch`, or a clone without `--filter`).")
        #expect(checks["quality.sizes"]?.evidence.map(\.path) == ["data/big.csv"])
        #expect(checks["licence.named"]?.status == .pass)
        #expect(result.score == 100) // the error leaves both sides
    }

    @Test("a scanner that found something in the files it could read keeps its findings after the unreadable files (ProgrammeVitam/vitam)")
    func partialFindingsKept() {
        let snapshot = RepositorySnapshot(files: ["id_rsa": "KEY", "README.md": "# Projet"], unreadable: ["data/big.csv": .absentFromPartialClone])
        let result = AuditEngine(rules: [ConfiguredRule(rule: ScanRule(), weight: 1)], factProviders: []).run(snapshot, context: context)
        let check = result.checks[0]
        #expect(check.status == .error)
        #expect(check.evidence.map(\.path) == ["data/big.csv", "id_rsa"])
        #expect(check.message.hasSuffix("In the files it could read: 1 key(s)"))
        // Nothing found in the readable files: only the unreadable ones are listed.
        let clean = RepositorySnapshot(files: ["README.md": "# Projet"], unreadable: ["data/big.csv": .absentFromPartialClone])
        let quiet = AuditEngine(rules: [ConfiguredRule(rule: ScanRule(), weight: 1)], factProviders: []).run(clean, context: context).checks[0]
        #expect(quiet.evidence.map(\.path) == ["data/big.csv"])
        #expect(!quiet.message.contains("could read"))
    }

    @Test("a rule served a shared analysis from the cache needs what the analysis needed")
    func cachedAnalysesReplayNeeds() {
        let snapshot = snapshot()
        let first = AuditEngine.evaluate(SizesRule("quality.a", paths: ["data/big.csv"]), on: snapshot, context: context)
        let second = AuditEngine.evaluate(SizesRule("quality.b", paths: ["data/big.csv"]), on: snapshot, context: context)
        #expect(first.status == .error && second.status == .error)
    }

    @Test("submodules and files over the read cap are listed but leave the audit whole")
    func byDesignIsNotPartial() throws {
        let snapshot = RepositorySnapshot(files: ["README.md": String(repeating: "a", count: 100)],
                                          unreadable: ["vendor/lib": .submodule(url: nil)])
        #expect(snapshot.size(of: try #require(snapshot.entry(at: "vendor/lib"))) == nil)
        #expect(!snapshot.isPartial)
        #expect(snapshot.unreadable.map(\.path) == ["vendor/lib"])
        let (_, needs) = snapshot.recordingNeeds { snapshot.size(of: snapshot.entry(at: "vendor/lib")!) }
        #expect(needs.isEmpty)
    }

    @Test("an LFS pointer makes the audit partial only when a rule needed its content; its size is the real file's")
    func lfsPointers() throws {
        let snapshot = RepositorySnapshot(files: [:], unreadable: ["data/communes.csv": .lfsPointer(size: 5_000_000)])
        let entry = try #require(snapshot.entry(at: "data/communes.csv"))
        #expect(snapshot.size(of: entry) == 5_000_000)
        #expect(!snapshot.isPartial)
        #expect(throws: UnreadableContent.self) { try snapshot.bytes(of: entry) }
        #expect(snapshot.isPartial)
        #expect(snapshot.partialBecause.map(\.reason) == [.lfsPointer(size: 5_000_000)])
    }

    @Test("facts.repository lists every unreadable entry with its reason, and the history gaps once walked")
    func integrityFacts() throws {
        let gap = HistoryGap(commit: String(repeating: "a", count: 40), child: String(repeating: "b", count: 40), reason: .absent)
        let snapshot = RepositorySnapshot(files: ["README.md": "x"], unreadable: ["big.bin": .absent], gaps: [gap])
        guard case .object(let before) = snapshot.integrityFacts(), case .object(let history) = before["history"] else {
            Issue.record("facts.repository is not an object")
            return
        }
        #expect(history["walked"] == .bool(false))
        try snapshot.walkHistory { _ in }
        guard case .object(let after) = snapshot.integrityFacts(), case .object(let walked) = after["history"],
              case .object(let unreadable) = after["unreadable"] else {
            Issue.record("facts.repository is not an object")
            return
        }
        #expect(after["complete"] == .bool(false))
        #expect(after["partial_clone"] == .bool(false))
        #expect(walked["complete"] == .bool(false))
        #expect(unreadable["count"] == .int(1))
        #expect(unreadable["entries"] == .array([.object(["path": .string("big.bin"), "kind": .string("file"), "reason": .string("absent")])]))
    }
}
