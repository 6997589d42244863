import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// One text decoding for every rule: a file saved with CRLF or CR line endings, in UTF-16, with a
/// byte order mark or in Windows-1252 reads exactly as its LF UTF-8 twin, lines and columns included.
@Suite("Text encodings: every rule reads the same text")
struct TextEncodingsTests {
    let context = AuditContext(asOf: RuleExample.asOf, language: .en)

    // MARK: Every fixture README and accessibility statement, in every encoding

    /// How a test re-saves a text.
    enum Saving: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case crlf, cr, utf8BOM = "utf-8 BOM", utf16LE = "utf-16le", utf16BE = "utf-16be", windows1252 = "windows-1252"
        case utf16LECRLF = "utf-16le CRLF", utf16BECR = "utf-16be CR", windows1252CRLF = "windows-1252 CRLF", utf8BOMCR = "utf-8 BOM CR"

        var testDescription: String { rawValue }

        /// The bytes of `text` saved this way; nil when the encoding cannot represent it (Windows-1252
        /// and a character outside it), or when the result would also be valid UTF-8 (then it is UTF-8).
        func save(_ text: String) -> [UInt8]? {
            let lines: String
            switch self {
            case .crlf, .utf16LECRLF, .windows1252CRLF: lines = Self.replacingLF(text, with: "\r\n")
            case .cr, .utf16BECR, .utf8BOMCR: lines = Self.replacingLF(text, with: "\r")
            default: lines = text
            }
            switch self {
            case .crlf, .cr: return Array(lines.utf8)
            case .utf8BOM, .utf8BOMCR: return [0xEF, 0xBB, 0xBF] + Array(lines.utf8)
            case .utf16LE, .utf16LECRLF: return [0xFF, 0xFE] + lines.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            case .utf16BE, .utf16BECR: return [0xFE, 0xFF] + lines.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            case .windows1252, .windows1252CRLF:
                var bytes: [UInt8] = []
                for scalar in lines.unicodeScalars {
                    guard let byte = Self.windows1252Bytes[scalar.value] else { return nil }
                    bytes.append(byte)
                }
                guard bytes.contains(where: { $0 >= 0x80 }) ? TextDecoding.firstInvalidUTF8Offset(bytes) != nil : true else { return nil }
                return bytes
            }
        }

        static func replacingLF(_ text: String, with ending: String) -> String {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if scalar == "\n" { scalars.append(contentsOf: ending.unicodeScalars) } else { scalars.append(scalar) }
            }
            return String(scalars)
        }

        /// Unicode scalar → Windows-1252 byte (ASCII, A0…FF as Latin-1, and the characters of 80…9F).
        static let windows1252Bytes: [UInt32: UInt8] = {
            var table: [UInt32: UInt8] = [:]
            for byte in 0..<0x80 { table[UInt32(byte)] = UInt8(byte) }
            for byte in 0xA0...0xFF { table[UInt32(byte)] = UInt8(byte) }
            let high: [UInt32] = [0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                                  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178]
            for (offset, scalar) in high.enumerated() where scalar != 0 { table[scalar] = UInt8(0x80 + offset) }
            return table
        }()
    }

    /// The files of a fixture's last tree (each commit's files in order, removals applied), as text.
    static func fixtureTree(_ name: String) throws -> [String: String] {
        let spec = try FixtureSpec.load(named: name)
        var files: [String: String] = [:]
        for commit in spec.commits ?? [] {
            for (path, file) in commit.files ?? [:] {
                switch file {
                case .text(let text), .executable(let text), .lfs(let text): files[path] = text
                case .fixture(let fixture):
                    files[path] = try String(contentsOf: PackagePaths.fixtures.appendingPathComponent(fixture), encoding: .utf8)
                case .repeated(let text, let times): files[path] = String(repeating: text, count: times)
                }
            }
            for path in commit.remove ?? [] { files[path] = nil }
        }
        return files
    }

    static let fixtureNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// Everything the README analyses say, line numbers included, as comparable lines.
    func readmeReport(_ snapshot: RepositorySnapshot) -> [String] {
        do {
            let analysis = try ReadmeAnalysis.of(snapshot, data: ruleData)
            let structure = try ReadmeStructure.of(snapshot, data: ruleData)
            var report = ["file \(analysis.file?.path ?? "-")", "words \(analysis.words), body \(analysis.bodyWords), headings \(analysis.headings)"]
            report += analysis.headingTexts.map { "heading text \($0.line): \($0.text)" }
            report += ["format \(structure.format), language \(structure.language?.rawValue ?? "-")"]
            report += structure.sections.map { "section \($0.key) at \($0.line)" }
            report += ["missing \(structure.missingSections)", "links \(structure.linkCount), images \(structure.imageCount), without alt at \(structure.imagesWithoutAlt)"]
            report += structure.brokenLinks.map { "broken \($0.target) at \($0.line)\($0.isImage ? " (image)" : "")" }
            if let document = structure.document {
                report += document.headings.map { "h\($0.level) \($0.line) #\($0.anchor): \($0.text)" }
                report += document.links.map { "link \($0.line) \($0.target) image \($0.isImage) alt \($0.alt ?? "-") badge \($0.isBadge)" }
                report += document.prose.map { "prose \($0.line): \($0.text)" }
            }
            return report
        } catch {
            return ["error \(type(of: error))"]
        }
    }

    /// Everything the accessibility analysis says, line numbers included.
    func accessibilityReport(_ snapshot: RepositorySnapshot) throws -> [String] {
        let analysis = try AccessibilityAnalysis.of(snapshot, data: ruleData, budget: AccessibilityScanDefaults.budget)
        var report = ["applicable \(analysis.applicable)"]
        report += analysis.interface.signals.map { "signal \($0.kind) \($0.path) \($0.detail)" }
        report += analysis.statements.map { "statement \($0.path): \($0.reading)" }
        report += analysis.mentions.map { "mention \($0.path) at \($0.line): \($0.status)" }
        report += analysis.ambiguousMentionFiles.map { "ambiguous \($0)" }
        report += analysis.nearMisses.map { "near miss \($0.path) at \($0.line): \($0.kind) \($0.markers)" }
        report += analysis.tooling.map { "tool \($0.name) in \($0.path)" }
        report += analysis.unread.map { "unread \($0.path) \($0.reason)" }
        return report
    }

    @Test("every fixture README reads the same in every encoding and line ending", arguments: Saving.allCases)
    func readmes(_ saving: Saving) throws {
        var compared = 0
        for name in Self.fixtureNames {
            let tree = try Self.fixtureTree(name)
            let original = tree.mapValues { Array($0.utf8) }
            // big-readme's README is over the read cap: nothing to compare.
            guard let readme = (try? ReadmeAnalysis.of(scanSnapshot(original).0, data: ruleData))?.file?.path,
                  let saved = saving.save(tree[readme]!) else { continue }
            var files = original
            files[readme] = saved
            let expected = readmeReport(scanSnapshot(original).0)
            let found = readmeReport(scanSnapshot(files).0)
            #expect(found == expected, "\(name): \(readme) saved as \(saving.rawValue)")
            if found != expected {
                for (a, b) in zip(found, expected) where a != b { Issue.record("\(name): \(a) ≠ \(b)") }
            }
            compared += 1
        }
        #expect(compared >= 18, "only \(compared) READMEs compared")
    }

    @Test("the accessibility fixtures' statements, mentions and guides read the same in every encoding", arguments: Saving.allCases)
    func accessibilityStatements(_ saving: Saving) throws {
        var statements = 0
        for name in Self.fixtureNames where name.hasPrefix("a11y-") {
            let tree = try Self.fixtureTree(name)
            let original = tree.mapValues { Array($0.utf8) }
            // Every file re-saved (those the encoding cannot represent stay UTF-8), except the bundle too big to read anyway.
            let files = tree.mapValues { text in text.utf8.count > 1 << 19 ? Array(text.utf8) : saving.save(text) ?? Array(text.utf8) }
            let expected = try accessibilityReport(scanSnapshot(original).0)
            #expect(try accessibilityReport(scanSnapshot(files).0) == expected, "\(name) saved as \(saving.rawValue)")
            statements += expected.filter { $0.hasPrefix("statement ") || $0.hasPrefix("near miss ") }.count
        }
        #expect(statements >= 2)
    }

    // MARK: README with CRLF

    @Test("a CRLF README's table of contents points at its headings, each at its own line")
    func crlfTableOfContents() throws {
        let readme = [
            "# Outil de démonstration", "", "## Sommaire", "", "- [Installation](#installation)", "- [Utilisation](#utilisation)",
            "- [Licence](#licence)", "", "## Installation", "", "Lancez `make`.", "", "## Utilisation", "", "![Capture](docs/capture.png)", "",
            "## Licence", "", "MIT",
        ].joined(separator: "\r\n") + "\r\n"
        let snapshot = scanSnapshot(["README.md": Array(readme.utf8), "docs/capture.png": [0x89, 0x50, 0x4E, 0x47, 0, 0]]).0
        let structure = try ReadmeStructure.of(snapshot, data: ruleData)
        #expect(structure.brokenLinks.isEmpty)
        #expect(structure.encoding == .utf8)
        #expect(structure.lineEnding == .crlf)
        let document = try #require(structure.document)
        #expect(document.headings.map(\.line) == [1, 3, 9, 13, 17])
        #expect(document.headings.map(\.anchor) == ["outil-de-démonstration", "sommaire", "installation", "utilisation", "licence"])
        #expect(document.links.map(\.line) == [5, 6, 7, 15])
        #expect(structure.imagesWithoutAlt.isEmpty)
        let analysis = try ReadmeAnalysis.of(snapshot, data: ruleData)
        #expect(analysis.headingTexts.map(\.line) == [1, 3, 9, 13, 17])
    }

    // MARK: Binary files

    @Test("text(of:) refuses a binary file with a named error; scans over many files skip it")
    func binaryFiles() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        let (snapshot, _) = scanSnapshot(["LICENSE.pdf": png, "LICENSE": Array("MIT License\n".utf8), "logo.png": png,
                                          "README.md": Array("# Outil\r\n".utf8)])
        let logo = try #require(snapshot.entry(at: "logo.png"))
        #expect(throws: BinaryContent(path: "logo.png")) { try snapshot.text(of: logo) }
        #expect(try snapshot.textUnlessBinary(of: logo) == nil)
        let readme = try #require(snapshot.entry(at: "README.md"))
        let decoded = try snapshot.decodedText(of: readme)
        #expect(decoded.text == "# Outil\n")
        #expect(decoded.lineEnding == .crlf)
        let licences = try LicenceAnalysis.of(snapshot, data: ruleData)
        #expect(licences.files.map(\.path) == ["LICENSE", "LICENSE.pdf"])
    }

    // MARK: CSV

    func csvProblems(_ bytes: [UInt8]) throws -> [CSVProblem] {
        try CSVInspection.of(scanSnapshot(["data/x.csv": bytes]).0, data: ruleData, maxFileBytes: 1 << 20, maxProblemsPerFile: 20).problems
    }

    func latin1(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }

    @Test("a Latin-1 CSV gives the same problems at the same lines with LF, CRLF and CR rows", arguments: ["\n", "\r\n", "\r"])
    func csvLatin1(_ ending: String) throws {
        let rows = ["code_insee;nom", "01001;Bourg", "01004;Ambérieu-en-Bugey", "01005;Ars;extra"]
        let found = try csvProblems(latin1(rows.joined(separator: ending) + ending))
        #expect(found.map(\.kind) == [.encoding, .separator, .fieldCount])
        #expect(found.map(\.line) == [3, 1, 4])
        #expect(found[0].message.en.contains("0xE9") && found[0].message.en.contains("Latin-1"))
    }

    @Test("CSV rows and fields with CR line endings, a byte order mark and Windows-1252 headers")
    func csvRows() throws {
        let found = try csvProblems([0xEF, 0xBB, 0xBF] + Array("a,b,c\r1,2\r\r3,4,5\r6\r".utf8))
        #expect(found.map(\.kind) == [.bom, .fieldCount, .fieldCount])
        #expect(found.map(\.line) == [1, 2, 5])
        // Header names are shown decoded: 0x92 is ’ in Windows-1252.
        let header = try csvProblems([0x6E, 0x6F, 0x6D, 0x92, 0x61, 0x2C, 0x78, 0x0D, 0x0A, 0x31, 0x2C, 0x32, 0x0D, 0x0A])
        #expect(header.map(\.kind) == [.encoding, .header])
        #expect(header.map(\.line) == [1, 1])
        #expect(header[0].message.en.contains("Windows-1252"))
        #expect(header[1].message.en.contains("'nom’a'"))
    }

    // MARK: Secrets

    func secrets(_ files: [String: [UInt8]]) throws -> RuleOutcome {
        let rule = try #require(BuiltInRules.named("security.secrets"))
        return try rule.instance([:], data: ruleData).evaluate(scanSnapshot(files).0, context: context)
    }

    @Test("a secret is found at its line whatever the line endings and encoding", arguments: Saving.allCases)
    func secretLines(_ saving: Saving) throws {
        let token = "glpat" + "-Xy7Zq2Lm9Np4Rt6Vw3Bk"
        let source = "# déploiement\n\nimport os\nTOKEN = '\(token)'\n"
        let env = "# réglages\nDEBUG=true\n\nexport API_TOKEN=\"s3cr3t-v4lue-9\"\n"
        let outcome = try secrets(["deploy.py": try #require(saving.save(source)), "app/.env": try #require(saving.save(env))])
        #expect(outcome.status == .fail)
        #expect(outcome.findings.map(\.path) == ["app/.env", "deploy.py"])
        #expect(outcome.findings.map(\.line) == [4, 4])
    }
}
