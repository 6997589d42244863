import Foundation
import Testing
import VigieCore
@testable import VigieRules
import VigieTestSupport

/// `licence.present`'s fix writes official texts: each one, filled in as `vigie fix` fills it, is
/// identified by vigie itself as its own licence at confidence 1.0, and the texts are the ones the
/// fingerprints are tested on (fixtures/licences/), byte for byte.
@Suite("Fix: official licence texts")
struct FixLicenceTextTests {
    let templates = try! FixTemplates.load(sources: .builtIn)
    let identifier = LicenceIdentifier(data: ruleData)

    static var ids: [String] {
        let templates = try! FixTemplates.load(sources: .builtIn)
        return (templates.node("licence.texts")?.mapping?.compactMap { $0.key.string } ?? []).sorted()
    }

    @Test("every French-list licence vigie can write is identified as itself at confidence 1.0, in each language", arguments: ids)
    func identified(id: String) throws {
        for language in [Language.fr, .en] {
            let outcome = try OfficialLicenceText.text(of: id, language: language, year: 2026, holder: "Ministère de l’Intérieur",
                                                       data: ruleData, templates: templates)
            guard case .text(let text) = outcome else {
                Issue.record("\(id) (\(language)): no text: \(outcome)")
                continue
            }
            #expect(!text.contains("[year]") && !text.contains("[fullname]"), "\(id): a placeholder is left")
            let matches = identifier.identify(text)
            #expect(matches.count == 1 && matches.first?.spdx == id && matches.first?.confidence == 1.0,
                    "\(id) (\(language)): \(matches.map { "\($0.spdx ?? "?") \($0.confidence)" })")
        }
    }

    @Test("the -or-later and -only ids and the aliases use their version's text; a licence off the list is refused")
    func spellings() throws {
        guard case .text(let text) = try OfficialLicenceText.text(of: "GPL-3.0-or-later", language: .fr, year: 2026, holder: nil, data: ruleData, templates: templates) else {
            Issue.record("no GPL-3.0-or-later text")
            return
        }
        #expect(identifier.identify(text).first?.spdx == "GPL-3.0")
        guard case .text(let etalab) = try OfficialLicenceText.text(of: "Licence-Ouverte-2.0", language: .fr, year: 2026, holder: nil, data: ruleData, templates: templates) else {
            Issue.record("no etalab-2.0 text for the alias")
            return
        }
        #expect(etalab.contains("Réutilisateur"), "the French text is chosen in French")
        guard case .unavailable = try OfficialLicenceText.text(of: "WTFPL", language: .fr, year: 2026, holder: nil, data: ruleData, templates: templates) else {
            Issue.record("WTFPL is not on the list")
            return
        }
        guard case .unavailable(let why) = try OfficialLicenceText.text(of: "MIT", language: .en, year: 2026, holder: nil, data: ruleData, templates: templates) else {
            Issue.record("MIT needs a holder")
            return
        }
        #expect(why.en.contains("--holder"))
    }

    @Test("each shipped text is the fingerprints' test text: fixtures/licences/<name> links to rules/licences/<name>, one copy")
    func sameTextsAsTheFingerprints() throws {
        let folder = PackagePaths.rules.appendingPathComponent("licences")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let link = PackagePaths.fixtures.appendingPathComponent("licences/" + name).path
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../../rules/licences/" + name)
            #expect(FileManager.default.contents(atPath: link) == FileManager.default.contents(atPath: folder.appendingPathComponent(name).path))
        }
    }
}
