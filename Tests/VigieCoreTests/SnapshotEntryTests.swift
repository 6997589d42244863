import Testing
import VigieCore

@Suite("SnapshotEntry: a path splits into folder and name at its last slash byte")
struct SnapshotEntryTests {
    @Test("root files have an empty folder; nested ones the part before the last slash")
    func split() {
        let root = SnapshotEntry(path: "README.md")
        #expect(root.folder == "" && root.name == "README.md" && root.isAtRoot)
        let nested = SnapshotEntry(path: "docs/fr/accessibilité.md")
        #expect(nested.folder == "docs/fr" && nested.name == "accessibilité.md" && !nested.isAtRoot)
    }

    @Test("a slash followed by a combining mark still separates folders, as it does for git")
    func combiningMarkAfterSlash() {
        let entry = SnapshotEntry(path: "data/\u{301}x.csv")
        #expect(entry.folder == "data")
        #expect(entry.name.unicodeScalars.elementsEqual("\u{301}x.csv".unicodeScalars))
        #expect(!entry.isAtRoot)
    }

    @Test("bytes that are not UTF-8 are kept as git stores them and shown repaired")
    func invalidBytes() {
        let entry = SnapshotEntry(pathBytes: Array("dir/".utf8) + [0xFF] + Array("f".utf8), kind: .file)
        #expect(entry.pathBytes.count == 6)
        #expect(entry.folder == "dir")
        #expect(entry.name == "\u{FFFD}f")
    }
}
