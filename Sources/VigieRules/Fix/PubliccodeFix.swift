import Foundation
import VigieCore

/// `community.publiccode`'s fix: a `publiccode.yml` filled from what vigie knows (name, URL from the
/// remote, licence, release date of the last tag, development status from activity, platforms and
/// software type from the ecosystems, description from the README's first paragraph), with a marked
/// placeholder only where nothing is known. It is checked by vigie's own validator before it is
/// written: a file with an error or a warning is not written.
enum PubliccodeFix {
    static func plan(_ context: FixContext) throws -> FixPlan {
        let templates = context.templates, data = context.data, language = context.language, snapshot = context.snapshot
        let placeholder = try templates.localized("publiccode.placeholder", language)

        let recognised = try LicenceAnalysis.of(snapshot, data: data).spdxIDs.first
        let licence = context.options.licence.map { data.policy.spellings[data.policy.canonical($0).lowercased()] ?? data.policy.canonical($0) }
            ?? recognised
        guard let licence else {
            return .note(LocalizedText(fr: "rien écrit : aucune licence reconnue ; donnez --licence ID (ou corrigez licence.present d'abord)",
                                       en: "nothing written: no licence recognised; give --licence ID (or fix licence.present first)"))
        }
        let ecosystems = QualityAnalysis.of(snapshot, data: data).ecosystems.map(\.id)
        let platforms = ecosystems.lazy.compactMap { templates.node("publiccode.platforms.\($0)")?.sequence?.compactMap(\.string) }.first
            ?? templates.node("publiccode.default_platforms")?.sequence?.compactMap(\.string) ?? ["web"]
        let softwareType = try ecosystems.lazy.compactMap { templates.node("publiccode.software_types.\($0)")?.string }.first
            ?? templates.string("publiccode.default_software_type")

        let tags = try snapshot.tags().sorted { ($0.time, $0.name) > ($1.time, $1.name) }
        let activity = try ActivityAnalysis.of(snapshot, context: AuditContext(asOf: context.options.today, language: language, anonymize: true), data: data)
        let inactiveAfter = Int64(templates.node("publiccode.inactive_after_days")?.int ?? 365)
        let inactive = activity.daysSinceLastCommit.map { $0 > inactiveAfter } ?? false
        let status: String
        if inactive {
            status = "obsolete"
        } else if let latest = tags.first, let major = latest.name.firstMatch(of: /(\d+)\.\d+/).flatMap({ Int($0.output.1) }) {
            status = major >= 1 ? "stable" : "beta"
        } else {
            status = "development"
        }

        let (short, long) = try description(context, placeholder: placeholder)
        let url = try context.remote.map { $0.web + ".git" } ?? templates.string("publiccode.url_placeholder")
        var lines = [
            "publiccodeYmlVersion: \(yamlQuoted(try templates.string("publiccode.version")))",
            "name: \(yamlQuoted(context.name))",
            "url: \(yamlQuoted(url))",
        ]
        if let latest = tags.first { lines.append("releaseDate: \(yamlQuoted(Day(secondsSinceEpoch: latest.time).iso))") }
        lines += ["platforms:"] + platforms.map { "  - \(yamlQuoted($0))" }
        lines += [
            "developmentStatus: \(yamlQuoted(status))",
            "softwareType: \(yamlQuoted(softwareType))",
            "description:",
            "  \(language.rawValue):",
            "    shortDescription: \(yamlQuoted(short))",
            "    longDescription: \(yamlQuoted(long))",
            "    features:",
            "      - \(yamlQuoted(try templates.localized("publiccode.features_prompt", language)))",
            "legal:",
            "  license: \(yamlQuoted(licence))",
        ]
        if let holder = context.options.holder, !holder.isEmpty { lines.append("  mainCopyrightOwner: \(yamlQuoted(holder))") }
        if inactive {
            lines += ["maintenance:", "  type: \"none\""]
        } else {
            lines += ["maintenance:", "  type: \"internal\"", "  contacts:", "    - name: \(yamlQuoted(context.options.holder ?? placeholder))"]
            if let contact = context.options.securityContact, contact.contains("@") { lines.append("      email: \(yamlQuoted(contact))") }
        }
        lines += ["localisation:", "  localisationReady: false", "  availableLanguages:", "    - \(yamlQuoted(language.rawValue))"]
        let text = lines.joined(separator: "\n") + "\n"

        // vigie's own validator first: never write a publiccode.yml that community.publiccode would reject.
        let document = PubliccodeValidator(schema: data.health.publiccode).validate(text)
        if let problem = document.problems.first {
            return .note(LocalizedText(fr: "rien écrit : le publiccode.yml préparé ne passe pas le validateur (\(problem.line):\(problem.column) : \(problem.message.fr))",
                                       en: "nothing written: the prepared publiccode.yml fails the validator (\(problem.line):\(problem.column): \(problem.message.en))"))
        }
        var plan = FixPlan(changes: [.create(path: try templates.string("publiccode.file"), text: text)])
        if text.contains(placeholder) || text.contains("À compléter") || text.contains("To complete") {
            plan.notes.append(LocalizedText(fr: "complétez les valeurs marquées « \(placeholder) » ou « À compléter » de publiccode.yml",
                                            en: "complete the values marked '\(placeholder)' or 'To complete' in publiccode.yml"))
        }
        return plan
    }

    /// The short and long descriptions: the README's first paragraph of prose when there is one
    /// (its first sentence, at most 150 characters, for the short one), else the prompts.
    static func description(_ context: FixContext, placeholder: String) throws -> (String, String) {
        let templates = context.templates, language = context.language
        let shortPrompt = try templates.localized("publiccode.short_prompt", language)
        let longPrompt = try templates.localized("publiccode.long_prompt", language)
        guard let file = try ReadmeAnalysis.of(context.snapshot, data: context.data).file,
              let text = try context.snapshot.readText(file, within: 262_144) else { return (shortPrompt, longPrompt) }
        let paragraph = MarkdownSections(text).paragraphs.lazy.map { plain($0.text) }.first { $0.count >= 20 && $0.contains(" ") }
        guard let paragraph else { return (shortPrompt, longPrompt) }
        var short = paragraph.split(separator: ".", maxSplits: 1).first.map { String($0) + "." } ?? paragraph
        if short.count > 150 { short = String(short.prefix(147)).trimmingCharacters(in: .whitespaces) + "…" }
        let long = paragraph.count >= 150 ? String(paragraph.prefix(10_000)) : paragraph + " " + longPrompt
        return (short, long)
    }

    /// A paragraph's text without Markdown links, emphasis and line breaks.
    static func plain(_ text: Substring) -> String {
        var out = String(text).replacing(/!?\[([^\]]*)\]\([^)]*\)/) { String($0.output.1) }
        out = out.replacing(/[*_`]+/, with: "")
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
