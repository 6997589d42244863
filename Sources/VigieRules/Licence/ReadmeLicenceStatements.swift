import VigieLicenceText
public import VigieCore

/// README sentences that give the whole project two licences or more on an equal footing ("Ce guide
/// est publié sous licence GPLv3 et sous licence ouverte 2.0", LINCnil/Guide-RGPD-du-developpeur):
/// a line of prose that says the project is published under licences (a `statement_words` word of
/// licences.yml: publié, released, licensed…), names at least two, and says nothing of which part
/// each covers (no scope word: code, documentation, data…, which would make one the licence of a part).
public enum ReadmeLicenceStatements {
    public static func of(_ snapshot: RepositorySnapshot, data: RuleData) throws -> [LicenceDeclaration] {
        try snapshot.analysis("licence-readme-statements") {
            let structure = try ReadmeStructure.of(snapshot, data: data)
            guard let file = structure.file, let document = structure.document else { return [] }
            let scopeWords = data.licenceMatching.scopes.reduce(into: Set<String>()) { $0.formUnion($1.words) }
            var statements: [LicenceDeclaration] = []
            for (line, text) in document.prose {
                let words = Set(LicenceText(text, matching: LicenceMatching()).words)
                guard !words.isDisjoint(with: data.licenceMatching.statementWords), words.isDisjoint(with: scopeWords) else { continue }
                let ids = DeclaredLicences.licencesNamed(in: text, data: data).sorted()
                guard ids.count >= 2 else { continue }
                statements.append(LicenceDeclaration(source: "readme-statement", path: file.path, line: line, expression: ids.joined(separator: ", "), ids: ids))
            }
            return statements
        }
    }
}
