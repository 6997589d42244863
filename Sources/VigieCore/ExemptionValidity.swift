/// Which exemptions apply, and the check that reports those that do not (`configuration.exemptions`):
/// an exemption needs a reason, an `until` day not past, a rule the rule set runs, and a rule the rule
/// set allows exempting. An invalid exemption is not applied; it is a finding.
struct ExemptionValidity {
    static let category = RuleCategory.named("configuration")!
    static let ruleID = "configuration.exemptions"

    /// The valid exemption for each exempted rule id.
    let applicable: [String: Exemption]
    let invalid: [(Exemption, LocalizedText)]

    init(exemptions: [Exemption], rules: [ConfiguredRule], asOf: Day) {
        let byID = Dictionary(rules.map { ($0.rule.metadata.id, $0) }, uniquingKeysWith: { first, _ in first })
        var applicable: [String: Exemption] = [:]
        var invalid: [(Exemption, LocalizedText)] = []
        for exemption in exemptions {
            guard let rule = byID[exemption.rule] else {
                invalid.append((exemption, LocalizedText(fr: "règle inconnue de ce jeu de règles : \(exemption.rule)",
                                                         en: "no such rule in this rule set: \(exemption.rule)")))
                continue
            }
            guard let reason = exemption.reason, !reason.trimmingSpaces.isEmpty else {
                invalid.append((exemption, LocalizedText(fr: "exemption de \(exemption.rule) sans raison", en: "exemption of \(exemption.rule) without a reason")))
                continue
            }
            if let until = exemption.until, until < asOf {
                invalid.append((exemption, LocalizedText(fr: "exemption de \(exemption.rule) expirée le \(until.iso)",
                                                         en: "exemption of \(exemption.rule) expired on \(until.iso)")))
                continue
            }
            guard rule.exemptible else {
                invalid.append((exemption, LocalizedText(fr: "le jeu de règles interdit d'exempter \(exemption.rule)",
                                                         en: "the rule set does not allow exempting \(exemption.rule)")))
                continue
            }
            applicable[exemption.rule] = applicable[exemption.rule] ?? exemption
        }
        self.applicable = applicable
        self.invalid = invalid
    }

    /// The `configuration.exemptions` check: fails with one finding per invalid exemption or unreadable file.
    func check(problems: [Finding], language: Language) -> CheckResult {
        let findings = problems + invalid.map { Finding(path: $0.0.grantedBy, line: $0.0.line, message: $0.1) }
        let evidence = findings.map { Evidence(path: $0.path, line: $0.line, message: $0.message?[language]) }
        let title = LocalizedText(fr: "Les exemptions sont justifiées et à jour", en: "Exemptions are justified and current")
        let remediation = LocalizedText(
            fr: "Donnez une raison à chaque exemption, renouvelez ou retirez celles dont la date est passée, et n'exemptez que des règles du jeu de règles.",
            en: "Give every exemption a reason, renew or remove those past their date, and exempt only rules of the rule set.")
        let message = findings.isEmpty
            ? LocalizedText(fr: "\(applicable.count) exemption(s) valide(s).", en: "\(applicable.count) valid exemption(s).")
            : LocalizedText(fr: "\(findings.count) exemption(s) non appliquée(s).", en: "\(findings.count) exemption(s) not applied.")
        return CheckResult(id: Self.ruleID, category: Self.category.id, status: findings.isEmpty ? .pass : .fail, weight: 1,
                           title: title[language], message: message[language], evidence: evidence, remediation: remediation[language])
    }
}

extension String {
    var trimmingSpaces: Substring {
        var slice = self[...]
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return slice
    }
}
