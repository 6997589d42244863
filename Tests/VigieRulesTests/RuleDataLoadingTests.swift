import Foundation
import Testing
import VigieCore
@testable import VigieRules
import VigieLicenceText
import VigieTestSupport

/// What loading the rule data no longer does at each start (issue 14): the fingerprints' words come
/// from a table computed at build time, and the built-in regular expressions wait for their first use.
@Suite("Rule data: precomputed phrases")
struct RuleDataPrecomputedPhrasesTests {
    @Test("every phrase of the built-in table has the words phraseVariants gives it")
    func tableEqualsRuntime() throws {
        let table = try #require(PrecomputedPhrases.builtIn, "the built-in phrase table does not decode")
        #expect(table.variants.count > 150)
        #expect(table.equivalentWords["license"] == "licence")
        let matching = LicenceMatching(equivalentWords: table.equivalentWords)
        for (phrase, variants) in table.variants {
            #expect(variants == matching.phraseVariants(phrase), "\(phrase)")
        }
    }

    @Test("the built-in fingerprints, read from the table, are those built from the phrases")
    func fingerprintsEqualRuntime() throws {
        let fromTable = try RuleData.load(from: .builtIn)
        let built = try RuleData.load(from: .builtIn, precomputedPhrases: false)
        #expect(fromTable.fingerprints.count > 50)
        #expect(fromTable.fingerprints == built.fingerprints)
        // The table applies: it was computed with the equivalent words the data loads.
        #expect(PrecomputedPhrases.variants(for: fromTable.licenceMatching) != nil)
        // rules/ read from disk gives the same fingerprints.
        #expect(try RuleData.load(from: PackagePaths.rules.path).fingerprints == built.fingerprints)
    }

    @Test("a licences.yml with other equivalent words does not use the table")
    func otherEquivalentWords() throws {
        let scratch = try TemporaryDirectory("vigie-precomputed-phrases")
        try FileManager.default.createDirectory(at: scratch.appending("data"), withIntermediateDirectories: true)
        let original = try String(contentsOf: PackagePaths.rules.appendingPathComponent("data/licences.yml"), encoding: .utf8)
        #expect(original.contains("    license: licence\n"))
        // "licence" now stays "licence" but "license" becomes "permit": every phrase saying "license" changes.
        try original.replacingOccurrences(of: "    license: licence\n", with: "    license: permit\n")
            .write(to: scratch.appending("data/licences.yml"), atomically: true, encoding: .utf8)
        let data = try RuleData.load(from: RuleSources(folders: [scratch.path]))
        #expect(PrecomputedPhrases.variants(for: data.licenceMatching) == nil)
        #expect(data.fingerprints == (try RuleData.load(from: RuleSources(folders: [scratch.path]), precomputedPhrases: false)).fingerprints)
        #expect(data.fingerprints.contains { $0.all.joined().contains { $0.contains("permit") } })
    }
}

@Suite("Rule data: regular expressions compiled on first use")
struct RuleDataLazyRegexTests {
    @Test("the built-in patterns are not compiled at load, and match once used")
    func builtInDeferred() throws {
        let data = try RuleData.load(from: .builtIn)
        let contact = data.health.community.contactPattern
        #expect(!contact.isCompiled)
        #expect(data.health.secrets.kinds.allSatisfy { !$0.patternSource.isCompiled })
        #expect(data.health.community.hasContact("écrire à securite@example.gouv.fr"))
        #expect(contact.isCompiled)
        #expect(!data.health.community.hasContact("no address here"))
    }

    @Test("patterns from a rules folder on disk are compiled at load, as before")
    func folderCompiledAtLoad() throws {
        let data = try RuleData.load(from: PackagePaths.rules.path)
        #expect(data.health.community.contactPattern.isCompiled)
        #expect(data.health.secrets.kinds.allSatisfy { $0.patternSource.isCompiled })
        #expect(data.activity.semverSource.isCompiled)
    }

    @Test("built in or from disk, the rule data answers the same")
    func sameAnswers() throws {
        let builtIn = try RuleData.load(from: .builtIn)
        let folder = try RuleData.load(from: PackagePaths.rules.path)
        for name in ["v1.2.3", "1.2.3-rc.1", "release-2024", "v1.2"] {
            #expect(builtIn.activity.isSemver(name) == folder.activity.isSemver(name), "\(name)")
        }
        for (name, email) in [("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"), ("Ada", "ada@example.org")] {
            #expect(builtIn.activity.isBot(name: name, email: email) == folder.activity.isBot(name: name, email: email))
        }
        #expect(builtIn.activity.isBot(name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com"))
        #expect(builtIn.activity.personKey(email: "12345+Ada@users.noreply.github.com")
            == folder.activity.personKey(email: "12345+Ada@users.noreply.github.com"))
    }

    @Test("a deferred pattern is compiled once, whichever of many concurrent tasks asks first")
    func concurrentFirstUse() async throws {
        let box = LazyRegex(deferred: #"(?<user>[a-z]+)@example\.org"#, ignoresCase: true)
        #expect(!box.isCompiled)
        let found = await withTaskGroup(of: String?.self) { group in
            for index in 0..<16 {
                group.addTask { "user\(index) ADA@EXAMPLE.ORG".firstMatch(of: box.regex).map { String($0.output["user"]?.substring ?? "") } }
            }
            var found: [String?] = []
            for await result in group { found.append(result) }
            return found
        }
        #expect(found.count == 16)
        #expect(found.allSatisfy { $0 == "ADA" })
        #expect(box.compilations == 1)
    }

    @Test("a malformed pattern in a user's rules folder is still reported at load, with its place")
    func malformedUserPattern() throws {
        let scratch = try TemporaryDirectory("vigie-lazy-regex")
        try FileManager.default.createDirectory(at: scratch.appending("data"), withIntermediateDirectories: true)
        let original = try String(contentsOf: PackagePaths.rules.appendingPathComponent("data/activity.yml"), encoding: .utf8)
        let semverLine = try #require(original.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("semver_pattern:") })
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == semverLine ? "semver_pattern: '^v?([0-9]+'" : String($0.element) }
        try lines.joined(separator: "\n").write(to: scratch.appending("data/activity.yml"), atomically: true, encoding: .utf8)
        // The folder overrides only activity.yml: the other data files are the built-in ones.
        let error = try #require(throws: ConfigurationErrors.self) { try RuleData.load(from: RuleSources(folders: [scratch.path])) }
        let problem = try #require(error.errors.first)
        #expect(error.errors.count == 1)
        #expect(problem.file == scratch.appending("data/activity.yml").path)
        #expect(problem.line == semverLine + 1)
        #expect(problem.column == 17)
        #expect(problem.message.en.hasPrefix("invalid regular expression"))
        #expect(problem.message.fr.hasPrefix("expression régulière invalide"))
    }
}

@Suite("Rule data: path patterns built from bytes")
struct RuleDataPathPatternTests {
    @Test("the extension a pattern requires, ASCII or not")
    func extensionKeys() {
        let cases: [(String, [String?])] = [
            ("**/test_*.py", ["py"]), ("docs/*.MD", ["md"]), ("*.{yml,yaml}", ["yml", "yaml"]), ("Makefile", [nil]),
            ("a.b/c", [nil]), ("**/*.[ch]", [nil]), ("x.", [nil]), ("**/*.*", [nil]), ("src/.env", ["env"]),
            ("données/*.CSV", ["csv"]), ("é.tar.gz", ["gz"]), ("{a,b}/c.txt", ["txt", "txt"]),
        ]
        for (text, keys) in cases {
            #expect(PathPattern.expanding(text, ignoreCase: false).map(\.extensionKey) == keys, "\(text)")
        }
        #expect(PathPattern.expanding("**/*.{yml,yaml}", ignoreCase: true).map(\.source) == ["**/*.yml", "**/*.yaml"])
        #expect(PathPattern.expanding("docs/*.md", ignoreCase: false).map(\.source) == ["docs/*.md"])
    }
}

/// Bot detection asks every distinct author of a history; anchored patterns are tried only where the
/// text can start with them. The answers must be the plain search's, whatever the text.
@Suite("Rule data: bot patterns")
struct BotPatternTests {
    @Test("prefilters: anchored first characters and mandatory literal runs, read only from syntax they understand")
    func prefilters() {
        func filter(_ pattern: String) -> (UInt8?, String?) {
            let made = RegexPrefilter(pattern: pattern)
            return (made.anchoredFirst, made.requiredLiteral.map { String(decoding: $0, as: UTF8.self) })
        }
        #expect(filter("^dependabot") == (UInt8(ascii: "d"), "dependabot"))
        #expect(filter("^Renovate") == (UInt8(ascii: "r"), "renovate"))
        #expect(filter("^l10n-bot") == (UInt8(ascii: "l"), "l10n"))
        #expect(filter(#"\[bot\]"#) == (nil, "bot"))
        #expect(filter(#"(^|[\s_.-])bot$"#) == (nil, "bot"))
        #expect(filter(#"^project_\d+_bot"#) == (UInt8(ascii: "p"), "project"))
        #expect(filter("^a|bot$") == (nil, nil))
        #expect(filter("^a?bot") == (nil, "bot"))
        #expect(filter("^a*bot") == (nil, "bot"))
        #expect(filter("^a{0,1}bot") == (nil, "bot"))
        #expect(filter("ab?cd") == (nil, "cd"))
        #expect(filter("ab+cd") == (nil, "ab"))
        #expect(filter("x{12}") == (nil, nil))
        #expect(filter(#"\x41bc"#) == (nil, nil))
        #expect(filter(#"\u{41}bcd"#) == (nil, nil))
        #expect(filter(#"(?x) b o t # comment words"#) == (nil, nil))
        #expect(filter("(?i)robot") == (nil, nil))
        #expect(filter("[bot]+") == (nil, nil))
        #expect(filter("(bot)?x") == (nil, "x"))
        #expect(filter("^") == (nil, nil))
    }

    @Test("random texts over every prefiltered pattern: the filter never rules out a text the regex matches")
    func neverWrong() throws {
        let patterns = [#"\[bot\]"#, "^dependabot", #"^project_\d+_bot"#, #"(^|[\s_.-])bot$"#, "ab?cd", "ab+cd", "^a?bot", "x{2}y", "k-s"]
        let alphabet = ["b", "o", "t", "B", "O", "T", "[", "]", "_", "-", ".", " ", "a", "c", "d", "k", "s", "x", "y", "1",
                        "\u{212A}", "\u{17F}", "é", "dependabot", "project_", "bot"]
        var generator = SystemRandomNumberGenerator()
        for pattern in patterns {
            let regex = try Regex(pattern).ignoresCase()
            let filter = RegexPrefilter(pattern: pattern)
            for _ in 0..<400 {
                let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
                if text.firstMatch(of: regex) != nil {
                    #expect(filter.mayMatch(text), "\(pattern) rules out \(text), which it matches")
                    if filter.anchoredFirst != nil { #expect(text.prefixMatch(of: regex) != nil) }
                }
            }
        }
    }

    @Test("every built-in bot pattern gives the plain search's answer on names, e-mails and case-folding traps")
    func sameAnswers() throws {
        let conventions = try RuleData.load(from: .builtIn).activity
        let texts = ["dependabot[bot]", "Dependabot", "DEPENDABOT-PREVIEW", "renovate-bot", "Renovate Bot", "my renovate",
                     "github-actions[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "project_123_bot",
                     "project_x_bot", "Group_7_Bot", "greenkeeper[bot]", "snyk-bot", "Snyk bot", "pre-commit-ci[bot]",
                     "semantic-release-bot", "\u{17F}emantic-release-bot", "allcontributors[bot]", "Weblate (bot)",
                     "l10n-bot", "L10N-BOT", "\u{212A}-bot", "\u{212A}eeper", "secretariat-bot", "robot", "abbot",
                     "Daniel Stenberg", "daniel@haxx.se", "", " ", "é-bot", "Ünicode", "\u{1F916} bot"]
        for pattern in conventions.botPatternSources {
            for text in texts {
                #expect(ActivityConventions.matches(pattern, RegexPrefilter(pattern: pattern.pattern), text) == (text.firstMatch(of: pattern.regex) != nil),
                        "\(pattern.pattern) on \(text)")
            }
        }
        #expect(conventions.isBot(name: "Snyk bot", email: "x@y.z"))
        #expect(conventions.isBot(name: "Someone", email: "dependabot@example.org"))
        #expect(!conventions.isBot(name: "Daniel Stenberg", email: "daniel@haxx.se"))
    }
}
