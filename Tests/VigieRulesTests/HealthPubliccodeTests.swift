import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// community.publiccode: the schema of DOMAIN §2.5 with line:column for every problem, the SPDX
/// expression and its agreement with the licence files, maintenance honesty.
@Suite("community.publiccode")
struct HealthPubliccodeTests {
    static let mit = try! PackagePaths.resolveFixtureReference("@fixtures/licences/MIT.txt")
    static let gpl = try! PackagePaths.resolveFixtureReference("@fixtures/licences/GPL-3.0.txt")

    /// A valid 0.4 file; `replace` swaps lines to make it wrong.
    static func file(_ replacements: [(String, String)] = [], append: String = "") -> String {
        var text = """
            publiccodeYmlVersion: "0.4"
            name: Outil
            url: "https://github.com/example-gouv/outil.git"
            platforms:
              - web
            developmentStatus: stable
            softwareType: standalone/backend
            description:
              fr:
                shortDescription: Vérifie les dépôts publiés par les administrations.
                longDescription: >
                  Outil aide les équipes des administrations à vérifier que les dépôts qu'elles publient
                  ont une licence autorisée, un README utile, un guide de contribution et un contact de
                  sécurité, et qu'aucun secret n'y a été laissé.
                features:
                  - Vérifier la licence
            legal:
              license: MIT
            maintenance:
              type: internal
              contacts:
                - name: Alice Martin
            localisation:
              localisationReady: true
              availableLanguages:
                - fr

            """
        for (old, new) in replacements {
            #expect(text.contains(old), "the template has no '\(old)'")
            text = text.replacing(old, with: new)
        }
        return text + append
    }

    func outcome(_ publiccode: String, licence: String? = mit, commits: [HistoryCommit] = [], language: Language = .en) throws -> RuleOutcome {
        var files = ["publiccode.yml": publiccode]
        if let licence { files["LICENSE"] = licence }
        return try evaluateHealthRule("community.publiccode", files, commits: commits, language: language)
    }

    /// "line:column: message" of each finding.
    func problems(_ outcome: RuleOutcome) -> [String] {
        outcome.findings.map { $0.message?.en ?? "" }
    }

    @Test("the valid file passes, and says its licence agrees with LICENSE")
    func valid() throws {
        let result = try outcome(Self.file())
        #expect(result.status == .pass)
        #expect(result.message.en == "publiccode.yml is valid (version 0.4), licence MIT agrees with the licence files.")
        #expect(result.message.fr == "publiccode.yml est valide (version 0.4), licence MIT conforme aux fichiers de licence.")
    }

    @Test("a wrong type is reported at the value's line:column")
    func wrongTypes() throws {
        let result = try outcome(Self.file([("name: Outil", "name: 42"), ("  localisationReady: true", "  localisationReady: \"yes\"")]))
        #expect(result.status == .fail)
        #expect(problems(result) == ["2:7: 'name' must be a string, not the number 42",
                                     "24:22: 'localisation.localisationReady' must be true or false, not 'yes'"])
        #expect(result.findings.map(\.line) == [2, 24])
        #expect(result.findings.map(\.path) == ["publiccode.yml", "publiccode.yml"])
    }

    @Test("an unquoted version is a number, not the string the standard asks for")
    func unquotedVersion() throws {
        let result = try outcome(Self.file([("publiccodeYmlVersion: \"0.4\"", "publiccodeYmlVersion: 0.4")]))
        #expect(problems(result) == ["1:23: 'publiccodeYmlVersion' must be a string, not the number 0.4"])
    }

    @Test("missing required keys are reported at the mapping that should hold them")
    func missingKeys() throws {
        let result = try outcome("publiccodeYmlVersion: \"0.4\"\nname: Outil\nmaintenance:\n  contacts: []\n")
        #expect(result.status == .fail)
        #expect(problems(result) == [
            "1:1: missing required key 'url'",
            "1:1: missing required key 'platforms'",
            "1:1: missing required key 'developmentStatus'",
            "1:1: missing required key 'softwareType'",
            "1:1: missing required key 'description'",
            "1:1: missing required key 'legal'",
            "1:1: missing required key 'localisation'",
            "4:3: missing required key 'maintenance.type'",
        ])
    }

    @Test("values outside the standard's lists, and lengths outside its limits")
    func valuesAndLengths() throws {
        let long = String(repeating: "Vérifie les dépôts. ", count: 9)
        let result = try outcome(Self.file([("developmentStatus: stable", "developmentStatus: finished"),
                                            ("    shortDescription: Vérifie les dépôts publiés par les administrations.", "    shortDescription: \(long)")]))
        #expect(problems(result) == [
            "6:20: 'developmentStatus' is 'finished', not an allowed value (concept, development, beta, stable, obsolete)",
            "10:23: 'description.fr.shortDescription' has 179 characters, more than the 150 allowed",
        ])
        let short = try outcome(Self.file([("      Outil aide les équipes des administrations à vérifier que les dépôts qu'elles publient\n", ""),
                                           ("      ont une licence autorisée, un README utile, un guide de contribution et un contact de\n", "")]))
        #expect(problems(short) == ["11:22: 'description.fr.longDescription' has 47 characters, fewer than the 150 required"])
    }

    @Test("description needs a language, and each language its texts")
    func descriptionLanguages() throws {
        let empty = try outcome(Self.file([("description:\n  fr:", "description: {}\nother:\n  fr:")]))
        #expect(problems(empty).contains("8:14: description must hold at least one language"))
        let english = try outcome(Self.file(append: "") .replacing("legal:", with: "  en:\n    shortDescription: A tool.\nlegal:"))
        #expect(problems(english) == ["18:5: missing required key 'description.en.longDescription'",
                                      "18:5: missing required key 'description.en.features'"])
    }

    @Test("unknown keys are warnings with the closest key; country sections are allowed")
    func unknownKeys() throws {
        let result = try outcome(Self.file([("developmentStatus: stable", "developmentStatus: stable\ndevelopmentstatus: stable")], append: "it:\n  riuso: {}\n"))
        #expect(result.status == .warn)
        #expect(problems(result) == ["7:1: key 'developmentstatus' is not in the standard (did you mean 'developmentStatus'?)"])
        let nested = try outcome(Self.file([("  license: MIT", "  license: MIT\n  licence: MIT")]))
        #expect(problems(nested) == ["19:3: key 'legal.licence' is not in the standard (did you mean 'license'?)"])
    }

    @Test("version 0.2 still requires releaseDate and categories; unknown versions are errors")
    func versions() throws {
        let legacy = try outcome(Self.file([("publiccodeYmlVersion: \"0.4\"", "publiccodeYmlVersion: \"0.2\"")]))
        #expect(problems(legacy) == ["1:1: missing required key 'releaseDate'", "1:1: missing required key 'categories'"])
        let dated = try outcome(Self.file([("publiccodeYmlVersion: \"0.4\"", "publiccodeYmlVersion: \"0.2\"\nreleaseDate: 2024-02-30\ncategories: [it-development]")]))
        #expect(problems(dated) == ["2:14: 'releaseDate' must be a YYYY-MM-DD date, not '2024-02-30'"])
        let unknown = try outcome(Self.file([("publiccodeYmlVersion: \"0.4\"", "publiccodeYmlVersion: \"1.0\"")]))
        #expect(problems(unknown).first?.hasPrefix("1:23: unknown version of the standard '1.0' (known: 0.1, 0.2") == true)
    }

    @Test("maintenance by contract needs contractors with an end date; an ended contract is a warning")
    func contracts() throws {
        let noContractor = try outcome(Self.file([("  type: internal\n  contacts:\n    - name: Alice Martin", "  type: contract")]))
        #expect(problems(noContractor) == ["20:3: missing required key 'maintenance.contractors'"])
        let ended = try outcome(Self.file([("  type: internal\n  contacts:\n    - name: Alice Martin",
                                            "  type: contract\n  contractors:\n    - name: Société\n      until: \"2025-12-31\"")]))
        #expect(ended.status == .warn)
        #expect(problems(ended) == ["23:14: the maintenance contract ended on 2025-12-31"])
        let contactWithoutName = try outcome(Self.file([("    - name: Alice Martin", "    - email: alice@example.gouv.fr")]))
        #expect(problems(contactWithoutName) == ["22:7: missing required key 'maintenance.contacts[0].name'"])
    }

    @Test("legal.license: SPDX syntax, and agreement with the licence files")
    func licence() throws {
        let syntax = try outcome(Self.file([("  license: MIT", "  license: Apache 2")]))
        #expect(problems(syntax) == ["18:12: 'legal.license' is not a valid SPDX licence expression ('Apache 2'): unexpected '2'"])
        let unbalanced = try outcome(Self.file([("  license: MIT", "  license: (MIT OR EUPL-1.2")]))
        #expect(problems(unbalanced).first?.hasSuffix("unbalanced parentheses") == true)
        // Found by the fuzzer (fuzz/regressions/spdx/): 3,198 "(" overflowed the parser's stack.
        let deep = try outcome(Self.file([("  license: MIT", "  license: \"" + String(repeating: "(", count: 5000) + "MIT\"")]))
        #expect(problems(deep).first?.hasSuffix("parentheses nested more than 64 deep") == true)
        let nested = String(repeating: "(", count: 64) + "MIT" + String(repeating: ")", count: 64)
        let deepest = try outcome(Self.file([("  license: MIT", "  license: \"" + nested + "\"")]))
        #expect(problems(deepest).allSatisfy { !$0.contains("SPDX") })
        let disagree = try outcome(Self.file([("  license: MIT", "  license: EUPL-1.2")]))
        #expect(problems(disagree) == ["18:12: legal.license declares EUPL-1.2, but the licence files are MIT"])
        let dual = try outcome(Self.file([("  license: MIT", "  license: MIT OR Apache-2.0")]))
        #expect(problems(dual) == ["18:12: legal.license declares Apache-2.0, but the licence files are MIT"])
        let orLater = try outcome(Self.file([("  license: MIT", "  license: GPL-3.0-or-later")]), licence: Self.gpl)
        #expect(orLater.status == .pass)
        let reference = try outcome(Self.file([("  license: MIT", "  license: MIT AND LicenseRef-etalab-logo")]))
        #expect(reference.status == .pass)
        let noLicenceFile = try outcome(Self.file(), licence: nil)
        #expect(noLicenceFile.status == .pass)
        #expect(noLicenceFile.message.en == "publiccode.yml is valid (version 0.4), licence MIT not compared: no licence file recognised.")
    }

    @Test("a file that says the software is maintained, in a silent history, contradicts it")
    func maintenanceHonesty() throws {
        let silent = try outcome(Self.file(), commits: [.at("2024-10-01")])
        #expect(silent.status == .warn)
        #expect(problems(silent) == [
            "6:20: developmentStatus is 'stable', but there has been no commit for 789 days (say 'none' or 'obsolete', or resume activity)",
            "20:9: maintenance.type is 'internal', but there has been no commit for 789 days (say 'none' or 'obsolete', or resume activity)",
        ])
        let honest = try outcome(Self.file([("developmentStatus: stable", "developmentStatus: obsolete"), ("  type: internal\n  contacts:\n    - name: Alice Martin", "  type: none")]),
                                 commits: [.at("2024-10-01")])
        #expect(honest.status == .pass)
        let recent = try outcome(Self.file(), commits: [.at("2026-11-01")])
        #expect(recent.status == .pass)
    }

    @Test("invalid YAML, an empty file and a document that is not a mapping fail at their place")
    func syntax() throws {
        let broken = try outcome("name: Outil\nplatforms: [web\nurl: x\n")
        #expect(broken.status == .fail)
        #expect(broken.findings.first?.line == 3)
        #expect(problems(broken).first?.hasPrefix("3:") == true)
        #expect(problems(broken).first?.contains("invalid YAML") == true)
        #expect(problems(try outcome("")) == ["1:1: the file is empty"])
        #expect(problems(try outcome("- a\n- b\n")) == ["1:1: the document must be a mapping (key: value)"])
        let duplicated = try outcome(Self.file(append: "name: Autre\n"))
        #expect(problems(duplicated).first?.contains("duplicated keys: name") == true)
    }

    @Test("publiccode.yaml is read too; a file over max_bytes is not read and says so")
    func namesAndCap() throws {
        #expect(try evaluateHealthRule("community.publiccode", ["publiccode.yaml": Self.file(), "LICENSE": Self.mit]).status == .pass)
        let capped = try evaluateHealthRule("community.publiccode", ["publiccode.yml": Self.file()], parameters: ["max_bytes": .int(100)])
        #expect(capped.status == .warn)
        #expect(capped.message.en.hasPrefix("publiccode.yml is"))
        #expect(capped.message.en.hasSuffix("bytes, over max_bytes (100): it was not read."))
        #expect(try evaluateHealthRule("community.publiccode", ["docs/publiccode.yml": Self.file()]).status == .warn)
    }

    @Test("French messages use French typography")
    func french() throws {
        let result = try outcome(Self.file([("developmentStatus: stable", "developmentStatus: finished")]), language: .fr)
        #expect(result.findings.first?.message?.fr
                == "6:20 : « developmentStatus » vaut « finished », qui n'est pas une valeur permise (concept, development, beta, stable, obsolete)")
        #expect(result.message.fr.hasPrefix("publiccode.yml : 1 erreur, 0 avertissement ; d'abord, 6:20 : "))
    }
}
