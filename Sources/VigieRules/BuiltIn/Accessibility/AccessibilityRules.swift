import VigieCore

/// The accessibility family: category `accessibility` (RGAA statements).
extension BuiltInRules {
    static let accessibilityRules: [any BuiltInRule.Type] = []
    static let accessibilityData: [any RuleDataSection.Type] = []
    static func accessibilityFacts(_ data: RuleData) -> [any FactProvider] { [] }
}
