import Foundation
public import VigieCore

/// A security contact: a SECURITY file, a `.well-known/security.txt`, or a README section or
/// sentence about security that gives an address. A place without an address is a warning.
public struct CommunitySecurityRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "community.security",
        category: RuleCategory.named("community")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Un contact sécurité est indiqué", en: "A security contact is given"),
        rationale: LocalizedText(
            fr: "La politique de contribution de la DINUM demande d'identifier un responsable de la sécurité du projet et une adresse électronique dédiée : sans elle, une faille est signalée en public, ou pas du tout.",
            en: "DINUM's contribution policy asks for a named person responsible for the project's security and a dedicated e-mail address: without one, a vulnerability is reported in public, or not at all."),
        remediation: LocalizedText(
            fr: "Ajoutez un SECURITY.md : « Les remontées de bug de sécurité doivent être envoyées directement à securite@exemple.gouv.fr », avec le délai de réponse ; ou une section « Sécurité » du README donnant cette adresse.",
            en: "Add a SECURITY.md: \"Report security bugs directly to security@example.gouv.fr\", with the response time; or a \"Security\" section of the README giving that address.")
    )

    public static let parameters = [
        RuleParameter("max_bytes", default: .int(262_144), LocalizedText(
            fr: "Taille maximale d'un fichier lu (SECURITY, security.txt, README), en octets.",
            en: "Largest file read (SECURITY, security.txt, README), in bytes.")),
    ]

    public static let examples: [RuleExample] = [
        RuleExample("SECURITY.md with an address passes",
                    files: ["SECURITY.md": "# Sécurité\n\nLes remontées de bug de sécurité doivent être envoyées à securite@exemple.gouv.fr.\n"], expect: .pass),
        RuleExample("a security.txt with a Contact field passes",
                    files: ["public/.well-known/security.txt": "Contact: mailto:security@example.gouv.fr\nExpires: 2027-01-01T00:00:00Z\n"], expect: .pass),
        RuleExample("a README section with an obfuscated address passes",
                    files: ["README.md": "# Outil\n\nUn outil.\n\n## Sécurité\n\nÉcrivez à securite [at] exemple.gouv.fr.\n\n## Licence\n\nMIT\n"], expect: .pass),
        RuleExample("DINUM's sentence in the README passes",
                    files: ["README.md": "# Outil\n\nLes remontées de bug de sécurité doivent être envoyés directement à <securite@exemple.gouv.fr>.\n"], expect: .pass),
        RuleExample("a SECURITY.md without an address warns",
                    files: ["SECURITY.md": "# Security\n\nPlease report vulnerabilities privately.\n"], expect: .warn),
        RuleExample("a README security section without an address warns",
                    files: ["README.md": "# Outil\n\n## Security\n\nWe take security seriously.\n"], expect: .warn),
        RuleExample("an address in another README section does not count",
                    files: ["README.md": "# Outil\n\n## Contact\n\nalice@exemple.gouv.fr\n"], expect: .fail),
        RuleExample("no security contact fails", files: ["README.md": "# Outil\n\nUn outil.\n"], expect: .fail),
    ]

    public static let fix: RuleFix? = RuleFix(LocalizedText(
        fr: "Écrit SECURITY.md : la phrase de la DINUM avec l'adresse de --security-contact et le délai de réponse.",
        en: "Writes SECURITY.md: DINUM's sentence with the address of --security-contact, and the response time.")) { context in
        guard let contact = context.options.securityContact?.trimmingCharacters(in: .whitespaces), !contact.isEmpty else {
            return .note(.needsOption("--security-contact", value: LocalizedText(fr: "ADRESSE", en: "ADDRESS")[context.language],
                                      for: LocalizedText(fr: "l'adresse où signaler une faille", en: "the address to report a vulnerability to")))
        }
        guard !contact.contains(where: \.isNewline), context.data.health.community.hasContact(Substring(contact)) else {
            return .note(LocalizedText(fr: "rien écrit : --security-contact « \(contact) » n'est ni une adresse électronique ni une URL",
                                       en: "nothing written: --security-contact '\(contact)' is neither an e-mail address nor a URL"))
        }
        return try context.create(try context.templates.string("security.file"), template: try context.templates.string("security.template"),
                                  ["contact": contact])
    }

    let maxBytes: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        maxBytes = parameters.int("max_bytes")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let conventions = data.health.community
        let community = CommunityFiles.of(snapshot, data: data)
        var withAddress: [Finding] = []
        var withoutAddress: [Finding] = []

        for policy in community.securityPolicies {
            guard let text = try snapshot.readText(policy, within: maxBytes) else {
                withoutAddress.append(Finding(path: policy.path, message: notReadOverCap(policy, in: snapshot, cap: maxBytes, parameter: "max_bytes")))
                continue
            }
            if conventions.hasContact(Substring(text)) { withAddress.append(Finding(path: policy.path)) } else { withoutAddress.append(Finding(path: policy.path)) }
        }
        for file in community.securityTxt {
            guard let text = try snapshot.readText(file, within: maxBytes) else {
                withoutAddress.append(Finding(path: file.path, message: notReadOverCap(file, in: snapshot, cap: maxBytes, parameter: "max_bytes")))
                continue
            }
            let field = conventions.securityTxtContactField.lowercased()
            let line = text.split(whereSeparator: \.isNewline).firstIndex { $0.trimming(" \t").lowercased().hasPrefix(field) }
            if let line { withAddress.append(Finding(path: file.path, line: line + 1)) } else { withoutAddress.append(Finding(path: file.path)) }
        }
        if let readme = try ReadmeAnalysis.of(snapshot, data: data).file, let text = try snapshot.readText(readme, within: maxBytes) {
            let (found, sectionsWithout) = readmeContact(MarkdownSections(text), conventions)
            withAddress += found.map { Finding(path: readme.path, line: $0) }
            withoutAddress += sectionsWithout.map { Finding(path: readme.path, line: $0) }
        }

        if !withAddress.isEmpty {
            let places = withAddress.map { $0.path + ($0.line.map { ":\($0)" } ?? "") }
            return .pass(LocalizedText(fr: "Contact sécurité avec une adresse : \(LocalizedText.series(places).fr).",
                                       en: "Security contact with an address: \(LocalizedText.series(places).en)."), withAddress)
        }
        if !withoutAddress.isEmpty {
            let places = withoutAddress.map { $0.path + ($0.line.map { ":\($0)" } ?? "") }
            return .warn(LocalizedText(fr: "\(LocalizedText.series(places).fr) parle de sécurité sans donner d'adresse où signaler une faille.",
                                       en: "\(LocalizedText.series(places).en) mentions security without an address to report a vulnerability to."),
                         withoutAddress)
        }
        return .fail(LocalizedText(fr: "Aucun contact sécurité : ni SECURITY.md, ni security.txt, ni section « Sécurité » du README avec une adresse.",
                                   en: "No security contact: no SECURITY.md, no security.txt, no README \"Security\" section with an address."))
    }

    /// Lines of README security sections or sentences that give an address, and of security
    /// sections that give none.
    private func readmeContact(_ markdown: MarkdownSections, _ conventions: CommunityConventions) -> (with: [Int], without: [Int]) {
        var with: [Int] = [], without: [Int] = []
        for section in markdown.sections {
            let heading = TextNormalizer.normalizedBytes(section.heading)
            guard conventions.securityHeadings.contains(where: { contains(heading, $0) }) else { continue }
            if conventions.hasContact(section.body) { with.append(section.line) } else { without.append(section.line) }
        }
        for paragraph in markdown.paragraphs where !with.contains(paragraph.line) {
            let normalized = TextNormalizer.normalizedBytes(String(paragraph.text))
            if conventions.securityPhrases.contains(where: { contains(normalized, $0) }) && conventions.hasContact(paragraph.text) {
                with.append(paragraph.line)
            }
        }
        return (with.sorted(), without)
    }
}
