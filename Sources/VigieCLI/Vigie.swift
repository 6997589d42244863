public import ArgumentParser
import Foundation
import VigieAudit

/// `vigie`: the root command, a table of contents. Errors from every subcommand are turned into
/// messages and exit codes in one place (`ErrorReporting`).
public struct Vigie: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vigie",
        abstract: "Audit open-source repositories and publish scorecards (licence, README, accessibility, open data, activity).",
        discussion: "Exit codes: 0 ok, 1 score below --fail-under, 64 usage, 65 invalid rules, 66 missing or unusable repository, 70 internal error, 73 cannot write output, 74 corrupt repository. See docs/cli.md.",
        version: "vigie \(VigieVersion.current) (libgit2 \(VigieVersion.libgit2))",
        subcommands: [Audit.self, Fleet.self, Merge.self, Rules.self],
        defaultSubcommand: Audit.self
    )

    public init() {}

    /// Parses, runs, and exits with the documented code; never shows a stack trace.
    public static func runMain() async -> Never {
        // A plugin that exits without reading its input must not kill vigie with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(withError: nil)
        } catch let failure as CLIFailure {
            ErrorReporting.report(failure)
        } catch {
            exit(withError: error)
        }
    }
}
