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

/// Runs any program without a shell and collects its output.
public func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
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
