import Foundation
package import VigieCore
package import Yams

/// Reads one YAML file into Yams nodes that keep their line and column, and collects every
/// problem found while the caller validates it by hand.
package final class YAMLReader {
    package let file: String
    package private(set) var errors: [ConfigurationError] = []
    /// A file built into vigie: its tree was composed at build time.
    private let builtIn: BuiltInRuleFile?
    /// A file that is nowhere (not built in, no rules folder): nothing is read from disk.
    private let missing: Bool

    package init(file: String) {
        self.file = file
        builtIn = nil
        missing = false
    }

    /// Reads a built-in file of `rules/`; errors name it `<built-in>/rules/…` with its lines.
    package init(builtIn: BuiltInRuleFile) {
        file = builtIn.displayPath
        self.builtIn = builtIn
        missing = false
    }

    /// A rule set or data file found in no layer, named `file` in the error.
    package init(missing file: String) {
        self.file = file
        builtIn = nil
        missing = true
    }

    /// Whether the rule data's regular expressions are compiled as they are read (`LazyRegex`): yes for
    /// a file on disk, whose errors must be reported with their place; a built-in file's are compiled
    /// on first use (the tests compile them all from `rules/`).
    package var compilesPatternsAtLoad: Bool { builtIn == nil }

    /// Parses the file; nil (with an error recorded) when it cannot be read or is not YAML.
    package func load() -> Node? {
        if missing {
            // Found in no layer: say which rule sets exist rather than "cannot read" a file nobody wrote.
            let builtIn = BuiltInRuleFile.all.map(\.name).filter { !$0.contains("/") && $0.hasSuffix(".yml") }
                .map { String($0.dropLast(4)) }.sorted().joined(separator: ", ")
            report(line: 0, column: 0, LocalizedText(
                fr: "introuvable : ni dans un dossier de règles (--rules), ni parmi les règles intégrées (\(builtIn))",
                en: "found nowhere: not in a rules folder (--rules), nor among the built-in rules (\(builtIn))"))
            return nil
        }
        if let builtIn {
            guard let root = builtIn.root() else {
                report(line: 0, column: 0, LocalizedText(fr: "fichier intégré illisible", en: "cannot decode the built-in file"))
                return nil
            }
            return root
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            report(line: 0, column: 0, LocalizedText(fr: "fichier illisible ou absent", en: "cannot read the file"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            report(line: 0, column: 0, LocalizedText(fr: "le fichier n'est pas en UTF-8", en: "the file is not UTF-8"))
            return nil
        }
        return load(text: text)
    }

    /// Parses YAML text attributed to `file` (a file of the audited repository, read from git).
    package func load(text: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report(line: 1, column: 1, LocalizedText(fr: "le fichier est vide", en: "the file is empty"))
                return nil
            }
            return node
        } catch let error as YamlError {
            let (mark, problem) = Self.describe(error)
            report(line: mark?.line ?? 0, column: mark?.column ?? 0,
                   LocalizedText(fr: "YAML invalide : \(problem)", en: "invalid YAML: \(problem)"))
            return nil
        } catch {
            report(line: 0, column: 0, LocalizedText(fr: "YAML invalide : \(error)", en: "invalid YAML: \(error)"))
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return (mark, problem)
        default:
            return (nil, String(describing: error).split(separator: "\n").first.map(String.init) ?? "unknown error")
        }
    }

    package func report(_ node: Node?, _ message: LocalizedText) {
        report(line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message)
    }

    package func report(line: Int, column: Int, _ message: LocalizedText) {
        errors.append(ConfigurationError(file: file, line: line, column: column, message: message))
    }

    // MARK: Typed access, reporting wrong types

    /// The pairs of a mapping, keys as strings; reports and returns nil for anything else.
    package func mapping(_ node: Node, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        mapping(node, what: LocalizedText.same(what))
    }

    package func mapping(_ node: Node, what: LocalizedText) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            report(node, LocalizedText(fr: "\(what.fr) doit être un dictionnaire (clé: valeur)", en: "\(what.en) must be a mapping (key: value)"))
            return nil
        }
        return mapping.map { ($0.key.string ?? "", $0.key, $0.value) }
    }

    /// Reports every key not in `allowed`, suggesting the closest known key.
    package func checkKeys(_ pairs: [(key: String, keyNode: Node, value: Node)], allowed: [String], in what: String) {
        checkKeys(pairs, allowed: allowed, in: LocalizedText.same(what))
    }

    /// `what` in both languages, for places described in words ("a repository") rather than by a key.
    package func checkKeys(_ pairs: [(key: String, keyNode: Node, value: Node)], allowed: [String], in what: LocalizedText) {
        for pair in pairs where !allowed.contains(pair.key) {
            let hint = closest(pair.key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            let hintFR = closest(pair.key, in: allowed).map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
            report(pair.keyNode, LocalizedText(fr: "clé inconnue « \(pair.key) » dans \(what.fr)\(hintFR)",
                                               en: "unknown key '\(pair.key)' in \(what.en)\(hint)"))
        }
    }

    package func string(_ node: Node, what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, LocalizedText(fr: "\(what) doit être un texte", en: "\(what) must be a string"))
            return nil
        }
        return scalar.string
    }

    package func int(_ node: Node, what: String) -> Int? {
        guard case .scalar = node, let value = node.int else {
            report(node, LocalizedText(fr: "\(what) doit être un nombre entier", en: "\(what) must be an integer"))
            return nil
        }
        return value
    }

    package func bool(_ node: Node, what: String) -> Bool? {
        guard case .scalar = node, let value = node.bool else {
            report(node, LocalizedText(fr: "\(what) doit valoir true ou false", en: "\(what) must be true or false"))
            return nil
        }
        return value
    }

    package func strings(_ node: Node, what: String) -> [String]? {
        guard case .sequence(let sequence) = node else {
            report(node, LocalizedText(fr: "\(what) doit être une liste", en: "\(what) must be a list"))
            return nil
        }
        return sequence.compactMap { string($0, what: what) }
    }

    package func localizedText(_ node: Node, what: String) -> LocalizedText? {
        guard let pairs = mapping(node, what: what) else { return nil }
        checkKeys(pairs, allowed: ["fr", "en"], in: what)
        let fr = pairs.first { $0.key == "fr" }.flatMap { string($0.value, what: "\(what).fr") }
        let en = pairs.first { $0.key == "en" }.flatMap { string($0.value, what: "\(what).en") }
        guard let fr, let en, !fr.isEmpty, !en.isEmpty else {
            report(node, LocalizedText(fr: "\(what) doit donner un texte non vide en fr et en en",
                                       en: "\(what) needs a non-empty text in both fr and en"))
            return nil
        }
        return LocalizedText(fr: fr, en: en)
    }
}

/// The candidate nearest to `word` by edit distance, if it is close enough to be a typo.
func closest(_ word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
    guard let best = scored, best.1 <= max(2, word.count / 3) else { return nil }
    return best.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
