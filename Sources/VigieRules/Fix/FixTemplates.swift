import Foundation
public import VigieCore
package import Yams

/// The data and templates of `vigie fix`: `rules/fixes/fixes.yml`, the file bodies of
/// `rules/fixes/templates/<lang>/` and the licence texts of `rules/licences/`, each read from the
/// first layer of `RuleSources` holding it (a user's rules folder, then the built-in files), like
/// every rule set and data file.
public struct FixTemplates: @unchecked Sendable {
    // @unchecked: Yams.Node is a value tree (enums and structs of strings) that is never mutated here.
    let sources: RuleSources
    let root: Node

    public static let dataFile = "fixes/fixes.yml"

    /// Reads `fixes/fixes.yml`; throws a `FixDataMissing` naming the file when no layer holds a readable one.
    public static func load(sources: RuleSources) throws -> FixTemplates {
        guard let file = sources.file(dataFile) else { throw FixDataMissing(file: "<built-in>/rules/" + dataFile) }
        let root: Node?
        switch file {
        case .builtIn(let builtIn): root = builtIn.root()
        case .disk, .missing: root = file.text().flatMap { try? Yams.compose(yaml: $0) }
        }
        guard let root else { throw FixDataMissing(file: file.path) }
        return FixTemplates(sources: sources, root: root)
    }

    /// The node at a dotted path of fixes.yml (`licence.texts`).
    package func node(_ path: String) -> Node? {
        var node: Node? = root
        for key in path.split(separator: ".") { node = node?[String(key)] }
        return node
    }

    /// A string of fixes.yml; throws when it is missing (a rules folder's fixes.yml without it).
    public func string(_ path: String) throws -> String {
        guard let value = node(path)?.string else { throw FixDataMissing(file: Self.dataFile, key: path) }
        return value
    }

    /// A `{fr, en}` string of fixes.yml in `language`.
    public func localized(_ path: String, _ language: Language) throws -> String {
        try string(path + "." + language.rawValue)
    }

    /// A `{fr, en}` pair of fixes.yml.
    public func text(_ path: String) throws -> LocalizedText {
        LocalizedText(fr: try localized(path, .fr), en: try localized(path, .en))
    }

    /// The template `templates/<lang>/<name>`.
    public func template(_ name: String, _ language: Language) throws -> String {
        let path = "fixes/templates/\(language.rawValue)/\(name)"
        guard let text = sources.file(path)?.text() else { throw FixDataMissing(file: "<built-in>/rules/" + path) }
        return text
    }

    /// A licence text, `licences/<file>`.
    public func licenceText(_ file: String) throws -> String {
        let path = "licences/" + file
        guard let text = sources.file(path)?.text() else { throw FixDataMissing(file: "<built-in>/rules/" + path) }
        return text
    }

    /// `template` with every `{{key}}` replaced by its value.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (key, value) in values { text = text.replacingOccurrences(of: "{{\(key)}}", with: value) }
        return text
    }
}

/// A fix's data or template that no rules layer holds: the fix is left out, saying which file.
public struct FixDataMissing: Error, Sendable, CustomStringConvertible {
    public let file: String
    public var key: String?

    public var description: String { key.map { "\(file): \($0) missing" } ?? "\(file): missing or unreadable" }
}
