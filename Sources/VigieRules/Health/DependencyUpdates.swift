public import VigieCore
import Foundation
import Yams

/// Which dependency update tools are configured and what Dependabot covers: the tools' files
/// (health.yml), Renovate's key in the root package.json, and the `package-ecosystem` entries of
/// dependabot.yml, each read under a cap.
public struct DependencyUpdates: Sendable {
    public struct Tool: Sendable, Equatable {
        public let id: String
        public let name: String
        public let files: [String]
    }

    public let tools: [Tool]
    /// `package-ecosystem` values of dependabot.yml, in file order.
    public let dependabotEcosystems: [String]
    /// A dependabot.yml that could not be used: where, and why.
    public let dependabotProblem: (path: String, line: Int, column: Int, message: LocalizedText)?

    static func of(_ snapshot: RepositorySnapshot, data: RuleData, cap: Int) throws -> DependencyUpdates {
        try snapshot.memoised("health.dependency-updates", cap) { try DependencyUpdates(snapshot, data.health.quality, cap: cap) }
    }

    init(_ snapshot: RepositorySnapshot, _ conventions: QualityConventions, cap: Int) throws {
        var tools = QualityAnalysis.tools(in: snapshot, conventions).map { Tool(id: $0.id, name: $0.name, files: $0.files) }
        if let packageJSON = snapshot.entry(at: "package.json"), try Self.declaresRenovate(packageJSON, key: conventions.renovatePackageJSONKey, in: snapshot, cap: cap) {
            let renovate = conventions.dependencyTools.first { $0.id == "renovate" }
            if let index = tools.firstIndex(where: { $0.id == "renovate" }) {
                tools[index] = Tool(id: tools[index].id, name: tools[index].name, files: tools[index].files + [packageJSON.path])
            } else {
                tools.append(Tool(id: "renovate", name: renovate?.name ?? "Renovate", files: [packageJSON.path]))
            }
        }
        self.tools = tools
        var ecosystems: [String] = []
        var problem: (String, Int, Int, LocalizedText)?
        if let file = tools.first(where: { $0.id == "dependabot" })?.files.first, let entry = snapshot.entry(at: file) {
            if let text = try snapshot.readText(entry, within: cap) {
                switch Self.ecosystems(inDependabot: text) {
                case .success(let found): ecosystems = found
                case .failure(let failure): problem = (file, failure.line, failure.column, failure.message)
                }
            } else {
                problem = (file, 0, 0, notReadOverCap(entry, in: snapshot, cap: cap, parameter: "max_bytes"))
            }
        }
        self.dependabotEcosystems = ecosystems
        self.dependabotProblem = problem
    }

    struct ConfigProblem: Error {
        let line: Int
        let column: Int
        let message: LocalizedText
    }

    /// The `updates[].package-ecosystem` values of a dependabot.yml (version 2 format).
    static func ecosystems(inDependabot text: String) -> Result<[String], ConfigProblem> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let problem = PubliccodeValidator.syntaxProblem(error)
            return .failure(ConfigProblem(line: problem.line, column: problem.column, message: problem.message))
        }
        guard let root, case .mapping(let mapping) = root, let updates = mapping["updates"], case .sequence(let items) = updates else {
            return .failure(ConfigProblem(line: root?.mark?.line ?? 1, column: root?.mark?.column ?? 1, message: LocalizedText(
                fr: "pas de liste « updates » : Dependabot ne met rien à jour", en: "no 'updates' list: Dependabot updates nothing")))
        }
        return .success(items.compactMap { item in
            guard case .mapping(let update) = item else { return nil }
            return update["package-ecosystem"]?.string
        })
    }

    private static func declaresRenovate(_ entry: SnapshotEntry, key: String, in snapshot: RepositorySnapshot, cap: Int) throws -> Bool {
        guard let text = try snapshot.readText(entry, within: cap),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return false }
        return object[key] != nil
    }

    /// The `dependency_updates` part of `facts.quality`.
    func facts(ecosystemsFound: [String]) -> JSONValue {
        .object([
            "tools": .array(tools.map { .object(["id": .string($0.id), "name": .string($0.name), "files": .array($0.files.map(JSONValue.string))]) }),
            "ecosystems": .array(ecosystemsFound.map(JSONValue.string)),
            "dependabot_ecosystems": .array(dependabotEcosystems.map(JSONValue.string)),
        ])
    }
}
