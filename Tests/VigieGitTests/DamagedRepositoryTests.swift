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

    @Test("the loose-object reader: a sound object as libgit2 reads it; truncated, understated, empty or not zlib: an error naming it")
    func looseObjectReader() throws {
        let scratch = try TemporaryDirectory()
        let url = try FixtureBuilder.build("partial-source", in: scratch)
        let repository = try Repository(discoveringFrom: url.path)
        let licence = try #require(try repository.listTree(try repository.resolveCommit("HEAD").treeID).entries.first { $0.path.display == "LICENSE" })
        #expect(repository.loose.isLoose(licence.id))
        let sound = try #require(try repository.loose.read(licence.id))
        let size = try repository.objectSize(licence.id)
        #expect(sound.type == .blob && Int64(sound.body.count) == size)
        let file = url.appendingPathComponent(".git/objects/\(licence.id.hex.prefix(2))/\(licence.id.hex.dropFirst(2))")
        let compressed = [UInt8](try Data(contentsOf: file))

        let truncated = try #require(throws: GitError.self) {
            try LooseObjects.inflate(Array(compressed.prefix(compressed.count / 2)), id: licence.id, headerOnly: false)
        }
        #expect(truncated.category == .zlib && truncated.message.contains(licence.id.hex) && truncated.message.contains("truncated"))
        // The header alone is still readable from the first half: sizes of big loose blobs cost a few bytes.
        #expect(try LooseObjects.inflate(Array(compressed.prefix(compressed.count / 2)), id: licence.id, headerOnly: true).declaredSize == sound.body.count)
        for bytes in [[], Array(repeating: UInt8(0x41), count: 64)] as [[UInt8]] {
            #expect(throws: GitError.self) { try LooseObjects.inflate(bytes, id: licence.id, headerOnly: false) }
        }
        try RepositoryDamage.understateBlobSize("LICENSE", in: url)
        let understated = try #require(throws: GitError.self) { try Repository(discoveringFrom: url.path).readBlob(licence.id, cap: 1 << 20) }
        #expect(understated.message.contains("longer than"))
    }

    @Test("commit headers are read the way git reads them: a malformed author or committer is recorded, only a bad parent is fatal")
    func lenientCommitHeaders() {
        func parse(_ text: String) -> CommitHeader? {
            Array(text.utf8).withUnsafeBytes { CommitHeader(parsing: $0) }
        }
        let tree = "tree 4b825dc642cb6eb9a060e54bf8d69288fbe4904b\n"
        let sound = parse(tree + "author Ana <ana@example.org> 1700000000 +0200\ncommitter Ana <ana@example.org> 1700000100 +0200\n\nmsg")
        #expect(sound?.malformed == nil && sound?.committerTime == 1_700_000_100 && sound?.author.offsetMinutes == 120)
        let noEmail = parse(tree + "author Ana 1700000000 +0200\ncommitter Ana <ana@example.org> 1700000100 +0200\n")
        #expect(noEmail?.malformed == "author: no e-mail" && noEmail?.author.name == "Ana")
        let overflow = parse(tree + "author Ana <a@x> 99999999999999999999999 +0000\ncommitter Bo <b@x> 99999999999999999999999 +0000\n")
        #expect(overflow?.malformed == "author: date overflows, committer: date overflows" && overflow?.committerTime == 0)
        let noCommitter = parse(tree + "author Ana <a@x> 1700000000 +0000\n")
        #expect(noCommitter?.malformed == "no committer" && noCommitter?.committerTime == 1_700_000_000)
        #expect(parse(tree + "parent nothex\nauthor Ana <a@x> 1 +0000\n") == nil)
        #expect(parse("author Ana <a@x> 1 +0000\ncommitter Ana <a@x> 1 +0000\n")?.malformed == "tree")
    }
}
