public import VigieCore

/// One way a CSV file departs from the Etalab conventions (DOMAIN §4.4), with its line.
public struct CSVProblem: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case bom, encoding, separator, header, quote
        case fieldCount = "field_count"
    }

    public let path: String
    public let line: Int
    public let kind: Kind
    public let message: LocalizedText

    public var finding: Finding { Finding(path: path, line: line, message: message) }
}

/// Every CSV file of the tree (outside tests and vendored code), each read within a byte budget and
/// checked: UTF-8 without a byte order mark, comma separator, the same number of fields on every
/// row, a header of lowercase names without spaces or accents. A file over the budget is listed
/// as unread, never read.
public struct CSVInspection: Sendable {
    /// Paths checked.
    public let checked: [String]
    public let problems: [CSVProblem]
    public let unread: [UnreadFile]
    /// Counter-examples not checked on purpose (`exemple-invalide.csv`).
    public let skipped: [String]

    struct Key: Hashable {
        let maxFileBytes: Int
        let maxProblemsPerFile: Int
    }

    /// Computed once per snapshot and parameters.
    public static func of(_ snapshot: RepositorySnapshot, data: RuleData, maxFileBytes: Int, maxProblemsPerFile: Int) throws -> CSVInspection {
        try snapshot.memoised("open_data.csv", Key(maxFileBytes: maxFileBytes, maxProblemsPerFile: maxProblemsPerFile)) {
            try CSVInspection(ContentPass.of(snapshot, data: data), conventions: data.openData, maxFileBytes: maxFileBytes,
                              maxProblemsPerFile: maxProblemsPerFile)
        }
    }

    init(_ pass: ContentPass, conventions: OpenDataConventions, maxFileBytes: Int, maxProblemsPerFile: Int) throws {
        let snapshot = pass.snapshot
        let reader = BudgetedReader(pass, budget: ScanBudget(perFile: maxFileBytes, total: Int.max))
        var checked: [String] = [], problems: [CSVProblem] = [], skipped: [String] = []
        for entry in snapshot.entries where conventions.isIncluded(entry) {
            guard let ext = entry.lowercasedExtension, conventions.csvExtensions.contains(ext) else { continue }
            if conventions.csvSkippedPrefixes.contains(where: { entry.name.lowercased().hasPrefix($0) }) {
                skipped.append(entry.path)
                continue
            }
            guard let bytes = try reader.bytes(of: entry) else { continue }
            checked.append(entry.path)
            problems += CSVFileCheck(path: entry.path, conventions: conventions, maxProblems: maxProblemsPerFile)
                .problems(in: bytes, decoded: snapshot.decoded(entry, bytes: bytes))
        }
        self.checked = checked
        self.problems = problems
        self.skipped = skipped
        unread = reader.unread
    }
}

/// The checks on one CSV file's bytes.
struct CSVFileCheck {
    let path: String
    let conventions: OpenDataConventions
    let maxProblems: Int

    /// The problems of a file whose bytes are `original` and whose text (the snapshot's one decoding of
    /// them, shared with the other scans) is `decoded`, nil when they are binary.
    func problems(in original: [UInt8], decoded: DecodedText?) -> [CSVProblem] {
        var problems: [CSVProblem] = []
        func add(_ line: Int, _ kind: CSVProblem.Kind, fr: String, en: String) {
            problems.append(CSVProblem(path: path, line: line, kind: kind, message: LocalizedText(fr: fr, en: en)))
        }
        // The encoding findings are about the file's bytes; the records are read from its decoded text
        // (TextDecoding: UTF-8, LF), so rows and lines are right whatever its encoding and line endings.
        guard let decoded else {
            add(1, .encoding, fr: "fichier binaire (octet nul) : il n'a pas été analysé", en: "binary file (a NUL byte): it was not analysed")
            return problems
        }
        switch decoded.encoding {
        case .utf16LE, .utf16BE:
            add(1, .encoding, fr: "encodé en UTF-16, pas en UTF-8 : le fichier n'a pas été analysé plus avant",
                en: "UTF-16, not UTF-8: the file was not analysed further")
            return problems
        case .utf8BOM, .windows1252, .utf8:
            var raw = original
            if decoded.encoding == .utf8BOM {
                add(1, .bom, fr: "commence par une marque d'ordre d'octets (BOM) : enregistrez-le en UTF-8 sans BOM",
                    en: "starts with a byte order mark (BOM): save it as UTF-8 without BOM")
                raw.removeFirst(3)
            }
            if let invalid = Self.firstInvalidUTF8(raw) {
                let guess = raw.contains { (0x80...0x9F).contains($0) } ? "Windows-1252" : "Latin-1 (ISO-8859-1)"
                add(TextDecoding.line(ofByte: invalid, in: raw), .encoding,
                    fr: "n'est pas en UTF-8 (octet 0x\(hexByte(raw[invalid]))) : probablement \(guess) ; réenregistrez-le en UTF-8",
                    en: "not UTF-8 (byte 0x\(hexByte(raw[invalid]))): probably \(guess); save it as UTF-8")
            }
        }
        let bytes = decoded.utf8
        guard !bytes.isEmpty else { return problems }

        let separator = detectSeparator(bytes)
        if separator.byte != conventions.csvSeparator {
            add(1, .separator, fr: "séparateur « \(Self.show(separator.byte)) » au lieu de la virgule (\(separator.count) dans l'en-tête)",
                en: "separator '\(Self.show(separator.byte))' instead of a comma (\(separator.count) in the header)")
        }
        var records = RecordScanner(bytes: bytes, separator: separator.byte)
        guard let header = records.next() else { return problems }
        problems += headerProblems(header.fields)
        var ragged = 0
        let budget = max(0, maxProblems - problems.count)
        while let record = records.next() {
            guard record.fields.count != header.fields.count else { continue }
            ragged += 1
            if ragged <= budget {
                add(record.line, .fieldCount, fr: "\(record.fields.count) champ(s) au lieu de \(header.fields.count) comme l'en-tête",
                    en: "\(record.fields.count) field(s) instead of \(header.fields.count) as in the header")
            }
        }
        if ragged > budget {
            add(1, .fieldCount, fr: "et \(ragged - budget) autre(s) ligne(s) au mauvais nombre de champs", en: "and \(ragged - budget) more row(s) with the wrong number of fields")
        }
        if let open = records.unclosedQuoteLine {
            add(open, .quote, fr: "guillemet ouvert ici et jamais refermé", en: "quote opened here and never closed")
        }
        return problems
    }

    /// The candidate separator used most in the header line (outside quotes); the expected one when none is.
    func detectSeparator(_ bytes: [UInt8]) -> (byte: UInt8, count: Int) {
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes && (byte == 0x0A || byte == 0x0D) { break }
            if !inQuotes && conventions.csvCandidateSeparators.contains(byte) { counts[byte, default: 0] += 1 }
        }
        let expected = counts[conventions.csvSeparator] ?? 0
        guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value > expected else {
            return (conventions.csvSeparator, expected)
        }
        return (best.key, best.value)
    }

    /// Header names must match `csv.header_pattern` (lowercase ASCII, digits, `_`) and be unique.
    func headerProblems(_ fields: [[UInt8]]) -> [CSVProblem] {
        let names = fields.map { String(decoding: $0, as: UTF8.self) }
        var problems: [CSVProblem] = []
        if let pattern = conventions.headerPattern {
            let bad = names.filter { $0.wholeMatch(of: pattern) == nil || $0 != $0.lowercased() }
            if !bad.isEmpty {
                let listFR = bad.prefix(8).map { "« \($0) »" }.joined(separator: ", ") + (bad.count > 8 ? "…" : "")
                let listEN = bad.prefix(8).map { "'\($0)'" }.joined(separator: ", ") + (bad.count > 8 ? "…" : "")
                problems.append(CSVProblem(path: path, line: 1, kind: .header, message: LocalizedText(
                    fr: "noms de colonnes hors convention (minuscules sans accents ni espaces, « _ » entre les mots) : \(listFR)",
                    en: "column names off convention (lowercase, no accents or spaces, '_' between words): \(listEN)")))
            }
        }
        var seen: Set<String> = []
        let duplicates = names.filter { !seen.insert($0).inserted }
        if !duplicates.isEmpty {
            problems.append(CSVProblem(path: path, line: 1, kind: .header, message: LocalizedText(
                fr: "colonnes en double : " + duplicates.map { "« \($0) »" }.joined(separator: ", "),
                en: "duplicate columns: " + duplicates.map { "'\($0)'" }.joined(separator: ", "))))
        }
        return problems
    }

    static func show(_ separator: UInt8) -> String {
        separator == 0x09 ? "\\t" : String(Character(Unicode.Scalar(separator)))
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        firstInvalidUTF8Offset(bytes)
    }
}

/// Splits CSV bytes into records (RFC 4180 quoting: separators and line breaks inside quotes belong
/// to the field, `""` is a quote). Blank lines are skipped. Works on any ASCII-compatible encoding.
struct RecordScanner {
    struct Record {
        /// The line the record starts on.
        let line: Int
        let fields: [[UInt8]]
    }

    let bytes: [UInt8]
    let separator: UInt8
    var index = 0
    var line = 1
    /// Set when the file ends inside a quoted field: the line the quote opened on.
    private(set) var unclosedQuoteLine: Int?

    init(bytes: [UInt8], separator: UInt8) {
        self.bytes = bytes
        self.separator = separator
    }

    mutating func next() -> Record? {
        while index < bytes.count {
            let start = line
            var fields: [[UInt8]] = []
            var field: [UInt8] = []
            var inQuotes = false
            var quoteLine = line
            var sawContent = false
            recordLoop: while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if inQuotes {
                    if byte == UInt8(ascii: "\"") {
                        if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                            field.append(byte)
                            index += 1
                        } else {
                            inQuotes = false
                        }
                    } else {
                        if byte == 0x0A { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\"") where field.isEmpty:
                    inQuotes = true
                    quoteLine = line
                    sawContent = true
                case separator:
                    fields.append(field)
                    field = []
                    sawContent = true
                case 0x0D:
                    continue
                case 0x0A:
                    line += 1
                    break recordLoop
                default:
                    field.append(byte)
                    sawContent = true
                }
            }
            if inQuotes { unclosedQuoteLine = quoteLine }
            guard sawContent else { continue } // a blank line
            fields.append(field)
            return Record(line: start, fields: fields)
        }
        return nil
    }
}
