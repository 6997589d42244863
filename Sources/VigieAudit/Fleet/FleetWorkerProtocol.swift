public import VigieCore

/// How a fleet runs the work of each repository.
public enum FleetIsolation: Sendable {
    /// In the fleet's own process, each repository on a thread (`vigie fleet --in-process`): no
    /// process to start, but a repository that hangs libgit2 keeps its thread, and one that crashes
    /// it ends the fleet.
    case inProcess
    /// In worker processes (`vigie fleet-worker`), started once and reused: a repository that hangs
    /// is killed at its timeout, one that crashes the worker ends that worker only.
    case workers(FleetWorkerLaunch)
}

/// How to start a worker: the vigie executable and the worker's arguments (manifest, rules, options).
public struct FleetWorkerLaunch: Sendable {
    public let executable: String
    public let arguments: [String]

    public init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }
}

/// One request to a worker, one JSON line on its standard input: the repository (its place in the
/// manifest the worker loaded itself), the scorecard's file name, the reuse key of the previous
/// scorecard, and the CPU seconds it may spend.
public struct FleetJob: Codable, Sendable {
    public let index: Int
    public let file: String
    public let previousKey: String?
    public let cpuSeconds: Int

    public init(index: Int, file: String, previousKey: String?, cpuSeconds: Int) {
        self.index = index
        self.file = file
        self.previousKey = previousKey
        self.cpuSeconds = cpuSeconds
    }
}

/// A worker's answer, one JSON line on its standard output: the reuse key and whether the previous
/// scorecard was reused (the scorecard itself is in the output folder), or the error's lines.
public struct FleetJobReply: Codable, Sendable {
    public let key: String?
    public let reused: Bool?
    public let error: [LocalizedText]?

    public init(key: String, reused: Bool) {
        self.key = key
        self.reused = reused
        error = nil
    }

    public init(error: [LocalizedText]) {
        key = nil
        reused = nil
        self.error = error
    }
}
