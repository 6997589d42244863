import Foundation
import Testing
import VigieTestSupport
@testable import VigieGit

/// ReferencePeek reads references without libgit2 for the fleet's reuse decision: it must agree
/// with git whenever it answers, and answer nil (ask libgit2) whenever the layout is not plain.
@Suite("VigieGit: references read without libgit2")
struct ReferencePeekTests {
    private func revParse(_ repository: URL, _ revision: String) throws -> String {
        try git(["-C", repository.path, "rev-parse", revision]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("HEAD, a branch, a lightweight tag and a full id agree with git rev-parse, loose and packed")
    func agreesWithGit() throws {
        let scratch = try TemporaryDirectory()
        let source = try FixtureBuilder.build("activity", in: scratch)
        try git(["-C", source.path, "branch", "side", "HEAD~1"])
        try git(["-C", source.path, "tag", "light", "HEAD~2"])
        let bare = scratch.appending("bare.git")
        try git(["clone", "--quiet", "--bare", source.path, bare.path])
        for repository in [source, bare] {
            for revision in ["HEAD", "side", "light", "refs/heads/side", try revParse(repository, "HEAD~1")] {
                #expect(ReferencePeek.objectID(repositoryAt: repository.path, revision: revision) == (try revParse(repository, revision)),
                        "\(repository.lastPathComponent) \(revision)")
            }
        }
        // `git clone --bare` packs the references; the work tree keeps them loose. Pack them too.
        try git(["-C", source.path, "pack-refs", "--all"])
        #expect(!FileManager.default.fileExists(atPath: source.appendingPathComponent(".git/refs/heads/side").path))
        #expect(ReferencePeek.objectID(repositoryAt: source.path, revision: "side") == (try revParse(source, "side")))
        #expect(ReferencePeek.objectID(repositoryAt: source.path + "/", revision: "HEAD") == (try revParse(source, "HEAD")))
    }

    @Test("a loose reference wins over packed-refs, as in git; CRLF line ends are read")
    func looseWinsOverPacked() throws {
        let scratch = try TemporaryDirectory()
        let source = try FixtureBuilder.build("activity", in: scratch)
        try git(["-C", source.path, "pack-refs", "--all"])
        let older = try revParse(source, "HEAD~1")
        let branch = try git(["-C", source.path, "symbolic-ref", "--short", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try Data((older + "\r\n").utf8).write(to: source.appendingPathComponent(".git/refs/heads/" + branch))
        #expect(try revParse(source, "HEAD") == older)
        #expect(ReferencePeek.objectID(repositoryAt: source.path, revision: "HEAD") == older)
    }

    @Test("nil, never a guess: expressions, unknown names, annotated tags peel elsewhere, linked work trees, unborn HEAD, a FIFO")
    func answersNilOutsideThePlainCase() throws {
        let scratch = try TemporaryDirectory()
        let source = try FixtureBuilder.build("activity", in: scratch)
        try git(["-C", source.path, "-c", "user.name=t", "-c", "user.email=t@example.org", "tag", "-a", "-m", "v", "annotated"])
        for revision in ["HEAD~1", "HEAD^", "main@{1}", "missing", "../HEAD", "-h", ""] {
            #expect(ReferencePeek.objectID(repositoryAt: source.path, revision: revision) == nil, "\(revision)")
        }
        // An annotated tag's reference names the tag object, not the commit: the fleet's key uses the
        // commit, so it can never match, and libgit2 peels it in the worker.
        #expect(ReferencePeek.objectID(repositoryAt: source.path, revision: "annotated") != (try revParse(source, "annotated^{commit}")))

        let linked = scratch.appending("linked")
        try git(["-C", source.path, "worktree", "add", "--quiet", "--detach", linked.path])
        #expect(ReferencePeek.objectID(repositoryAt: linked.path, revision: "HEAD") == nil)

        let unborn = scratch.appending("unborn")
        try git(["init", "--quiet", unborn.path])
        #expect(ReferencePeek.objectID(repositoryAt: unborn.path, revision: "HEAD") == nil)
        #expect(ReferencePeek.objectID(repositoryAt: scratch.appending("nothing").path, revision: "HEAD") == nil)

        // A FIFO in place of a reference is never opened (open() would wait for a writer).
        let fifoRepository = scratch.appending("fifo")
        try git(["clone", "--quiet", source.path, fifoRepository.path])
        let reference = fifoRepository.appendingPathComponent(".git/refs/heads/fifo")
        #expect(mkfifo(reference.path, 0o644) == 0)
        #expect(ReferencePeek.objectID(repositoryAt: fifoRepository.path, revision: "fifo") == nil)
    }
}
