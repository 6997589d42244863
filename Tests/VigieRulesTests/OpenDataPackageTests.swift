import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// Strict JSON with positions, and datapackage.json / TableSchema validation.
@Suite("Open data: datapackage.json and TableSchema")
struct OpenDataPackageTests {
    func json(_ text: String) -> LocatedJSON { LocatedJSON(Array(text.utf8)) }

    @Test("syntax errors are located by line and column", arguments: [
        ("{\n  \"a\": 1,\n}", 3, 1, "trailing comma"),
        ("[1, 2,, 3]", 1, 7, "unexpected character ','"),
        ("{\"a\": 1", 1, 8, "unexpected end of file"),
        ("not json", 1, 2, "expected 'null'"),
        ("{\"é\": tru}", 1, 10, "expected 'true'"),
        ("{\"a\": \"line\nbreak\"}", 1, 12, "control character"),
        ("{\"a\": 01}", 1, 8, "does not start with 0"),
        ("{} {}", 1, 4, "extra content"),
        ("// comment\n{}", 1, 1, "comment"),
        ("{\"a\": \"\\x\"}", 1, 9, "invalid escape"),
    ])
    func syntax(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let parsed = json(text)
        let error = try #require(parsed.error)
        #expect(parsed.value == nil)
        #expect(error.position == JSONPosition(line: line, column: column))
        #expect(error.message.en.contains(message), "\(error.message.en)")
    }

    @Test("Foundation's leniencies are errors here: a byte order mark, invalid UTF-8")
    func strictness() throws {
        #expect(LocatedJSON([0xEF, 0xBB, 0xBF] + Array("{}".utf8)).error?.message.en.contains("byte order mark") == true)
        let latin1 = LocatedJSON(Array("{\"nom\": \"".utf8) + [0xE9] + Array("\"}".utf8))
        #expect(latin1.error?.position == JSONPosition(line: 1, column: 10))
        #expect(latin1.error?.message.en.contains("not UTF-8") == true)
    }

    @Test("deep nesting is an error, not a crash")
    func depth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(json(deep).error?.message.en.contains("nested too deeply") == true)
    }

    @Test("values are decoded and every value's position is known by JSON pointer")
    func positions() throws {
        let parsed = json("{\n  \"resources\": [\n    {\"name\": \"é/x\", \"path\": \"a.csv\"}\n  ],\n  \"a/b\": true\n}")
        #expect(parsed.error == nil)
        #expect(parsed.value?["a/b"] == .bool(true))
        #expect(parsed.position("/resources/0/path") == JSONPosition(line: 3, column: 29))
        #expect(parsed.position("/resources/0/name") == JSONPosition(line: 3, column: 14))
        #expect(parsed.position("/a~1b") == JSONPosition(line: 5, column: 10))
        #expect(parsed.position("/resources/0/missing") == JSONPosition(line: 3, column: 5))
    }

    func check(_ files: [String: String], tags: [SnapshotTag] = []) throws -> DataPackageCheck {
        let bytes = files.mapValues { Array($0.utf8) }
        let entries = bytes.keys.sorted().map { SnapshotEntry(path: $0) }
        let snapshot = RepositorySnapshot(name: "t", entries: entries, reader: InMemoryReader(files: bytes, tags: tags))
        return try DataPackageCheck.of(snapshot, data: ruleData, maxFileBytes: 1 << 20)
    }

    @Test("data package errors: no resources, resource without name or path, bad name, escaping or missing paths")
    func dataPackageErrors() throws {
        let package = """
            {"name": "p", "title": "P", "licenses": [{"name": "etalab-2.0"}], "resources": [
              {"name": "Majuscules", "path": "a.csv"},
              {"name": "b"},
              {"name": "c", "path": ["a.csv", "../secret.csv", "absent.csv"]},
              {"name": "d", "path": "https://static.data.gouv.fr/resources/x/y.csv"},
              {"name": "e", "data": [[1, 2]]}
            ]}
            """
        let found = try #require(try check(["data/datapackage.json": package, "data/a.csv": "x\n"]).packages.first)
        #expect(found.kind == .datapackage)
        #expect(found.items == 5)
        #expect(found.errors.map(\.position?.line) == [2, 3, 4, 4])
        #expect(found.errors.map { $0.message.en } == [
            "invalid resource name 'Majuscules': lowercase letters, digits and '- . _ /' only",
            "resource 1 has neither 'path' nor 'data'",
            "'../secret.csv' must be a relative path without '..'",
            "'absent.csv' is not in the repository",
        ])
        #expect(found.licences.map(\.name) == ["etalab-2.0"])
        #expect(try check(["datapackage.json": "{\"resources\": []}"]).packages.first?.errors.first?.message.en.contains("at least one") == true)
        #expect(try check(["datapackage.json": "[1]"]).packages.first?.errors.first?.message.en.contains("JSON object") == true)
    }

    @Test("a datapackage.json that is not JSON at all is one error, with its position")
    func notJSON() throws {
        let found = try #require(try check(["datapackage.json": "<html>\n<body>oops</body>"]).packages.first)
        #expect(found.valid == false)
        #expect(found.errors.count == 1)
        #expect(found.errors.first?.position == JSONPosition(line: 1, column: 1))
    }

    @Test("recommended keys missing are advice; a root schema needs schema.data.gouv.fr's keys and a tag")
    func adviceAndSchema() throws {
        let minimal = try #require(try check(["datapackage.json": #"{"resources": [{"name": "a", "data": []}]}"#]).packages.first)
        #expect(minimal.valid)
        #expect(minimal.problems.map { $0.message.en } == ["recommended key missing: 'name'", "recommended key missing: 'title'",
                                                           "recommended key missing: 'licenses'"])
        let schema = #"{"name": "Mon Schéma", "version": "2.0.0", "fields": [{"name": "a", "type": "texte"}, {"type": "string"}]}"#
        let found = try #require(try check(["schema.json": schema], tags: [SnapshotTag(name: "v1.0.0", time: 0)]).packages.first)
        #expect(found.kind == .tableschema)
        #expect(found.errors.map { $0.message.en } == [
            "not a Table Schema field type", "field 1 has no 'name'",
            "missing the key 'title', required by schema.data.gouv.fr", "missing the key 'description', required by schema.data.gouv.fr",
            "missing the key 'homepage', required by schema.data.gouv.fr", "missing the key 'contributors', required by schema.data.gouv.fr",
            "'Mon Schéma' is not a slug (lowercase, '-', '_')",
        ])
        #expect(found.problems.filter { $0.severity == .advice }.map { $0.message.en } == [
            "no git tag v2.0.0 for version 2.0.0 (schema.data.gouv.fr matches them)",
        ])
    }

    @Test("schemas a data package names are checked; a JSON Schema elsewhere named schema.json is not a TableSchema")
    func referencedSchemas() throws {
        let found = try check([
            "datapackage.json": #"{"name": "p", "title": "P", "licenses": [{"name": "ODbL-1.0"}], "resources": [{"name": "a", "path": "a.csv", "schema": "schemas/a.json"}]}"#,
            "a.csv": "x\n", "schemas/a.json": #"{"fields": []}"#,
            "api/schema.json": #"{"$schema": "http://json-schema.org/draft-07/schema#"}"#,
        ])
        #expect(found.packages.map(\.path) == ["datapackage.json", "schemas/a.json"])
        #expect(found.packages.last?.errors.first?.message.en == "'fields' must be a non-empty list")
    }

    @Test("a datapackage.json over the budget is not read and is said so")
    func overBudget() throws {
        let (snapshot, reader) = scanSnapshot(["datapackage.json": Array("{}".utf8)], sizes: ["datapackage.json": 10 << 20])
        let found = try #require(try DataPackageCheck.of(snapshot, data: ruleData, maxFileBytes: 1 << 20).packages.first)
        #expect(reader.reads.isEmpty)
        #expect(found.problems.first?.severity == .advice)
        #expect(found.problems.first?.message.en.hasPrefix("not read") == true)
    }
}
