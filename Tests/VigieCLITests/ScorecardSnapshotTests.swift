import Foundation
import Testing
import VigieAudit
import VigieCore
import VigieReport
import VigieTestSupport

/// Every fixture's scorecard, byte for byte, against the one recorded in `Tests/Snapshots/`: a speed
/// change (a faster walk, one read pass, data built at compile time) must not move a single byte of
/// any scorecard, and a change that means to must show, in review, every scorecard it moves.
///
/// Record again after an intended change: `VIGIE_RECORD_SNAPSHOTS=1 swift test --filter ScorecardSnapshot`,
/// then read the diff of `Tests/Snapshots/` before committing it.
@Suite("Scorecard snapshots: every fixture's scorecard is the recorded one")
struct ScorecardSnapshotTests {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/Snapshots")
    static let recording = ProcessInfo.processInfo.environment["VIGIE_RECORD_SNAPSHOTS"] == "1"

    /// The scorecard as recorded: the fixture's temporary path is the one thing that changes between
    /// runs (commit ids, dates and authors are fixed by the fixture specs).
    static func scorecard(_ fixture: String, language: Language) throws -> String {
        let auditor = Auditor(ruleSet: try Auditor.loadRuleSet(sources: .builtIn, id: "eig"))
        let scratch = try TemporaryDirectory()
        let url = try FixtureBuilder.build(fixture, in: scratch)
        let request = AuditRequest(path: url.path, asOf: Day(iso: "2026-11-30")!, language: language)
        var card = try auditor.audit(request)
        card.repository.source = "fixtures/\(fixture).yml"
        return try JSONRenderer.render(card)
    }

    @Test("each fixture's scorecard (English) is byte for byte the recorded one", arguments: ConcurrentHistoryTests.fixtures)
    func english(fixture: String) throws {
        try compare(fixture: fixture, language: .en, file: "\(fixture).en.json")
    }

    @Test("French scorecards too, on the fixtures that exercise most rules", arguments: ["eig-complete", "bare-eig", "empty"])
    func french(fixture: String) throws {
        try compare(fixture: fixture, language: .fr, file: "\(fixture).fr.json")
    }

    private func compare(fixture: String, language: Language, file: String) throws {
        let actual = try Self.scorecard(fixture, language: language)
        let expectedURL = Self.folder.appendingPathComponent(file)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: expectedURL)
        }
        let expected = try #require(try? String(contentsOf: expectedURL, encoding: .utf8),
                                    "no recorded scorecard \(file): record it with VIGIE_RECORD_SNAPSHOTS=1 swift test --filter ScorecardSnapshot")
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
        let where_ = first.map { "line \($0.offset + 1): expected \($0.element.1) but got \($0.element.0)" }
            ?? "lengths differ (\(expectedLines.count) recorded lines, \(actualLines.count) now)"
        #expect(actual == expected, "\(file) moved: \(where_)")
    }
}
