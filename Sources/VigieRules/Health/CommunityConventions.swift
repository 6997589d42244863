import VigieCore
import Yams

/// Where the community files are looked for and how a security contact is recognised
/// (`community:` in health.yml).
struct CommunityConventions: Sendable {
    /// Folders searched for community files; "" is the root.
    let folders: [String]
    /// Upper-case name stems (LicenceAnalysis.hasStem semantics).
    let contributingNames: [String]
    let codeGouvContributing: String
    let codeOfConductNames: [String]
    let codeOfConductPhrases: [[UInt8]]
    let securityNames: [String]
    let securityTxt: PathPatternSet
    let securityTxtContactField: String
    let securityHeadings: [[UInt8]]
    let securityPhrases: [[UInt8]]
    /// Compiled on first use (only with a security policy to read).
    let contactPattern: LazyRegex
    let changelogNames: [String]
    let changelogFolders: [String]
    let issueTemplates: PathPatternSet
    let changeRequestTemplates: PathPatternSet
    let templateExclusions: PathPatternSet

    init?(_ node: Node, reader: YAMLReader) {
        guard let fields = HealthFields(node, what: "community", allowed: [
            "folders", "contributing_names", "code_gouv_contributing", "code_of_conduct_names", "code_of_conduct_phrases",
            "security_names", "security_txt", "security_txt_contact_field", "security_headings", "security_phrases",
            "contact_pattern", "changelog_names", "changelog_folders", "issue_templates", "change_request_templates",
            "template_exclusions",
        ], reader: reader) else { return nil }
        let stems = { (key: String) in fields.strings(key)?.map { $0.uppercased() } }
        guard let folders = fields.strings("folders"),
              let contributingNames = stems("contributing_names"),
              let codeGouvContributing = fields.string("code_gouv_contributing"),
              let codeOfConductNames = stems("code_of_conduct_names"),
              let codeOfConductPhrases = fields.phrases("code_of_conduct_phrases"),
              let securityNames = stems("security_names"),
              let securityTxt = fields.patterns("security_txt"),
              let securityTxtContactField = fields.string("security_txt_contact_field"),
              let securityHeadings = fields.phrases("security_headings"),
              let securityPhrases = fields.phrases("security_phrases"),
              let contactPattern = fields.regex("contact_pattern"),
              let changelogNames = stems("changelog_names"),
              let changelogFolders = fields.strings("changelog_folders"),
              let issueTemplates = fields.patterns("issue_templates", ignoreCase: true),
              let changeRequestTemplates = fields.patterns("change_request_templates", ignoreCase: true),
              let templateExclusions = fields.patterns("template_exclusions", ignoreCase: true)
        else { return nil }
        self.folders = folders
        self.contributingNames = contributingNames
        self.codeGouvContributing = codeGouvContributing
        self.codeOfConductNames = codeOfConductNames
        self.codeOfConductPhrases = codeOfConductPhrases
        self.securityNames = securityNames
        self.securityTxt = securityTxt
        self.securityTxtContactField = securityTxtContactField
        self.securityHeadings = securityHeadings
        self.securityPhrases = securityPhrases
        self.contactPattern = contactPattern
        self.changelogNames = changelogNames
        self.changelogFolders = changelogFolders
        self.issueTemplates = issueTemplates
        self.changeRequestTemplates = changeRequestTemplates
        self.templateExclusions = templateExclusions
    }

    /// True when `text` holds a contact address (an e-mail, a mailto: or web link).
    func hasContact(_ text: Substring) -> Bool {
        (try? contactPattern.regex.firstMatch(in: text)) != nil
    }
}
