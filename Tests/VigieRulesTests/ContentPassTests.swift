import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// One read pass (issue 14): the content scans share each file's one read and one decoding, and a
/// global budget that is the same whatever the order the families ask in.
@Suite("Content pass: one read, one decoding, one global budget")
struct ContentPassTests {
    let context = AuditContext(asOf: Day(iso: "2026-11-30")!, language: .en)

    /// `index.html` is a candidate of every content family: the secret scan (a text file), the
    /// accessibility scan (a page with the « Accessibilité : … » mention), the open-data scan (a
    /// data.gouv.fr link), the licence-header sample (an HTML source with an SPDX line); the README
    /// is read by the README analyses and the same scans.
    static let files: [String: String] = [
        "index.html": """
            <!-- SPDX-License-Identifier: MIT -->
            <html lang="fr"><body>
            <a href="https://www.data.gouv.fr/fr/datasets/aides-locales/">Les données locales</a>
            <footer>Accessibilité : partiellement conforme</footer>
            <script>const token = "ghp_0123456789abcdefABCDEF0123456789abcd";</script>
            </body></html>
            """,
        "README.md": """
            # Aides

            Les données sont publiées sur https://www.data.gouv.fr/fr/datasets/base-des-aides/ sous licence ouverte.

            ## Installation

            `npm install`

            ## Licence

            MIT
            """,
        "CONTRIBUTING.md": "# Contribuer\n\nOuvrez une issue.\n",
        "package.json": #"{"name": "aides", "private": true, "license": "MIT", "dependencies": {"react": "18.0.0"}}"#,
        "data/aides.csv": "id,nom\n1,logement\n",
    ]

    func snapshot(scanBudget: Int64 = RepositorySnapshot.defaultScanBudget, sizes: [String: Int64] = [:]) -> (RepositorySnapshot, ScanRecordingReader) {
        let reader = ScanRecordingReader(scanFiles(Self.files), sizes: sizes)
        let entries = Self.files.keys.sorted().map { SnapshotEntry(path: $0) }
        return (RepositorySnapshot(name: "test", entries: entries, reader: reader, scanBudget: scanBudget), reader)
    }

    func audit(_ snapshot: RepositorySnapshot) throws -> AuditEngine.Result {
        try RuleSet.load(directory: PackagePaths.rules.path, id: "eig").engine.run(snapshot, context: context)
    }

    @Test("a file every family scans is read once and decoded once")
    func readOnce() throws {
        let (snapshot, reader) = snapshot()
        let result = try audit(snapshot)
        // Every family did look at index.html…
        let facts = result.facts
        #expect(facts["security"]?["secrets"]?["findings"] == .int(1))
        #expect(facts["accessibility"]?["mention"]?["path"] == .string("index.html"))
        #expect(facts["open_data"]?["evidence"].map { "\($0)".contains("index.html") } == true)
        #expect(try DeclaredLicences.of(snapshot, data: ruleData).contains { $0.source == "spdx-header" && $0.path == "index.html" })
        // …and the repository was asked for each file's content once.
        #expect(reader.reads.filter { $0 == "index.html" }.count == 1)
        #expect(reader.reads.filter { $0 == "README.md" }.count == 1)
        #expect(reader.reads.count == Set(reader.reads).count, "read twice: \(reader.reads)")
        // Each file read was decoded at most once, and the account says what was read.
        #expect(snapshot.reading.filesDecoded <= snapshot.reading.filesRead)
        #expect(snapshot.reading.filesRead == reader.reads.count)
        let bytes = reader.reads.reduce(0) { $0 + Self.files[$1]!.utf8.count }
        #expect(facts["reading"]?["bytes_read"] == .int(bytes))
        #expect(facts["reading"]?["files_read"] == .int(reader.reads.count))
        #expect(facts["reading"]?["skipped"] == .array([]))
    }

    @Test("the global budget refuses the largest text files to every scan, and says so")
    func budget() throws {
        // index.html is claimed to be 500 KB, within every family's own per-file limit (512 KiB): a
        // 100 KB budget holds the four other candidates (a few hundred bytes) but not it, and five
        // candidates at the 1 MiB read cap could exceed it, so the plan sizes them.
        let claimed: Int64 = 500_000
        let (snapshot, reader) = snapshot(scanBudget: 100_000, sizes: ["index.html": claimed])
        let result = try audit(snapshot)
        #expect(!reader.reads.contains("index.html"))
        let skipped = result.facts["reading"]?["skipped"]
        #expect(skipped == .array([.object(["path": .string("index.html"), "size": .int(Int(claimed)), "reason": .string("over_read_budget")])]))
        #expect(result.facts["reading"]?["scan_budget_bytes"] == .int(100_000))
        // The scans report it as they report their own limits: unread, with the global reason.
        let unread = result.facts["accessibility"]?["unread"]
        #expect(unread.map { "\($0)".contains("over_read_budget") } == true)
        #expect(result.facts["security"]?["not_scanned"]?["over_budget"] == .int(1))
        #expect(snapshot.reading.bytesRead <= snapshot.scanBudget)
    }

    @Test("a budget that refuses nothing changes no verdict and no fact but facts.reading")
    func verdictsUnchanged() throws {
        let (unbounded, _) = snapshot(scanBudget: .max)
        let (exact, _) = snapshot(scanBudget: Int64(Self.files.values.reduce(0) { $0 + $1.utf8.count }))
        let (tiny, _) = snapshot(scanBudget: 1)
        let a = try audit(unbounded), b = try audit(exact), c = try audit(tiny)
        #expect(a.checks == b.checks)
        #expect(a.facts.filter { $0.key != "reading" } == b.facts.filter { $0.key != "reading" })
        // Five candidates at the 1 MiB read cap exceed a 1-byte budget: the plan is sized, and every
        // scan sees nothing. Targeted reads (README, licence, community files) are outside the budget.
        #expect(c.facts["reading"]?["skipped"].map { "\($0)".contains("index.html") } == true)
        #expect(c.checks.first { $0.id == "readme.present" }?.status == a.checks.first { $0.id == "readme.present" }?.status)
    }

    @Test("which files the budget refuses does not depend on which family asks first")
    func orderFree() throws {
        let security = SecurityFacts(data: ruleData), accessibility = AccessibilityFacts(data: ruleData)
        let (first, _) = snapshot(scanBudget: 1_000, sizes: ["index.html": 500_000])
        let securityFirst = try [security.facts(first, context: context), accessibility.facts(first, context: context)]
        let (second, _) = snapshot(scanBudget: 1_000, sizes: ["index.html": 500_000])
        let accessibilityFirst = try [accessibility.facts(second, context: context), security.facts(second, context: context)]
        #expect(first.reading.refused == second.reading.refused)
        #expect(first.reading.refused.map(\.path) == ["index.html"])
        #expect(securityFirst == Array(accessibilityFirst.reversed()))
    }

    @Test("an audited snapshot is freed: the memoised pass does not hold it (a cycle leaked every snapshot)")
    func snapshotIsFreed() throws {
        weak var freed: RepositorySnapshot?
        try {
            let (snapshot, _) = self.snapshot()
            _ = try audit(snapshot)
            freed = snapshot
            #expect(freed != nil)
        }()
        #expect(freed == nil, "the snapshot outlived its audit")
    }
}
