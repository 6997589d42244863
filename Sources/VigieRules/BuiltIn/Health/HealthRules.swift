import VigieCore

/// The project-health family: categories `community`, `quality`, `security` (docs/health.md).
extension BuiltInRules {
    static let healthRules: [any BuiltInRule.Type] = [
        CommunityChangelogRule.self,
        CommunityCodeOfConductRule.self,
        CommunityContributingRule.self,
        CommunityIssueTemplatesRule.self,
        CommunityPubliccodeRule.self,
        CommunitySecurityRule.self,
        QualityCiRule.self,
        QualityDependencyUpdatesRule.self,
        QualityTestsRule.self,
        SecuritySecretsRule.self,
    ]
    static let healthData: [any RuleDataSection.Type] = [HealthData.self]
    static func healthFacts(_ data: RuleData) -> [any FactProvider] {
        [CommunityFacts(data: data), QualityFacts(data: data), SecurityFacts(data: data)]
    }
}
