import Foundation
import VigieCore
#if canImport(Glibc)
import Glibc
#endif

/// Why a worker ended in the middle of a job.
enum FleetWorkerFailure: Error, Sendable {
    /// Killed by a signal (a crash, the CPU limit, the kernel's out-of-memory killer), with the end
    /// of what it wrote on its standard error.
    case signal(Int32, stderr: String)
    /// Exited on its own (it only does so when its input closes), with its status.
    case exited(Int32, stderr: String)
    /// Its reply was not a JSON line of the protocol.
    case garbled(String)
}

/// A `vigie fleet-worker` process: started once, then given one repository at a time. Used by one
/// fleet task at a time (the pool hands it out and takes it back), so its buffer needs no lock;
/// only its standard error, drained by Foundation on another thread, is behind one.
final class FleetWorkerProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private var pending = Data()
    private let errorTail = ErrorTail()

    init(_ launch: FleetWorkerLaunch) throws {
        process.executableURL = URL(fileURLWithPath: launch.executable)
        process.arguments = launch.arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let tail = errorTail
        errors.fileHandleForReading.readabilityHandler = { handle in tail.append(handle.availableData) }
        try process.run()
    }

    /// Sends one job and waits for its reply. Blocking: run it off the cooperative pool.
    func exchange(_ job: FleetJob) throws(FleetWorkerFailure) -> FleetJobReply {
        var line = (try? JSONEncoder().encode(job)) ?? Data()
        line.append(0x0A)
        do {
            try input.fileHandleForWriting.write(contentsOf: line)
        } catch {
            throw ended()
        }
        guard let reply = readLine() else { throw ended() }
        guard let decoded = try? JSONDecoder().decode(FleetJobReply.self, from: reply) else {
            throw .garbled(String(decoding: reply.prefix(200), as: UTF8.self))
        }
        return decoded
    }

    /// Kills the worker (a job past its timeout): the blocked `exchange` then sees the end of its output.
    func kill() {
        if process.isRunning { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
    }

    /// Closes its input, which ends it, and waits for it.
    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
    }

    private func readLine() -> Data? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[(newline + 1)...])
                return Data(line)
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            pending.append(chunk)
        }
    }

    private func ended() -> FleetWorkerFailure {
        process.waitUntilExit()
        // What the handler has not read yet: the process is gone, so this reaches the end at once.
        errors.fileHandleForReading.readabilityHandler = nil
        errorTail.append((try? errors.fileHandleForReading.readToEnd()) ?? Data())
        let stderr = errorTail.text
        if process.terminationReason == .uncaughtSignal { return .signal(process.terminationStatus, stderr: stderr) }
        return .exited(process.terminationStatus, stderr: stderr)
    }
}

/// The first 4 KB a worker wrote on its standard error: a worker writes there only when it crashes,
/// and the crash's own line comes first (Swift's backtrace follows it).
private final class ErrorTail: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()

    func append(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        if bytes.count < 4096 { bytes.append(data.prefix(4096 - bytes.count)) }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Idle workers, reused from one repository to the next (starting a worker loads the rule set once,
/// about 80 ms of CPU; a fleet of 40 repositories needs `jobs` of them, not 40).
actor FleetWorkerPool {
    private let launch: FleetWorkerLaunch
    private var idle: [FleetWorkerProcess] = []

    init(launch: FleetWorkerLaunch) { self.launch = launch }

    func take() throws -> FleetWorkerProcess {
        if let worker = idle.popLast() { return worker }
        return try FleetWorkerProcess(launch)
    }

    func giveBack(_ worker: FleetWorkerProcess) { idle.append(worker) }

    /// Ends every idle worker; a worker still busy was killed by its job's timeout.
    func shutdown() {
        for worker in idle { worker.finish() }
        idle = []
    }
}

extension FleetWorkerFailure {
    /// What the fleet index says about a repository whose worker ended.
    func reason(cpuSeconds: Int) -> LocalizedText {
        switch self {
        case .signal(SIGXCPU, _):
            return LocalizedText(fr: "l'audit a dépassé sa limite de \(cpuSeconds) s de temps processeur et a été arrêté",
                                 en: "the audit went over its \(cpuSeconds) s CPU-time limit and was stopped")
        case .signal(SIGKILL, _):
            return LocalizedText(fr: "l'audit a été tué (limite de mémoire ou manque de mémoire)",
                                 en: "the audit was killed (memory limit, or out of memory)")
        case .signal(let signal, let stderr):
            let name = String(cString: strsignal(signal))
            let said = Self.lastLine(stderr).map { " : \($0)" } ?? ""
            return LocalizedText(fr: "l'audit s'est arrêté brutalement (signal \(signal), \(name))\(said)",
                                 en: "the audit crashed (signal \(signal), \(name))\(said.isEmpty ? "" : ":" + said.dropFirst(2))")
        case .exited(let status, let stderr):
            let said = Self.lastLine(stderr).map { " : \($0)" } ?? ""
            return LocalizedText(fr: "le processus d'audit s'est terminé (statut \(status))\(said)",
                                 en: "the audit process ended (status \(status))\(said.isEmpty ? "" : ":" + said.dropFirst(2))")
        case .garbled(let text):
            return LocalizedText(fr: "réponse illisible du processus d'audit : \(text)", en: "unreadable answer from the audit process: \(text)")
        }
    }

    /// What the crash said: Swift's "Program crashed: …" or "Fatal error: …" line when there is one
    /// (its backtracer writes many more lines after it), else the last line; without control
    /// characters, at most 200 characters.
    private static func lastLine(_ text: String) -> String? {
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
        let said = lines.first { $0.contains("Program crashed:") || $0.contains("Fatal error:") }
        guard var line = said ?? (lines.contains { $0.contains("Backtrace") } ? nil : lines.last) else { return nil }
        if let start = line.range(of: "Program crashed:") ?? line.range(of: "Fatal error:") { line = line[start.lowerBound...] }
        let clean = String(line.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return String(clean.prefix(200))
    }
}
