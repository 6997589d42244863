public import ArgumentParser
import Foundation
import VigieAudit
import VigieCore

/// `vigie`: the root command, a table of contents. Errors from every subcommand are turned into
/// messages and exit codes in one place (`ErrorReporting`).
public struct Vigie: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vigie",
        abstract: "Audit open-source repositories and publish scorecards (licence, README, accessibility, open data, activity).",
        discussion: "Exit codes: 0 ok, 1 score below --fail-under, 64 usage, 65 invalid rules, 66 missing or unusable repository, 70 internal error, 73 cannot write the output folder, 74 corrupt repository or an output file or stdout that could not be written, 75 gave up after --timeout. See docs/cli.md.",
        version: Vigie.versionText,
        subcommands: [Audit.self, Fix.self, Fleet.self, Merge.self, Rules.self, Site.self, Badge.self, History.self, Diff.self, FleetWorker.self],
        defaultSubcommand: Audit.self
    )

    public init() {}

    /// What `vigie --version` prints: the version, the commit of the build (BuildInfo plugin) and
    /// libgit2's version (which needs no libgit2 initialisation).
    static var versionText: String {
        let commit = BuildInfo.commit.map { "commit \($0.prefix(12)), " } ?? ""
        return "vigie \(VigieVersion.current) (\(commit)libgit2 \(VigieVersion.libgit2))"
    }

    /// Parses, runs, and exits with the documented code; never shows a stack trace.
    /// Synchronous commands (audit, rules) run on the main thread; only the asynchronous ones
    /// (fleet) start the concurrency runtime, while the main thread waits for them.
    public static func runMain() -> Never {
        // A plugin that exits without reading its input must not kill vigie with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // `vigie --version` alone answers before ArgumentParser builds the command tree (about a
        // third of the instructions of a start: docs/performance.md, "Fixed costs"); same text.
        if CommandLine.arguments.dropFirst() == ["--version"] {
            do { try StandardOutput.write(versionText + "\n") } catch { ErrorReporting.report(CLIFailure(error: error, language: .fr)) }
            ErrorReporting.exitAfterFlushing(0, language: .fr)
        }
        do {
            var command = try parseAsRoot()
            if let asyncCommand = command as? any AsyncParsableCommand {
                try runAndWait(asyncCommand)
            } else {
                try command.run()
            }
            ErrorReporting.exitAfterFlushing(0, language: argumentLanguage)
        } catch let failure as CLIFailure {
            ErrorReporting.report(failure)
        } catch let error as AuditError {
            // Raised outside a command's own catch (StandardOutput): said in the command line's language.
            ErrorReporting.report(CLIFailure(error: error, language: argumentLanguage))
        } catch let code as ExitCode {
            ErrorReporting.exitAfterFlushing(code.rawValue, language: argumentLanguage)
        } catch {
            exit(withError: error)
        }
    }

    /// The `--lang` of the command line, for the one error raised after the command ended (stdout
    /// could not be flushed); French by default, like every command.
    private static var argumentLanguage: Language {
        let arguments = CommandLine.arguments
        if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .fr }
        return arguments.contains("--lang=en") ? .en : .fr
    }

    private static func runAndWait(_ command: any AsyncParsableCommand) throws {
        let box = HandOver(command)
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await box.command.run() } catch { box.error = error }
            done.signal()
        }
        done.wait()
        if let error = box.error { throw error }
    }
}

/// The command handed to the task, and its error handed back. `@unchecked Sendable`: the main thread
/// gives the command up before the task starts and reads the error only after the task signalled.
private final class HandOver: @unchecked Sendable {
    var command: any AsyncParsableCommand
    var error: (any Error)?
    init(_ command: any AsyncParsableCommand) { self.command = command }
}
