import VigieCore

/// Every rule written in Swift, sorted by id, and what each family of rules needs: data sections
/// read from `rules/data/` and fact providers. Passed explicitly to the loader: no global registry.
/// Each family lists its own rules in its folder (`BuiltIn/<Family>/<Family>Rules.swift`); a test
/// checks that every `*Rule.swift` under BuiltIn/ is listed.
public enum BuiltInRules {
    public static let all: [any BuiltInRule.Type] = (foundationRules + activityRules + healthRules + accessibilityRules + openDataRules)
        .sorted { $0.description.id < $1.description.id }

    /// The data sections families read from `rules/data/`, beyond the foundation's own files.
    static let dataSections: [any RuleDataSection.Type] = [ReadmeConventions.self, PeopleConventions.self] + healthData + accessibilityData
        + openDataData

    /// The providers of `facts.<key>` for a rule set built on `data`.
    static func factProviders(_ data: RuleData) -> [any FactProvider] {
        [LicenceFacts(data: data), ReadmeFacts(data: data), ActivityFacts(data: data)]
            + healthFacts(data) + accessibilityFacts(data) + openDataFacts(data)
    }

    static let foundationRules: [any BuiltInRule.Type] = [
        LicenceAllowedRule.self,
        LicenceConsistentRule.self,
        LicenceDataRule.self,
        LicenceIdentifiedRule.self,
        LicencePresentRule.self,
        ReadmeEIGRule.self,
        ReadmeImagesAltRule.self,
        ReadmeLanguageRule.self,
        ReadmeLinksRule.self,
        ReadmePresentRule.self,
        ReadmeSectionsRule.self,
        ReadmeSubstantialRule.self,
        RepositoryCompleteRule.self,
    ]

    static let activityRules: [any BuiltInRule.Type] = [
        ActivityContributorsRule.self,
        ActivityRecentRule.self,
        ActivityRegularRule.self,
        ActivityReleasesRule.self,
        ActivityStatusDeclaredRule.self,
    ]

    public static func named(_ id: String) -> (any BuiltInRule.Type)? {
        all.first { $0.description.id == id }
    }
}
