import Foundation
import Testing
@testable import VigieAudit
import VigieCore
import VigieGit
import VigieReport
import VigieTestSupport

/// Reading blobs ahead on a second thread (`BlobPrefetch`) is a hint: every scorecard must be the one
/// the audit's thread alone gives, on intact, damaged and partial repositories, and the thread must
/// hand over exactly the object's bytes and keep no more than its bound.
@Suite("Read-ahead: the same scorecards, the same bytes, bounded")
struct ReadAheadTests {
    static func json(_ auditor: Auditor, _ path: URL, readsAhead: Bool) throws -> String {
        var request = AuditRequest(path: path.path, asOf: Day(iso: "2026-11-30")!, language: .en)
        request.readsAhead = readsAhead
        // Every announced scan starts the thread, however few files a fixture has.
        request.readAheadMinimum = 0
        return try JSONRenderer.render(try auditor.audit(request))
    }

    static let auditor = Result { Auditor(ruleSet: try Auditor.loadRuleSet(sources: .builtIn, id: "eig")) }

    @Test("every fixture: the scorecard read ahead is the one read on demand", arguments: ConcurrentHistoryTests.fixtures)
    func identical(fixture: String) throws {
        let auditor = try Self.auditor.get()
        let scratch = try TemporaryDirectory()
        let url = try FixtureBuilder.build(fixture, in: scratch)
        let onDemand = try Self.json(auditor, url, readsAhead: false)
        #expect(try Self.json(auditor, url, readsAhead: true) == onDemand)
    }

    @Test("a corrupt blob, a deleted blob and a blob:limit=1k clone: the same unreadable files and verdicts either way")
    func damaged() throws {
        let auditor = try Self.auditor.get()
        let scratch = try TemporaryDirectory("vigie-read-ahead")
        let corrupt = try FixtureBuilder.build("partial-source", in: scratch, as: "corrupt")
        _ = try RepositoryDamage.corruptBlob("data/communes.csv", in: corrupt)
        _ = try RepositoryDamage.deleteBlob("docs/guide.md", in: corrupt)
        let source = try FixtureBuilder.build("partial-source", in: scratch, as: "source")
        let partial = try RepositoryDamage.partialClone(of: source, filter: "blob:limit=1k", to: scratch.appending("limit.git"))
        for repository in [corrupt, partial] {
            let onDemand = try Self.json(auditor, repository, readsAhead: false)
            #expect(onDemand.contains("\"unreadable\""))
            #expect(try Self.json(auditor, repository, readsAhead: true) == onDemand)
        }
    }

    /// The partial-source fixture, opened, and its tree's entries; the scratch folder must outlive the test's reads.
    static func sourceTree() throws -> (TemporaryDirectory, Repository, [TreeEntry]) {
        let scratch = try TemporaryDirectory()
        let url = try FixtureBuilder.build("partial-source", in: scratch)
        let repository = try Repository(discoveringFrom: url.path)
        return (scratch, repository, try repository.listTree(try repository.resolveCommit("HEAD").treeID).entries)
    }

    @Test("the thread hands over each blob's bytes, leaves the skipped ones, and never the ones read on demand")
    func handover() throws {
        let (scratch, repository, entries) = try Self.sourceTree()
        defer { withExtendedLifetime(scratch) {} }
        let files = entries.filter { $0.kind == .file }.sorted { $0.path.display < $1.path.display }
        try #require(files.count >= 4)
        let prefetch = try BlobPrefetch(repository: repository)
        defer { prefetch.finish() }
        prefetch.willRead(files.map { BlobPrefetch.Item(path: $0.path.display, id: $0.id) }, cap: 1 << 20)
        prefetch.waitUntilCaughtUp()
        #expect(prefetch.heldBytes > 0)
        // Asked in the hint's order but for the first file, which the scan skips (a budget refused it).
        for file in files.dropFirst() {
            let bytes = try #require(prefetch.take(file.path.display), "\(file.path.display) was not read ahead")
            #expect(bytes == (try repository.readBlob(file.id, cap: 1 << 20)))
        }
        #expect(prefetch.heldBytes == 0, "the skipped first file must be dropped once a later one is taken")
        // A path the hint never named: read on demand, and the thread will not read it afterwards.
        #expect(prefetch.take("not/announced.txt") == nil)
    }

    @Test("a blob over the hint's cap is left to the audit's thread, which meets the cap itself")
    func overCap() throws {
        let (scratch, repository, entries) = try Self.sourceTree()
        defer { withExtendedLifetime(scratch) {} }
        let guide = try #require(entries.first { $0.path.display == "docs/guide.md" })
        let prefetch = try BlobPrefetch(repository: repository)
        defer { prefetch.finish() }
        prefetch.willRead([BlobPrefetch.Item(path: "docs/guide.md", id: guide.id)], cap: 100)
        prefetch.waitUntilCaughtUp()
        #expect(prefetch.take("docs/guide.md") == nil)
    }
}
