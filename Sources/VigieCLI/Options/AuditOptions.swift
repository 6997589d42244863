public import ArgumentParser
import Foundation
public import VigieCore
public import VigieReport

extension Language: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// Options shared by every command that runs an audit.
struct AuditOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Day the audit is as of, YYYY-MM-DD (default: today, UTC). Fix it to reproduce a run.", valueName: "date"))
    var asOf: String?

    @Option(help: "Report language: fr (default) or en.")
    var lang: Language = .fr

    @Option(help: ArgumentHelp("Rules folder (default: $VIGIE_RULES, then the installed or built-in rules).", valueName: "dir"))
    var rules: String?

    @Option(name: .customLong("ruleset"), help: ArgumentHelp("Rule set to apply: <id> (the file <id>.yml of the rules folder) or a path to a .yml file (default: eig, or the fleet manifest's).", valueName: "id"))
    var rulesetOption: String?

    var ruleset: String { rulesetOption ?? "eig" }
    var rulesetWasGiven: Bool { rulesetOption != nil }

    @Option(help: ArgumentHelp("Run only these rules: exact ids or categories (licence, readme.present); repeatable.", valueName: "rule"))
    var select: [String] = []

    @Option(help: ArgumentHelp("Leave out these rules: exact ids or categories; repeatable.", valueName: "rule"))
    var ignore: [String] = []

    @Flag(help: "Leave contributors' names out of scorecards (counts only).")
    var anonymize = false

    @Option(name: .customLong("fail-under"), help: ArgumentHelp("Exit 1 when the score is below this (0-100).", valueName: "score"))
    var failUnder: Int?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY-MM-DD, for example 2026-06-30")
        }
        if let failUnder, !(0...100).contains(failUnder) {
            throw ValidationError("--fail-under must be between 0 and 100, not \(failUnder)")
        }
    }

    /// The day to audit as of: the one given, else today in UTC (the only place vigie reads the clock).
    var day: Day {
        if let asOf, let day = Day(iso: asOf) { return day }
        return Day(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    }
}
