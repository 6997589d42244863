import VigieCore

/// `index.csv` (one line per repository) and `checks.csv` (one line per repository × check), for a
/// spreadsheet: UTF-8 with a byte order mark (so a spreadsheet in a French locale reads the accents
/// right), CRLF line ends and RFC 4180 quoting. The separator follows the site's language, as the
/// spreadsheets of that locale expect it: `;` in French (where `,` is the decimal comma), `,` in
/// English. Column names are stable identifiers, not translated, so a formula or a script can rely
/// on them; a category's score is in the column `score.<category id>`. A text cell from a repository or a manifest that begins with `=`, `+`, `-`, `@`, a tab or
/// a carriage return gets a leading `'`, so a spreadsheet shows it instead of running it as a formula.
enum SiteExports {
    static let byteOrderMark = "\u{FEFF}"

    static func separator(_ l: Language) -> Character { l == .fr ? ";" : "," }

    static func indexCSV(_ model: SiteModel, _ l: Language) -> String {
        var lines = [["repository", "file", "team", "cohort", "status", "partial", "score", "grade"] + model.categoryIDs.map { "score.\($0)" } + ["error"]]
        for repository in model.repositories {
            var line = [text(repository.name), repository.page, text(repository.team), text(repository.cohort),
                        repository.audited ? "audited" : "error", repository.partial ? "true" : "false",
                        repository.score.map(String.init) ?? "", repository.grade?.rawValue ?? ""]
            line += model.categoryIDs.map { id in repository.categories[id].flatMap { $0 }.map(String.init) ?? "" }
            line.append(text(repository.error))
            lines.append(line)
        }
        return render(lines, l)
    }

    static func checksCSV(_ model: SiteModel, _ l: Language) -> String {
        var lines = [["repository", "team", "cohort", "check", "category", "status", "weight", "title", "message"]]
        for repository in model.audited {
            for check in repository.card?.checks ?? [] {
                lines.append([text(repository.name), text(repository.team), text(repository.cohort), text(check.id), text(check.category),
                              check.status.rawValue, String(check.weight), text(check.title), text(check.message)])
            }
        }
        return render(lines, l)
    }

    private static func render(_ lines: [[String]], _ l: Language) -> String {
        let separator = separator(l)
        return byteOrderMark + lines.map { $0.map { quoted($0, separator) }.joined(separator: String(separator)) + "\r\n" }.joined()
    }

    /// Quoted when the cell holds the separator, a quote or a line end; quotes doubled.
    static func quoted(_ cell: String, _ separator: Character) -> String {
        guard cell.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A text cell from the data, kept from being read as a formula.
    static func text(_ value: String?) -> String {
        guard let value else { return "" }
        let clean = String(value.unicodeScalars.filter { $0 == "\t" || $0 == "\n" || !$0.properties.generalCategory.isControlOrFormat })
        guard let first = clean.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return clean }
        return "'" + clean
    }
}

private extension Unicode.GeneralCategory {
    var isControlOrFormat: Bool { self == .control || self == .format }
}
