import Foundation
import Testing
import VigieRules
import VigieTestSupport

@Suite("Licence identification from the text")
struct LicenceIdentifierTests {
    static let texts: [String] = try! FileManager.default.contentsOfDirectory(atPath: PackagePaths.fixtures.appendingPathComponent("licences").path)
        .filter { $0.hasSuffix(".txt") }.sorted()

    let identifier = LicenceIdentifier(data: ruleData)

    static func expectedID(_ file: String) -> String {
        file.replacingOccurrences(of: ".fr.txt", with: "").replacingOccurrences(of: ".txt", with: "")
    }

    func text(_ file: String) throws -> String {
        try String(contentsOf: PackagePaths.fixtures.appendingPathComponent("licences/" + file), encoding: .utf8)
    }

    @Test("each official text is recognised as its licence and nothing else", arguments: texts)
    func officialText(_ file: String) throws {
        let matches = identifier.identify(try text(file))
        #expect(matches.map(\.spdx) == [Self.expectedID(file)])
        #expect(matches.first?.confidence == 1)
    }

    @Test("markup, a changed copyright line and re-wrapping do not matter", arguments: texts)
    func variants(_ file: String) throws {
        let original = try text(file)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.replaceSubrange(0..<min(3, lines.count), with: ["Copyright (c) 2024 Ministère de l’Intérieur"])
        let changedCopyright = lines.joined(separator: "\n")
        let markdown = "# Licence\n\n**" + original.replacingOccurrences(of: "\n\n", with: "**\n\n> ", options: [], range: nil) + "**"
        let oneLine = original.replacingOccurrences(of: "\n", with: " ")
        for variant in [changedCopyright, markdown, oneLine] {
            #expect(identifier.identify(variant).map(\.spdx) == [Self.expectedID(file)])
        }
    }

    @Test("two licences in one file are both reported")
    func dualLicence() throws {
        let matches = identifier.identify(try text("MIT.txt") + "\n\n" + (try text("Apache-2.0.txt")))
        #expect(matches.map(\.spdx) == ["MIT", "Apache-2.0"])
    }

    @Test("an unknown text is NOASSERTION; a truncated one names its closest candidate")
    func neverGuesses() throws {
        let proprietary = identifier.identify("Copyright ACME. All rights reserved. Proprietary and confidential.")
        #expect(proprietary.count == 1 && proprietary[0].spdx == nil && proprietary[0].candidates.isEmpty)
        let mit = try text("MIT.txt")
        let truncated = String(mit.prefix(mit.count * 3 / 4))
        let match = try #require(identifier.identify(truncated).first)
        #expect(match.spdx == nil)
        #expect(match.candidates.first?.id == "MIT")
    }

    @Test("normalisation folds case, accents, punctuation and spacing")
    func normalisation() {
        #expect(TextNormalizer.normalize("  LICENCE « Ouverte » — État,\n\tversion 2.0 ") == "licence ouverte etat version 2 0")
        #expect(TextNormalizer.normalize("l’État") == TextNormalizer.normalize("l'Etat"))
    }
}
