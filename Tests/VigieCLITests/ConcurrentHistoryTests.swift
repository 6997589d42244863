import Foundation
import Testing
import VigieAudit
import VigieCore
import VigieReport
import VigieTestSupport

/// The concurrent audit (history walk on its own thread, counting walk, commit-graph on two threads)
/// must give the very scorecard of the sequential one, which counts the commits one by one on the
/// audit's thread as vigie did before: compared byte for byte on every fixture.
@Suite("Concurrent audits: byte-identical to the sequential path on every fixture")
struct ConcurrentHistoryTests {
    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
    }()

    static func json(_ auditor: Auditor, _ path: URL, _ reading: HistoryReading, graphMinimum: Int = 2_000) throws -> String {
        var request = AuditRequest(path: path.path, asOf: Day(iso: "2026-11-30")!, language: .en)
        request.historyReading = reading
        request.graphWalkMinimum = graphMinimum
        return try JSONRenderer.render(try auditor.audit(request))
    }

    @Test("every fixture, sequential = concurrent = concurrent with a commit-graph read on two threads", arguments: fixtures)
    func identical(fixture: String) throws {
        let auditor = Auditor(ruleSet: try Auditor.loadRuleSet(sources: .builtIn, id: "eig"))
        let scratch = try TemporaryDirectory()
        let url = try FixtureBuilder.build(fixture, in: scratch)
        let sequential = try Self.json(auditor, url, .sequential)
        #expect(try Self.json(auditor, url, .concurrent) == sequential)
        // With a commit-graph file, and no minimum: the graph path runs even on a fixture's few commits.
        let gitDirectory = FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) ? url.appendingPathComponent(".git") : url
        guard (try? git(["-c", "commitGraph.generationVersion=1", "--git-dir", gitDirectory.path, "commit-graph", "write", "--reachable"])) != nil,
              FileManager.default.fileExists(atPath: gitDirectory.appendingPathComponent("objects/info/commit-graph").path) else {
            return // an empty fixture has no commit to put in a graph
        }
        #expect(try Self.json(auditor, url, .concurrent, graphMinimum: 0) == sequential)
    }

    @Test("the activity facts of a generated history with merges are the same through every path")
    func generatedHistory() throws {
        let auditor = Auditor(ruleSet: try Auditor.loadRuleSet(sources: .builtIn, id: "eig"))
        let scratch = try TemporaryDirectory()
        let url = try FixtureBuilder.build("activity", in: scratch)
        let sequential = try Self.json(auditor, url, .sequential)
        #expect(sequential.contains("\"activity\""))
        try git(["--git-dir", url.appendingPathComponent(".git").path, "commit-graph", "write", "--reachable"])
        #expect(try Self.json(auditor, url, .concurrent, graphMinimum: 0) == sequential)
    }
}
