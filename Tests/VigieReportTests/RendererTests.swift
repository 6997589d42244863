import Foundation
import Testing
import VigieCore
import VigieReport

func sampleScorecard(language: Language = .en, name: String = "demo", message: String = "No licence file.") -> Scorecard {
    Scorecard(
        tool: ToolInfo(version: "0.1.0", libgit2: "1.5.1"),
        repository: RepositoryInfo(name: name, source: "/src/\(name)", ref: "HEAD", commit: String(repeating: "a", count: 40),
                                   commitDate: "2024-06-10T09:15:00+02:00", branch: "main", shallow: false),
        asOf: Day(iso: "2026-11-29")!,
        ruleset: RulesetInfo(id: "eig", version: "2026.11"),
        lang: language,
        score: 50, grade: .D,
        summary: StatusCounts([.pass, .fail]),
        categories: [CategoryScore(id: "licence", title: "Licence", score: 50, grade: .D, summary: StatusCounts([.pass, .fail]))],
        checks: [
            CheckResult(id: "licence.allowed", category: "licence", status: .pass, weight: 3, title: "Allowed", message: "MIT",
                        evidence: [Evidence(path: "LICENSE", line: nil, message: "MIT")], remediation: "Use a listed licence."),
            CheckResult(id: "licence.present", category: "licence", status: .fail, weight: 3, title: "Present", message: message,
                        evidence: [Evidence(path: "docs/<b>|x", line: 3, message: nil)], remediation: "Add a LICENSE file."),
        ],
        facts: ["licence": .object(["spdx": .array([.string("MIT")]), "confidence": .double(0.75)])]
    )
}

@Suite("Renderers")
struct RendererTests {
    @Test("JSON is canonical: sorted keys, two-space indent, explicit nulls, final newline, stable")
    func json() throws {
        var card = sampleScorecard()
        card.repository.branch = nil
        let json = try JSONRenderer.render(card)
        #expect(json.hasPrefix("{\n  \"as_of\": \"2026-11-29\",\n  \"categories\": [\n"))
        #expect(json.contains("\"branch\": null"))
        #expect(json.contains("\"line\": null"))
        #expect(json.contains("\"confidence\": 0.75"))
        #expect(json.hasSuffix("}\n"))
        #expect(try JSONRenderer.render(card) == json)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        #expect(decoded["schema_version"] == .int(1))
        #expect(decoded["score"] == .int(50))
    }

    @Test("a check vigie can fix names the command: checks[].fix in JSON, an automatic-fix line in Markdown and text; absent elsewhere")
    func fixCommand() throws {
        var card = sampleScorecard()
        #expect(try !JSONRenderer.render(card).contains("\"fix\""), "no fix: the key is absent, scorecards keep their shape")
        card.checks = card.checks.map { check in
            var check = check
            if check.id == "licence.present" { check.fix = "vigie fix --only licence.present" }
            return check
        }
        #expect(try JSONRenderer.render(card).contains("\"fix\": \"vigie fix --only licence.present\""))
        #expect(MarkdownRenderer.render(card).contains("**Automatic fix:** `vigie fix --only licence.present`"))
        #expect(TextRenderer(color: false).render(card).contains("→ Automatic fix: vigie fix --only licence.present"))
        card.lang = .fr
        #expect(TextRenderer(color: false).render(card).contains("→ Correction automatique : vigie fix --only licence.present"))
        let decoded = try JSONDecoder().decode(Scorecard.self, from: Data(try JSONRenderer.render(card).utf8))
        #expect(decoded.checks.first { $0.id == "licence.present" }?.fix == "vigie fix --only licence.present")
    }

    @Test("JSON escapes control characters and keeps UTF-8")
    func jsonStrings() {
        let text = JSONRenderer.render(.object(["k": .string("é\"\\\n\u{01}\u{2028}")]))
        #expect(text == "{\n  \"k\": \"é\\\"\\\\\\n\\u0001\\u2028\"\n}\n")
    }

    @Test("JSON strings and keys of any scalars read back as written, keys in code point order")
    func jsonRoundTrip() throws {
        // Every escape class, multi-byte scalars next to U+2028/U+2029's lead byte, DEL and a 4-byte emoji.
        let pieces = ["a", "é", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}",
                      "\u{20AC}", "\u{E000}", "🇫🇷", "/", " "]
        var generator = SystemRandomNumberGenerator()
        var members: [String: JSONValue] = [:]
        for _ in 0..<200 {
            let key = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let value = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            members[key] = .string(value)
        }
        let text = JSONRenderer.render(.object(members))
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(decoded == members.mapValues { value -> String in if case .string(let text) = value { text } else { "" } })
        #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}") && !text.contains("\u{7F}"))
        // Keys appear in code point order (UTF-8 byte order), whatever their scripts.
        let order = text.split(separator: "\n").dropFirst().dropLast().map { line -> String in
            let keyJSON = String(line.dropFirst(2)).components(separatedBy: "\": ")[0] + "\""
            return (try? JSONSerialization.jsonObject(with: Data(keyJSON.utf8), options: .fragmentsAllowed) as? String) ?? ""
        }
        #expect(order == members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
    }

    @Test("Markdown has the headline, a table per category, and each failing check with its fix")
    func markdown() {
        let markdown = MarkdownRenderer.render(sampleScorecard())
        #expect(markdown.hasPrefix("# vigie scorecard: demo\n\n**Score: 50/100 · D**"))
        #expect(markdown.contains("| Licence | 50 | D |"))
        #expect(markdown.contains("| ✘ fail | Present (`licence.present`) | 3 | No licence file. |"))
        #expect(markdown.contains("### ✘ Present (`licence.present`)"))
        #expect(markdown.contains("**Fix:** Add a LICENSE file."))
        #expect(markdown.contains("- docs/&lt;b&gt;\\|x:3"))
        #expect(!markdown.contains("### ✔"))
    }

    @Test("Markdown escapes repository strings everywhere they appear")
    func markdownEscaping() {
        let markdown = MarkdownRenderer.render(sampleScorecard(name: "[x](javascript:alert(1))", message: "a | b <script>"))
        #expect(markdown.contains("\\[x\\](javascript\\:alert(1))"))
        #expect(markdown.firstMatch(of: /[^\\]\]\(/) == nil) // no unescaped "](": no link
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("a \\| b &lt;script&gt;"))
    }

    @Test("French reports use French headings and typography")
    func french() {
        let markdown = MarkdownRenderer.render(sampleScorecard(language: .fr))
        #expect(markdown.hasPrefix("# Fiche d'évaluation vigie : demo"))
        #expect(markdown.contains("**Correction :** Add a LICENSE file."))
        #expect(markdown.contains("## À corriger"))
        let text = TextRenderer(color: false).render(sampleScorecard(language: .fr))
        #expect(text.contains("Score 50/100  Note D"))
        #expect(text.contains("→ Correction : Add a LICENSE file."))
    }

    @Test("the terminal text shows the verdict, the failures with their fix, and no colour unless asked")
    func text() {
        let plain = TextRenderer(color: false).render(sampleScorecard())
        #expect(plain.contains("Score 50/100  Grade D"))
        #expect(plain.contains("✘ Present  [licence.present] (fail)"))
        #expect(plain.contains("→ Fix: Add a LICENSE file."))
        #expect(!plain.contains("\u{1B}["))
        #expect(TextRenderer(color: true).render(sampleScorecard()).contains("\u{1B}[31m✘"))
    }

    @Test("terminal control sequences from a repository are neutralised")
    func terminalInjection() {
        let text = TextRenderer(color: false).render(sampleScorecard(message: "evil\u{1B}[2Jcleared"))
        #expect(!text.contains("\u{1B}"))
    }
}
