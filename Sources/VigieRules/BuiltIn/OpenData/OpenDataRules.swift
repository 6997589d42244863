import VigieCore

/// The open-data family: category `opendata`.
extension BuiltInRules {
    static let openDataRules: [any BuiltInRule.Type] = []
    static let openDataData: [any RuleDataSection.Type] = []
    static func openDataFacts(_ data: RuleData) -> [any FactProvider] { [] }
}
