import VigieCore
import Yams

/// CI systems, test conventions by language, dependency update tools and package ecosystems
/// (`quality:` in health.yml).
struct QualityConventions: Sendable {
    struct CISystem: Sendable {
        let id: String
        let name: String
        let paths: PathPatternSet
    }

    struct Language: Sendable {
        let id: String
        let name: String
        let sources: PathPatternSet
        let tests: PathPatternSet
    }

    struct Ecosystem: Sendable {
        let id: String
        /// `package-ecosystem` values of dependabot.yml that cover it.
        let dependabot: [String]
        let manifests: PathPatternSet
    }

    let ci: [CISystem]
    /// Vendored, installed or generated files: not the project's code.
    let ignored: PathPatternSet
    let languages: [Language]
    let dependencyTools: [CISystem]
    let renovatePackageJSONKey: String
    let ecosystems: [Ecosystem]
    /// The same pattern sets, indexed for matching every file of a tree at once.
    let ciIndex: PathPatternIndex
    let sourcesIndex: PathPatternIndex
    let manifestsIndex: PathPatternIndex
    let dependencyToolsIndex: PathPatternIndex

    init?(_ node: Node, reader: YAMLReader) {
        guard let fields = HealthFields(node, what: "quality", allowed: [
            "ci", "ignored", "languages", "dependency_tools", "renovate_package_json_key", "ecosystems",
        ], reader: reader) else { return nil }
        func systems(_ key: String) -> [CISystem]? {
            fields.items(key)?.compactMap { item -> CISystem? in
                guard let system = HealthFields(item, what: "quality.\(key)", allowed: ["id", "name", "paths"], reader: reader),
                      let id = system.string("id"), let name = system.string("name"), let paths = system.patterns("paths") else { return nil }
                return CISystem(id: id, name: name, paths: paths)
            }
        }
        guard let ci = systems("ci"), let tools = systems("dependency_tools"), let ignored = fields.patterns("ignored"),
              let languageItems = fields.items("languages"), let ecosystemItems = fields.items("ecosystems"),
              let renovateKey = fields.string("renovate_package_json_key") else { return nil }
        languages = languageItems.compactMap { item in
            guard let language = HealthFields(item, what: "quality.languages", allowed: ["id", "name", "sources", "tests"], reader: reader),
                  let id = language.string("id"), let name = language.string("name"),
                  let sources = language.patterns("sources"), let tests = language.patterns("tests") else { return nil }
            return Language(id: id, name: name, sources: sources, tests: tests)
        }
        ecosystems = ecosystemItems.compactMap { item in
            guard let ecosystem = HealthFields(item, what: "quality.ecosystems", allowed: ["id", "dependabot", "manifests"], reader: reader),
                  let id = ecosystem.string("id"), let dependabot = ecosystem.strings("dependabot"),
                  let manifests = ecosystem.patterns("manifests") else { return nil }
            return Ecosystem(id: id, dependabot: dependabot, manifests: manifests)
        }
        self.ci = ci
        self.ignored = ignored
        self.dependencyTools = tools
        self.renovatePackageJSONKey = renovateKey
        ciIndex = PathPatternIndex(ci.map(\.paths))
        sourcesIndex = PathPatternIndex(languages.map(\.sources))
        manifestsIndex = PathPatternIndex(ecosystems.map(\.manifests))
        dependencyToolsIndex = PathPatternIndex(tools.map(\.paths))
    }
}
