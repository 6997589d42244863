import VigieCore
import Yams

/// A family's own domain data, read from one file of `rules/data/` (phrases, patterns, thresholds).
///
/// A family declares its sections in `BuiltIn/<Family>/<Family>Rules.swift`; `RuleData.load` reads
/// them all with the others, so `vigie rules validate` and every audit report their problems with
/// `file:line:column`, and rules read them with `data.section(MySection.self)`.
protocol RuleDataSection: Sendable {
    /// The file name under `rules/data/`, e.g. `accessibility.yml`.
    static var fileName: String { get }
    /// Builds the section from the file's root node, reporting problems through `reader`; nil when unusable.
    init?(root: Node, reader: YAMLReader)
}

extension RuleData {
    /// The loaded section of type `T`. Every declared section is loaded before any rule runs.
    func section<T: RuleDataSection>(_ type: T.Type) -> T {
        guard let section = sections[ObjectIdentifier(type)] as? T else {
            preconditionFailure("\(T.self) is not declared in BuiltInRules.dataSections")
        }
        return section
    }

    static func loadSections(from sources: RuleSources, errors: inout [ConfigurationError]) -> [ObjectIdentifier: any Sendable] {
        var sections: [ObjectIdentifier: any Sendable] = [:]
        for type in BuiltInRules.dataSections {
            let reader = sources.fileOrFirstPlace("data/" + type.fileName).reader()
            if let root = reader.load(), let section = type.init(root: root, reader: reader) {
                sections[ObjectIdentifier(type)] = section
            }
            errors += reader.errors
        }
        return sections
    }
}
