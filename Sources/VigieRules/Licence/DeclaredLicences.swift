public import VigieCore

/// Every licence declaration of a snapshot (manifests, REUSE, SPDX headers, the README's licence
/// section), computed once.
public enum DeclaredLicences {
    public static func of(_ snapshot: RepositorySnapshot, data: RuleData) throws -> [LicenceDeclaration] {
        try snapshot.analysis("licence-declarations") {
            try LicenceDeclarations.find(in: snapshot, data: data) + (try readmeSection(snapshot, data: data))
        }
    }

    /// The licences a sentence names, by SPDX id ("MIT", "EUPL-1.2") or usual name ("Licence Ouverte 2.0").
    static func licencesNamed(in text: String, data: RuleData) -> [String] {
        var ids: [String] = []
        // Lowercase → SPDX spelling, from the fingerprints (canonical ids) and the policy's lists.
        var known: [String: String] = [:]
        for (lowered, spelled) in data.policy.spellings { known[lowered] = spelled }
        for fingerprint in data.fingerprints where fingerprint.kind == .licence { known[fingerprint.id.lowercased()] = fingerprint.id }
        // One-word usual names with a version ("GPLv3", "gpl-3"): as whole words only, like ids.
        for (name, id) in LicenceDeclarations.commonNames where !name.contains(" ") && name.contains(where: \.isNumber) && known[name] == nil {
            known[name] = id
        }
        for token in text.split(whereSeparator: { " ,;()[]*_`\"'".contains($0) }) {
            let word = String(token).trimming(".:")
            if let id = known[word.lowercased()], !ids.contains(id) { ids.append(id) }
        }
        // Usual names of several words, as whole words: "gpl (>= 3)" normalised is "gpl 3", which a
        // link to gpl-3.0.html would hold inside "gpl 3 0" without naming that licence.
        let normalized = " " + TextNormalizer.normalize(text) + " "
        for (name, id) in LicenceDeclarations.commonNames {
            let key = TextNormalizer.normalize(name)
            guard key.count > 6, normalized.contains(" " + key + " ") else { continue }
            if !ids.contains(where: { $0.lowercased() == id.lowercased() }) { ids.append(id) }
        }
        return ids
    }

    /// The licence named in the README's licence section (SPDX ids or their usual names).
    static func readmeSection(_ snapshot: RepositorySnapshot, data: RuleData) throws -> [LicenceDeclaration] {
        let structure = try ReadmeStructure.of(snapshot, data: data)
        guard let file = structure.file, let document = structure.document,
              let line = structure.sections.first(where: { $0.key == "licence" })?.line, line > 0 else { return [] }
        let next = document.headings.first { $0.line > line }?.line ?? Int.max
        // The line itself when the licence is a sentence of prose ("Dual-licensed under MIT or…"), never a heading's.
        let text = document.prose.filter { $0.line >= line && $0.line < next }.map(\.text).joined(separator: " ")
        let ids = licencesNamed(in: text, data: data)
        guard !ids.isEmpty else { return [] }
        let sorted = ids.sorted()
        return [LicenceDeclaration(source: "readme", path: file.path, line: line, expression: sorted.joined(separator: ", "), ids: sorted)]
    }
}

extension String {
    /// The licence family and version without `-only`, `-or-later`, `+`: GPL-3.0-or-later and GPL-3.0 agree.
    var licenceFamily: String {
        var id = lowercased()
        for suffix in ["-only", "-or-later", "+"] where id.hasSuffix(suffix) { id = String(id.dropLast(suffix.count)) }
        return id
    }
}
