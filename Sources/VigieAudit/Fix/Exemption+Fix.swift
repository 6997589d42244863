import Foundation
public import VigieCore
import VigieRules

/// `vigie fix --exempt RULE --reason TEXT --until DATE`: an exemption written into `.vigie.yml`
/// (docs/rulesets.md, "Exemptions"). A new file is created; an existing one is only added to, at its
/// end, when its last top-level key is `exemptions:` (a block list); the result must parse with one
/// more valid exemption than before, else nothing is written and the lines to add are printed.
extension Fixer {
    public struct ExemptionRequest: Sendable {
        public var path: String
        public var rule: String
        public var reason: String
        public var until: Day?
        public var asOf: Day
        public var dryRun = false

        public init(path: String, rule: String, reason: String, until: Day?, asOf: Day) {
            self.path = path
            self.rule = rule
            self.reason = reason
            self.until = until
            self.asOf = asOf
        }
    }

    public func exempt(_ request: ExemptionRequest, language: Language) throws(AuditError) -> FixReport {
        guard let configured = ruleSet.rules.first(where: { $0.rule.metadata.id == request.rule }) else {
            throw .fixUsage(LocalizedText(fr: "--exempt « \(request.rule) » : le jeu de règles ne contient pas cette règle",
                                          en: "--exempt '\(request.rule)': the rule set has no such rule"))
        }
        guard configured.exemptible else {
            throw .fixUsage(LocalizedText(fr: "--exempt « \(request.rule) » : le jeu de règles interdit d'exempter cette règle",
                                          en: "--exempt '\(request.rule)': the rule set forbids exempting this rule"))
        }
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .fixUsage(LocalizedText(fr: "--exempt demande --reason TEXTE", en: "--exempt needs --reason TEXT")) }
        if let until = request.until, until < request.asOf {
            throw .fixUsage(LocalizedText(fr: "--until \(until.iso) est passé", en: "--until \(until.iso) is in the past"))
        }
        let (_, workTree) = try Self.openWorkTree(request.path)
        var report = FixReport(root: workTree.root, language: language)
        report.attempted = [request.rule]
        let item = "  - rule: \(yamlQuoted(request.rule))\n    reason: \(yamlQuoted(reason))\n"
            + (request.until.map { "    until: \($0.iso)\n" } ?? "")
        let path = ExemptionFile.path
        let old = workTree.text(path)
        let change: FixChange
        if let old {
            let before = ExemptionFile.parse(text: old, path: path)
            let separator = old.isEmpty || old.hasSuffix("\n") ? "" : "\n"
            let lastKey = old.split(separator: "\n").last { line in line.first.map { !$0.isWhitespace && $0 != "#" && $0 != "-" } ?? false }
            let after = ExemptionFile.parse(text: old + separator + item, path: path)
            guard lastKey?.hasPrefix("exemptions:") == true, after.exemptions.count == before.exemptions.count + 1,
                  after.problems.count == before.problems.count else {
                report.notes.append(.init(rule: request.rule, text: LocalizedText(
                    fr: "\(path) existe et vigie ne le réécrit pas : ajoutez sous « exemptions: » :\n\(item)",
                    en: "\(path) exists and vigie does not rewrite it: add under 'exemptions:':\n\(item)")))
                return report
            }
            change = .append(path: path, text: separator + item)
        } else {
            change = .create(path: path, text: "# Rules that do not apply to this repository, and why (docs/rulesets.md).\nexemptions:\n" + item)
        }
        if request.dryRun {
            let added: String = switch change {
            case .create(_, let text), .append(_, let text): text
            }
            report.diff = UnifiedDiff.file(path, old: old, new: (old ?? "") + added)
        } else {
            do {
                switch change {
                case .create(_, let text): try workTree.create(path, text: text)
                case .append(_, let text): try workTree.append(path, text: text)
                }
            } catch {
                report.refused.append(.init(rule: request.rule, path: path, reason: error.reason))
                return report
            }
        }
        report.written.append(.init(rule: request.rule, change: change))
        return report
    }
}
