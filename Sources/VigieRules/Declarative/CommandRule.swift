import Foundation
public import VigieCore

/// A check written in any language, run as an external command declared in the operator's rule set
/// (docs/plugins.md). vigie runs it without a shell, in the rule set's folder, with a minimal
/// environment, a time limit and an output limit; hands it the audit context as JSON on stdin
/// (with a read-only export of the files it asked for) and reads one JSON result on stdout.
/// Anything else (a hang, a crash, garbage, too much output) becomes an `error` naming the plugin.
public struct CommandRule: Rule {
    public static let protocolVersion = 1

    public let metadata: RuleMetadata
    /// argv; the first element is resolved in the rule set's folder when it holds a '/', else in PATH.
    public let command: [String]
    /// The folder of the rule set file that declared the plugin: the command's working directory.
    public let folder: String
    public let timeout: Int
    /// Globs of the audited files to export for the plugin, and the byte budget of the export.
    public let files: [Glob]
    public let exportBudget: Int64
    public let maxOutput: Int
    public let parameters: [String: String]

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let export = try PluginExport(snapshot: snapshot, globs: files, budget: exportBudget)
        defer { export.remove() }
        let input = JSONValue.object([
            "protocol_version": .int(Self.protocolVersion),
            "rule": .string(metadata.id),
            "repository": .object(["name": .string(snapshot.name)]),
            "as_of": .string(context.asOf.iso),
            "lang": .string(context.language.rawValue),
            "files_root": .string(export.root),
            "files": .array(export.paths.map(JSONValue.string)),
            "files_truncated": .bool(export.truncated),
            "parameters": .object(parameters.mapValues(JSONValue.string)),
            "facts": .object(snapshot.factsSoFar),
        ])
        let run = try PluginProcess.run(command, in: folder, input: Data(Self.serialise(input).utf8), timeout: timeout, maxOutput: maxOutput,
                                        name: metadata.id)
        return try PluginResult.parse(run, plugin: metadata.id)
    }

    static func serialise(_ value: JSONValue) -> String {
        (try? String(decoding: JSONEncoder().encode(value), as: UTF8.self)) ?? "{}"
    }
}

/// Why a plugin gave no verdict: shown as the check's `error` message.
struct PluginFailure: LocalizedFailure {
    let plugin: String
    let detail: LocalizedText
    var localizedText: LocalizedText {
        LocalizedText(fr: "plugin \(plugin) : \(detail.fr)", en: "plugin \(plugin): \(detail.en)")
    }
}

/// The audited files a plugin asked for, written read-only into a temporary folder it may read.
struct PluginExport {
    let root: String
    let paths: [String]
    let truncated: Bool

    init(snapshot: RepositorySnapshot, globs: [Glob], budget: Int64) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-plugin-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var written: [String] = []
        var used: Int64 = 0
        var truncated = false
        for entry in snapshot.entries where entry.kind == .file || entry.kind == .executable {
            guard globs.contains(where: { $0.matches(entry.path) }) else { continue }
            // A path from the repository must stay inside the export: no absolute paths, no "..".
            let components = entry.path.split(separator: "/")
            guard !entry.path.hasPrefix("/"), !components.contains(".."), !components.contains("."), entry.pathBytes.allSatisfy({ $0 != 0 }) else { continue }
            guard let size = snapshot.size(of: entry), used + size <= budget, size <= snapshot.readCap else { truncated = true; continue }
            let bytes = try snapshot.bytes(of: entry)
            used += Int64(bytes.count)
            let destination = URL(fileURLWithPath: root).appendingPathComponent(entry.path)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: destination.path, contents: Data(bytes), attributes: [.posixPermissions: 0o444]) else {
                throw PluginFailure(plugin: "export", detail: LocalizedText(fr: "impossible d'exporter \(entry.path) pour le plugin",
                                                                            en: "cannot export \(entry.path) for the plugin"))
            }
            written.append(entry.path)
        }
        paths = written
        self.truncated = truncated
        Self.makeReadOnly(root)
    }

    private static func makeReadOnly(_ root: String) {
        let folders = (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
            .map { root + "/" + $0 }.filter { (try? FileManager.default.attributesOfItem(atPath: $0)[.type] as? FileAttributeType) == .typeDirectory }
        for folder in folders + [root] { try? FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder) }
    }

    func remove() {
        // Folders were made read-only: give write permission back before removing them.
        let all = (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []).map { root + "/" + $0 } + [root]
        for path in all { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
        try? FileManager.default.removeItem(atPath: root)
    }
}
