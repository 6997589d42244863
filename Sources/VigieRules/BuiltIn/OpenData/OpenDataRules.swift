import VigieCore

/// The open-data family: category `open_data` (data.gouv.fr, data packages, CSV), docs/open-data.md.
extension BuiltInRules {
    static let openDataRules: [any BuiltInRule.Type] = [
        OpenDataCSVRule.self,
        OpenDataDatapackageRule.self,
        OpenDataLicenceRule.self,
        OpenDataPublishedRule.self,
        OpenDataSizeRule.self,
    ]
    static let openDataData: [any RuleDataSection.Type] = [OpenDataConventions.self]
    static func openDataFacts(_ data: RuleData) -> [any FactProvider] { [OpenDataFacts(data: data)] }
}
