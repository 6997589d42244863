import Foundation
public import VigieCore

/// The official text of a licence of the French administrations' list, from `rules/licences/` (the
/// texts the fingerprints of `rules/data/licences.yml` are tested on), with the year and the holder
/// of its copyright line filled in (`licence.present`'s fix).
public enum OfficialLicenceText {
    /// The text, or why there is none to write.
    public enum Outcome: Sendable {
        case text(String)
        case unavailable(LocalizedText)
    }

    /// The text of `id` in `language` (an official French text when there is one), or why there is none.
    public static func text(of id: String, language: Language, year: Int, holder: String?, data: RuleData,
                            templates: FixTemplates) throws -> Outcome {
        let policy = data.policy
        let canonical = policy.canonical(id)
        guard policy.isAllowed(canonical) else {
            return .unavailable(LocalizedText(fr: "\(id) n'est pas sur la liste des licences des administrations ; \(try templates.localized("licence.guide", .fr))",
                                          en: "\(id) is not on the French administrations' list; \(try templates.localized("licence.guide", .en))"))
        }
        // GPL-3.0-or-later and GPL-3.0-only share GPL-3.0's text: the version notice goes in the README or headers.
        var base = canonical
        for suffix in ["-or-later", "-only"] where base.lowercased().hasSuffix(suffix) { base.removeLast(suffix.count) }
        guard let texts = templates.node("licence.texts")?.mapping,
              let entry = texts.first(where: { $0.key.string?.lowercased() == base.lowercased() })?.value else {
            return .unavailable(LocalizedText(fr: "vigie n'a pas le texte officiel de \(canonical)", en: "vigie has no official text of \(canonical)"))
        }
        let file = entry[language.rawValue]?.string ?? entry["en"]?.string
        guard let file else { throw FixDataMissing(file: FixTemplates.dataFile, key: "licence.texts.\(base).en") }
        var text = try templates.licenceText(file)
        if entry["holder"]?.bool == true {
            guard let holder, !holder.trimmingCharacters(in: .whitespaces).isEmpty else {
                return .unavailable(LocalizedText.needsOption("--holder", value: LocalizedText(fr: "\"NOM\"", en: "\"NAME\"")[language],
                                             for: LocalizedText(fr: "la ligne de copyright de \(canonical)", en: "the copyright line of \(canonical)")))
            }
            text = text.replacingOccurrences(of: try templates.string("licence.year_placeholder"), with: String(year))
                .replacingOccurrences(of: try templates.string("licence.holder_placeholder"), with: oneLine(holder))
        }
        return .text(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// The licences `--licence` accepts: the ids of the French list, in the list's spelling.
    public static func choices(_ data: RuleData) -> [String] {
        data.policy.allowed.map { data.policy.spellings[$0] ?? $0 }.sorted { $0.lowercased() < $1.lowercased() }
    }

    /// A holder's name on one line, without control characters.
    static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
    }
}
