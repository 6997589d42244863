import VigieCore
import Yams

/// One problem of a publiccode.yml, at its line and column (1-based, as the YAML parser counts).
struct PubliccodeProblem: Sendable, Equatable {
    enum Severity: Sendable { case error, warning }
    let severity: Severity
    let line: Int
    let column: Int
    let message: LocalizedText
}

/// What a publiccode.yml says, once checked against the schema of health.yml.
struct PubliccodeDocument: Sendable {
    struct Located<Value: Sendable>: Sendable {
        let value: Value
        let line: Int
        let column: Int
    }

    var problems: [PubliccodeProblem] = []
    var version: String?
    /// `legal.license` when it is a string, and its licence ids when it parses.
    var license: Located<String>?
    var licenseExpression: SPDXExpression?
    var maintenanceType: Located<String>?
    var developmentStatus: Located<String>?
    /// `maintenance.contractors[].until`, when they are dates.
    var contractsUntil: [Located<String>] = []

    var errors: [PubliccodeProblem] { problems.filter { $0.severity == .error } }
    var warnings: [PubliccodeProblem] { problems.filter { $0.severity == .warning } }
}

/// Parses a publiccode.yml and checks the keys DOMAIN §2.5 requires: presence, type, allowed
/// values, lengths, the SPDX syntax of `legal.license`, the version of the standard, and keys the
/// standard does not define (warnings: mostly typos). Never throws: every problem is a result.
struct PubliccodeValidator {
    let schema: PubliccodeSchema

    func validate(_ text: String) -> PubliccodeDocument {
        var document = PubliccodeDocument()
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                document.problems.append(.init(severity: .error, line: 1, column: 1,
                                               message: LocalizedText(fr: "le fichier est vide", en: "the file is empty")))
                return document
            }
            root = node
        } catch {
            document.problems.append(Self.syntaxProblem(error))
            return document
        }
        guard case .mapping = root else {
            document.problems.append(problem(.error, at: root, fr: "le document doit être un dictionnaire (clé: valeur)",
                                             en: "the document must be a mapping (key: value)"))
            return document
        }
        document.version = Self.nodes(at: ["publiccodeYmlVersion"], in: root).first.flatMap { Self.isString($0.node) ? $0.node.string : nil }
        for key in schema.keys { check(key, in: root, into: &document) }
        checkVersion(root, into: &document)
        checkUnknownKeys(root, into: &document)
        collectFacts(root, into: &document)
        document.problems.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return document
    }

    // MARK: Keys

    private func check(_ key: PubliccodeSchema.Key, in root: Node, into document: inout PubliccodeDocument) {
        let parents = Self.nodes(at: Array(key.path.dropLast()), in: root)
        let last = key.path.last ?? ""
        for parent in parents {
            switch (last, parent.node) {
            case ("[]", .sequence(let items)):
                for (index, item) in items.enumerated() { checkValue(item, key, name: parent.name + "[\(index)]", into: &document) }
            case ("*", .mapping(let mapping)):
                if mapping.isEmpty {
                    // `description:` needs at least one language (schema.core.rst, "Section description").
                    document.problems.append(problem(.error, at: parent.node, fr: "\(parent.name) doit contenir au moins une langue",
                                                     en: "\(parent.name) must hold at least one language"))
                }
                for pair in mapping { checkValue(pair.value, key, name: Self.join(parent.name, pair.key.string ?? "?"), into: &document) }
            case (_, .mapping(let mapping)):
                let name = Self.join(parent.name, last)
                if let value = mapping[last] {
                    checkValue(value, key, name: name, into: &document)
                } else if isRequired(key, root: root, version: document.version) {
                    document.problems.append(problem(.error, at: parent.node, fr: "il manque la clé obligatoire « \(name) »",
                                                     en: "missing required key '\(name)'"))
                }
            default:
                break // the parent has the wrong type: reported by the parent's own key
            }
        }
    }

    private func isRequired(_ key: PubliccodeSchema.Key, root: Node, version: String?) -> Bool {
        switch key.requirement {
        case .optional: false
        case .always: true
        case .legacy: version.map(schema.legacyVersions.contains) ?? false
        case .when(let path, let values):
            Self.nodes(at: path, in: root).contains { $0.node.string.map(values.contains) ?? false }
        }
    }

    private func checkValue(_ node: Node, _ key: PubliccodeSchema.Key, name: String, into document: inout PubliccodeDocument) {
        guard Self.has(node, type: key.type) else {
            let (fr, en) = Self.typeName(key.type)
            let (foundFR, foundEN) = Self.found(node)
            document.problems.append(problem(.error, at: node, fr: "« \(name) » doit être \(fr), pas \(foundFR)",
                                             en: "'\(name)' must be \(en), not \(foundEN)"))
            return
        }
        guard case .scalar = node, let text = node.string else { return }
        if let values = key.values, !values.contains(text) {
            document.problems.append(problem(.error, at: node,
                fr: "« \(name) » vaut « \(text) », qui n'est pas une valeur permise (\(values.joined(separator: ", ")))",
                en: "'\(name)' is '\(text)', not an allowed value (\(values.joined(separator: ", ")))"))
        }
        if let maximum = key.maxLength, text.count > maximum {
            document.problems.append(problem(.error, at: node, fr: "« \(name) » compte \(text.count) caractères, plus que les \(maximum) permis",
                                             en: "'\(name)' has \(text.count) characters, more than the \(maximum) allowed"))
        }
        if let minimum = key.minLength, text.count < minimum {
            document.problems.append(problem(.error, at: node, fr: "« \(name) » compte \(text.count) caractères, moins que les \(minimum) requis",
                                             en: "'\(name)' has \(text.count) characters, fewer than the \(minimum) required"))
        }
        if key.type == .spdx {
            do {
                _ = try SPDXExpression.parse(text)
            } catch {
                document.problems.append(problem(.error, at: node,
                    fr: "« \(name) » n'est pas une expression de licence SPDX valide (« \(text) ») : \(Self.describe(error).fr)",
                    en: "'\(name)' is not a valid SPDX licence expression ('\(text)'): \(Self.describe(error).en)"))
            }
        }
    }

    private func checkVersion(_ root: Node, into document: inout PubliccodeDocument) {
        guard let located = Self.nodes(at: ["publiccodeYmlVersion"], in: root).first, Self.isString(located.node),
              let version = located.node.string, !schema.versions.contains(version) else { return }
        document.problems.append(problem(.error, at: located.node,
            fr: "version du standard inconnue « \(version) » (connues : \(schema.versions.joined(separator: ", ")))",
            en: "unknown version of the standard '\(version)' (known: \(schema.versions.joined(separator: ", ")))"))
    }

    private func checkUnknownKeys(_ root: Node, into document: inout PubliccodeDocument) {
        for (parentPath, allowed) in schema.knownKeys.sorted(by: { $0.key < $1.key }) {
            let segments = parentPath.isEmpty ? [] : PubliccodeSchema.segments(parentPath)
            for parent in Self.nodes(at: segments, in: root) {
                guard case .mapping(let mapping) = parent.node else { continue }
                for pair in mapping {
                    guard let key = pair.key.string, !allowed.contains(key) else { continue }
                    // Top-level two-letter lowercase keys are country sections (`it:`, `fr:`).
                    if segments.isEmpty && key.count == 2 && key.allSatisfy({ $0.isASCII && $0.isLowercase }) { continue }
                    let name = Self.join(parent.name, key)
                    let hint = closest(key, in: allowed)
                    document.problems.append(problem(.warning, at: pair.key,
                        fr: "clé inconnue du standard « \(name) »" + (hint.map { " (vouliez-vous dire « \($0) » ?)" } ?? ""),
                        en: "key '\(name)' is not in the standard" + (hint.map { " (did you mean '\($0)'?)" } ?? "")))
                }
            }
        }
    }

    /// The values other rules and checks read: licence, maintenance, status, contract dates.
    private func collectFacts(_ root: Node, into document: inout PubliccodeDocument) {
        func located(_ path: String) -> PubliccodeDocument.Located<String>? {
            guard let node = Self.nodes(at: PubliccodeSchema.segments(path), in: root).first?.node, Self.isString(node),
                  let text = node.string else { return nil }
            return .init(value: text, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        }
        document.license = located("legal.license")
        document.licenseExpression = document.license.flatMap { try? SPDXExpression.parse($0.value) }
        document.maintenanceType = located("maintenance.type")
        document.developmentStatus = located("developmentStatus")
        document.contractsUntil = Self.nodes(at: PubliccodeSchema.segments("maintenance.contractors[].until"), in: root).compactMap { item in
            guard Self.has(item.node, type: .date), let text = item.node.string else { return nil }
            return .init(value: text, line: item.node.mark?.line ?? 0, column: item.node.mark?.column ?? 0)
        }
    }

    // MARK: Walking and types

    /// Every node at `path` (names, `*`, `[]`), with its dotted name for messages.
    static func nodes(at path: [String], in root: Node) -> [(name: String, node: Node)] {
        var current: [(name: String, node: Node)] = [("", root)]
        for segment in path {
            var next: [(name: String, node: Node)] = []
            for (name, node) in current {
                switch (segment, node) {
                case ("[]", .sequence(let items)):
                    next += items.enumerated().map { (name + "[\($0.offset)]", $0.element) }
                case ("*", .mapping(let mapping)):
                    next += mapping.map { (join(name, $0.key.string ?? "?"), $0.value) }
                case (_, .mapping(let mapping)):
                    if let value = mapping[segment] { next.append((join(name, segment), value)) }
                default:
                    break
                }
            }
            current = next
        }
        return current
    }

    static func join(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : parent + "." + key }

    static func isString(_ node: Node) -> Bool {
        guard case .scalar = node else { return false }
        return node.tag.rawValue == Tag.Name.str.rawValue
    }

    static func has(_ node: Node, type: PubliccodeSchema.ValueType) -> Bool {
        switch type {
        case .string, .spdx:
            return isString(node) && !(node.string ?? "").isEmpty
        case .url:
            guard isString(node), let text = node.string else { return false }
            return (text.hasPrefix("https://") || text.hasPrefix("http://")) && !text.contains(where: \.isWhitespace) && text.count > 10
        case .date:
            guard case .scalar = node, let text = node.string else { return false }
            let tag = node.tag.rawValue
            return (tag == Tag.Name.str.rawValue || tag == Tag.Name.timestamp.rawValue)
                && Day(iso: text) != nil
        case .bool:
            guard case .scalar = node else { return false }
            return node.tag.rawValue == Tag.Name.bool.rawValue
        case .mapping:
            if case .mapping = node { return true }
            return false
        case .list:
            if case .sequence = node { return true }
            return false
        case .strings:
            guard case .sequence(let items) = node else { return false }
            return items.allSatisfy(isString)
        case .stringOrStrings:
            return isString(node) || has(node, type: .strings)
        }
    }

    static func typeName(_ type: PubliccodeSchema.ValueType) -> (String, String) {
        switch type {
        case .string: ("un texte", "a string")
        case .url: ("une adresse http(s)", "an http(s) URL")
        case .date: ("une date AAAA-MM-JJ", "a YYYY-MM-DD date")
        case .bool: ("true ou false", "true or false")
        case .mapping: ("un dictionnaire (clé: valeur)", "a mapping (key: value)")
        case .list: ("une liste", "a list")
        case .strings: ("une liste de textes", "a list of strings")
        case .stringOrStrings: ("un texte ou une liste de textes", "a string or a list of strings")
        case .spdx: ("une expression de licence SPDX (texte)", "an SPDX licence expression (a string)")
        }
    }

    /// What a node is, for "must be X, not Y".
    static func found(_ node: Node) -> (String, String) {
        switch node {
        case .mapping: return ("un dictionnaire", "a mapping")
        case .sequence: return ("une liste", "a list")
        case .alias: return ("un alias", "an alias")
        case .scalar(let scalar):
            switch node.tag.rawValue {
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return ("le nombre \(scalar.string)", "the number \(scalar.string)")
            case Tag.Name.bool.rawValue: return ("le booléen \(scalar.string)", "the boolean \(scalar.string)")
            case Tag.Name.null.rawValue: return ("une valeur vide", "an empty value")
            default: return ("« \(scalar.string.prefix(40)) »", "'\(scalar.string.prefix(40))'")
            }
        }
    }

    static func describe(_ error: SPDXExpression.SyntaxError) -> LocalizedText {
        switch error {
        case .empty: LocalizedText(fr: "expression vide ou incomplète", en: "empty or incomplete expression")
        case .unbalanced: LocalizedText(fr: "parenthèses non appariées", en: "unbalanced parentheses")
        case .unexpected(let token): LocalizedText(fr: "« \(token) » inattendu", en: "unexpected '\(token)'")
        case .tooDeep: LocalizedText(fr: "plus de \(SPDXExpression.maxDepth) parenthèses imbriquées",
                                     en: "parentheses nested more than \(SPDXExpression.maxDepth) deep")
        }
    }

    private func problem(_ severity: PubliccodeProblem.Severity, at node: Node, fr: String, en: String) -> PubliccodeProblem {
        PubliccodeProblem(severity: severity, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: LocalizedText(fr: fr, en: en))
    }

    /// A YAML syntax error, at the place the parser gives.
    static func syntaxProblem(_ error: any Error) -> PubliccodeProblem {
        var mark: Mark?
        var text = String(describing: error).split(separator: "\n").first.map(String.init) ?? "?"
        if let error = error as? YamlError {
            switch error {
            case .scanner(_, let problem, let at, _), .parser(_, let problem, let at, _), .composer(_, let problem, let at, _):
                (mark, text) = (at, problem)
            case .duplicatedKeysInMapping(let duplicates, let context):
                (mark, text) = (context.mark, "duplicated keys: " + duplicates.joined(separator: ", "))
            default:
                break
            }
        }
        return PubliccodeProblem(severity: .error, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                 message: LocalizedText(fr: "YAML invalide : \(text)", en: "invalid YAML: \(text)"))
    }
}
