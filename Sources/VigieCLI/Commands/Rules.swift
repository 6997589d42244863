import ArgumentParser
import Foundation
import VigieAudit
import VigieCore
import VigieRules

extension Vigie {
    /// `vigie rules`: what the rule sets check.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List and validate rules and rule sets.",
            subcommands: [List.self, Validate.self, Docs.self]
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the rules of a rule set with their weights and parameters.")
            @OptionGroup var options: AuditOptions

            func run() throws {
                do {
                    let ruleSet = try Auditor.loadRuleSet(directory: try RulesLocator.locate(explicit: options.rules), id: options.ruleset)
                    print("\(ruleSet.id) \(ruleSet.version): \(ruleSet.title[options.lang])")
                    for configured in ruleSet.engine.rules {
                        let metadata = configured.rule.metadata
                        print("  \(metadata.id.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(configured.weight).padding(toLength: 3, withPad: " ", startingAt: 0)) \(metadata.title[options.lang])")
                    }
                } catch {
                    throw CLIFailure(error: error, language: options.lang)
                }
            }
        }

        struct Validate: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Check a rule set and its data without auditing; reports every problem as file:line:column.")
            @OptionGroup var options: AuditOptions

            func run() throws {
                do {
                    let ruleSet = try Auditor.loadRuleSet(directory: try RulesLocator.locate(explicit: options.rules), id: options.ruleset)
                    print(LocalizedText(fr: "\(ruleSet.id) : valide (\(ruleSet.rules.count) règles)", en: "\(ruleSet.id): valid (\(ruleSet.rules.count) rules)")[options.lang])
                } catch {
                    throw CLIFailure(error: error, language: options.lang)
                }
            }
        }

        struct Docs: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Print the Markdown reference of every built-in rule (docs/rules.md).")
            @OptionGroup var options: AuditOptions

            func run() throws {
                do {
                    let ruleSet = try Auditor.loadRuleSet(directory: try RulesLocator.locate(explicit: options.rules), id: options.ruleset)
                    print(RuleDocumentation.markdown(ruleSet: ruleSet), terminator: "")
                } catch {
                    throw CLIFailure(error: error, language: options.lang)
                }
            }
        }
    }
}
