import Testing
import VigieCore
@testable import VigieRules

/// `FolderFilter.excludes` compares ASCII paths as bytes (a speed change): it must answer as the
/// Unicode comparison it replaced, which is kept for paths with non-ASCII characters.
@Suite("Folder filters")
struct FolderFilterTests {
    let filter = FolderFilter(["node_modules", "Tests", "public/build", "docs/Archive", "données"])

    @Test("excluded folder names, at any depth, never the file name itself", arguments: [
        ("node_modules/a.js", true), ("src/node_modules/lib/a.js", true), ("src/NODE_MODULES/a.js", true),
        ("node_modules", false), ("src/node_modules", false), ("src/node_modules_extra/a.js", false),
        ("tests/a.py", true), ("a/Tests/b.py", true), ("testsuite/a.py", false), ("//tests//a.py", true),
    ])
    func names(path: String, excluded: Bool) {
        #expect(filter.excludes(path) == excluded)
    }

    @Test("excluded folder paths, at the root or below a folder", arguments: [
        ("public/build/app.js", true), ("web/public/build/x/app.js", true), ("PUBLIC/Build/app.js", true),
        ("public/builder/app.js", false), ("public/build", false), ("xpublic/build/app.js", false),
        ("docs/archive/old.md", true), ("docs/archived/old.md", false),
    ])
    func paths(path: String, excluded: Bool) {
        #expect(filter.excludes(path) == excluded)
    }

    @Test("non-ASCII paths are lowercased as Unicode", arguments: [
        ("DONNÉES/communes.csv", true), ("données/communes.csv", true), ("src/Données/x.csv", true),
        ("donnees/communes.csv", false), ("Éléments/tests/x.py", true), ("Éléments/x.py", false),
    ])
    func unicode(path: String, excluded: Bool) {
        #expect(filter.excludes(path) == excluded)
    }
}

/// `PathFolders` answers as `path.lowercased().split(separator: "/").dropLast()` did.
@Suite("Path folders")
struct PathFoldersTests {
    static let paths = ["a.txt", "Data/x.csv", "src/Data/Sub/x.csv", "//lead//x", "trailing/", "a/b/c/d.e", "Données/Écoles/x.csv",
                        "DOSSIER/ÉTÉ.csv", "x/", "/", "", "bench-2024/run.csv", "BENCHMARKS/y"]

    @Test("the folders visited are the lowercased folder segments, file name excluded", arguments: paths)
    func folders(path: String) {
        var visited: [String] = []
        _ = PathFolders.contains(path) { visited.append($0); return false }
        #expect(visited == path.lowercased().split(separator: "/").dropLast().map(String.init))
    }

    @Test("the first folder", arguments: paths)
    func first(path: String) {
        let expected = path.contains("/") ? path.split(separator: "/").first.map { $0.lowercased() } : nil
        #expect(PathFolders.first(path) == expected)
    }

    @Test("marker offsets through memmem are every occurrence, overlapping ones included")
    func markerOffsets() {
        let text = Array("aaaa udata uudata".utf8)
        #expect(offsets(of: Array("aa".utf8), in: text) == [0, 1, 2])
        #expect(offsets(of: Array("udata".utf8), in: text) == [5, 12])
        #expect(firstOffset(of: Array("udata".utf8), in: text, from: 6) == 12)
        #expect(firstOffset(of: Array("zz".utf8), in: text) == nil)
        #expect(firstOffset(of: [], in: text) == nil)
    }
}

/// `lowercasedExtension` cuts ASCII names as bytes; it answers as the Character search it replaced.
@Suite("File extensions")
struct FileExtensionTests {
    @Test("the lowercased extension of a file name, as before", arguments: [
        ("a.CSV", "csv"), ("README", nil), (".gitignore", nil), ("archive.tar.GZ", "gz"), ("x.", ""), ("Données.Csv", "csv"),
        ("été", nil), ("a.ÉTÉ", "été"), ("dir.d/file", nil),
    ] as [(String, String?)])
    func lowercasedExtension(name: String, expected: String?) {
        let entry = SnapshotEntry(path: name)
        #expect(entry.lowercasedExtension == expected)
    }
}
