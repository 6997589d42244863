public import VigieCore

/// Continuous integration, tests and dependency update tools, from the file list alone (nothing is
/// read): which systems are configured, which languages have tests, which ecosystems need updates.
public struct QualityAnalysis: Sendable {
    public struct CIConfiguration: Sendable, Equatable {
        public let id: String
        public let name: String
        public let files: [String]
    }

    public struct LanguageTests: Sendable, Equatable {
        public let id: String
        public let name: String
        /// Files of the language, tests included.
        public let sourceFiles: Int
        public let testFiles: Int
        /// The first test files, in path order (evidence).
        public let examples: [String]
    }

    /// CI systems with at least one non-empty configuration file, in health.yml's order.
    public let ci: [CIConfiguration]
    /// Languages with at least one file, in health.yml's order.
    public let languages: [LanguageTests]
    /// Ecosystem id → the manifests found for it (outside vendored folders).
    public let ecosystems: [(id: String, manifests: [String])]

    public var testFiles: Int { languages.reduce(0) { $0 + $1.testFiles } }

    static func of(_ snapshot: RepositorySnapshot, data: RuleData) -> QualityAnalysis {
        snapshot.analysis("health.quality") { QualityAnalysis(snapshot, data.health.quality) }
    }

    init(_ snapshot: RepositorySnapshot, _ conventions: QualityConventions) {
        var ciFiles = [[String]](repeating: [], count: conventions.ci.count)
        var sources = [Int](repeating: 0, count: conventions.languages.count)
        var tests = [[String]](repeating: [], count: conventions.languages.count)
        var manifests = [[String]](repeating: [], count: conventions.ecosystems.count)
        // One pass over the files; each is prepared once and looked up once per index.
        for entry in snapshot.entries where entry.kind == .file || entry.kind == .executable {
            let path = SnapshotEntryPath(entry.path)
            let systems = conventions.ciIndex.matching(path)
            if !systems.isEmpty, (snapshot.size(of: entry) ?? 0) > 0 {
                for system in systems { ciFiles[system].append(entry.path) }
            }
            if conventions.ignored.matches(path) { continue }
            for language in conventions.sourcesIndex.matching(path) {
                sources[language] += 1
                if conventions.languages[language].tests.matches(path) { tests[language].append(entry.path) }
            }
            for ecosystem in conventions.manifestsIndex.matching(path) { manifests[ecosystem].append(entry.path) }
        }
        ci = conventions.ci.indices.compactMap { index in
            let system = conventions.ci[index]
            return ciFiles[index].isEmpty ? nil : CIConfiguration(id: system.id, name: system.name, files: ciFiles[index])
        }
        languages = conventions.languages.indices.compactMap { index in
            let language = conventions.languages[index]
            guard sources[index] > 0 else { return nil }
            return LanguageTests(id: language.id, name: language.name, sourceFiles: sources[index], testFiles: tests[index].count,
                                 examples: Array(tests[index].prefix(3)))
        }
        ecosystems = conventions.ecosystems.indices.compactMap { index in
            manifests[index].isEmpty ? nil : (conventions.ecosystems[index].id, manifests[index])
        }
    }

    /// The dependency update tools whose configuration files are present (and not empty).
    static func tools(in snapshot: RepositorySnapshot, _ conventions: QualityConventions) -> [(id: String, name: String, files: [String])] {
        var found = [[String]](repeating: [], count: conventions.dependencyTools.count)
        for entry in snapshot.entries where entry.kind == .file || entry.kind == .executable {
            let tools = conventions.dependencyToolsIndex.matching(SnapshotEntryPath(entry.path))
            guard !tools.isEmpty, (snapshot.size(of: entry) ?? 0) > 0 else { continue }
            for tool in tools { found[tool].append(entry.path) }
        }
        return conventions.dependencyTools.indices.compactMap { index in
            found[index].isEmpty ? nil : (conventions.dependencyTools[index].id, conventions.dependencyTools[index].name, found[index])
        }
    }

    /// `facts.quality`, with what `updates` says of the dependency update tools.
    func facts(_ updates: DependencyUpdates) -> JSONValue {
        .object([
            "ci": .array(ci.map { .object(["id": .string($0.id), "name": .string($0.name), "files": .array($0.files.map(JSONValue.string))]) }),
            "tests": .object([
                "files": .int(testFiles),
                "languages": .array(languages.map {
                    .object(["id": .string($0.id), "name": .string($0.name), "test_files": .int($0.testFiles), "source_files": .int($0.sourceFiles)])
                }),
            ]),
            "dependency_updates": updates.facts(ecosystemsFound: ecosystems.map(\.id)),
        ])
    }
}

/// Contributes `facts.quality`.
public struct QualityFacts: FactProvider {
    public let key = "quality"
    let data: RuleData
    public init(data: RuleData) { self.data = data }
    public func facts(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> JSONValue {
        let updates = try DependencyUpdates.of(snapshot, data: data, cap: QualityDependencyUpdatesRule.defaultMaxBytes)
        return QualityAnalysis.of(snapshot, data: data).facts(updates)
    }
}
