import Foundation
import VigieCore
import Yams

/// Parses one declarative or plugin rule of a rule set: the metadata every rule has, its examples,
/// and the keys of its kind. Reports each problem through the file's reader (file:line:column).
struct DeclarativeParser {
    struct Parsed {
        let rule: any Rule
        let weight: Int
        let enabled: Bool
        let exemptible: Bool
        let isPlugin: Bool
        let examples: [RuleExample]
    }

    let id: String
    let reader: YAMLReader
    let folder: String
    let data: RuleData

    mutating func parse(_ node: Node) -> Parsed? {
        guard let pairs = reader.mapping(node, what: "rule \(id)") else { return nil }
        let field = { (key: String) in pairs.first { $0.key == key }?.value }
        let errorsBefore = reader.errors.count
        guard let kindNode = field("kind"), let kind = reader.string(kindNode, what: "kind") else { return nil }
        guard let kindKeys = RuleSetLoader.kindKeys[kind] else {
            let hint = closest(kind, in: DeclarativeCheck.kinds)
            reader.report(kindNode, LocalizedText(
                fr: "type de règle inconnu « \(kind) »" + (hint.map { " (vouliez-vous dire « \($0) » ?)" } ?? "") + " ; types : \(DeclarativeCheck.kinds.joined(separator: ", "))",
                en: "unknown kind '\(kind)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; kinds: \(DeclarativeCheck.kinds.joined(separator: ", "))"))
            return nil
        }
        reader.checkKeys(pairs, allowed: RuleSetLoader.metadataKeys + kindKeys, in: "rule \(id)")
        if id.wholeMatch(of: /[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+/) == nil {
            reader.report(node, LocalizedText(fr: "id « \(id) » mal formé : attendu famille.nom en minuscules (docs.architecture)",
                                              en: "malformed id '\(id)': expected lowercase family.name (docs.architecture)"))
        }
        var category = RuleCategory.builtIn[0]
        if let categoryNode = field("category"), let name = reader.string(categoryNode, what: "category") {
            if let known = RuleCategory.named(name) { category = known } else {
                let ids = RuleCategory.builtIn.map(\.id)
                reader.report(categoryNode, LocalizedText(fr: "catégorie inconnue « \(name) » ; catégories : \(ids.joined(separator: ", "))",
                                                          en: "unknown category '\(name)'; categories: \(ids.joined(separator: ", "))"))
            }
        } else {
            reader.report(node, LocalizedText(fr: "la règle \(id) n'a pas de « category »", en: "rule \(id) has no 'category'"))
        }
        let title = required("title", field, text: true)
        let remediation = required("remediation", field, text: true)
        let rationale = field("rationale").flatMap { reader.localizedText($0, what: "rationale") } ?? title
        let weight = field("weight").flatMap { reader.int($0, what: "weight") } ?? 1
        let enabled = field("enabled").flatMap { reader.bool($0, what: "enabled") } ?? true
        let exemptible = field("exemptible").flatMap { reader.bool($0, what: "exemptible") } ?? true
        let requires = field("requires").flatMap { reader.strings($0, what: "requires") } ?? []
        let examples = field("examples").map(parseExamples) ?? []
        guard let title, let remediation else { return nil }
        // A plugin receives every fact gathered so far, the history's included.
        let metadata = RuleMetadata(id: id, category: category, defaultWeight: weight, title: title, rationale: rationale ?? title,
                                    remediation: remediation, requires: requires, readsHistory: kind == "command")
        let rule: (any Rule)?
        if kind == "command" {
            rule = command(metadata, field)
        } else {
            rule = check(kind, field, node).map { DeclarativeRule(metadata: metadata, check: $0, examples: examples, data: data) }
        }
        guard let rule, reader.errors.count == errorsBefore else { return nil }
        return Parsed(rule: rule, weight: weight, enabled: enabled, exemptible: exemptible, isPlugin: kind == "command", examples: examples)
    }

    private func required(_ key: String, _ field: (String) -> Node?, text: Bool) -> LocalizedText? {
        guard let node = field(key) else {
            reader.report(nil as Node?, LocalizedText(fr: "la règle \(id) n'a pas de « \(key) » (fr et en)", en: "rule \(id) has no '\(key)' (fr and en)"))
            return nil
        }
        return reader.localizedText(node, what: key)
    }

    private func globs(_ node: Node?, what: String, owner: Node) -> [Glob]? {
        guard let node else {
            reader.report(owner, LocalizedText(fr: "la règle \(id) a besoin de « \(what) »", en: "rule \(id) needs '\(what)'"))
            return nil
        }
        let patterns: [String]
        if case .scalar = node, let single = reader.string(node, what: what) { patterns = [single] } else { patterns = reader.strings(node, what: what) ?? [] }
        guard !patterns.isEmpty else { return nil }
        var result: [Glob] = []
        for pattern in patterns {
            do { result.append(try Glob(pattern)) } catch {
                reader.report(node, LocalizedText(fr: "motif de chemin invalide « \(pattern) »", en: "invalid path pattern '\(pattern)'"))
            }
        }
        return result
    }

    private func pattern(_ node: Node?, owner: Node) -> LinePattern? {
        guard let node, let text = reader.string(node, what: "pattern") else {
            reader.report(owner, LocalizedText(fr: "la règle \(id) a besoin de « pattern »", en: "rule \(id) needs 'pattern'"))
            return nil
        }
        do { return try LinePattern(text) } catch {
            reader.report(node, LocalizedText(fr: "expression régulière invalide : \(error)", en: "invalid regular expression: \(error)"))
            return nil
        }
    }

    private func check(_ kind: String, _ field: (String) -> Node?, _ node: Node) -> DeclarativeCheck? {
        let budget = Int64(field("max_bytes").flatMap { reader.int($0, what: "max_bytes") } ?? 1 << 20)
        switch kind {
        case "file_exists": return globs(field("paths"), what: "paths", owner: node).map(DeclarativeCheck.fileExists)
        case "file_absent": return globs(field("paths"), what: "paths", owner: node).map(DeclarativeCheck.fileAbsent)
        case "content_matches", "content_absent":
            guard let paths = globs(field("paths"), what: "paths", owner: node), let pattern = pattern(field("pattern"), owner: node) else { return nil }
            return kind == "content_matches" ? .contentMatches(paths: paths, pattern: pattern, maxBytes: budget)
                                             : .contentAbsent(paths: paths, pattern: pattern, maxBytes: budget)
        case "key_exists", "key_equals":
            guard let file = field("file").flatMap({ reader.string($0, what: "file") }), let key = field("key").flatMap({ reader.string($0, what: "key") }) else {
                reader.report(node, LocalizedText(fr: "la règle \(id) a besoin de « file » et « key »", en: "rule \(id) needs 'file' and 'key'"))
                return nil
            }
            if [".toml"].contains(where: file.hasSuffix) {
                reader.report(field("file"), LocalizedText(fr: "seuls JSON et YAML sont lus (pas TOML)", en: "only JSON and YAML are read (not TOML)"))
                return nil
            }
            var value: String?
            if kind == "key_equals" {
                value = field("value").flatMap { reader.string($0, what: "value") }
                if value == nil { reader.report(node, LocalizedText(fr: "key_equals a besoin de « value »", en: "key_equals needs 'value'")) }
            }
            return .key(file: file, key: key.split(separator: ".").map(String.init), value: value)
        case "readme_section":
            guard let node = field("sections"), let names = reader.strings(node, what: "sections"), !names.isEmpty else {
                reader.report(node, LocalizedText(fr: "readme_section a besoin de « sections »", en: "readme_section needs 'sections'"))
                return nil
            }
            return .readmeSection(names)
        case "file_count":
            guard let glob = globs(field("glob"), what: "glob", owner: node)?.first else { return nil }
            let min = field("min").flatMap { reader.int($0, what: "min") }
            let max = field("max").flatMap { reader.int($0, what: "max") }
            if min == nil && max == nil { reader.report(node, LocalizedText(fr: "file_count a besoin de « min » ou « max »", en: "file_count needs 'min' or 'max'")) }
            return .fileCount(glob: glob, min: min, max: max)
        case "file_size":
            guard let glob = globs(field("glob"), what: "glob", owner: node)?.first,
                  let maxBytes = field("max_bytes").flatMap({ reader.int($0, what: "max_bytes") }) else {
                reader.report(node, LocalizedText(fr: "file_size a besoin de « glob » et « max_bytes »", en: "file_size needs 'glob' and 'max_bytes'"))
                return nil
            }
            return .fileSize(glob: glob, maxBytes: Int64(maxBytes))
        default:
            return nil
        }
    }

    private func command(_ metadata: RuleMetadata, _ field: (String) -> Node?) -> CommandRule? {
        guard let runNode = field("run"), let run = reader.strings(runNode, what: "run"), !run.isEmpty else {
            reader.report(nil as Node?, LocalizedText(fr: "la règle \(id) a besoin de « run » (une liste : programme et arguments)",
                                                      en: "rule \(id) needs 'run' (a list: program and arguments)"))
            return nil
        }
        var timeout = 10
        if let node = field("timeout"), let text = reader.string(node, what: "timeout") {
            if let seconds = Int(text.hasSuffix("s") ? String(text.dropLast()) : text), seconds > 0 { timeout = seconds } else {
                reader.report(node, LocalizedText(fr: "« timeout » attend des secondes : 10 ou 10s", en: "'timeout' takes seconds: 10 or 10s"))
            }
        }
        var parameters: [String: String] = [:]
        if let node = field("parameters"), let pairs = reader.mapping(node, what: "parameters") {
            for pair in pairs { parameters[pair.key] = reader.string(pair.value, what: pair.key) }
        }
        let files = field("files").map { globs($0, what: "files", owner: $0) ?? [] } ?? []
        return CommandRule(metadata: metadata, command: run, folder: folder, timeout: timeout, files: files,
                           exportBudget: Int64(field("export_budget").flatMap { reader.int($0, what: "export_budget") } ?? 16 << 20),
                           maxOutput: field("max_output").flatMap { reader.int($0, what: "max_output") } ?? 1 << 20, parameters: parameters)
    }

    private func parseExamples(_ node: Node) -> [RuleExample] {
        guard case .sequence(let items) = node else {
            reader.report(node, LocalizedText(fr: "« examples » doit être une liste", en: "'examples' must be a list"))
            return []
        }
        var examples: [RuleExample] = []
        for item in items {
            guard let pairs = reader.mapping(item, what: "an example") else { continue }
            reader.checkKeys(pairs, allowed: ["name", "files", "expect"], in: "an example")
            let field = { (key: String) in pairs.first { $0.key == key }?.value }
            guard let name = field("name").flatMap({ reader.string($0, what: "name") }),
                  let expectNode = field("expect"), let expectText = reader.string(expectNode, what: "expect") else {
                reader.report(item, LocalizedText(fr: "un exemple a besoin de « name » et « expect »", en: "an example needs 'name' and 'expect'"))
                continue
            }
            guard let expected = CheckStatus(rawValue: expectText), expected != .exempt else {
                reader.report(expectNode, LocalizedText(fr: "« expect » : pass, warn, fail, skip ou error", en: "'expect': pass, warn, fail, skip or error"))
                continue
            }
            var files: [String: String] = [:]
            if let filesNode = field("files"), let entries = reader.mapping(filesNode, what: "files") {
                for entry in entries { files[entry.key] = reader.string(entry.value, what: entry.key) ?? "" }
            }
            examples.append(RuleExample(name, files: files, expect: expected, file: reader.file, line: item.mark?.line ?? 0))
        }
        return examples
    }
}
