import VigieCore

/// The accessibility family: category `accessibility` (RGAA statements), docs/accessibility.md.
extension BuiltInRules {
    static let accessibilityRules: [any BuiltInRule.Type] = [
        AccessibilityCompleteRule.self,
        AccessibilityConsistentRule.self,
        AccessibilityFreshRule.self,
        AccessibilityMentionRule.self,
        AccessibilityStatementRule.self,
        AccessibilityToolingRule.self,
    ]
    static let accessibilityData: [any RuleDataSection.Type] = [AccessibilityConventions.self]
    static func accessibilityFacts(_ data: RuleData) -> [any FactProvider] { [AccessibilityFacts(data: data)] }
}
