import Foundation
import Testing
import VigieTestSupport
@testable import VigieGit

/// VigieGit on partial and damaged repositories: listing reads no blob, absences are answered
/// without reading, history walks stop at unreadable commits instead of throwing.
@Suite("VigieGit: partial and damaged repositories")
struct DamagedRepositoryTests {
    @Test("listing a tree whose blobs are all absent (blob:none) succeeds; contains() says which are absent")
    func listingReadsNoBlob() throws {
        let scratch = try TemporaryDirectory()
        let source = try FixtureBuilder.build("partial-source", in: scratch)
        let clone = try RepositoryDamage.partialClone(of: source, filter: "blob:none", to: scratch.appending("none.git"))
        let repository = try Repository(discoveringFrom: clone.path)
        #expect(repository.isPartialClone)
        let listing = try repository.listTree(try repository.resolveCommit("HEAD").treeID)
        #expect(listing.entries.count == 11 && listing.unreadableFolders.isEmpty)
        let blobs = listing.entries.filter { $0.kind != .submodule }
        #expect(blobs.allSatisfy { !repository.contains($0.id) })
        let error = try #require(throws: GitError.self) { try repository.objectSize(blobs[0].id) }
        #expect(error.isAbsentObject)
        #expect(!(try Repository(discoveringFrom: source.path)).isPartialClone)
    }

    @Test("a partial clone with extensions.partialClone opens (libgit2 1.5 refuses unknown extensions)")
    func partialCloneExtension() throws {
        let scratch = try TemporaryDirectory()
        let source = try FixtureBuilder.build("partial-source", in: scratch)
        let clone = try RepositoryDamage.partialClone(of: source, filter: "blob:none", to: scratch.appending("ext.git"))
        try git(["-C", clone.path, "config", "core.repositoryformatversion", "1"])
        try git(["-C", clone.path, "config", "extensions.partialClone", "origin"])
        try git(["-C", clone.path, "config", "--unset", "remote.origin.promisor"])
        let repository = try Repository(discoveringFrom: clone.path)
        #expect(repository.isPartialClone)
    }

    @Test("a tree:1 clone lists the root's files and names the folders it cannot read")
    func unreadableFolders() throws {
        let scratch = try TemporaryDirectory()
        let source = try FixtureBuilder.build("partial-source", in: scratch)
        let clone = try RepositoryDamage.partialClone(of: source, filter: "tree:1", to: scratch.appending("t1.git"))
        let repository = try Repository(discoveringFrom: clone.path)
        let listing = try repository.listTree(try repository.resolveCommit("HEAD").treeID)
        #expect(listing.unreadableFolders.map(\.path.display).sorted() == ["data", "docs", "src", "vendor"])
        #expect(listing.unreadableFolders.allSatisfy { $0.error.isAbsentObject })
        #expect(listing.entries.contains { $0.path.display == "README.md" })
    }

    @Test("the history walk stops at a missing commit and returns it as a cut; only the start must be readable")
    func historyCuts() throws {
        let scratch = try TemporaryDirectory()
        let url = try FixtureBuilder.build("partial-source", in: scratch)
        let removed = try RepositoryDamage.deleteOldestCommits(2, in: url)
        let repository = try Repository(discoveringFrom: url.path)
        let head = try repository.resolveCommit("HEAD")
        var count = 0
        let cuts = try repository.walkHistory(from: head.id) { _ in count += 1 }
        #expect(count == 4)
        #expect(cuts.map(\.commit.hex) == [removed[1]])
        #expect(cuts.first?.error.isAbsentObject == true)
        #expect(try repository.firstParentChain(from: head.id).count == 4)
    }

    @Test("a tag whose object is missing is left out of the tag list, not an error")
    func missingTagObject() throws {
        let scratch = try TemporaryDirectory()
        let url = try FixtureBuilder.build("partial-source", in: scratch)
        #expect(try Repository(discoveringFrom: url.path).listTags().map(\.name) == ["v1.0.0"])
        let tag = try git(["-C", url.path, "rev-parse", "refs/tags/v1.0.0"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: url.appendingPathComponent(".git/objects/\(tag.prefix(2))/\(tag.dropFirst(2))"))
        #expect(try Repository(discoveringFrom: url.path).listTags().isEmpty)
    }

    @Test(".gitmodules, LFS pointers and LFS tracking patterns are read as git writes them")
    func fileFormats() {
        let modules = GitModules(Array("[submodule \"lib\"]\r\n\tpath = vendor/lib\r\n\turl = \"https://example.org/lib.git\"\n[submodule \"x\"]\n\tpath = x\n".utf8))
        #expect(modules.urls == ["vendor/lib": "https://example.org/lib.git"])
        let pointer = LFSPointer(Array("version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12345\n".utf8))
        #expect(pointer?.size == 12345)
        #expect(LFSPointer(Array("# README\n".utf8)) == nil)
        let tracking = LFSTracking([("", Array("*.csv filter=lfs diff=lfs merge=lfs -text\n/assets/** filter=lfs\n".utf8)),
                                    ("data/raw", Array("*.csv -filter\n".utf8))])
        #expect(tracking.tracks("data/communes.csv"))
        #expect(tracking.tracks("assets/img/logo.png"))
        #expect(!tracking.tracks("data/raw/x.csv"))
        #expect(!tracking.tracks("README.md"))
        #expect(LFSTracking([]).isEmpty)
    }
}
