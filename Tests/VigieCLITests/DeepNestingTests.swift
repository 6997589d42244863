import Foundation
import Testing
import VigieTestSupport

/// READMEs built to make a parser go quadratic (issue 13: "a README made of nested `[` … 100 KB never
/// finishes"): 100 KB of nesting in each README format, audited end to end. The bound is a hang guard
/// for a debug build on a busy CI machine, not a benchmark; release figures are in docs/reliability.md
/// (0.3 to 1.2 s for 100 KB, growing linearly).
@Suite("Deeply nested READMEs are read in time linear in their size")
struct DeepNestingTests {
    static let patterns: [(file: String, unit: String)] = [
        ("README.md", "["), ("README.md", "[a]("), ("README.md", "*a"), ("README.md", "> "), ("README.md", "<a>"),
        ("README.md", "- "), ("README.rst", "`"), ("README.adoc", "["),
    ]

    @Test("100 KB of nesting, in every README format, is audited and bounded", arguments: 0..<patterns.count)
    func nested(_ index: Int) throws {
        let (file, unit) = Self.patterns[index]
        let scratch = try TemporaryDirectory("vigie-nesting")
        let repository = scratch.appending("nested")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try git(["init", "--quiet", repository.path])
        try String(repeating: unit, count: 100_000 / unit.utf8.count).write(to: repository.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try git(["-C", repository.path, "add", "."])
        try git(["-C", repository.path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "nested"])
        let run = try runVigie(["audit", repository.path, "--format", "json", "--as-of", "2026-11-30"], limit: 60)
        #expect(!run.killed, "\(file) of \(unit): still running after 60 s")
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(run.seconds < 20, "\(file) of \(unit): \(run.seconds) s")
        let card = try JSONSerialization.jsonObject(with: Data(run.result.stdout.utf8)) as? [String: Any]
        #expect(card?["checks"] != nil)
    }
}
