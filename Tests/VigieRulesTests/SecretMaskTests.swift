import Foundation
import Testing
import VigieCore
import VigieRules

/// The one masking pass (docs/reliability.md): values the scan found, token shapes anywhere,
/// control characters, and a cost linear in the text whatever the number of secrets.
@Suite("Secret mask and terminal-safe text")
struct SecretMaskTests {
    // Fake values, assembled so that this file holds no token shape.
    static let github = "ghp" + "_R2d2C3poB8bY7wX6vU5tS4rQ3pO2nM1lK0jI"
    static let envValue = "Tr0ub4dor" + "-and-3"

    @Test("a value found in a .env file is masked where another rule quotes it; a token shape anywhere")
    func masksFoundValuesAndShapes() {
        let snapshot = RepositorySnapshot(files: [".env": "DATABASE_PASSWORD=\(Self.envValue)\n", "README.md": "# T\n"])
        let mask = SecretMask.forAudit(of: snapshot, data: ruleData)
        #expect(mask.mask("link https://x.org/?p=\(Self.envValue)&q=1") == "link https://x.org/?p=•••&q=1")
        #expect(mask.mask("notes-\(Self.github).txt") == "notes-•••.txt")
        #expect(mask.mask("nothing to hide") == "nothing to hide")
        // A placeholder of the right prefix is not a token.
        #expect(mask.mask("ghp_xxxx") == "ghp_xxxx")
    }

    @Test("without the whole-tree scan, the mask scans what the audit read and the .env files, and reads nothing else")
    func masksWhatTheAuditRead() throws {
        // An AWS secret is recognised by the name it is assigned to: its value alone has no shape.
        let awsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "zQ8sT4vN2m"
        let snapshot = RepositorySnapshot(files: [
            ".env": "DATABASE_PASSWORD=\(Self.envValue)\n",
            "deploy/settings.py": "aws_secret_access_key = \"\(awsSecret)\"\n",
            "docs/unread.md": "aws_secret_access_key: \(awsSecret.uppercased())\n",
        ])
        // A rule read the settings (say, the README checker following a link), nothing read the docs.
        _ = try snapshot.bytes(of: try #require(snapshot.entry(at: "deploy/settings.py")))
        let mask = SecretMask.forAudit(of: snapshot, data: ruleData)
        #expect(mask.mask("see ?key=\(awsSecret)") == "see ?key=•••")
        #expect(mask.mask("env \(Self.envValue)") == "env •••")
        // Never read, never quoted: the mask did not read it either.
        #expect(Set(snapshot.entriesRead.map(\.path)) == [".env", "deploy/settings.py"])
        #expect(mask.mask(awsSecret.uppercased()) == awsSecret.uppercased())
    }

    @Test("the scorecard is masked in every string: checks, evidence, facts keys and values, repository")
    func scorecardMappedEverywhere() {
        let check = CheckResult(id: "readme.links", category: "readme", status: .fail, weight: 1, title: "t", message: "m \(Self.github)",
                                evidence: [Evidence(path: "a-\(Self.github)", line: 1, message: Self.github)], remediation: "r")
        let card = Scorecard(tool: ToolInfo(version: "0", libgit2: "1"),
                             repository: RepositoryInfo(name: Self.github, source: "/x", ref: "HEAD", commit: nil, commitDate: nil, branch: "b\u{1B}[31m", shallow: false),
                             asOf: Day(year: 2026, month: 11, day: 30)!, ruleset: RulesetInfo(id: "eig", version: "1"), lang: .en, score: nil, grade: nil,
                             summary: StatusCounts(), categories: [], checks: [check], facts: ["csv": .object([Self.github: .array([.string(Self.github)])])])
        let mask = SecretMask(data: ruleData, values: [])
        let masked = card.mappingStrings { TerminalSafeText.clean(mask.mask($0)) }
        let encoded = String(decoding: try! JSONEncoder().encode(masked), as: UTF8.self)
        #expect(!encoded.contains(String(Self.github.suffix(20))))
        #expect(masked.repository.branch == "b␛[31m")
        #expect(masked.checks[0].evidence[0].path == "a-•••")
    }

    @Test("control characters become pictures; line breaks kept in messages, not in one-line errors")
    func terminalSafe() {
        #expect(TerminalSafeText.clean("a\u{1B}[2Jb\u{07}\u{7F}\u{9B}\u{202E}c\nd\te") == "a␛[2Jb␇␡\u{FFFD}\u{FFFD}c\nd\te")
        #expect(TerminalSafeText.clean("a\nb\tc", keepingLineBreaks: false) == "a␊b␉c")
        #expect(TerminalSafeText.clean("déjà vu") == "déjà vu")
    }

    @Test("the cost does not grow with the number of secrets (one pass, not one per secret)")
    func linearInText() {
        let text = String(repeating: "plain words of a long message, nothing secret here. ", count: 20_000)
        let few = SecretMask(data: ruleData, values: ["Zk4" + "q9Wm2Lp"])
        let many = SecretMask(data: ruleData, values: (0..<20_000).map { "Zk4" + "q9Wm2Lp\($0)" })
        let clock = ContinuousClock()
        let fewTime = clock.measure { _ = few.mask(text) }
        let manyTime = clock.measure { _ = many.mask(text) }
        #expect(manyTime < fewTime * 5 + .milliseconds(50), "\(fewTime) with 1 secret, \(manyTime) with 20,000")
    }

    @Test("facts lists keep 100 items and say how many there were")
    func factListsCapped() {
        let capped = OutputCaps.cappingLists(.object(["files": .array((0..<250).map { .int($0) }), "few": .array([.int(1)])]))
        #expect(capped["files"] == .array((0..<100).map { .int($0) }))
        #expect(capped["files_total"] == .int(250))
        #expect(capped["few_total"] == nil)
    }
}
