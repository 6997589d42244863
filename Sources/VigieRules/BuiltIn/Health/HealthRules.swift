import VigieCore

/// The project-health family: categories `community`, `quality`, `security`.
extension BuiltInRules {
    static let healthRules: [any BuiltInRule.Type] = []
    static let healthData: [any RuleDataSection.Type] = []
    static func healthFacts(_ data: RuleData) -> [any FactProvider] { [] }
}
