import Foundation
import VigieCore
import Yams

extension DeclarativeCheck {
    func evaluate(_ snapshot: RepositorySnapshot, data: RuleData) throws -> RuleOutcome {
        switch self {
        case .fileExists(let globs):
            let found = snapshot.entries.filter { entry in globs.contains { $0.matches(entry.path) } }
            let wanted = globs.map(\.pattern).joined(separator: ", ")
            guard let first = found.first else {
                return .fail(LocalizedText(fr: "Aucun fichier ne correspond à : \(wanted).", en: "No file matches: \(wanted)."))
            }
            return .pass(LocalizedText(fr: "Trouvé : \(first.path).", en: "Found: \(first.path)."), found.prefix(10).map { Finding(path: $0.path) })

        case .fileAbsent(let globs):
            let found = snapshot.entries.filter { entry in globs.contains { $0.matches(entry.path) } }
            guard found.isEmpty else {
                return .fail(LocalizedText(fr: "\(found.count) fichier(s) à retirer.", en: "\(found.count) file(s) to remove."),
                             found.prefix(20).map { Finding(path: $0.path) })
            }
            return .pass(LocalizedText(fr: "Aucun fichier indésirable.", en: "No unwanted file."))

        case .contentMatches(let globs, let pattern, let maxBytes):
            let files = snapshot.entries.filter { entry in globs.contains { $0.matches(entry.path) } }
            guard !files.isEmpty else {
                return .fail(LocalizedText(fr: "Aucun fichier à examiner (\(globs.map(\.pattern).joined(separator: ", "))).",
                                           en: "No file to look into (\(globs.map(\.pattern).joined(separator: ", ")))."))
            }
            for file in files where snapshot.size(of: file).map({ $0 <= maxBytes }) ?? false {
                if let text = try snapshot.textUnlessBinary(of: file, cap: maxBytes), let line = pattern.matchingLines(text).first {
                    return .pass(LocalizedText(fr: "Motif trouvé dans \(file.path).", en: "Pattern found in \(file.path)."), [Finding(path: file.path, line: line)])
                }
            }
            return .fail(LocalizedText(fr: "Le motif « \(pattern.source) » n'apparaît dans aucun fichier examiné.",
                                       en: "Pattern '\(pattern.source)' appears in no file looked into."), files.prefix(10).map { Finding(path: $0.path) })

        case .contentAbsent(let globs, let pattern, let maxBytes):
            var findings: [Finding] = []
            for file in snapshot.entries where globs.contains(where: { $0.matches(file.path) }) && snapshot.size(of: file).map({ $0 <= maxBytes }) ?? false {
                for line in pattern.matchingLines(try snapshot.textUnlessBinary(of: file, cap: maxBytes) ?? "").prefix(20) {
                    findings.append(Finding(path: file.path, line: line))
                }
            }
            guard findings.isEmpty else {
                return .fail(LocalizedText(fr: "Le motif « \(pattern.source) » apparaît \(findings.count) fois.",
                                           en: "Pattern '\(pattern.source)' appears \(findings.count) time(s)."), findings)
            }
            return .pass(LocalizedText(fr: "Le motif n'apparaît pas.", en: "The pattern does not appear."))

        case .key(let path, let key, let value):
            guard let file = snapshot.entry(at: path) else {
                return .fail(LocalizedText(fr: "\(path) n'existe pas.", en: "\(path) does not exist."))
            }
            let document = try Self.parseDocument(try snapshot.text(of: file), path: path)
            let dotted = key.joined(separator: ".")
            guard let found = Self.lookup(key, in: document) else {
                return .fail(LocalizedText(fr: "\(path) n'a pas de clé « \(dotted) ».", en: "\(path) has no key '\(dotted)'."), [Finding(path: path)])
            }
            if let value, found != value {
                return .fail(LocalizedText(fr: "\(path) : « \(dotted) » vaut « \(found) », attendu « \(value) ».",
                                           en: "\(path): '\(dotted)' is '\(found)', expected '\(value)'."), [Finding(path: path)])
            }
            return .pass(LocalizedText(fr: "\(path) : « \(dotted) » = « \(found) ».", en: "\(path): '\(dotted)' = '\(found)'."), [Finding(path: path)])

        case .readmeSection(let names):
            let readme = try ReadmeAnalysis.of(snapshot, data: data)
            guard let file = readme.file else {
                return .fail(LocalizedText(fr: "Pas de README.", en: "No README."))
            }
            let wanted = names.map(TextNormalizer.normalize)
            if let heading = readme.headingTexts.first(where: { heading in wanted.contains { TextNormalizer.normalize(heading.text).contains($0) } }) {
                return .pass(LocalizedText(fr: "Section « \(heading.text) » dans \(file.path).", en: "Section '\(heading.text)' in \(file.path)."),
                             [Finding(path: file.path, line: heading.line)])
            }
            return .fail(LocalizedText(fr: "\(file.path) n'a pas de section « \(names.joined(separator: " » / « ")) ».",
                                       en: "\(file.path) has no '\(names.joined(separator: "' / '"))' section."), [Finding(path: file.path)])

        case .fileCount(let glob, let min, let max):
            let count = snapshot.entries.filter { glob.matches($0.path) }.count
            let message = LocalizedText(fr: "\(count) fichier(s) correspondent à \(glob.pattern).", en: "\(count) file(s) match \(glob.pattern).")
            if let min, count < min { return .fail(message) }
            if let max, count > max { return .fail(message) }
            return .pass(message)

        case .fileSize(let glob, let maxBytes):
            let large = snapshot.entries.compactMap { entry -> (path: String, size: Int64)? in
                guard glob.matches(entry.path), let size = snapshot.size(of: entry), size > maxBytes else { return nil }
                return (entry.path, size)
            }
            guard large.isEmpty else {
                return .fail(LocalizedText(fr: "\(large.count) fichier(s) de plus de \(maxBytes) octets.", en: "\(large.count) file(s) over \(maxBytes) bytes."),
                             large.prefix(20).map { Finding(path: $0.path, message: .same("\($0.size) bytes")) })
            }
            return .pass(LocalizedText(fr: "Aucun fichier au-delà de \(maxBytes) octets.", en: "No file over \(maxBytes) bytes."))
        }
    }

    /// A JSON or YAML document (JSON is YAML), as Yams nodes.
    static func parseDocument(_ text: String, path: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else { throw DocumentError(path: path, detail: "empty document") }
            return node
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError(path: path, detail: String(describing: error).split(separator: "\n").first.map(String.init) ?? "unreadable")
        }
    }

    /// The scalar at a dotted key path, as a string (numbers and booleans as written).
    static func lookup(_ key: [String], in node: Node) -> String? {
        var current = node
        for component in key {
            guard case .mapping(let mapping) = current, let next = mapping[Node(component)] else { return nil }
            current = next
        }
        if case .scalar(let scalar) = current { return scalar.string }
        return "…"
    }
}

/// A file a declarative rule must parse is not valid JSON or YAML: the check is an error, named.
struct DocumentError: LocalizedFailure {
    let path: String
    let detail: String
    var localizedText: LocalizedText {
        LocalizedText(fr: "\(path) n'est pas un JSON ou YAML valide : \(detail)", en: "\(path) is not valid JSON or YAML: \(detail)")
    }
}
