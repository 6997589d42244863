import VigieCore
import Yams

/// Typed access to the fields of one YAML mapping of a rule data file: unknown keys, missing keys and
/// wrong types are all reported through the reader, with the node's line and column.
struct YAMLFields {
    let reader: YAMLReader
    let node: Node
    let pairs: [(key: String, keyNode: Node, value: Node)]
    let what: String

    init?(_ node: Node, reader: YAMLReader, what: String, allowed: [String]) {
        guard let pairs = reader.mapping(node, what: what) else { return nil }
        reader.checkKeys(pairs, allowed: allowed, in: what)
        self.reader = reader
        self.node = node
        self.pairs = pairs
        self.what = what
    }

    func value(_ key: String, required: Bool = true) -> Node? {
        if let value = pairs.first(where: { $0.key == key })?.value { return value }
        if required {
            reader.report(node, LocalizedText(fr: "il manque « \(key) » dans \(what)", en: "missing '\(key)' in \(what)"))
        }
        return nil
    }

    func strings(_ key: String, required: Bool = true) -> [String] {
        value(key, required: required).flatMap { reader.strings($0, what: "\(what).\(key)") } ?? []
    }

    func string(_ key: String, required: Bool = true) -> String? {
        value(key, required: required).flatMap { reader.string($0, what: "\(what).\(key)") }
    }

    func int(_ key: String, required: Bool = true) -> Int? {
        value(key, required: required).flatMap { reader.int($0, what: "\(what).\(key)") }
    }

    func bool(_ key: String) -> Bool? {
        value(key, required: false).flatMap { reader.bool($0, what: "\(what).\(key)") }
    }

    func fields(_ key: String, allowed: [String], required: Bool = true) -> YAMLFields? {
        value(key, required: required).flatMap { YAMLFields($0, reader: reader, what: "\(what).\(key)", allowed: allowed) }
    }

    /// The items of a list of mappings.
    func items(_ key: String, allowed: [String], required: Bool = true) -> [YAMLFields] {
        guard let node = value(key, required: required) else { return [] }
        guard case .sequence(let sequence) = node else {
            reader.report(node, LocalizedText(fr: "\(what).\(key) doit être une liste", en: "\(what).\(key) must be a list"))
            return []
        }
        return sequence.compactMap { YAMLFields($0, reader: reader, what: "\(what).\(key)[]", allowed: allowed) }
    }

    /// A case-insensitive regular expression, compiled on first use (`LazyRegex`: at once from a file
    /// on disk, reported and nil when it does not compile).
    func regex(_ node: Node, what: String) -> LazyRegex? {
        guard let text = reader.string(node, what: what) else { return nil }
        return LazyRegex.make(text, ignoresCase: true, at: node, reader: reader)
    }

    /// Folded phrases (`FoldedText.phrase`); an empty one is reported.
    func phrases(_ key: String, required: Bool = true) -> [[UInt8]] {
        strings(key, required: required).compactMap { text in
            let folded = FoldedText.phrase(text)
            if folded.isEmpty {
                reader.report(value(key, required: false), LocalizedText(fr: "« \(text) » ne contient aucun mot", en: "'\(text)' has no word in it"))
                return nil
            }
            return folded
        }
    }
}
