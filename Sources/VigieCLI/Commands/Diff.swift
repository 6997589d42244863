public import ArgumentParser
import Foundation
import VigieAudit
import VigieCore
public import VigieReport

extension DiffFormat: ExpressibleByArgument {}

extension Vigie {
    /// `vigie diff OLD NEW`: what regressed and what improved, as a merge-request gate.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare two scorecards (or two fleet indexes) and list the checks that regressed and improved.",
            discussion: """
            OLD and NEW are scorecard JSON files (vigie audit --format json), fleet index.json files or fleet output folders. \
            A check regressed when it got worse (pass → warn → fail; error counts as warn); a repository regressed when one \
            of its checks did, its score went down, or it can no longer be audited. \
            Exit codes: 0 done, 1 a regression with --fail-on-regression, 64 usage (OLD and NEW of different kinds), 66 missing file.
            """
        )

        @Argument(help: "The earlier scorecard or fleet index (e.g. the target branch's).")
        var old: String

        @Argument(help: "The later scorecard or fleet index (e.g. the merge request's).")
        var new: String

        @Option(help: "What to print: text (default), markdown (a merge-request comment) or json.")
        var format: DiffFormat = .text

        @Flag(name: .customLong("fail-on-regression"), help: "Exit 1 when anything regressed.")
        var failOnRegression = false

        @Option(help: "Report language: fr (default) or en.")
        var lang: Language = .fr

        func run() throws {
            let before = try PublishingCommand.load(old, language: lang)
            let after = try PublishingCommand.load(new, language: lang)
            let diff: ScorecardDiff
            switch (before, after) {
            case (.scorecard(let oldCard, _), .scorecard(let newCard, _)):
                diff = ScorecardDiff.compare(oldCard, newCard, language: lang)
            case (.fleet(let oldIndex, let oldCards, _), .fleet(let newIndex, let newCards, _)):
                diff = ScorecardDiff.compare(oldIndex, oldCards: oldCards, newIndex, newCards: newCards, language: lang)
            default:
                throw CLIFailure(error: AuditError.notVigieOutput(path: new, reason: LocalizedText(
                    fr: "pas du même genre que \(old) : les deux doivent être des fiches, ou les deux des index de flotte",
                    en: "not the same kind as \(old): both must be scorecards or both be fleet indexes")), language: lang)
            }
            try StandardOutput.write(format.render(diff))
            if failOnRegression && diff.hasRegression {
                printError(LocalizedText(fr: "vigie : régression entre \(old) et \(new) (--fail-on-regression)",
                                         en: "vigie: regression between \(old) and \(new) (--fail-on-regression)")[lang])
                throw ExitCode(ExitStatus.belowThreshold.rawValue)
            }
        }
    }
}

/// What the publishing commands (site, badge, diff) share: reading their input with the usual errors.
enum PublishingCommand {
    /// A missing path is the usual "no such file" (exit 66); a file that is not vigie's is a usage error (64).
    static func load(_ path: String, language: Language) throws -> PublishedInput {
        do {
            return try PublishedInput.load(path)
        } catch .notFound(let missing) {
            throw CLIFailure(error: AuditError.pathNotFound(path: missing), language: language)
        } catch .invalid(let path, let reason) {
            throw CLIFailure(error: AuditError.notVigieOutput(path: path, reason: reason), language: language)
        }
    }

    /// Writes files (relative path → contents) under `folder`, creating folders; a folder that cannot
    /// be made is exit 73, a file that cannot be written exit 74.
    static func write(_ files: [(path: String, contents: String)], into folder: String, language: Language) throws {
        do {
            for file in files {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(file.path)
                try OutputFiles.createFolder(url.deletingLastPathComponent().path)
                try OutputFiles.write(file.contents, to: url.path)
            }
        } catch {
            throw CLIFailure(error: error, language: language)
        }
    }
}
