/// Every rule written in Swift, sorted by id. Passed explicitly to the loader: no global registry.
/// A test checks that every `*Rule.swift` under BuiltIn/ is listed here.
public enum BuiltInRules {
    public static let all: [any BuiltInRule.Type] = [
        ActivityContributorsRule.self,
        ActivityRecentRule.self,
        ActivityRegularRule.self,
        ActivityReleasesRule.self,
        ActivityStatusDeclaredRule.self,
        LicenceAllowedRule.self,
        LicencePresentRule.self,
        ReadmePresentRule.self,
        ReadmeSubstantialRule.self,
    ]

    public static func named(_ id: String) -> (any BuiltInRule.Type)? {
        all.first { $0.description.id == id }
    }
}
