import VigieCore

/// The open-data family: category `open_data`.
extension BuiltInRules {
    static let openDataRules: [any BuiltInRule.Type] = []
    static let openDataData: [any RuleDataSection.Type] = []
    static func openDataFacts(_ data: RuleData) -> [any FactProvider] { [] }
}
