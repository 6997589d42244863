import Foundation
import Testing
import VigieGit
import VigieTestSupport

@Suite("VigieGit: reading repositories through libgit2")
struct RepositoryTests {
    @Test("opens a work tree from a sub-folder, a .git folder and a bare clone, and resolves the same commit")
    func discovery() throws {
        let scratch = try TemporaryDirectory()
        let worktree = try FixtureBuilder.build("eig-complete", in: scratch)
        let bare = scratch.appending("eig-complete.git")
        try git(["clone", "--quiet", "--bare", worktree.path, bare.path])
        try FileManager.default.createDirectory(at: worktree.appendingPathComponent("src/deep"), withIntermediateDirectories: true)

        let fromRoot = try Repository(discoveringFrom: worktree.path)
        let fromSubfolder = try Repository(discoveringFrom: worktree.appendingPathComponent("src/deep").path)
        let fromGitFolder = try Repository(discoveringFrom: worktree.appendingPathComponent(".git").path)
        let fromBare = try Repository(discoveringFrom: bare.path)
        #expect(!fromRoot.isBare)
        #expect(fromBare.isBare)
        let head = try fromRoot.resolveCommit("HEAD").id
        #expect(try fromSubfolder.resolveCommit("HEAD").id == head)
        #expect(try fromGitFolder.resolveCommit("HEAD").id == head)
        #expect(try fromBare.resolveCommit("HEAD").id == head)
        #expect(try fromRoot.head() == .branch("main"))
    }

    @Test("lists the tree recursively with modes, sizes and ids")
    func treeListing() throws {
        let scratch = try TemporaryDirectory()
        let repository = try Repository(discoveringFrom: try FixtureBuilder.build("eig-complete", in: scratch).path)
        let entries = try repository.listTree(try repository.resolveCommit("HEAD").treeID).entries
        #expect(entries.map(\.path.display).sorted() == ["LICENSE", "README.md", "src/main.py"])
        let licence = try #require(entries.first { $0.path.display == "LICENSE" })
        let expected = try String(contentsOf: PackagePaths.fixtures.appendingPathComponent("licences/MIT.txt"), encoding: .utf8)
        #expect(try repository.objectSize(licence.id) == Int64(expected.utf8.count))
        #expect(licence.kind == .file && licence.mode == 0o100644)
        #expect(try repository.readBlob(licence.id, cap: 1 << 20) == Array(expected.utf8))
    }

    @Test("keeps non-UTF-8 path bytes as they are, with a lossy display string")
    func nonUTF8Paths() throws {
        let scratch = try TemporaryDirectory()
        let repository = try Repository(discoveringFrom: try FixtureBuilder.build("hostile-names", in: scratch).path)
        let entries = try repository.listTree(try repository.resolveCommit("HEAD").treeID).entries
        let raw = try #require(entries.first { $0.path.bytes.contains(0xFF) })
        #expect(raw.path.bytes == Array("non-".utf8) + [0xFF] + Array("utf-8.txt".utf8))
        #expect(!raw.path.isValidUTF8)
        #expect(raw.path.display == "non-\u{FFFD}utf-8.txt")
    }

    @Test("refuses to read a blob over the cap, from its header alone")
    func blobCap() throws {
        let scratch = try TemporaryDirectory()
        let repository = try Repository(discoveringFrom: try FixtureBuilder.build("big-readme", in: scratch).path)
        let entries = try repository.listTree(try repository.resolveCommit("HEAD").treeID).entries
        let readme = try #require(entries.first { $0.path.display == "README.md" })
        let size = try repository.objectSize(readme.id)
        #expect(size > 1 << 20)
        let error = try #require(throws: BlobTooLarge.self) { try repository.readBlob(readme.id, cap: 1 << 20) }
        #expect(error.size == size && error.cap == 1 << 20 && error.id == readme.id)
    }

    @Test("resolves branches, tags, abbreviated ids and ancestry; an old tag has the old tree")
    func revisions() throws {
        let scratch = try TemporaryDirectory()
        let repository = try Repository(discoveringFrom: try FixtureBuilder.build("eig-complete", in: scratch).path)
        let head = try repository.resolveCommit("HEAD")
        #expect(try repository.resolveCommit("main") == head)
        #expect(try repository.resolveCommit(String(head.id.hex.prefix(10))) == head)
        let old = try repository.resolveCommit("v0.1.0")
        #expect(try repository.resolveCommit("HEAD~1") == old)
        let oldFiles = try repository.listTree(old.treeID).entries.map(\.path.display)
        #expect(!oldFiles.contains("LICENSE"))
        #expect(try repository.resolveCommit("export").id != head.id)
    }

    @Test("an unknown revision is a typed error with libgit2's message")
    func unknownRevision() throws {
        let scratch = try TemporaryDirectory()
        let repository = try Repository(discoveringFrom: try FixtureBuilder.build("eig-complete", in: scratch).path)
        let error = try #require(throws: GitError.self) { try repository.resolveCommit("no-such-branch") }
        #expect(error.code == .notFound)
        #expect(error.operation == "git_revparse_single")
        #expect(error.message.contains("no-such-branch"))
    }

    @Test("a folder that is not a repository is a notFound error")
    func notARepository() throws {
        let scratch = try TemporaryDirectory()
        let error = try #require(throws: GitError.self) { try Repository(discoveringFrom: scratch.path) }
        #expect(error.code == .notFound)
        // Discovery is its own step now: the .git folder's files are checked before libgit2 opens them.
        #expect(error.operation == "git_repository_discover")
    }

    @Test("an empty repository has an unborn HEAD")
    func emptyRepository() throws {
        let scratch = try TemporaryDirectory()
        let repository = try Repository(discoveringFrom: try FixtureBuilder.build("empty", in: scratch).path)
        #expect(try repository.head() == .unborn("main"))
        #expect(throws: GitError.self) { try repository.resolveCommit("HEAD") }
    }

    @Test("a detached HEAD resolves to its commit")
    func detachedHead() throws {
        let scratch = try TemporaryDirectory()
        let repository = try Repository(discoveringFrom: try FixtureBuilder.build("detached", in: scratch).path)
        #expect(try repository.head() == .detached)
        let files = try repository.listTree(try repository.resolveCommit("HEAD").treeID).entries.map(\.path.display)
        #expect(files == ["README.md"])
    }

    @Test("walks the whole history, with authors, times and parent counts")
    func history() throws {
        let scratch = try TemporaryDirectory()
        let repository = try Repository(discoveringFrom: try FixtureBuilder.build("eig-complete", in: scratch).path)
        var records: [CommitRecord] = []
        try repository.walkHistory(from: try repository.resolveCommit("export").id) { records.append($0) }
        #expect(records.count == 4)
        #expect(Set(records.map(\.author.email)) == ["alice.martin@example.gouv.fr", "bob.durand@example.gouv.fr"])
        let first = try #require(records.first { $0.parentCount == 0 })
        #expect(first.author.name == "Alice Martin")
        #expect(first.author.time == 1_705_309_200) // 2024-01-15T10:00:00+01:00
        #expect(first.author.offsetMinutes == 60)
        var limited = 0
        try repository.walkHistory(from: try repository.resolveCommit("HEAD").id, limit: 2) { _ in limited += 1 }
        #expect(limited == 2)
    }

    @Test("lists tags with their commit and date; annotated tags use the tagger's date")
    func tags() throws {
        let scratch = try TemporaryDirectory()
        let repository = try Repository(discoveringFrom: try FixtureBuilder.build("eig-complete", in: scratch).path)
        let tags = try repository.listTags()
        #expect(tags.map(\.name) == ["v0.1.0", "v1.0.0"])
        #expect(tags[0].annotated && !tags[1].annotated)
        #expect(tags[0].time == 1_709_456_400) // tagger date 2024-03-03T10:00:00+01:00
        #expect(tags[1].target == (try repository.resolveCommit("HEAD").id))
    }

    @Test("walks a shallow clone up to its boundary instead of failing")
    func shallowClone() throws {
        let scratch = try TemporaryDirectory()
        let source = try FixtureBuilder.build("eig-complete", in: scratch)
        let shallow = scratch.appending("shallow")
        try git(["clone", "--quiet", "--depth", "1", "file://" + source.path, shallow.path])
        let repository = try Repository(discoveringFrom: shallow.path)
        #expect(repository.isShallow)
        var count = 0
        try repository.walkHistory(from: try repository.resolveCommit("HEAD").id) { _ in count += 1 }
        #expect(count == 1)
    }

    @Test("a missing object is reported as a corrupt-object error, not a crash")
    func missingObject() throws {
        let scratch = try TemporaryDirectory()
        let url = try FixtureBuilder.build("eig-complete", in: scratch)
        let repository = try Repository(discoveringFrom: url.path)
        let readme = try #require(try repository.listTree(try repository.resolveCommit("HEAD").treeID).entries.first { $0.path.display == "README.md" })
        let hex = readme.id.hex
        try FileManager.default.removeItem(at: url.appendingPathComponent(".git/objects/\(hex.prefix(2))/\(hex.dropFirst(2))"))
        let reopened = try Repository(discoveringFrom: url.path)
        let error = try #require(throws: GitError.self) { try reopened.readBlob(readme.id, cap: 1 << 20) }
        #expect(error.isCorruptOrMissingObject)
    }

    @Test("reports the linked libgit2 version")
    func version() {
        #expect(LibGit2.version.split(separator: ".").count == 3)
    }
}

@Suite("VigieGit: .mailmap")
struct MailmapTests {
    @Test("a line with an empty address does not undo the other lines' joins (libgit2 1.5 fails on the whole file for it)")
    func emptyAddressLine() throws {
        let mailmap = try Mailmap(Array("Alice Martin <alice@example.org> <a.martin@old.example>\nSomeone <>\nBob <bob@example.org>\n".utf8))
        #expect(try mailmap.resolve(name: "A. Martin", email: "a.martin@old.example") == ("Alice Martin", "alice@example.org"))
        #expect(try mailmap.resolve(name: "Carol", email: "carol@example.org") == ("Carol", "carol@example.org"))
    }
}
