import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// CSV checks on bytes the rule examples cannot hold (Latin-1, UTF-16) and on files that are never read.
@Suite("Open data: CSV conventions")
struct OpenDataCSVTests {
    let context = AuditContext(asOf: Day(iso: "2026-01-01")!, language: .en)

    func inspect(_ files: [String: [UInt8]], sizes: [String: Int64] = [:], maxFileBytes: Int = 1 << 20, maxProblems: Int = 20) throws -> CSVInspection {
        try CSVInspection.of(scanSnapshot(files, sizes: sizes).0, data: ruleData, maxFileBytes: maxFileBytes, maxProblemsPerFile: maxProblems)
    }

    func problems(_ csv: [UInt8], maxProblems: Int = 20) throws -> [CSVProblem] {
        try inspect(["data/x.csv": csv], maxProblems: maxProblems).problems
    }

    func latin1(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }

    @Test("a Latin-1 file separated by semicolons: both problems, each with its line")
    func latin1Semicolons() throws {
        let found = try problems(latin1("code_insee;nom\n01001;Bourg\n01004;Ambérieu-en-Bugey\n"))
        #expect(found.map(\.kind) == [.encoding, .separator])
        #expect(found.map(\.line) == [3, 1])
        #expect(found[0].message.en.contains("0xE9") && found[0].message.en.contains("Latin-1"))
        #expect(found[1].message.en.contains("';'"))
    }

    @Test("bytes 0x80–0x9F point to Windows-1252")
    func windows1252() throws {
        let found = try problems([UInt8]("nom\n".utf8) + [0x93, 0x4F, 0x4B, 0x94, 0x0A])
        #expect(found.first?.message.en.contains("Windows-1252") == true)
        #expect(found.first?.line == 2)
    }

    @Test("a byte order mark and UTF-16 are reported at line 1")
    func bom() throws {
        #expect(try problems([0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\n".utf8)).map(\.kind) == [.bom])
        let utf16 = try problems([0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00])
        #expect(utf16.map(\.kind) == [.encoding])
        #expect(utf16.first?.message.en.contains("UTF-16") == true)
    }

    @Test("rows with the wrong field count, quoted separators and line breaks, CRLF and blank lines")
    func fieldCounts() throws {
        let csv = "a,b,c\r\n1,\"x, y\",3\r\n\r\n4,\"multi\nline\",6\n7,8\n9,10,11,12\n"
        let found = try problems(Array(csv.utf8))
        #expect(found.map(\.kind) == [.fieldCount, .fieldCount])
        #expect(found.map(\.line) == [6, 7])
        #expect(found[0].message.en.hasPrefix("2 field(s) instead of 3"))
    }

    @Test("beyond the problem budget, ragged rows are counted in one line")
    func problemBudget() throws {
        let csv = "a,b\n" + String(repeating: "1\n", count: 30)
        let found = try problems(Array(csv.utf8), maxProblems: 5)
        #expect(found.count == 6)
        #expect(found.last?.message.en == "and 25 more row(s) with the wrong number of fields")
    }

    @Test("header names: lowercase ASCII and underscores, no duplicates")
    func header() throws {
        let found = try problems(Array("Code INSEE,nom_commune,département,nom_commune\n1,2,3,4\n".utf8))
        #expect(found.map(\.kind) == [.header, .header])
        #expect(found[0].message.en.contains("'Code INSEE'") && found[0].message.en.contains("'département'"))
        #expect(!found[0].message.en.contains("'nom_commune'"))
        #expect(found[1].message.en == "duplicate columns: 'nom_commune'")
    }

    @Test("an unclosed quote is reported where it opens")
    func unclosedQuote() throws {
        let found = try problems(Array("a,b\n1,2\n3,\"never closed\n4,5\n".utf8))
        #expect(found.contains { $0.kind == .quote && $0.line == 3 })
    }

    @Test("a tab-separated file named .csv is reported; a clean file has no problem")
    func separators() throws {
        #expect(try problems(Array("a\tb\n1\t2\n".utf8)).first?.message.en.contains("'\\t'") == true)
        #expect(try problems(Array("code,nom\n1,\"a;b;c\"\n".utf8)).isEmpty)
    }

    @Test("a 1 GB CSV is never read: open_data.csv warns and open_data.size fails, from the entry size alone")
    func gigabyteCSV() throws {
        let files: [String: [UInt8]] = ["data/communes.csv": Array("code,nom\n".utf8), "data/huge.csv": [],
                                        "README.md": Array("https://www.data.gouv.fr/fr/datasets/communes/".utf8)]
        let (snap, reader) = scanSnapshot(files, sizes: ["data/huge.csv": 1 << 30])
        let csv = try OpenDataCSVRule.make([:], data: ruleData).evaluate(snap, context: context)
        let size = try OpenDataSizeRule.make([:], data: ruleData).evaluate(snap, context: context)
        #expect(!reader.reads.contains("data/huge.csv"))
        #expect(csv.status == .warn)
        #expect(csv.findings.map(\.path) == ["data/huge.csv"])
        #expect(size.status == .fail)
        #expect(size.findings.first?.message?.en == "1024.0 MiB")
    }

    @Test("counter-examples and test folders are not checked")
    func skipped() throws {
        let found = try inspect(["exemple-invalide.csv": Array("a;b\n".utf8), "tests/fixtures/bad.csv": Array("a;b\n".utf8),
                                 "data/ok.csv": Array("a,b\n".utf8)])
        #expect(found.checked == ["data/ok.csv"])
        #expect(found.skipped == ["exemple-invalide.csv"])
        #expect(found.problems.isEmpty)
    }
}
