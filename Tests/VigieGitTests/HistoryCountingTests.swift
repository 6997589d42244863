import Foundation
import Testing
@testable import VigieGit
import VigieTestSupport

@Suite("VigieGit: the counting walk and the commit-graph path give the per-commit walk's figures")
struct HistoryCountingTests {
    /// A window around the generated history: 2024 is in the year and the months.
    static let window: ActivityWindow = {
        let day: Int64 = 86_400
        // 2024-12-31 as-of: the year is 2024-01-02…2024-12-31, the months January…December 2024.
        let starts: [Int64] = [19_723, 19_754, 19_783, 19_814, 19_844, 19_875, 19_905, 19_936, 19_967, 19_997, 20_028, 20_058, 20_089].map { $0 * day }
        return ActivityWindow(yearStart: 19_724 * day, end: 20_089 * day, monthStarts: starts)
    }()

    /// What `countHistory` must give, computed from `walkHistory`'s records one at a time.
    static func reference(_ repository: Repository, from start: ObjectID) throws -> HistoryCounts {
        var counter = HistoryCounter(window: window)
        var table = IdentityTable()
        var malformed: [(commit: ObjectID, reason: String)] = []
        let cuts = try repository.walkHistory(from: start) { record in
            let key = Array((record.author.name + "\u{0}" + record.author.email).utf8)
            let identity = key.withUnsafeBytes { table.index(of: $0) { (record.author.name, record.author.email) } }
            counter.add(identity: identity, committerTime: record.committerTime, parentCount: record.parentCount)
            if let reason = record.malformed { malformed.append((record.id, reason)) }
        }
        return counter.finish(names: table, malformed: malformed, cuts: cuts)
    }

    /// The same identities with their figures, whatever raw spelling keyed them.
    static func people(_ counts: HistoryCounts) -> [String] {
        var merged: [String: (Int, Int)] = [:]
        var order: [String] = []
        for identity in counts.identities {
            let key = identity.name + " <" + identity.email + ">"
            if merged[key] == nil { order.append(key) }
            merged[key, default: (0, 0)].0 += identity.commits
            merged[key, default: (0, 0)].1 += identity.commitsInYear
        }
        return order.map { "\($0) \(merged[$0]!.0) \(merged[$0]!.1)" }
    }

    /// A history with branches, merges, an octopus merge, authors spelt two ways and a malformed
    /// author line: `count` commits on `main`, one side branch merged every 25 commits.
    static func makeHistory(at url: URL, count: Int) throws -> (writer: RepositoryWriter, tip: ObjectID) {
        let writer = try RepositoryWriter(creatingAt: url.path, bare: true)
        let tree = try writer.tree([(path: Array("README".utf8), blob: try writer.blob(Array("x\n".utf8)), mode: 0o100644)])
        let authors = ["Ana <ana@example.org>", "Bo <bo@example.org>", "Ana Lyse <ana@example.org>", "Chloé <chloe@exemple.fr>"]
        var tip: ObjectID?
        var side: [ObjectID] = []
        for index in 0..<count {
            let parts = authors[index % authors.count].split(separator: "<")
            let time = Int64(1_690_000_000 + index * 40_000) // 2023-07 onwards, across 2024
            let person = Signature(name: String(parts[0].dropLast()), email: String(parts[1].dropLast()), time: time, offsetMinutes: 60)
            var parents = tip.map { [$0] } ?? []
            if index % 25 == 24, side.count >= 2 {
                parents += index % 50 == 49 ? side.suffix(2) : [side.last!] // an octopus every other time
                side = []
            }
            let id = try writer.commit(tree: tree, parents: parents, author: person, committer: person, message: "c\(index)\n")
            if index % 3 == 0, let base = tip {
                let branch = Signature(name: "Dee", email: "dee@example.org", time: time + 10, offsetMinutes: 0)
                side.append(try writer.commit(tree: tree, parents: [side.last ?? base], author: branch, committer: branch, message: "s\(index)\n"))
            }
            tip = id
        }
        try writer.setReference("refs/heads/main", to: tip!)
        return (writer, tip!)
    }

    @Test("countHistory equals the per-commit walk, without a graph")
    func countingWalk() throws {
        let scratch = try TemporaryDirectory()
        let url = scratch.appending("history.git")
        let (_, tip) = try Self.makeHistory(at: url, count: 400)
        let repository = try Repository(discoveringFrom: url.path)
        let counts = try repository.countHistory(from: tip, window: Self.window, commitGraph: false)
        let reference = try Self.reference(repository, from: tip)
        #expect(counts.commits == reference.commits && counts.commits > 400)
        #expect(counts.merges == reference.merges && counts.merges > 0)
        #expect(counts.monthly == reference.monthly && counts.monthly.reduce(0, +) > 0)
        #expect((counts.first, counts.last, counts.commitsInYear) == (reference.first, reference.last, reference.commitsInYear))
        #expect(Self.people(counts) == Self.people(reference))
        #expect(!counts.usedCommitGraph)
    }

    @Test("with a commit-graph (generation 1 or 2, then commits newer than the graph), two threads give the same counts",
          arguments: ["1", "2"])
    func commitGraph(generation: String) throws {
        let scratch = try TemporaryDirectory()
        let url = scratch.appending("history.git")
        var (writer, tip) = try Self.makeHistory(at: url, count: 300)
        try git(["-c", "commitGraph.generationVersion=\(generation)", "--git-dir", url.path, "commit-graph", "write", "--reachable"])
        #expect(FileManager.default.fileExists(atPath: url.appendingPathComponent("objects/info/commit-graph").path))
        for check in 0..<2 {
            let repository = try Repository(discoveringFrom: url.path)
            let sequential = try repository.countHistory(from: tip, window: Self.window, commitGraph: false)
            let graph = try repository.countHistory(from: tip, window: Self.window, graphMinimum: 0)
            #expect(graph.usedCommitGraph)
            #expect(graph == sequential, "check \(check)")
            // Then commits the graph does not hold: read on the way, the rest still from the graph.
            let tree = try writer.tree([(path: Array("NEW".utf8), blob: try writer.blob(Array("y\n".utf8)), mode: 0o100644)])
            for index in 0..<5 {
                let person = Signature(name: "Eve", email: "eve@example.org", time: 1_720_000_000 + Int64(index), offsetMinutes: 0)
                tip = try writer.commit(tree: tree, parents: [tip], author: person, committer: person, message: "n\(index)\n")
            }
        }
        _ = writer
    }

    @Test("a commit-graph the objects contradict is not used")
    func contradictedGraph() throws {
        let scratch = try TemporaryDirectory()
        let url = scratch.appending("history.git")
        let (_, tip) = try Self.makeHistory(at: url, count: 120)
        let other = scratch.appending("other.git")
        _ = try Self.makeHistory(at: other, count: 60)
        try git(["--git-dir", other.path, "commit-graph", "write", "--reachable"])
        // Another history's graph, and a truncated copy: the walk must not trust either.
        let graphPath = url.appendingPathComponent("objects/info/commit-graph")
        try FileManager.default.createDirectory(at: graphPath.deletingLastPathComponent(), withIntermediateDirectories: true)
        let foreign = try Data(contentsOf: other.appendingPathComponent("objects/info/commit-graph"))
        for bytes in [foreign, foreign.prefix(foreign.count / 2)] {
            try bytes.write(to: graphPath)
            let repository = try Repository(discoveringFrom: url.path)
            let counts = try repository.countHistory(from: tip, window: Self.window, graphMinimum: 0)
            #expect(counts == (try repository.countHistory(from: tip, window: Self.window, commitGraph: false)))
        }
    }

    @Test("the header scan reads identities, dates and problems as bytes, and interns each spelling once")
    func headerScan() {
        let tree = "tree 4b825dc642cb6eb9a060e54bf8d69288fbe4904b\n"
        // (header, name, e-mail, committer time, offset, problems)
        let samples: [(String, String, String, Int64, Int32, String?)] = [
            (tree + "author  Ana  Lyse   <ana@example.org>   1700000000 -0130\ncommitter Bo <b@x> 1700000100 +0200\n\nmsg",
             " Ana  Lyse", "ana@example.org", 1_700_000_100, -90, nil),
            (tree + "committer Bo <b@x> 99999999999999999999 +0200\nauthor Ana 17 <> 5\n", "Ana 17", "", 5, 0, "committer: date overflows"),
            (tree + "author <only@mail> 12 +0000\ncommitter Bo <b@x>\n", "", "only@mail", 12, 0, "committer: no date"),
            ("author A <a@x> 1 +0000\n", "A", "a@x", 1, 0, "no committer, tree"),
            (tree + "author Ana 1700000000 +0200\ncommitter Ana <a@x> 3 +0000\n", "Ana", "", 3, 0, "author: no e-mail"),
        ]
        var table = IdentityTable()
        for (text, name, email, time, offset, problems) in samples {
            Array(text.utf8).withUnsafeBytes { bytes in
                var parents: [ObjectID] = []
                guard let scan = CommitHeaderScan(bytes, parents: &parents) else {
                    Issue.record("scan refused \(text)")
                    return
                }
                #expect(scan.problems == problems)
                #expect(scan.committerTime == time)
                #expect((scan.author?.offsetMinutes ?? 0) == offset)
                let index = Repository.intern(scan, bytes, into: &table)
                #expect(table.names[index] == name && table.emails[index] == email)
                #expect(Repository.intern(scan, bytes, into: &table) == index)
            }
        }
        #expect(table.count == samples.count)
    }
}
