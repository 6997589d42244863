public import VigieCore
package import Yams

/// Reads exemptions: a repository's `.vigie.yml` (`exemptions: [{rule, reason, until}]`) or a fleet
/// manifest entry's `exemptions`. Problems in a repository's file are findings of the audit
/// (`configuration.exemptions`), not configuration errors of the operator: the audit goes on.
public enum ExemptionFile {
    /// The repository's own file, at the root of the audited tree.
    public static let path = ".vigie.yml"

    public static func parse(text: String, path: String) -> (exemptions: [Exemption], problems: [Finding]) {
        let reader = YAMLReader(file: path)
        var exemptions: [Exemption] = []
        if let root = reader.load(text: text), let pairs = reader.mapping(root, what: path) {
            reader.checkKeys(pairs, allowed: ["exemptions"], in: path)
            if let list = pairs.first(where: { $0.key == "exemptions" })?.value {
                exemptions = parse(list, reader: reader, grantedBy: path)
            }
        }
        return (exemptions, reader.errors.map { Finding(path: path, line: $0.line > 0 ? $0.line : nil, message: $0.message) })
    }

    /// A list of `{rule, reason, until}`; each problem reported through `reader`.
    package static func parse(_ node: Node, reader: YAMLReader, grantedBy: String) -> [Exemption] {
        guard case .sequence(let items) = node else {
            reader.report(node, LocalizedText(fr: "« exemptions » doit être une liste", en: "'exemptions' must be a list"))
            return []
        }
        var exemptions: [Exemption] = []
        for item in items {
            guard let pairs = reader.mapping(item, what: "an exemption") else { continue }
            reader.checkKeys(pairs, allowed: ["rule", "reason", "until"], in: "an exemption")
            let field = { (key: String) in pairs.first { $0.key == key }?.value }
            guard let rule = field("rule").flatMap({ reader.string($0, what: "rule") }) else {
                reader.report(item, LocalizedText(fr: "une exemption sans « rule »", en: "an exemption without a 'rule'"))
                continue
            }
            var until: Day?
            if let untilNode = field("until"), let text = reader.string(untilNode, what: "until") {
                until = Day(iso: text)
                if until == nil { reader.report(untilNode, LocalizedText(fr: "« until » attend AAAA-MM-JJ", en: "'until' takes YYYY-MM-DD")) }
            }
            exemptions.append(Exemption(rule: rule, reason: field("reason").flatMap { reader.string($0, what: "reason") }, until: until,
                                        grantedBy: grantedBy, line: item.mark?.line))
        }
        return exemptions
    }
}
