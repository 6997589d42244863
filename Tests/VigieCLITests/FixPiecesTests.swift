import Foundation
import Testing
import VigieAudit
import VigieTestSupport

/// The pieces of `vigie fix` that decide what may be written and how a change is shown.
@Suite("vigie fix: paths and diffs")
struct FixPiecesTests {
    @Test("paths outside the work tree or into .git are refused before any file system call", arguments: [
        "/etc/passwd", "../outside", "a/../../b", "./LICENSE", "a//b", "", ".git/hooks/pre-commit", ".GIT/config", "docs/.",
    ])
    func refused(path: String) {
        #expect(WorkTree.refusal(path) != nil, "\(path) must be refused")
    }

    @Test("ordinary paths are accepted", arguments: ["LICENSE", ".github/workflows/ci.yml", "docs/accessibilite.md", ".gitlab-ci.yml", ".github/.git-like"])
    func accepted(path: String) {
        #expect(WorkTree.refusal(path) == nil, "\(path) must be accepted")
    }

    @Test("a new file's diff is git's: new file mode, /dev/null, one hunk of added lines")
    func newFile() {
        let diff = UnifiedDiff.file("LICENSE", old: nil, new: "a\nb\n")
        #expect(diff == "diff --git a/LICENSE b/LICENSE\nnew file mode 100644\n--- /dev/null\n+++ b/LICENSE\n@@ -0,0 +1,2 @@\n+a\n+b\n")
    }

    @Test("text added to a file: three lines of context; a last line without newline is replaced, marked as git marks it")
    func appended() {
        let old = "1\n2\n3\n4\n"
        #expect(UnifiedDiff.file("README.md", old: old, new: old + "\n## Usage\n") ==
            "diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -2,3 +2,5 @@\n 2\n 3\n 4\n+\n+## Usage\n")
        #expect(UnifiedDiff.file("README.md", old: "1\n2", new: "1\n2\n\n## Usage\n") ==
            "diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1,2 +1,4 @@\n 1\n-2\n\\ No newline at end of file\n+2\n+\n+## Usage\n")
        #expect(UnifiedDiff.file("x", old: "same\n", new: "same\n").isEmpty)
    }

    @Test("both diffs apply with git apply, and give the new text")
    func appliesWithGit() throws {
        let scratch = try TemporaryDirectory("vigie-fix-diff")
        try git(["init", "-q", scratch.path])
        try "1\n2".write(to: scratch.appending("README.md"), atomically: true, encoding: .utf8)
        let patch = UnifiedDiff.file("README.md", old: "1\n2", new: "1\n2\n\n## Usage\n") + UnifiedDiff.file("a b/é\"q.md", old: nil, new: "x\n")
        try patch.write(to: scratch.appending("p.diff"), atomically: true, encoding: .utf8)
        try git(["apply", "p.diff"], in: scratch.url)
        #expect(try String(contentsOf: scratch.appending("README.md"), encoding: .utf8) == "1\n2\n\n## Usage\n")
        #expect(try String(contentsOf: scratch.appending("a b/é\"q.md"), encoding: .utf8) == "x\n")
    }
}
