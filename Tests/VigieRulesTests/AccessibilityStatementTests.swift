import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// Reading RGAA statements: folding, status, rate, version, dates, sections, and telling a statement
/// from a guide or the official model.
@Suite("Accessibility statements: folding and reading")
struct AccessibilityStatementTests {
    let reader = StatementReader(conventions: ruleData.accessibility)

    func words(_ text: String) -> String { String(decoding: FoldedText(text).bytes, as: UTF8.self) }

    func reading(_ text: String) throws -> StatementReading {
        guard case .statement(let reading) = reader.classify(FoldedText(text)) else {
            Issue.record("not read as a statement: \(reader.classify(FoldedText(text)))")
            throw CancellationError()
        }
        return reading
    }

    /// A statement body around `sentence`, with enough markers to be one.
    func statement(_ sentence: String) -> String {
        "<h1>Déclaration d'accessibilité</h1><p>La DINUM s'engage à rendre son site accessible.</p>\n<p>\(sentence)</p>\n<h2>Voies de recours</h2>"
    }

    // MARK: Folding

    @Test("apostrophes, non-breaking spaces, accents, case and markup do not matter")
    func folding() {
        let expected = "declaration d accessibilite"
        #expect(words("Déclaration d’accessibilité") == expected)
        #expect(words("DÉCLARATION D'ACCESSIBILITÉ") == expected)
        #expect(words("Declaration d&rsquo;accessibilit&eacute;") == expected)
        #expect(words("<h1 class=\"fr-h1\">Déclaration <em>d’accessibilité</em></h1>") == expected)
        #expect(words("Déclaration\u{A0}d\u{2019}accessibilité") == expected)
        #expect(words("**Déclaration** d'accessibilité <!-- brouillon -->") == expected)
        #expect(words("État de conformité") == words("Etat de conformite"))
        #expect(words("Accessibilité\u{202F}: partiellement conforme") == "accessibilite partiellement conforme")
        #expect(words("Accessibilité&nbsp;: partiellement conforme") == "accessibilite partiellement conforme")
        #expect(words("mise en œuvre") == "mise en oeuvre")
    }

    @Test("numbers keep their decimal separator and % is a word")
    func numbers() {
        #expect(words("72,5 %") == "72,5 %")
        #expect(words("72.5%") == "72.5 %")
        #expect(words("72,5&#160;%") == "72,5 %")
        #expect(words("RGAA 4.1.2.") == "rgaa 4.1.2")
        #expect(words("RGAA4") == "rgaa 4")
        #expect(words("1, 2") == "1 2")
    }

    @Test("text attributes' values are text; tag names, other attributes and comments are not")
    func attributes() {
        let attributes = ruleData.accessibility.textAttributes
        let fold = { (text: String) in String(decoding: FoldedText(text, textAttributes: attributes).bytes, as: UTF8.self) }
        #expect(fold("<a title=\"Accessibilité : non conforme\" href='/accessibilite' class=\"fr-link\">lien</a>") == "accessibilite non conforme lien")
        #expect(fold("<FooterLink text={\"Accessibilité : non conforme\"} href=\"/accessibilite\" />") == "accessibilite non conforme")
        #expect(fold("<img\n  alt=\"Logo\"\n  src=\"/logo.svg\">") == "logo")
        #expect(words("<a title=\"Accessibilité\">lien</a>") == "lien")
        #expect(words("<p>a < b</p>") == "a b")
    }

    @Test("each word keeps its line, tags spanning lines included")
    func lines() {
        let text = FoldedText("<p\n  class=\"x\">\nDéclaration\nd'accessibilité</p>")
        let index = try! #require(text.firstOccurrence(of: FoldedText.phrase("déclaration d'accessibilité")))
        #expect(text.line(ofWord: index) == 3)
    }

    // MARK: Reading

    @Test("the conformity status, French and English", arguments: [
        ("Ce site est totalement conforme avec le RGAA version 4.1.", ConformityStatus.full),
        ("Ce site est partiellement conforme avec le RGAA version 4.1.", .partial),
        ("Ce site est non conforme avec le RGAA.", .nonCompliant),
        ("This website is fully compliant with the RGAA.", .full),
        ("This website is partially compliant with the RGAA version 4.1.", .partial),
        ("This website is not compliant with the RGAA.", .nonCompliant),
    ])
    func status(_ sentence: String, _ expected: ConformityStatus) throws {
        #expect(try reading(statement(sentence)).status == expected)
    }

    @Test("the anchored sentence wins over a status met earlier in a list")
    func anchoredStatus() throws {
        let text = statement("Les pages suivantes sont non conforme en partie.</p><p>Le site est partiellement conforme avec le référentiel général.")
        #expect(try reading(text).status == .partial)
    }

    @Test("the rate of criteria met", arguments: [
        ("révèle que 72 % des critères du RGAA sont respectés", 72.0),
        ("révèle que 72,5 % des critères du RGAA sont respectés", 72.5),
        ("révèle que 72.5% des critères du RGAA sont respectés", 72.5),
        ("révèle que 72,5&nbsp;% des critères du RGAA sont respectés", 72.5),
        ("reveals that 100 % of the criteria are met", 100.0),
    ])
    func rate(_ sentence: String, _ expected: Double) throws {
        #expect(try reading(statement(sentence)).rate == expected)
    }

    @Test("a percentage that is not the rate of criteria is not taken")
    func notARate() throws {
        #expect(try reading(statement("Le site est partiellement conforme avec le RGAA. 30 % des visiteurs utilisent un mobile.")).rate == nil)
    }

    @Test("the RGAA version", arguments: [("RGAA version 4.1.2", "4.1.2"), ("RGAA 4.1", "4.1"), ("RGAA v4", "4"), ("RGAA 3 2017", "3")])
    func version(_ text: String, _ expected: String) throws {
        #expect(try reading(statement("Le site est partiellement conforme avec le \(text).")).rgaaVersion == expected)
    }

    @Test("dates in French, numeric, ISO and English forms", arguments: [
        ("Cette déclaration a été établie le 12 mars 2021.", "2021-03-12"),
        ("Cette déclaration a été établie le 1er mars 2021.", "2021-03-01"),
        ("Cette déclaration a été établie le 12 Février 2021.", "2021-02-12"),
        ("Cette déclaration a été établie le 12/03/2021.", "2021-03-12"),
        ("Cette déclaration a été établie le 12.03.2021.", "2021-03-12"),
        ("Cette déclaration a été établie le 2021-03-12.", "2021-03-12"),
        ("This statement was prepared on March 12, 2021.", "2021-03-12"),
        ("This statement was prepared on 12 March 2021.", "2021-03-12"),
    ])
    func date(_ sentence: String, _ expected: String) throws {
        #expect(try reading(statement(sentence)).date?.day.iso == expected)
    }

    @Test("the latest of the established and updated dates is the statement's date; impossible dates are ignored")
    func latestDate() throws {
        let text = statement("Établie le 12 mars 2021. Elle a été mise à jour le 30/02/2024 puis mise à jour le 05/01/2025.")
        let found = try reading(text)
        #expect(found.dates.map(\.day.iso) == ["2021-03-12", "2025-01-05"])
        #expect(found.date?.day.iso == "2025-01-05")
    }

    @Test("mandatory sections present and missing")
    func sections() throws {
        let found = try reading(statement("## État de conformité\nLe site est non conforme avec le RGAA.\n### Résultats des tests\n## Retour d’information et contact"))
        #expect(found.sections == ["etat_de_conformite", "resultats_des_tests", "retour_information_contact", "voies_de_recours"])
        #expect(found.missingSections.map(\.id) == ["contenus_non_accessibles", "etablissement", "schema_pluriannuel", "plan_d_actions"])
    }

    // MARK: What is a statement

    @Test("eig-link's guide about the RGAA is not a statement, though it names one and lists the three statuses")
    func guide() throws {
        let spec = try FixtureSpec.load(named: "a11y-rgaa-guide")
        guard case .text(let guide)? = spec.commits?.first?.files?["accessibilite.md"] else {
            Issue.record("the fixture has no accessibilite.md text")
            return
        }
        guard case .mention(_, let markers) = reader.classify(FoldedText(guide)) else {
            Issue.record("the guide is not classified as a mention")
            return
        }
        #expect(markers < 2)
    }

    @Test("the official model with its placeholders is a template")
    func template() {
        let model = "# Déclaration d’accessibilité\n[Nom de l'entité] s’engage à rendre ses sites accessibles. Établie le JJ/MM/AAAA.\n## Voies de recours"
        guard case .template(let line) = reader.classify(FoldedText(model)) else {
            Issue.record("the model is not classified as a template")
            return
        }
        #expect(line == 1)
    }

    @Test("a file without the title is not a statement, whatever its name says")
    func noTitle() {
        #expect(reader.classify(FoldedText("# Accessibilité\nLe site est partiellement conforme avec le RGAA. Voies de recours.")) == .none)
    }

    @Test("the statement's language follows its title")
    func language() throws {
        let english = "<h1>Accessibility statement</h1><p>The agency is committed to making its site accessible.</p><h2>Enforcement procedure</h2>"
        #expect(try reading(english).language == .en)
        #expect(try reading(statement("Le site est non conforme avec le RGAA.")).language == .fr)
    }
}
