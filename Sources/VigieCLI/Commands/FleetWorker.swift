import ArgumentParser
import CProcessLimits
import Foundation
import VigieAudit
import VigieCore

extension Vigie {
    /// `vigie fleet-worker`: the process `vigie fleet` audits repositories in (docs/fleet.md,
    /// "Isolation"). Not for people: it reads one JSON job a line on its standard input and answers
    /// one JSON line on its standard output, until its input closes.
    struct FleetWorker: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fleet-worker",
            abstract: "Audit the repositories of a fleet manifest one JSON job at a time (started by vigie fleet).",
            shouldDisplay: false
        )

        @Option(help: "The fleet manifest the jobs' repository indexes refer to.")
        var manifest: String

        @Option(help: "Folder of the scorecards.")
        var output: String

        @Option(help: "Folder of the mirrors of remote repositories.")
        var cache: String

        @Option(name: .customLong("memory-mb"), help: "Address-space limit of this process, in MiB.")
        var memoryMB: Int

        @Flag(help: "Re-audit even when the previous scorecard could be reused.")
        var force = false

        @OptionGroup var options: AuditOptions

        /// `VIGIE_FLEET_WORKER_FAULT=hang:NAME,crash:NAME,spin:NAME`: makes this worker block, crash
        /// (SIGSEGV) or burn CPU on the repository NAME, the way a hostile repository can make libgit2
        /// do, so that the isolation of a fleet can be tested (Tests/VigieCLITests/FleetIsolationTests).
        /// Only the worker reads it; an audit never does.
        static func injectFault(for name: String) {
            guard let spec = ProcessInfo.processInfo.environment["VIGIE_FLEET_WORKER_FAULT"] else { return }
            for item in spec.split(separator: ",") where item.hasSuffix(":" + name) {
                switch item.prefix(while: { $0 != ":" }) {
                case "hang": while true { pause() }
                case "crash":
                    // A write through a wild pointer, as a memory-safety bug in C would do.
                    UnsafeMutablePointer<Int>(bitPattern: 16)!.pointee = 1
                case "spin":
                    var spin: UInt64 = 1
                    while spin != 0 { spin = spin &* 6364136223846793005 &+ 1442695040888963407 }
                default: continue
                }
            }
        }

        func run() throws {
            // Limits first, before anything from a repository is read.
            _ = vigie_die_with_parent()
            _ = vigie_limit_memory(memoryMB)
            let language = options.lang
            let work: FleetWork
            let repositories: [FleetManifest.Repository]
            do {
                let fleet = try FleetManifest.load(manifest)
                let rules = try RulesLocator.locate(explicit: options.rules)
                let rulesetID = options.rulesetWasGiven ? options.ruleset : (fleet.ruleset ?? options.ruleset)
                var fleetOptions = FleetOptions(output: output, cache: cache, jobs: 1, force: force, shard: nil, asOf: options.day,
                                                language: language, anonymize: options.anonymize, failUnder: nil)
                fleetOptions.select = options.select
                fleetOptions.ignore = options.ignore
                let ruleSet = try Auditor.loadRuleSet(sources: rules, id: rulesetID)
                StandardError.use(ruleSet.data)
                work = FleetWork(ruleSet: ruleSet, options: fleetOptions, tokenUser: fleet.tokenUser)
                repositories = fleet.repositories
            } catch {
                throw CLIFailure(error: error, language: language)
            }
            let encoder = JSONEncoder()
            while let line = readLine(strippingNewline: true) {
                let reply: FleetJobReply
                if let job = try? JSONDecoder().decode(FleetJob.self, from: Data(line.utf8)), repositories.indices.contains(job.index) {
                    _ = vigie_limit_cpu_from_now(job.cpuSeconds)
                    Self.injectFault(for: repositories[job.index].name)
                    do {
                        let done = try work.perform(repositories[job.index], file: job.file, previousKey: job.previousKey)
                        reply = FleetJobReply(key: done.key, reused: done.reused)
                    } catch {
                        reply = FleetJobReply(error: error.lines)
                    }
                } else {
                    reply = FleetJobReply(error: [LocalizedText(fr: "tâche illisible", en: "unreadable job")])
                }
                var answer = (try? encoder.encode(reply)) ?? Data("{}".utf8)
                answer.append(0x0A)
                FileHandle.standardOutput.write(answer)
            }
        }
    }
}
