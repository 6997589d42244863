import Foundation
import VigieCore
import Yams

/// Reads a rule set and the chain of rule sets it `extends`, merges them (a child overrides its
/// parent's settings per rule, drops a rule with `enabled: false`, adds declarative and plugin
/// rules), and validates everything: unknown keys with suggestions, wrong types, unknown rules and
/// kinds, duplicate ids, cycles in `extends` and `requires`. Every problem is collected.
struct RuleSetLoader {
    struct Result {
        let id: String
        let version: String
        let title: LocalizedText
        let rules: [ConfiguredRule]
        let examples: [String: [RuleExample]]
    }

    /// One rule as the merged chain describes it.
    private struct Entry {
        var id: String
        var keyNode: Node
        /// Built-in rule type, or nil for a rule defined in YAML (declarative or plugin).
        var builtIn: (any BuiltInRule.Type)?
        /// The YAML definition (declarative or plugin) and the reader and folder of its file.
        var definition: (node: Node, reader: YAMLReader, folder: String)?
        var settings: [(key: String, keyNode: Node, value: Node, reader: YAMLReader)] = []
    }

    let sources: RuleSources
    let data: RuleData
    /// Problems found outside any one file (cycles), then those of each file read.
    private var ownErrors: [ConfigurationError] = []
    /// Readers stay alive to the end: rules are configured after every file is read, and their
    /// problems are reported through the reader of the file they come from.
    private var readers: [YAMLReader] = []
    private(set) var filesRead: [RuleSourceFile] = []

    var errors: [ConfigurationError] { ownErrors + readers.flatMap(\.errors) }

    init(sources: RuleSources, data: RuleData) {
        self.sources = sources
        self.data = data
    }

    static let topKeys = ["id", "version", "title", "description", "extends", "rules"]
    static let metadataKeys = ["kind", "category", "weight", "enabled", "exemptible", "requires", "title", "rationale", "remediation", "examples"]
    static let kindKeys: [String: [String]] = [
        "file_exists": ["paths"], "file_absent": ["paths"],
        "content_matches": ["paths", "pattern", "max_bytes"], "content_absent": ["paths", "pattern", "max_bytes"],
        "key_exists": ["file", "key"], "key_equals": ["file", "key", "value"],
        "readme_section": ["sections"], "file_count": ["glob", "min", "max"], "file_size": ["glob", "max_bytes"],
        "command": ["run", "timeout", "files", "export_budget", "max_output", "parameters"],
    ]

    mutating func load(_ reference: String) -> Result? {
        var order: [String] = []
        var entries: [String: Entry] = [:]
        var chain: [String] = []
        guard let top = loadFile(reference, from: nil, chain: &chain, order: &order, entries: &entries) else { return nil }
        var rules: [ConfiguredRule] = []
        var examples: [String: [RuleExample]] = [:]
        for id in order {
            guard let entry = entries[id], let configured = configure(entry, examples: &examples) else { continue }
            rules.append(configured)
        }
        checkRequires(rules, entries: entries)
        return Result(id: top.id, version: top.version, title: top.title, rules: rules, examples: examples)
    }

    /// Loads one file after the files it extends; returns its id, version and title.
    private mutating func loadFile(_ reference: String, from extendingFolder: String?, chain: inout [String],
                                   order: inout [String], entries: inout [String: Entry]) -> (id: String, version: String, title: LocalizedText)? {
        let (file, id) = resolve(reference, from: extendingFolder)
        let path = file.path
        let canonical: String
        switch file {
        case .disk(let path): canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        case .builtIn(let builtIn): canonical = builtIn.displayPath
        case .missing(let path): canonical = path
        }
        if chain.contains(canonical) {
            ownErrors.append(ConfigurationError(file: path, line: 0, column: 0, message: LocalizedText(
                fr: "cycle dans « extends » : \((chain + [canonical]).joined(separator: " → "))",
                en: "cycle in 'extends': \((chain + [canonical]).joined(separator: " → "))")))
            return nil
        }
        chain.append(canonical)
        defer { chain.removeLast() }
        let reader = file.reader()
        filesRead.append(file)
        readers.append(reader)
        guard let root = reader.load(), let pairs = reader.mapping(root, what: "the rule set") else { return nil }
        reader.checkKeys(pairs, allowed: Self.topKeys, in: "the rule set")
        let field = { (key: String) in pairs.first { $0.key == key }?.value }
        if let declared = field("id").flatMap({ reader.string($0, what: "id") }), declared != id {
            reader.report(field("id"), LocalizedText(fr: "l'id « \(declared) » ne correspond pas au nom du fichier (\(id).yml)",
                                                     en: "id '\(declared)' does not match the file name (\(id).yml)"))
        }
        let folder = file.folder
        if let parentNode = field("extends"), let parent = reader.string(parentNode, what: "extends") {
            let before = errors.count
            if loadFile(parent, from: folder, chain: &chain, order: &order, entries: &entries) == nil && errors.count == before {
                reader.report(parentNode, LocalizedText(fr: "impossible de charger « \(parent) »", en: "cannot load '\(parent)'"))
            }
        }
        if let rulesNode = field("rules"), let items = reader.mapping(rulesNode, what: "rules") {
            var seenHere: Set<String> = []
            for item in items {
                if !seenHere.insert(item.key).inserted {
                    reader.report(item.keyNode, LocalizedText(fr: "règle « \(item.key) » en double dans ce fichier", en: "rule '\(item.key)' appears twice in this file"))
                    continue
                }
                merge(item.key, item.keyNode, item.value, reader: reader, folder: folder, order: &order, entries: &entries)
            }
        } else if field("rules") == nil && field("extends") == nil {
            reader.report(root, LocalizedText(fr: "il manque « rules » (ou « extends »)", en: "missing 'rules' (or 'extends')"))
        }
        return (id, field("version").flatMap { reader.string($0, what: "version") } ?? "0",
                field("title").flatMap { reader.localizedText($0, what: "title") } ?? .same(id))
    }

    /// `eig` or `examples/mine` → `<id>.yml` from the first layer of the sources holding it (a rules
    /// folder, then the built-in rules); a name ending in `.yml` is a file path, relative to the
    /// extending file's folder (or to the current folder on the command line).
    private func resolve(_ reference: String, from folder: String?) -> (file: RuleSourceFile, id: String) {
        guard reference.hasSuffix(".yml") else {
            let id = String(reference.split(separator: "/").last ?? Substring(reference))
            return (sources.fileOrFirstPlace(reference + ".yml"), id)
        }
        let base = folder.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let url = URL(fileURLWithPath: reference, relativeTo: base).standardizedFileURL
        return (.disk(url.path), url.deletingPathExtension().lastPathComponent)
    }

    private func merge(_ id: String, _ keyNode: Node, _ node: Node, reader: YAMLReader, folder: String,
                       order: inout [String], entries: inout [String: Entry]) {
        let settings: [(key: String, keyNode: Node, value: Node)]
        if case .scalar(let scalar) = node, ["", "~", "null"].contains(scalar.string) {
            settings = []
        } else if let pairs = reader.mapping(node, what: "rule \(id)") {
            settings = pairs
        } else {
            return
        }
        if settings.contains(where: { $0.key == "kind" }) {
            if BuiltInRules.named(id) != nil {
                reader.report(keyNode, LocalizedText(fr: "« \(id) » est une règle intégrée : choisissez un autre id pour une règle déclarative",
                                                     en: "'\(id)' is a built-in rule: pick another id for a declarative rule"))
                return
            }
            if entries[id] == nil { order.append(id) }
            entries[id] = Entry(id: id, keyNode: keyNode, builtIn: nil, definition: (node, reader, folder))
            return
        }
        if var existing = entries[id] {
            existing.settings += settings.map { ($0.key, $0.keyNode, $0.value, reader) }
            entries[id] = existing
        } else if let type = BuiltInRules.named(id) {
            order.append(id)
            entries[id] = Entry(id: id, keyNode: keyNode, builtIn: type, definition: nil, settings: settings.map { ($0.key, $0.keyNode, $0.value, reader) })
        } else {
            let known = BuiltInRules.all.map { $0.description.id } + Array(entries.keys)
            let hint = closest(id, in: known)
            reader.report(keyNode, LocalizedText(
                fr: "règle inconnue « \(id) »" + (hint.map { " (vouliez-vous dire « \($0) » ?)" } ?? "") + " ; une règle déclarative a besoin de « kind »",
                en: "unknown rule '\(id)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; a declarative rule needs a 'kind'"))
        }
    }

    // MARK: Building configured rules

    private mutating func configure(_ entry: Entry, examples: inout [String: [RuleExample]]) -> ConfiguredRule? {
        var weight: Int?
        var enabled = true
        var exemptible = true
        var extraRequires: [String] = []
        var values: [String: ParameterValue] = [:]
        let parameters = entry.builtIn.map { type in type.parameters } ?? []
        for setting in entry.settings {
            let reader = setting.reader
            switch setting.key {
            case "weight":
                if let value = reader.int(setting.value, what: "weight") {
                    if value < 0 { reader.report(setting.value, LocalizedText(fr: "le poids doit être positif ou nul", en: "weight must be zero or more")) }
                    weight = value
                }
            case "enabled": enabled = reader.bool(setting.value, what: "enabled") ?? enabled
            case "exemptible": exemptible = reader.bool(setting.value, what: "exemptible") ?? exemptible
            case "requires": extraRequires += reader.strings(setting.value, what: "requires") ?? []
            default:
                guard let parameter = parameters.first(where: { $0.name == setting.key }) else {
                    let allowed = ["weight", "enabled", "exemptible", "requires"] + parameters.map(\.name)
                    reader.checkKeys([(setting.key, setting.keyNode, setting.value)], allowed: allowed, in: "rule \(entry.id)")
                    continue
                }
                switch parameter.defaultValue {
                case .int: if let value = reader.int(setting.value, what: setting.key) { values[setting.key] = .int(value) }
                case .bool: if let value = reader.bool(setting.value, what: setting.key) { values[setting.key] = .bool(value) }
                case .string: if let value = reader.string(setting.value, what: setting.key) { values[setting.key] = .string(value) }
                }
            }
        }
        if let type = entry.builtIn {
            guard enabled else { return nil }
            let rule = type.instance(values, data: data)
            return ConfiguredRule(rule: extraRequires.isEmpty ? rule : RequiringRule(base: rule, extra: extraRequires),
                                  weight: weight ?? type.description.defaultWeight, source: .builtin, exemptible: exemptible)
        }
        guard let definition = entry.definition else { return nil }
        var parser = DeclarativeParser(id: entry.id, reader: definition.reader, folder: definition.folder, data: data)
        guard let parsed = parser.parse(definition.node) else { return nil }
        guard enabled && parsed.enabled else { return nil }
        if !parsed.examples.isEmpty { examples[entry.id] = parsed.examples }
        let rule = extraRequires.isEmpty ? parsed.rule : RequiringRule(base: parsed.rule, extra: extraRequires)
        return ConfiguredRule(rule: rule, weight: weight ?? parsed.weight, source: parsed.isPlugin ? .plugin : .declarative,
                              exemptible: exemptible && parsed.exemptible)
    }

    /// Every `requires` names a rule of the set, and requirements form no cycle.
    private mutating func checkRequires(_ rules: [ConfiguredRule], entries: [String: Entry]) {
        let ids = Set(rules.map(\.rule.metadata.id))
        var graph: [String: [String]] = [:]
        for configured in rules {
            let metadata = configured.rule.metadata
            graph[metadata.id] = metadata.requires
            for required in metadata.requires where !ids.contains(required) {
                let node = entries[metadata.id]?.keyNode
                let file = entries[metadata.id]?.definition?.reader.file ?? entries[metadata.id]?.settings.first?.reader.file ?? sources.description
                ownErrors.append(ConfigurationError(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message: LocalizedText(
                    fr: "\(metadata.id) nécessite « \(required) », qui n'est pas dans le jeu de règles",
                    en: "\(metadata.id) requires '\(required)', which is not in the rule set")))
            }
        }
        var state: [String: Int] = [:] // 1 visiting, 2 done
        func visit(_ id: String, _ path: [String]) -> [String]? {
            if state[id] == 2 { return nil }
            if state[id] == 1 { return path + [id] }
            state[id] = 1
            for next in graph[id] ?? [] where ids.contains(next) {
                if let cycle = visit(next, path + [id]) { return cycle }
            }
            state[id] = 2
            return nil
        }
        for id in graph.keys.sorted() {
            if let cycle = visit(id, []) {
                ownErrors.append(ConfigurationError(file: sources.description, line: 0, column: 0, message: LocalizedText(
                    fr: "cycle dans « requires » : \(cycle.joined(separator: " → "))", en: "cycle in 'requires': \(cycle.joined(separator: " → "))")))
                break
            }
        }
    }
}

/// A built-in rule with requirements added by the rule set.
struct RequiringRule: Rule {
    let base: any Rule
    let metadata: RuleMetadata

    init(base: any Rule, extra: [String]) {
        self.base = base
        metadata = base.metadata.requiring(extra)
    }

    func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        try base.evaluate(snapshot, context: context)
    }
}
