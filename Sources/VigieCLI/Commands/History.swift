public import ArgumentParser
import Foundation
public import VigieAudit
import VigieCore
public import VigieReport

extension HistoryInterval: ExpressibleByArgument {}
extension HistoryFormat: ExpressibleByArgument {}

extension Vigie {
    /// `vigie history [PATH] --every month --since DATE`: the score and categories over time.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Audit a repository at the last commit of each month, quarter or year, and show the score over time.",
            discussion: """
            Each point audits the last commit of its period on the first-parent line of --ref (by committer date), \
            straight from the object database, as of the period's last day (or --as-of for the period still running). \
            Output: markdown (default), json ({"points": [...]}, oldest first) or svg (a chart).
            """
        )

        @Argument(help: "The repository (a work tree, a folder inside one, a .git folder or a bare clone).")
        var path: String = "."

        @Option(help: ArgumentHelp("Branch, tag or commit whose first-parent line is followed.", valueName: "ref"))
        var ref: String = "HEAD"

        @Option(help: "One point per month (default), quarter or year.")
        var every: HistoryInterval = .month

        @Option(help: ArgumentHelp("First day of interest, YYYY-MM-DD (default: the first commit's day).", valueName: "date"))
        var since: String?

        @Option(help: "What to print: markdown (default), json or svg.")
        var format: HistoryFormat = .markdown

        @OptionGroup var options: AuditOptions

        @OptionGroup var deadline: DeadlineOptions

        func validate() throws {
            if let since {
                guard let day = Day(iso: since) else {
                    throw ValidationError("--since '\(since)' is not a date: use YYYY-MM-DD, for example 2024-01-01")
                }
                if day > options.day {
                    throw ValidationError("--since \(since) is after the as-of day \(options.day.iso)")
                }
            }
            if options.failUnder != nil {
                throw ValidationError("--fail-under applies to vigie audit, not to vigie history")
            }
        }

        func run() throws {
            let language = options.lang
            do {
                let ruleSet = try Auditor.loadRuleSet(sources: try RulesLocator.locate(explicit: options.rules), id: options.ruleset)
                // The deadline's message is masked with the rule set's secret shapes: armed once they are loaded.
                StandardError.use(ruleSet.data)
                deadline.arm(source: path, language: language)
                var audit = AuditRequest(path: path, revision: ref, asOf: options.day, language: language, anonymize: options.anonymize)
                audit.select = options.select
                audit.ignore = options.ignore
                let request = HistoryRequest(audit: audit, every: every, since: since.flatMap { Day(iso: $0) })
                let history = try Auditor(ruleSet: ruleSet).history(request)
                try StandardOutput.print(format.render(history), terminator: "")
            } catch {
                throw CLIFailure(error: error, language: language)
            }
        }
    }
}
