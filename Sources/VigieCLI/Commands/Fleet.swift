import ArgumentParser
import Foundation
import VigieAudit
import VigieCore

extension Vigie {
    /// `vigie fleet MANIFEST --output DIR`: a whole cohort in one command.
    struct Fleet: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fleet",
            abstract: "Audit every repository of a manifest; write a scorecard each plus index.json and index.md.",
            discussion: """
            Exit codes: 0 every repository audited (and none below --fail-under), 1 some below --fail-under, \
            2 some could not be audited, 3 both; 64 usage, 65 invalid manifest or rules, 73 cannot write output. See docs/fleet.md.
            """
        )

        @Argument(help: "The fleet manifest (YAML). With --init, the file to create.")
        var manifest: String

        @Option(help: ArgumentHelp("Folder for the scorecards, index.json and index.md.", valueName: "dir"))
        var output: String = "scorecards"

        @Option(help: ArgumentHelp("Folder for the bare mirrors of remote repositories (default: ~/.cache/vigie/repositories).", valueName: "dir"))
        var cache: String?

        @Option(help: "Repositories audited at the same time (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Flag(help: "Re-audit every repository, even when its previous scorecard could be reused.")
        var force = false

        @Option(help: ArgumentHelp("Audit only shard K of N (e.g. 1/4); join the shards with `vigie merge`.", valueName: "K/N"))
        var shard: String?

        @Flag(help: "No progress display.")
        var quiet = false

        @Flag(name: .customLong("in-process"), help: "Audit in this process instead of worker processes: faster to start, but a repository that hangs or crashes libgit2 is not isolated.")
        var inProcess = false

        @Option(name: .customLong("worker-memory"), help: ArgumentHelp("Address-space limit of each worker process, in MiB.", valueName: "MiB"))
        var workerMemory: Int = 8192

        @Flag(help: "Write a commented example manifest to MANIFEST and stop.")
        var `init` = false

        @OptionGroup var options: AuditOptions

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
            if workerMemory < 256 { throw ValidationError("--worker-memory must be at least 256 (MiB), not \(workerMemory)") }
            if let shard, Shard(shard) == nil { throw ValidationError("--shard '\(shard)' is not K/N with 1 ≤ K ≤ N, for example 1/4") }
        }

        func run() async throws {
            let language = options.lang
            do {
                if self.`init` {
                    try writeExample()
                    return
                }
                let fleet = try FleetManifest.load(manifest)
                let rules = try RulesLocator.locate(explicit: options.rules)
                let rulesetID = options.rulesetWasGiven ? options.ruleset : (fleet.ruleset ?? options.ruleset)
                let ruleSet = try Auditor.loadRuleSet(sources: rules, id: rulesetID)
                StandardError.use(ruleSet.data)
                var fleetOptions = FleetOptions(
                    output: output, cache: cache ?? FleetOptions.defaultCache, jobs: jobs, force: force, shard: shard.flatMap(Shard.init),
                    asOf: options.day, language: language, anonymize: options.anonymize, failUnder: options.failUnder)
                fleetOptions.select = options.select
                fleetOptions.ignore = options.ignore
                if !inProcess {
                    fleetOptions.isolation = .workers(workerLaunch(rulesFolder: rules.folders.first, rulesetID: rulesetID, options: fleetOptions))
                }
                let runner = FleetRunner(manifest: fleet, ruleSet: ruleSet, options: fleetOptions)
                let display = ProgressDisplay(enabled: !quiet && isatty(STDERR_FILENO) == 1, language: language)
                let index = try await runner.run(progress: display.update)
                display.finish()
                try printSummary(index, language)
                let status = (index.summary.belowThreshold > 0 ? 1 : 0) | (index.summary.errors > 0 ? 2 : 0)
                if status != 0 { throw ExitCode(Int32(status)) }
            } catch let error as ExitCode {
                throw error
            } catch {
                throw CLIFailure(error: error, language: language)
            }
        }

        /// `vigie fleet-worker` with everything the fleet decided: the same manifest, rules and options.
        private func workerLaunch(rulesFolder: String?, rulesetID: String, options fleetOptions: FleetOptions) -> FleetWorkerLaunch {
            let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
            var arguments = ["fleet-worker", "--manifest", absolute(manifest), "--output", absolute(fleetOptions.output),
                             "--cache", absolute(fleetOptions.cache), "--memory-mb", String(workerMemory),
                             "--ruleset", rulesetID.hasSuffix(".yml") ? absolute(rulesetID) : rulesetID,
                             "--as-of", fleetOptions.asOf.iso, "--lang", fleetOptions.language.rawValue]
            // The user's rules folder, if any, in front of the built-in rules, as here.
            if let rulesFolder { arguments += ["--rules", absolute(rulesFolder)] }
            if fleetOptions.anonymize { arguments.append("--anonymize") }
            if fleetOptions.force { arguments.append("--force") }
            for rule in fleetOptions.select { arguments += ["--select", rule] }
            for rule in fleetOptions.ignore { arguments += ["--ignore", rule] }
            return FleetWorkerLaunch(executable: RulesLocator.executableLocation, arguments: arguments)
        }

        private func writeExample() throws {
            guard !FileManager.default.fileExists(atPath: manifest) else {
                throw AuditError.cannotWrite(path: manifest, reason: LocalizedText(fr: "le fichier existe ; vigie ne l'écrase pas", en: "the file exists; vigie does not overwrite it"))
            }
            try OutputFiles.write(FleetManifest.example, to: manifest)
            try StandardOutput.print(LocalizedText(fr: "Exemple écrit dans \(manifest) : complétez-le puis lancez vigie fleet \(manifest)",
                                en: "Example written to \(manifest): fill it in, then run vigie fleet \(manifest)")[options.lang])
        }

        private func printSummary(_ index: FleetIndex, _ l: Language) throws(AuditError) {
            let s = index.summary
            try StandardOutput.print(LocalizedText(
                fr: "\(index.fleet) : \(s.audited)/\(s.repositories) dépôts audités (\(s.reused) repris), \(s.errors) en erreur, score moyen \(s.averageScore.map(String.init) ?? "—") → \(output)/index.md",
                en: "\(index.fleet): \(s.audited)/\(s.repositories) repositories audited (\(s.reused) reused), \(s.errors) errors, average score \(s.averageScore.map(String.init) ?? "—") → \(output)/index.md")[l])
            for entry in index.repositories where entry.status == .error {
                printError("  ✘ \(entry.name): \(entry.error ?? "")")
            }
        }
    }

    /// `vigie merge DIR... --output DIR`: joins shard outputs into one index.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "merge", abstract: "Join the outputs of `vigie fleet --shard` runs into one index.")

        @Argument(help: "Output folders of the shards.")
        var folders: [String]

        @Option(help: ArgumentHelp("Folder for the joined index and scorecards.", valueName: "dir"))
        var output: String

        @Option(help: "Message language: fr (default) or en.")
        var lang: Language = .fr

        func run() throws {
            do {
                let index = try FleetIndexStore.merge(folders, into: output)
                try StandardOutput.print(LocalizedText(fr: "\(index.summary.repositories) dépôts réunis dans \(output)/index.json",
                                    en: "\(index.summary.repositories) repositories joined in \(output)/index.json")[lang])
            } catch {
                throw CLIFailure(error: error, language: lang)
            }
        }
    }
}

/// The progress line on a terminal: repositories done, running, failed. Silent otherwise.
final class ProgressDisplay: Sendable {
    let enabled: Bool
    let language: Language

    init(enabled: Bool, language: Language) {
        self.enabled = enabled
        self.language = language
    }

    var update: @Sendable (FleetProgress) -> Void {
        { [enabled, language] state in
            guard enabled else { return }
            let width = 24
            let filled = state.total > 0 ? state.done * width / state.total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let text = LocalizedText(fr: "\(bar) \(state.done)/\(state.total) terminés · \(state.running) en cours · \(state.failed) en erreur",
                                     en: "\(bar) \(state.done)/\(state.total) done · \(state.running) running · \(state.failed) failed")[language]
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
