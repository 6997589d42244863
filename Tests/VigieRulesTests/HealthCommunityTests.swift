import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// The community rules beyond their examples: where files are looked for, what each message says,
/// and facts.community.
@Suite("Community rules")
struct HealthCommunityTests {
    static let guide = "# Contributing\n\nReport problems in the issue tracker. Propose changes as merge requests with tests; "
        + "every commit is signed off (DCO). Run the test suite before asking for a review, and follow the style guide.\n"

    @Test("CONTRIBUTING: the code.gouv.fr file is preferred, any case and extension is found, other folders are not")
    func contributing() throws {
        let both = try evaluateHealthRule("community.contributing", ["docs/CONTRIBUTING.md": Self.guide, "CONTRIBUTING.md": Self.guide])
        #expect(both.status == .pass)
        #expect(both.findings.map(\.path) == ["CONTRIBUTING.md"])
        let lower = try evaluateHealthRule("community.contributing", ["contributing.md": Self.guide])
        #expect(lower.status == .warn)
        #expect(lower.message.en == "contributing.md exists, but code.gouv.fr only recognises CONTRIBUTING.md at the root.")
        #expect(lower.message.fr == "contributing.md existe, mais code.gouv.fr ne reconnaît que CONTRIBUTING.md à la racine.")
        let french = try evaluateHealthRule("community.contributing", [".github/CONTRIBUER.md": Self.guide])
        #expect(french.findings.map(\.path) == [".github/CONTRIBUER.md"])
        #expect(try evaluateHealthRule("community.contributing", ["CONTRIBUTORS.md": Self.guide]).status == .fail)
        let empty = try evaluateHealthRule("community.contributing", ["CONTRIBUTING.md": ""])
        #expect(empty.message.en == "CONTRIBUTING.md has only 0 words, fewer than 30.")
    }

    @Test("security contact: the evidence points at the file and line that give the address")
    func securityEvidence() throws {
        let readme = "# Outil\n\nUn outil.\n\n## Signaler une faille de sécurité\n\nÉcrivez à <securite@exemple.gouv.fr>.\n\n## Licence\n\nMIT\n"
        let outcome = try evaluateHealthRule("community.security", ["README.md": readme])
        #expect(outcome.status == .pass)
        #expect(outcome.findings.map { "\($0.path):\($0.line ?? 0)" } == ["README.md:5"])
        #expect(outcome.message.en == "Security contact with an address: README.md:5.")
        let txt = "# Our policy\nContact: https://example.gouv.fr/securite\n"
        let both = try evaluateHealthRule("community.security", ["static/.well-known/security.txt": txt, ".github/SECURITY.md": "mailto:cert@example.gouv.fr\n"])
        #expect(both.findings.map { "\($0.path):\($0.line ?? 0)" } == [".github/SECURITY.md:0", "static/.well-known/security.txt:2"])
        let noContact = try evaluateHealthRule("community.security", ["public/.well-known/security.txt": "Expires: 2027-01-01T00:00:00Z\n"])
        #expect(noContact.status == .warn)
        // A heading in a code block is not a section.
        let fenced = try evaluateHealthRule("community.security", ["README.md": "# Outil\n\n```\n## Security\n```\n\nalice@exemple.gouv.fr\n"])
        #expect(fenced.status == .fail)
    }

    @Test("changelog: the version is read from any tag name, release notes folders count")
    func changelog() throws {
        let tags = [SnapshotTag(name: "release-2.0", time: seconds("2026-10-01"))]
        let mentions = try evaluateHealthRule("community.changelog", ["NEWS": "2.0 (2026-10-01)\n  * Export.\n"], tags: tags)
        #expect(mentions.status == .pass)
        #expect(mentions.message.en == "NEWS mentions the latest tagged version, release-2.0.")
        let stale = try evaluateHealthRule("community.changelog", ["docs/CHANGELOG.md": "## 1.9\n"], tags: tags, language: .fr)
        #expect(stale.status == .warn)
        #expect(stale.message.fr == "docs/CHANGELOG.md ne mentionne pas la dernière version étiquetée, release-2.0.")
        let unversioned = try evaluateHealthRule("community.changelog", ["CHANGELOG.md": "## Unreleased\n"],
                                                 tags: [SnapshotTag(name: "prod", time: seconds("2026-10-01"))])
        #expect(unversioned.status == .pass)
        let notes = try evaluateHealthRule("community.changelog", ["releasenotes/notes/a.yaml": "x", "releasenotes/notes/b.yaml": "y"])
        #expect(notes.status == .fail, "releasenotes/notes/ is not a folder of health.yml; releasenotes/ is")
        let folder = try evaluateHealthRule("community.changelog", ["changes/12.feature": "x", "changes/13.bugfix": "y"])
        #expect(folder.message.en == "2 release notes in changes/.")
    }

    @Test("templates: GitHub names are compared without case; GitLab merge-request templates count")
    func templates() throws {
        let outcome = try evaluateHealthRule("community.issue_templates", [".github/issue_template/Bug.MD": "x", "docs/pull_request_template.md": "y"])
        #expect(outcome.status == .pass)
        #expect(outcome.message.en == "1 issue template, 1 merge-request template.")
        let onlyMR = try evaluateHealthRule("community.issue_templates", [".gitlab/merge_request_templates/Default.md": "x"])
        #expect(onlyMR.message.en == "0 issue templates, 1 merge-request template; no issue template.")
        #expect(onlyMR.message.fr == "0 modèle de ticket, 1 modèle de demande de fusion ; pas de modèle de ticket.")
    }

    @Test("facts.community lists the files found, root first")
    func facts() throws {
        let facts = try healthFacts("community", [
            "docs/CONTRIBUTING.md": "x", "CONTRIBUTING.md": "y", ".github/CODE_OF_CONDUCT.md": "z", "SECURITY.md": "s",
            "web/.well-known/security.txt": "Contact: mailto:a@b.fr\n", "CHANGELOG.md": "c", "changelog.d/1.md": "n",
            ".gitlab/issue_templates/Bug.md": "b", "publiccode.yml": "name: x\n",
        ])
        #expect(facts["contributing"]?.stringValues == ["CONTRIBUTING.md", "docs/CONTRIBUTING.md"])
        #expect(facts["code_of_conduct"]?.stringValues == [".github/CODE_OF_CONDUCT.md"])
        #expect(facts["security"]?.stringValues == ["SECURITY.md", "web/.well-known/security.txt"])
        #expect(facts["changelog"]?.stringValues == ["CHANGELOG.md"])
        #expect(facts["release_notes"]?.intValue == 1)
        #expect(facts["issue_templates"]?.stringValues == [".gitlab/issue_templates/Bug.md"])
        #expect(facts["change_request_templates"]?.stringValues == [])
        #expect(facts["publiccode"]?.stringValue == "publiccode.yml")
    }
}
