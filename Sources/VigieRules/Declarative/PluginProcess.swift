import Foundation
import VigieCore

/// Runs a plugin command: no shell, a minimal environment (no tokens of the operator's session),
/// stdin fed, stdout and stderr collected up to a limit, killed at the time limit.
enum PluginProcess {
    struct Output {
        let status: Int32
        let stdout: Data
        let stderr: Data
        let overflow: Bool
    }

    static func run(_ command: [String], in folder: String, input: Data, timeout: Int, maxOutput: Int, name: String) throws -> Output {
        guard let program = command.first else {
            throw PluginFailure(plugin: name, detail: LocalizedText(fr: "commande vide", en: "empty command"))
        }
        guard let executable = resolve(program, in: folder) else {
            throw PluginFailure(plugin: name, detail: LocalizedText(fr: "programme introuvable : \(program)", en: "program not found: \(program)"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let environment = ProcessInfo.processInfo.environment
        process.environment = ["PATH": environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw PluginFailure(plugin: name, detail: LocalizedText(fr: "lancement impossible : \(error.localizedDescription)",
                                                                    en: "cannot start: \(error.localizedDescription)"))
        }
        let collector = OutputCollector(limit: maxOutput)
        let group = DispatchGroup()
        for (handle, isStdout) in [(stdout.fileHandleForReading, true), (stderr.fileHandleForReading, false)] {
            group.enter()
            DispatchQueue.global().async {
                collector.drain(handle, intoStdout: isStdout, process: process)
                group.leave()
            }
        }
        // The plugin may not read its input: never let a full pipe block vigie.
        DispatchQueue.global().async {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        let deadline = DispatchTime.now() + .seconds(timeout)
        if group.wait(timeout: deadline) == .timedOut {
            process.terminate()
            if group.wait(timeout: .now() + .seconds(2)) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw PluginFailure(plugin: name, detail: LocalizedText(fr: "arrêté après \(timeout) s sans réponse", en: "stopped after \(timeout) s without an answer"))
        }
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: collector.stdout, stderr: collector.stderr, overflow: collector.overflow)
    }

    /// A program name: a path relative to the rule set's folder when it holds a '/', else looked up in PATH.
    static func resolve(_ program: String, in folder: String) -> String? {
        if program.contains("/") {
            let path = program.hasPrefix("/") ? program : URL(fileURLWithPath: folder).appendingPathComponent(program).standardizedFileURL.path
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Collects a child's output up to a limit; past it, the child is stopped.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private(set) var stdout = Data()
    private(set) var stderr = Data()
    private(set) var overflow = false

    init(limit: Int) { self.limit = limit }

    func drain(_ handle: FileHandle, intoStdout: Bool, process: Process) {
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return }
            lock.lock()
            if intoStdout { stdout.append(chunk) } else if stderr.count < 64 * 1024 { stderr.append(chunk) }
            let over = stdout.count > limit
            if over { overflow = true }
            lock.unlock()
            if over {
                process.terminate()
                return
            }
        }
    }
}

/// The plugin's answer: `{"status", "message", "findings", "facts"}` (docs/plugins.md).
enum PluginResult {
    static func parse(_ output: PluginProcess.Output, plugin: String) throws -> RuleOutcome {
        if output.overflow {
            throw PluginFailure(plugin: plugin, detail: LocalizedText(fr: "sortie trop longue", en: "output over the limit"))
        }
        guard output.status == 0 else {
            let line = String(decoding: output.stderr, as: UTF8.self).split(separator: "\n").last.map { String($0.prefix(160)) } ?? ""
            throw PluginFailure(plugin: plugin, detail: LocalizedText(fr: "code de sortie \(output.status) \(line)", en: "exit status \(output.status) \(line)"))
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: output.stdout), case .object(let object) = value else {
            let start = String(decoding: output.stdout.prefix(60), as: UTF8.self)
            throw PluginFailure(plugin: plugin, detail: LocalizedText(fr: "la sortie n'est pas un objet JSON : \(start.debugDescription)",
                                                                    en: "output is not a JSON object: \(start.debugDescription)"))
        }
        guard case .string(let statusText)? = object["status"], let status = CheckStatus(rawValue: statusText),
              [.pass, .warn, .fail, .skip].contains(status) else {
            throw PluginFailure(plugin: plugin, detail: LocalizedText(fr: "« status » doit valoir pass, warn, fail ou skip", en: "'status' must be pass, warn, fail or skip"))
        }
        let message: LocalizedText = switch object["message"] {
        case .string(let text)?: .same(text)
        case .object(let texts)?:
            if case .string(let fr)? = texts["fr"], case .string(let en)? = texts["en"] { LocalizedText(fr: fr, en: en) } else { .same(statusText) }
        default: .same(statusText)
        }
        var findings: [Finding] = []
        if case .array(let items)? = object["findings"] {
            for item in items.prefix(200) {
                guard case .string(let path)? = item["path"] else { continue }
                let line: Int? = if case .int(let number)? = item["line"], number > 0 { number } else { nil }
                let note: LocalizedText? = if case .string(let text)? = item["message"] { .same(text) } else { nil }
                findings.append(Finding(path: path, line: line, message: note))
            }
        }
        return RuleOutcome(status: status, message: message, findings: findings, facts: object["facts"])
    }
}
