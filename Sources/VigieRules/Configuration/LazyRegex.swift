import Foundation
import VigieCore
import Yams

/// A regular expression of the rule data, compiled on its first use.
///
/// Compiling a Swift `Regex` (parsing its pattern) costs up to a million instructions; the rule data
/// holds about forty, and compiling them all at load was ~30 M instructions of every start (issue 14),
/// although an audit uses few of them (a secret kind's pattern only where its anchor occurs, none of
/// the open-data ones in a `--select licence` audit).
///
/// Patterns read from a rules folder on disk are still compiled at load (`make`), so a syntax error
/// in a user's file is reported with its `file:line:column` as before. Only the built-in patterns,
/// compiled into vigie, wait for their first use: the tests compile every one of them at load by
/// reading `rules/` from disk (`BuiltInRuleFilesTests`).
///
/// `@unchecked Sendable`: `compiled` is only read and written under `lock`, and a `Regex` is never
/// mutated once built (it is not marked `Sendable` in the standard library yet).
final class LazyRegex: @unchecked Sendable {
    let pattern: String
    let ignoresCase: Bool
    private let lock = NSLock()
    private var compiled: Regex<AnyRegexOutput>?
    private var compileCount = 0

    /// Already compiled (a pattern from a file on disk, checked at load).
    init(compiled: Regex<AnyRegexOutput>, pattern: String, ignoresCase: Bool) {
        self.pattern = pattern
        self.ignoresCase = ignoresCase
        self.compiled = compiled
    }

    /// Compiled on first use (a built-in pattern).
    init(deferred pattern: String, ignoresCase: Bool) {
        self.pattern = pattern
        self.ignoresCase = ignoresCase
    }

    /// Whether the pattern has been compiled (at load or by a use).
    var isCompiled: Bool { lock.withLock { compiled != nil } }

    /// How many times the pattern was compiled here: at most once (the tests check it).
    var compilations: Int { lock.withLock { compileCount } }

    /// The compiled expression, compiled once whichever thread asks first.
    var regex: Regex<AnyRegexOutput> {
        lock.withLock {
            if let compiled { return compiled }
            // A built-in pattern that does not compile cannot ship (the tests compile them all); were
            // one to, it matches nothing rather than stopping the audit.
            let built = (try? Self.compile(pattern, ignoresCase: ignoresCase)) ?? Self.matchingNothing
            compileCount += 1
            compiled = built
            return built
        }
    }

    static func compile(_ pattern: String, ignoresCase: Bool) throws -> Regex<AnyRegexOutput> {
        let regex = try Regex(pattern)
        return ignoresCase ? regex.ignoresCase() : regex
    }

    /// A negative lookahead of the empty string: fails at every position.
    private static var matchingNothing: Regex<AnyRegexOutput> { try! Regex("(?!)") }

    /// The pattern `text` of `node`, read by `reader`: compiled now when the file was read from disk
    /// (an error is reported at the node, and the result is nil), deferred for a built-in file.
    static func make(_ text: String, ignoresCase: Bool = false, at node: Node, reader: YAMLReader) -> LazyRegex? {
        guard reader.compilesPatternsAtLoad else { return LazyRegex(deferred: text, ignoresCase: ignoresCase) }
        do {
            return LazyRegex(compiled: try compile(text, ignoresCase: ignoresCase), pattern: text, ignoresCase: ignoresCase)
        } catch {
            reader.report(node, LocalizedText(fr: "expression régulière invalide : \(error)", en: "invalid regular expression: \(error)"))
            return nil
        }
    }
}
