import ArgumentParser
import Foundation
import VigieAudit
import VigieCore
import VigieReport

extension Vigie {
    /// `vigie audit [PATH]`: one repository, a verdict on the terminal, scorecards on request.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Audit one repository (a work tree, a folder inside one, a .git folder or a bare clone).",
            discussion: "vigie reads the committed tree of the chosen revision through libgit2, never the work tree: uncommitted changes are not audited."
        )

        @Argument(help: "The repository to audit.")
        var path: String = "."

        @Option(help: ArgumentHelp("Branch, tag or commit to audit.", valueName: "ref"))
        var ref: String = "HEAD"

        @Option(help: "What to print on stdout: text (default), json, markdown, sarif (SARIF 2.1.0) or gitlab (GitLab Code Quality).")
        var format: ReportFormat = .text

        @Option(help: ArgumentHelp("Also write <repo-name>.json and <repo-name>.md into this folder.", valueName: "dir"))
        var output: String?

        @Flag(name: .customLong("no-color"), help: "Never colour the text output (also: NO_COLOR).")
        var noColor = false

        @Flag(help: "All or nothing: exit 74 instead of a scorecard when the audit is partial (absent or corrupt objects, a cut history).")
        var strict = false

        @OptionGroup var options: AuditOptions

        @OptionGroup var deadline: DeadlineOptions

        func run() throws {
            let language = options.lang
            do {
                let ruleSet = try Auditor.loadRuleSet(sources: try RulesLocator.locate(explicit: options.rules), id: options.ruleset)
                // The deadline's message is masked with the rule set's secret shapes: armed once they are loaded.
                StandardError.use(ruleSet.data)
                deadline.arm(source: path, language: language)
                var request = AuditRequest(path: path, revision: ref, asOf: options.day, language: language, anonymize: options.anonymize)
                request.select = options.select
                request.ignore = options.ignore
                request.strict = strict
                let scorecard = try Auditor(ruleSet: ruleSet).audit(request)
                if let output {
                    try ScorecardWriter.write(scorecard, to: output)
                }
                let color = format == .text && !noColor && isatty(STDOUT_FILENO) == 1
                    && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                try StandardOutput.write(try format.render(scorecard, color: color))
                if let threshold = options.failUnder, (scorecard.score ?? 0) < threshold {
                    let score = scorecard.score.map(String.init) ?? "—"
                    printError(LocalizedText(fr: "vigie : score \(score) inférieur au seuil \(threshold) (--fail-under)",
                                        en: "vigie: score \(score) is below the threshold \(threshold) (--fail-under)")[language])
                    throw ExitCode(ExitStatus.belowThreshold.rawValue)
                }
            } catch let error as ExitCode {
                throw error
            } catch {
                throw CLIFailure(error: error, language: language)
            }
        }
    }
}
