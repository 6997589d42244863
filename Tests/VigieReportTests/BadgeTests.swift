import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import VigieCore
import VigieReport

@Suite("Badges")
struct BadgeTests {
    @Test("the shields.io endpoint document: label vigie, message grade and score, a colour per grade")
    func endpoint() throws {
        let badge = Badge(repository: "demo", score: 82, grade: .B, language: .fr)
        #expect(badge.endpointJSON() == """
        {
          "color": "green",
          "label": "vigie",
          "message": "B 82",
          "schemaVersion": 1
        }

        """)
        #expect(Badge(repository: "x", score: 95, grade: .A, language: .en).endpointJSON().contains("\"brightgreen\""))
        #expect(Badge(repository: "x", score: 10, grade: .E, language: .en).endpointJSON().contains("\"red\""))
        #expect(Badge(repository: "x", score: nil, grade: nil, language: .en).message == "not scored")
        #expect(Badge(repository: "x", score: nil, grade: nil, failed: true, language: .fr).message == "erreur")
    }

    @Test("the SVG has an accessible name and title saying repository, grade and score, all escaped, and is well-formed XML")
    func svg() throws {
        let badge = Badge(repository: "</title><script>alert(1)</script>", score: 82, grade: .B, language: .en)
        let svg = badge.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title>vigie — &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;: grade B, score 82 out of 100</title>"))
        #expect(svg.contains("aria-label=\"vigie — &lt;/title&gt;"))
        #expect(!svg.contains("<script"))
        #expect(svg.contains(">B 82</text>"))
        #expect(svg.contains(GradePalette.background(.B)))
        #expect(XMLParser(data: Data(svg.utf8)).parse())
    }

    @Test("the French title uses French words and typography")
    func french() {
        let badge = Badge(repository: "signaux", score: 71, grade: .C, language: .fr)
        #expect(badge.title == "vigie — signaux : note C, score 71 sur 100")
    }

    @Test("grade colours keep white text at 4.5:1 or more")
    func contrast() {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16)!
            let channels = [value >> 16, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
            let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        for grade in Grade.allCases.map(Optional.some) + [nil] {
            let ratio = 1.05 / (luminance(GradePalette.background(grade)) + 0.05)
            #expect(ratio >= 4.5, "\(String(describing: grade)): \(ratio)")
        }
    }
}
