public import Foundation

/// The result of running the built `vigie` executable.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs the built `vigie` binary with arguments, as a user would (end-to-end tests).
public func runVigie(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
    try runProcess(PackagePaths.vigieExecutable, arguments, in: directory, environment: environment)
}

/// A process for `executable`, not started: no colour, no `VIGIE_RULES` from the test's environment
/// (vigie finds its rules as a user's build does), `environment` on top, both outputs piped.
private func configuredProcess(_ executable: URL, _ arguments: [String], in directory: URL?,
                               environment: [String: String]) -> (Process, Pipe, Pipe) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.removeValue(forKey: "VIGIE_RULES")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    return (process, out, err)
}

/// Runs any program without a shell and collects its output.
public func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
    let (process, out, err) = configuredProcess(executable, arguments, in: directory, environment: environment)
    try process.run()
    // Read both pipes before waiting, so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs `git` (for what the fixtures' writer does not do: bare and shallow clones).
@discardableResult
public func git(_ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
    let result = try runProcess(URL(fileURLWithPath: "/usr/bin/git"), arguments, in: directory,
                                environment: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": FileManager.default.temporaryDirectory.path])
    guard result.status == 0 else {
        throw FixtureBuilder.FixtureError(description: "git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
    }
    return result
}

/// The result of a run with a time limit: how long it took, and whether it had to be killed.
public struct BoundedResult: Sendable {
    public let result: ProcessResult
    public let seconds: Double
    public let killed: Bool
}

/// Runs the built `vigie` and kills it after `limit` seconds: a test of something that used to hang
/// must itself end, whatever vigie does.
public func runVigie(_ arguments: [String], limit: Double, environment: [String: String] = [:]) throws -> BoundedResult {
    let (process, out, err) = configuredProcess(PackagePaths.vigieExecutable, arguments, in: nil, environment: environment)
    let start = Date()
    try process.run()
    let pid = process.processIdentifier
    let killed = KillFlag()
    // SIGKILL, not SIGTERM: a thread spinning inside C must not get a chance to keep the test waiting.
    let watchdog = DispatchWorkItem {
        killed.set()
        kill(pid, SIGKILL)
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    return BoundedResult(result: ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                               stderr: String(decoding: errData, as: UTF8.self)),
                         seconds: Date().timeIntervalSince(start), killed: killed.value)
}

/// A flag set by the bounded runner's timer thread and read by the test's thread.
private final class KillFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false
    func set() { lock.lock(); isSet = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return isSet }
}
