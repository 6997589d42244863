import ArgumentParser
import Foundation
import VigieAudit
import VigieCore
import VigieRules

extension Vigie {
    /// `vigie rules`: what the rule sets check.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List, show, validate and document rules and rule sets.",
            subcommands: [List.self, Show.self, Validate.self, Docs.self]
        )

        /// Loads the rule set the options name, turning failures into CLI failures.
        static func load(_ options: AuditOptions) throws -> RuleSet {
            do {
                let ruleSet = try Auditor.loadRuleSet(sources: try RulesLocator.locate(explicit: options.rules), id: options.ruleset)
                StandardError.use(ruleSet.data)
                return ruleSet
            } catch {
                throw CLIFailure(error: error, language: options.lang)
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules of a rule set: id, category, weight, source and title.")
            @OptionGroup var options: AuditOptions

            func run() throws {
                let ruleSet = try Rules.load(options)
                let l = options.lang
                try StandardOutput.print("\(ruleSet.id) \(ruleSet.version): \(ruleSet.title[l])")
                for configured in ruleSet.engine.rules {
                    let metadata = configured.rule.metadata
                    let columns = [metadata.id.padded(28), metadata.category.id.padded(14), String(configured.weight).padded(3),
                                   configured.source.rawValue.padded(12), metadata.title[l]]
                    try StandardOutput.print("  " + columns.joined(separator: " "))
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one rule: texts, weight, parameters with defaults, requirements and examples.")
            @Argument(help: "The rule id, e.g. licence.allowed.")
            var id: String
            @OptionGroup var options: AuditOptions

            func run() throws {
                let ruleSet = try Rules.load(options)
                let l = options.lang
                guard let configured = ruleSet.rules.first(where: { $0.rule.metadata.id == id }) else {
                    let known = ruleSet.rules.map(\.rule.metadata.id)
                    throw ValidationError("no rule '\(id)' in rule set \(ruleSet.id)" + (known.contains { $0.hasPrefix(id) } ? "; did you mean one of: \(known.filter { $0.hasPrefix(id) }.joined(separator: ", "))" : ""))
                }
                let metadata = configured.rule.metadata
                try StandardOutput.print("\(metadata.id) — \(metadata.title[l])")
                try StandardOutput.print("")
                try StandardOutput.print("\(LocalizedText(fr: "Catégorie", en: "Category")[l]): \(metadata.category.title[l]) (\(metadata.category.id))")
                try StandardOutput.print("\(LocalizedText(fr: "Poids", en: "Weight")[l]): \(configured.weight) · \(LocalizedText(fr: "source", en: "source")[l]): \(configured.source.rawValue)"
                      + (configured.exemptible ? "" : " · " + LocalizedText(fr: "exemption interdite", en: "cannot be exempted")[l]))
                if !metadata.requires.isEmpty { try StandardOutput.print("\(LocalizedText(fr: "Nécessite", en: "Requires")[l]): \(metadata.requires.joined(separator: ", "))") }
                try StandardOutput.print("")
                try StandardOutput.print(LocalizedText(fr: "Pourquoi : ", en: "Why: ")[l] + metadata.rationale[l])
                try StandardOutput.print(LocalizedText(fr: "Correction : ", en: "Fix: ")[l] + metadata.remediation[l])
                // Whether `vigie fix` can write the fix (docs/fix.md); a declarative or plugin rule never can.
                if configured.source == .builtin, let fix = BuiltInRules.named(id)?.fix {
                    try StandardOutput.print(LocalizedText(fr: "Correction automatique : ", en: "Automatic fix: ")[l]
                        + "vigie fix --only \(id) — " + fix.summary[l])
                } else {
                    try StandardOutput.print(LocalizedText(fr: "Correction automatique : aucune (vigie fix ne sait pas corriger cette règle)",
                                                           en: "Automatic fix: none (vigie fix cannot fix this rule)")[l])
                }
                if let type = BuiltInRules.named(id) {
                    if !type.parameters.isEmpty {
                        try StandardOutput.print("")
                        try StandardOutput.print(LocalizedText(fr: "Paramètres (défaut) :", en: "Parameters (default):")[l])
                        for parameter in type.parameters { try StandardOutput.print("  \(parameter.name): \(parameter.defaultValue) — \(parameter.summary[l])") }
                    }
                    try printExamples(type.examples, l)
                } else if let plugin = configured.rule as? CommandRule {
                    try StandardOutput.print("")
                    try StandardOutput.print("\(LocalizedText(fr: "Commande", en: "Command")[l]): \(plugin.command.joined(separator: " ")) (\(plugin.timeout) s, \(plugin.folder))")
                } else {
                    try printExamples(ruleSet.declarativeExamples[id] ?? [], l)
                }
            }

            private func printExamples(_ examples: [RuleExample], _ l: Language) throws(AuditError) {
                guard !examples.isEmpty else { return }
                try StandardOutput.print("")
                try StandardOutput.print(LocalizedText(fr: "Exemples (lancés par les tests) :", en: "Examples (run by the tests):")[l])
                for example in examples { try StandardOutput.print("  \(example.expected.rawValue.padded(5)) \(example.name)") }
            }
        }

        struct Validate: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check a rule set and its data without auditing; reports every problem as file:line:column.")
            @OptionGroup var options: AuditOptions

            func run() throws {
                let ruleSet = try Rules.load(options)
                try StandardOutput.print(LocalizedText(fr: "\(ruleSet.id) : valide (\(ruleSet.rules.count) règles)", en: "\(ruleSet.id): valid (\(ruleSet.rules.count) rules)")[options.lang])
            }
        }

        struct Docs: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "docs", abstract: "Print the Markdown reference of every built-in rule (docs/rules.md).")
            @OptionGroup var options: AuditOptions

            func run() throws {
                try StandardOutput.print(RuleDocumentation.markdown(ruleSet: try Rules.load(options)), terminator: "")
            }
        }
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
