import Foundation
import Testing
import VigieTestSupport

/// Issue 12, part 2: licence readings vigie got wrong on the accuracy corpus (bench/accuracy),
/// each as a minimal fixture audited end to end: a declaration of no open licence, a manifest value
/// that is not SPDX, the Licence Ouverte 1.0, two licences stated together in the README, a misspelt
/// publiccode.yml, CC-BY-NC-SA-4.0, and a LICENSE.md that maps folders to licence files.
@Suite("Licences as the accuracy corpus writes them, end to end")
struct LicenceInRepositoriesTests {
    struct Card {
        let licence: [String: Any]
        let checks: [String: (status: String, message: String, evidence: [String])]

        var spdx: [String] { licence["spdx"] as? [String] ?? [] }
        var declared: [[String: Any]] { licence["declared"] as? [[String: Any]] ?? [] }
        var detections: [[String: Any]] { licence["detections"] as? [[String: Any]] ?? [] }
    }

    func audit(_ fixture: String) throws -> Card {
        let scratch = try TemporaryDirectory()
        let repo = try FixtureBuilder.build(fixture, in: scratch)
        let result = try runVigie(["audit", repo.path, "--format", "json", "--as-of", "2026-11-30", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let card = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let licence = try #require((card["facts"] as? [String: Any])?["licence"] as? [String: Any])
        var checks: [String: (status: String, message: String, evidence: [String])] = [:]
        for check in card["checks"] as? [[String: Any]] ?? [] {
            guard let id = check["id"] as? String else { continue }
            let evidence = (check["evidence"] as? [[String: Any]] ?? []).map { "\($0["path"] ?? ""): \($0["message"] ?? "")" }
            checks[id] = (check["status"] as? String ?? "", check["message"] as? String ?? "", evidence)
        }
        return Card(licence: licence, checks: checks)
    }

    @Test("every scorecard of these fixtures is valid against the schema (role pointer, stated_with_text, no_open_licence)")
    func schemaValid() throws {
        let scratch = try TemporaryDirectory()
        var files: [String] = []
        for fixture in ["licence-proprietary", "licence-ouverte-1.0", "licence-readme-two", "licence-publicode-misspelt", "licence-cc-by-nc-sa", "licence-map"] {
            let repo = try FixtureBuilder.build(fixture, in: scratch)
            let result = try runVigie(["audit", repo.path, "--format", "json", "--as-of", "2026-11-30", "--lang", "en"])
            let file = scratch.appending("\(fixture).json")
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let validator = PackagePaths.root.appendingPathComponent("scripts/validate-json.py")
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", validator.path, PackagePaths.schema.path] + files)
        #expect(result.status == 0, "schema validation failed (install with: pip install jsonschema): \(result.stdout)\(result.stderr)")
    }

    @Test("\"license\": \"proprietary\" is a declaration of no open licence: no SPDX id, kept as evidence, licence.present fails")
    func proprietary() throws {
        let card = try audit("licence-proprietary")
        #expect(card.spdx.isEmpty)
        #expect(card.licence["spdx_source"] as? String == "none")
        let declaration = try #require(card.declared.first)
        #expect(declaration["expression"] as? String == "proprietary")
        #expect(declaration["no_open_licence"] as? Bool == true)
        #expect((declaration["spdx"] as? [String])?.isEmpty == true)
        let present = try #require(card.checks["licence.present"])
        #expect(present.status == "fail", "\(present.message)")
        #expect(present.evidence == ["composer.json: composer.json: proprietary"], "\(present.evidence)")
    }

    @Test("the Licence Ouverte 1.0 summary is LicenseRef-Licence-Ouverte-1.0, an older version of the list's; \"CC-BY 2.0\" names no id")
    func licenceOuverteOne() throws {
        let card = try audit("licence-ouverte-1.0")
        #expect(card.spdx == ["LicenseRef-Licence-Ouverte-1.0"])
        let declaration = try #require(card.declared.first)
        #expect(declaration["expression"] as? String == "CC-BY 2.0")
        #expect((declaration["spdx"] as? [String])?.isEmpty == true, "an invalid expression is not split into bogus ids")
        #expect(card.checks["licence.identified"]?.status == "pass")
        #expect(card.checks["licence.allowed"]?.status == "warn", "\(card.checks["licence.allowed"]?.message ?? "")")
        let consistent = try #require(card.checks["licence.consistent"])
        #expect(consistent.status == "warn" && consistent.evidence.first?.contains("not a valid SPDX expression") == true, "\(consistent)")
    }

    @Test("a README sentence giving the whole project GPLv3 and the Licence Ouverte 2.0 adds etalab-2.0 to the LICENSE's GPL-3.0; a scoped one adds nothing")
    func readmeTwoLicences() throws {
        let card = try audit("licence-readme-two")
        #expect(card.spdx == ["GPL-3.0", "etalab-2.0"])
        #expect(card.licence["spdx_source"] as? String == "licence_text")
        let stated = try #require(card.licence["stated_with_text"] as? [[String: Any]])
        #expect(stated.count == 1)
        #expect(stated.first?["line"] as? Int == 5)
        #expect(stated.first?["spdx"] as? [String] == ["GPL-3.0", "etalab-2.0"])
    }

    @Test("a licence declared in a misspelt publicode.yml is the repository's declared licence")
    func misspeltPubliccode() throws {
        let card = try audit("licence-publicode-misspelt")
        #expect(card.spdx == ["Apache-2.0"])
        #expect(card.licence["spdx_source"] as? String == "declaration")
        #expect(card.declared.first?["path"] as? String == "publicode.yml")
        #expect(card.checks["licence.present"]?.status == "warn")
    }

    @Test("the CC-BY-NC-SA-4.0 text is identified, and licence.allowed fails on it")
    func nonCommercial() throws {
        let card = try audit("licence-cc-by-nc-sa")
        #expect(card.spdx == ["CC-BY-NC-SA-4.0"])
        #expect(card.checks["licence.identified"]?.status == "pass")
        let allowed = try #require(card.checks["licence.allowed"])
        #expect(allowed.status == "fail" && allowed.message.contains("CC-BY-NC-SA-4.0"), "\(allowed.message)")
    }

    @Test("a LICENSE.md that maps folders to licence files: the linked texts are read, with the link's version rule and the folder they cover")
    func licenceMap() throws {
        let card = try audit("licence-map")
        #expect(card.spdx == ["AGPL-3.0-or-later", "MIT"])
        #expect(card.licence["files"] as? [String] == ["LICENSE.md", "front/LICENSE", "AGPL-3.0.LICENSE.md"])
        let byPath = Dictionary(uniqueKeysWithValues: card.detections.compactMap { detection in
            (detection["path"] as? String).map { ($0, detection) }
        })
        #expect(byPath["LICENSE.md"]?["role"] as? String == "pointer")
        #expect(byPath["AGPL-3.0.LICENSE.md"]?["applies_to"] == nil)
        #expect(byPath["front/LICENSE"]?["applies_to"] as? String == "front/")
        #expect(card.checks["licence.identified"]?.status == "pass", "\(card.checks["licence.identified"]?.message ?? "")")
        #expect(card.checks["licence.allowed"]?.status == "pass", "\(card.checks["licence.allowed"]?.message ?? "")")
    }
}
