import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// Licences as real repositories commit them (bench findings 3, 4 and 8): reformatted texts,
/// unusual file names, several licences in one file, licences declared only in a manifest, REUSE.
@Suite("Licences as found in the wild")
struct LicenceInTheWildTests {
    let identifier = LicenceIdentifier(data: ruleData)

    static func fixture(_ path: String) throws -> String {
        try String(contentsOf: PackagePaths.fixtures.appendingPathComponent("licences/" + path), encoding: .utf8)
    }

    static func analysis(_ files: [String: String]) throws -> LicenceAnalysis {
        let snapshot = RuleExample("in-memory repository", files: files, expect: .pass).snapshot(files: files)
        return try LicenceAnalysis.of(snapshot, data: ruleData)
    }

    static func facts(_ files: [String: String]) throws -> [String: JSONValue] {
        let snapshot = RuleExample("in-memory repository", files: files, expect: .pass).snapshot(files: files)
        guard case .object(let facts) = try LicenceFacts(data: ruleData).facts(snapshot, context: AuditContext(asOf: RuleExample.asOf, language: .en)) else {
            Issue.record("facts.licence is not an object")
            return [:]
        }
        return facts
    }

    // MARK: 1. Matching as the SPDX guidelines say

    @Test("the Licence Ouverte 2.0 reformatted in Markdown (headings, bold, quotes, brackets, a reworded line) is etalab-2.0 with confidence ≥ 0.9")
    func reformattedEtalab() throws {
        let matches = identifier.identify(try Self.fixture("variants/etalab-2.0.fr.reformatted.md"))
        #expect(matches.map(\.spdx) == ["etalab-2.0"])
        #expect((matches.first?.confidence ?? 0) >= 0.9)
        #expect((matches.first?.confidence ?? 1) < 1, "one line is reworded: not a word-for-word match")
    }

    @Test("HTML tags, Markdown links, list numbering, 'license' for 'licence' and a changed copyright line do not matter")
    func markupAndSpellings() throws {
        let mit = try Self.fixture("MIT.txt")
        let html = "<h1>MIT License</h1>\n<p>Copyright © 2024 <a href=\"https://example.org\">ACME</a></p>\n"
            + mit.split(separator: "\n\n").map { "<p>" + $0 + "</p>" }.joined(separator: "\n")
        #expect(identifier.identify(html).map(\.spdx) == ["MIT"])
        let bsd = try Self.fixture("BSD-3-Clause.txt")
        let renumbered = bsd.replacingOccurrences(of: "1. ", with: "(a) ").replacingOccurrences(of: "2. ", with: "* ")
            .replacingOccurrences(of: "3. ", with: "iii) ")
        #expect(identifier.identify(renumbered).map(\.spdx) == ["BSD-3-Clause"])
        let apache = try Self.fixture("Apache-2.0.txt").replacingOccurrences(of: "License", with: "Licence")
        let match = try #require(identifier.identify(apache).first)
        #expect(match.spdx == "Apache-2.0" && match.confidence == 1)
        let linked = mit.replacingOccurrences(of: "the Software", with: "[the Software](https://example.org/software)")
        #expect(identifier.identify(linked).first?.confidence == 1)
    }

    @Test("a bracketed part of a phrase may be left out: the linking exception says 'library' or 'file'")
    func omissibleParts() throws {
        #expect(ruleData.licenceMatching.phraseVariants("of this [File] into") == [["of", "this", "file", "into"], ["of", "this", "into"]])
        let gccFile = try Self.fixture("exceptions/GCC-exception-2.0.txt")
        let gpl = try Self.fixture("GPL-2.0.txt")
        for text in [gccFile, gccFile.replacingOccurrences(of: "version\nof this file", with: "version\nof this library")] {
            let match = try #require(identifier.identify(gpl + "\n\n" + text).first)
            #expect(match.exception == "GCC-exception-2.0")
            #expect(match.expression == "GPL-2.0 WITH GCC-exception-2.0")
        }
    }

    @Test("IGNF/librjmcmc's Latin-1 CeCILL-B, decoded, is CECILL-B")
    func latin1CeCILL() throws {
        let bytes = try Array(Data(contentsOf: PackagePaths.fixtures.appendingPathComponent("licences/variants/Licence_CeCILL-B_V1-fr.latin1.txt")))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture is Latin-1, not UTF-8")
        let decoded = try #require(TextDecoding.decode(bytes, isPrefix: false))
        let text = String(decoding: decoded.utf8, as: UTF8.self)
        #expect(identifier.identify(text).map(\.spdx) == ["CECILL-B"])
        let analysis = try Self.analysis(["Licence_CeCILL-B_V1-fr.txt": text])
        #expect(analysis.spdxIDs == ["CECILL-B"])
    }

    // MARK: 2. Licence files by name, and one file with licences for different parts

    @Test("licence files by name: plural, underscore, COPYRIGHT, suffixes; LICENSEE is not one")
    func fileNames() throws {
        let analysis = try Self.analysis(["LICENCES.md": "x", "Licence_CeCILL-B_V1-fr.txt": "x", "COPYRIGHT": "x", "LICENSE-MIT": "x",
                                          "license.rst": "x", "UNLICENSE": "x", "LICENSEE.md": "x", "docs/LICENSE": "x", "LICENSES/MIT.txt": "x"])
        #expect(analysis.files.map(\.path).sorted() == ["COPYRIGHT", "LICENCES.md", "LICENSE-MIT", "LICENSES/MIT.txt", "Licence_CeCILL-B_V1-fr.txt",
                                                        "UNLICENSE", "license.rst"])
    }

    @Test("DISIC/Ara's LICENCES.md: code under MIT, content under the Licence Ouverte 2.0, as one SPDX AND expression")
    func codeAndContent() throws {
        let text = "# LICENCES\n\nLe code source de ce dépôt est publié sous [licence MIT](#licence-mit).\n\n"
            + "Sauf mention de propriété intellectuelle détenue par des tiers (notamment\nun crédit sur certaines images), les contenus de ce dépôt sont publiés sous [licence Ouverte 2.0](#licence-ouverte-20).\n\n"
            + "## LICENCE MIT\n\n" + (try Self.fixture("MIT.txt")) + "\n\n## LICENCE OUVERTE 2.0\n\n" + (try Self.fixture("variants/etalab-2.0.fr.reformatted.md"))
        let analysis = try Self.analysis(["LICENCES.md": text, "publiccode.yml": "legal:\n  license: MIT\n"])
        #expect(analysis.spdxIDs == ["MIT", "etalab-2.0"])
        #expect(analysis.detections.map(\.scope) == ["code", "content"])
        #expect(analysis.detections.allSatisfy { $0.role == .licence })
        let facts = try Self.facts(["LICENCES.md": text])
        #expect(facts["expression"] == .string("MIT AND etalab-2.0"))
    }

    // MARK: 3. Declared only in a manifest

    @Test("a licence only in package.json or publiccode.yml is in facts.licence.spdx with its source")
    func manifestOnly() throws {
        let facts = try Self.facts(["package.json": #"{"name": "x", "license": "MIT"}"#, "publiccode.yml": "legal:\n  license: EUPL-1.2\n"])
        #expect(facts["spdx"] == .array([.string("EUPL-1.2"), .string("MIT")]))
        #expect(facts["spdx_source"] == .string("declaration"))
        let withText = try Self.facts(["LICENSE": try Self.fixture("MIT.txt"), "package.json": #"{"license": "MIT"}"#])
        #expect(withText["spdx_source"] == .string("licence_text"))
    }

    @Test("a declared expression names ids only when it is SPDX or a usual name; proprietary and UNLICENSED name none")
    func declaredExpressions() {
        let policy = ruleData.policy
        #expect(LicenceDeclarations.ids(in: "CC-BY 2.0", policy: policy).isEmpty, "two ids with no operator are no expression")
        #expect(LicenceDeclarations.ids(in: "GNU Affero General Public License v3.0", policy: policy) == ["AGPL-3.0"])
        #expect(LicenceDeclarations.ids(in: "MIT/Apache-2.0", policy: policy) == ["MIT", "Apache-2.0"])
        #expect(LicenceDeclarations.ids(in: "(GPL-2.0-only WITH Classpath-exception-2.0) OR MIT", policy: policy) == ["GPL-2.0-only", "MIT"])
        #expect(LicenceDeclarations.ids(in: "GPL-3.0+", policy: policy) == ["GPL-3.0-or-later"])
        #expect(LicenceDeclarations.ids(in: "MIT AND", policy: policy).isEmpty)
        for value in ["proprietary", "UNLICENSED", "Proprietary"] {
            #expect(LicenceDeclarations.ids(in: value, policy: policy).isEmpty, "\(value)")
            #expect(policy.noOpenLicence.contains(value.lowercased()))
        }
        #expect(LicenceDeclarations.pointsToFile("SEE LICENSE IN LICENSE.md"))
    }

    @Test("the Licence Ouverte 1.0, full text and the summary repositories commit, is LicenseRef-Licence-Ouverte-1.0, never etalab-2.0")
    func licenceOuverteOne() throws {
        #expect(identifier.identify(try Self.fixture("LicenseRef-Licence-Ouverte-1.0.fr.txt")).map(\.spdx) == ["LicenseRef-Licence-Ouverte-1.0"])
        #expect(identifier.identify(try Self.fixture("variants/Licence-Ouverte-1.0.summary.md")).map(\.spdx) == ["LicenseRef-Licence-Ouverte-1.0"])
        #expect(identifier.identify(try Self.fixture("etalab-2.0.fr.txt")).map(\.spdx) == ["etalab-2.0"])
        #expect(identifier.identify(try Self.fixture("variants/etalab-2.0.fr.reformatted.md")).map(\.spdx) == ["etalab-2.0"])
        #expect(ruleData.policy.isOlderVersion("LicenseRef-Licence-Ouverte-1.0"))
    }

    // MARK: 4. A primary licence and appended ones

    @Test("libgit2-style COPYING: GPL-2.0-only with the linking exception is the licence; zlib, BSD-4-Clause and MIT are bundled, with their lines")
    func primaryAndBundled() throws {
        let text = try Self.fixture("bundled/COPYING-gpl2-with-bundled.txt")
        let analysis = try Self.analysis(["COPYING": text])
        #expect(analysis.spdxIDs == ["GPL-2.0-only"])
        let own = try #require(analysis.ownDetections.first)
        #expect(own.match.expression == "GPL-2.0-only WITH GCC-exception-2.0")
        let bundled = analysis.detections.filter { $0.role == .bundled }
        #expect(bundled.map(\.match.spdx) == ["Zlib", "BSD-4-Clause", "MIT"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for detection in bundled {
            let range = try #require(detection.match.lines)
            let body = lines[(range.lowerBound - 1)..<range.upperBound].joined(separator: "\n")
            // Each range holds its own licence's text and not the next one's.
            #expect(identifier.identify(body).compactMap(\.spdx) == [detection.match.spdx!], "\(detection.match.spdx!) at \(range)")
        }
        #expect(own.match.lines?.lowerBound == 1)
        #expect((own.match.lines?.upperBound ?? 0) < (bundled.first?.match.lines?.lowerBound ?? 0))
    }

    @Test("-only and -or-later come from the notice before the text; the bare text keeps the bare id")
    func onlyOrLater() throws {
        let gpl = try Self.fixture("GPL-3.0.txt")
        #expect(identifier.identify(gpl).map(\.spdx) == ["GPL-3.0"])
        let notice = "This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.\n\n"
        #expect(identifier.identify(notice + gpl).map(\.spdx) == ["GPL-3.0-or-later"])
        #expect(identifier.identify("SPDX-License-Identifier: GPL-3.0-only\n\n" + gpl).map(\.spdx) == ["GPL-3.0-only"])
    }

    @Test("a bare GPL text takes -or-later or -only from the SPDX headers in the facts, when they agree on one")
    func onlyOrLaterFromHeaders() throws {
        let gpl = try Self.fixture("GPL-3.0.txt")
        let later = try Self.facts(["COPYING": gpl, "src/a.c": "// SPDX-License-Identifier: GPL-3.0-or-later\nint a;\n"])
        #expect(later["spdx"] == .array([.string("GPL-3.0-or-later")]))
        let both = try Self.facts(["COPYING": gpl, "src/a.c": "// SPDX-License-Identifier: GPL-3.0-or-later\n", "src/b.c": "// SPDX-License-Identifier: GPL-3.0-only\n"])
        #expect(both["spdx"] == .array([.string("GPL-3.0")]))
        let mit = try Self.facts(["LICENSE": try Self.fixture("MIT.txt"), "src/a.c": "// SPDX-License-Identifier: GPL-3.0-or-later\n"])
        #expect(mit["spdx"] == .array([.string("MIT")]))
    }

    // MARK: 5. Licences real repositories carry

    @Test("the licences found in real repositories and the exceptions of the GPL family are known")
    func knownLicences() throws {
        for id in ["Vim", "OFL-1.1", "MIT-0", "MulanPSL-2.0", "BSD-4-Clause", "AFL-3.0", "OSL-3.0", "UPL-1.0", "NCSA", "MS-PL", "Python-2.0"] {
            #expect(identifier.identify(try Self.fixture(id + ".txt")).map(\.spdx) == [id])
        }
        let pairs = [("GPL-3.0", "GCC-exception-3.1"), ("GPL-2.0", "Classpath-exception-2.0"), ("Apache-2.0", "LLVM-exception"), ("GPL-2.0", "GCC-exception-2.0")]
        for (licence, exception) in pairs {
            let match = try #require(identifier.identify(try Self.fixture(licence + ".txt") + "\n\n" + (try Self.fixture("exceptions/\(exception).txt"))).first)
            #expect(match.expression == "\(licence) WITH \(exception)")
        }
        // An exception alone is no licence.
        #expect(identifier.identify(try Self.fixture("exceptions/Classpath-exception-2.0.txt")).first?.spdx == nil)
    }

    // MARK: 6. REUSE

    @Test("codegouvfr/sill: LicenseRef-Excluded agrees with its LICENSES/ text, and only refused licences are named")
    func reuseLicenseRef() throws {
        let files = ["LICENSES/MIT.txt": try Self.fixture("MIT.txt"), "LICENSES/CC-BY-4.0.txt": try Self.fixture("CC-BY-4.0.txt"),
                     "LICENSES/LicenseRef-Excluded.txt": "This file is covered by copyright.\n",
                     "REUSE.toml": "version = 1\n[[annotations]]\npath = \"logo/*\"\nSPDX-License-Identifier = \"LicenseRef-Excluded\"\n"]
        let snapshot = RuleExample("sill", files: files, expect: .pass).snapshot(files: files)
        let context = AuditContext(asOf: RuleExample.asOf, language: .en)
        let consistent = AuditEngine.evaluate(LicenceConsistentRule.instance(data: ruleData), on: snapshot, context: context)
        #expect(consistent.status == .pass, "\(consistent.message.en)")
        let identified = AuditEngine.evaluate(LicenceIdentifiedRule.instance(data: ruleData), on: snapshot, context: context)
        #expect(identified.status == .pass, "\(identified.message.en)")
        let allowed = AuditEngine.evaluate(LicenceAllowedRule.instance(data: ruleData), on: snapshot, context: context)
        #expect(allowed.status == .fail)
        #expect(allowed.message.en.contains("CC-BY-4.0") && !allowed.message.en.contains("MIT"), "\(allowed.message.en)")
        #expect(allowed.message.fr.contains("CC-BY-4.0") && !allowed.message.fr.contains("MIT"), "\(allowed.message.fr)")
    }
}
