public import VigieCore

/// A day a statement says it was established or updated on, and the line saying so.
public struct StatementDate: Sendable, Equatable {
    public let day: Day
    public let line: Int
}

/// What an accessibility statement says, read from its folded text.
public struct StatementReading: Sendable, Equatable {
    public let language: Language
    /// The line of the title (« Déclaration d'accessibilité » / "Accessibility statement").
    public let titleLine: Int
    /// How many distinct statement markers (rules/data/accessibility.yml `statement.markers`) it carries.
    public let markers: Int
    public let status: ConformityStatus
    public let statusLine: Int?
    /// The rate of RGAA criteria met, in percent.
    public let rate: Double?
    public let rateLine: Int?
    public let rgaaVersion: String?
    /// Every date found after an "established" or "updated" phrase, in text order.
    public let dates: [StatementDate]
    /// Ids of the mandatory sections present, in model order.
    public let sections: [String]
    public let missingSections: [StatementSection]

    /// The latest date: when the statement was last established or updated.
    public var date: StatementDate? { dates.max { ($0.day, $1.line) < ($1.day, $0.line) } }
}

/// How a text that names a statement relates to one.
public enum StatementClassification: Sendable, Equatable {
    /// No statement title at all.
    case none
    /// A statement: title and at least `min_markers` of its own markers.
    case statement(StatementReading)
    /// The official model with its placeholders (« JJ/MM/AAAA »).
    case template(titleLine: Int)
    /// A title without enough of a statement's own markers: a guide or a page about the RGAA.
    case mention(titleLine: Int, markers: Int)
}

/// Reads statements with the phrases of `rules/data/accessibility.yml`.
public struct StatementReader: Sendable {
    let conventions: AccessibilityConventions

    public init(conventions: AccessibilityConventions) { self.conventions = conventions }

    public func classify(_ text: FoldedText) -> StatementClassification {
        var french = 0, english = 0
        var first: (index: Int, language: Language)?
        for title in conventions.titles {
            let found = text.occurrences(of: title.phrase)
            guard let index = found.first else { continue }
            if title.language == .fr { french += found.count } else { english += found.count }
            if first == nil || index < first!.index { first = (index, title.language) }
        }
        guard let first else { return .none }
        let titleLine = text.line(ofWord: first.index)
        if conventions.templateMarkers.contains(where: text.contains) { return .template(titleLine: titleLine) }
        let markers = conventions.markers.filter(text.contains).count
        guard markers >= conventions.minMarkers else { return .mention(titleLine: titleLine, markers: markers) }
        let language: Language = french == english ? first.language : (french > english ? .fr : .en)
        return .statement(read(text, language: language, titleLine: titleLine, markers: markers))
    }

    func read(_ text: FoldedText, language: Language, titleLine: Int, markers: Int) -> StatementReading {
        let (status, statusLine) = status(in: text)
        let (rate, rateLine) = rate(in: text)
        let present = conventions.sections.filter { section in section.phrases.contains(where: text.contains) }
        return StatementReading(
            language: language, titleLine: titleLine, markers: markers,
            status: status, statusLine: statusLine, rate: rate, rateLine: rateLine,
            rgaaVersion: version(in: text), dates: dates(in: text),
            sections: present.map(\.id),
            missingSections: conventions.sections.filter { section in !present.contains { $0.id == section.id } }
        )
    }

    /// The declared status: the first status phrase followed closely by an anchor (« … conforme avec
    /// le RGAA »); failing that, the first status phrase of the text.
    func status(in text: FoldedText) -> (ConformityStatus, Int?) {
        var found: [(index: Int, end: Int, status: ConformityStatus)] = []
        for entry in conventions.statuses {
            let length = FoldedText.wordCount(of: entry.phrase)
            found += text.occurrences(of: entry.phrase).map { ($0, $0 + length, entry.status) }
        }
        // « Dans l'attente d'une mise en conformité totale » states an aim, not the site's status.
        found.removeAll { candidate in
            conventions.statusNotAfter.contains { phrase in
                let start = candidate.index - FoldedText.wordCount(of: phrase)
                return start >= 0 && text.matches(phrase, at: start)
            }
        }
        found.sort { $0.index < $1.index }
        // The anchor must follow this status phrase before any other one: "… non conforme … partiellement
        // conforme avec le RGAA" anchors the second phrase, not the first.
        let anchored = found.indices.first { position in
            let candidate = found[position]
            let limit = min(candidate.end + conventions.statusWindow, position + 1 < found.count ? found[position + 1].index : .max)
            return (candidate.end..<max(candidate.end, limit)).contains { word in
                conventions.statusAnchors.contains { text.matches($0, at: word) }
            }
        }.map { found[$0] }
        guard let chosen = anchored ?? found.first else { return (.unknown, nil) }
        return (chosen.status, text.line(ofWord: chosen.index))
    }

    /// The rate of criteria met: « 64 % des critères » (an anchor after the number), else a number
    /// shortly after « taux de conformité » (an anchor before it, within twice the window).
    func rate(in text: FoldedText) -> (Double?, Int?) {
        let anchorEnds = conventions.rateAnchorsBefore.flatMap { anchor in
            text.occurrences(of: anchor).map { $0 + FoldedText.wordCount(of: anchor) }
        }
        var before: (value: Double, line: Int)?
        for index in 1..<max(1, text.wordCount) where text.word(index) == "%" {
            let number = index - 1
            guard let value = Self.percentage(text.word(number)) else { continue }
            let after = (index + 1)...(index + conventions.rateWindow)
            if after.contains(where: { position in conventions.rateAnchorsAfter.contains { text.matches($0, at: position) } }) {
                return (value, text.line(ofWord: number))
            }
            if before == nil, anchorEnds.contains(where: { $0 <= number && number - $0 <= 2 * conventions.rateWindow }) {
                before = (value, text.line(ofWord: number))
            }
        }
        guard let before else { return (nil, nil) }
        return (before.value, before.line)
    }

    /// "64", "72,5", "72.5" as a percentage between 0 and 100.
    static func percentage(_ word: Substring) -> Double? {
        guard let first = word.first, first.isNumber else { return nil }
        let separators = word.filter { $0 == "," || $0 == "." }.count
        guard separators <= 1, let value = Double(String(word).replacingOccurrences(",", ".")), (0...100).contains(value) else { return nil }
        return value
    }

    /// "RGAA 4.1", "RGAA version 4.1.2", "RGAA v4".
    func version(in text: FoldedText) -> String? {
        for word in conventions.versionWords {
            let length = FoldedText.wordCount(of: word)
            for index in text.occurrences(of: word) {
                var position = index + length
                var skipped = 0
                while position < text.wordCount, skipped < 2, conventions.versionFillers.contains(String(text.word(position))) {
                    position += 1
                    skipped += 1
                }
                guard position < text.wordCount else { continue }
                let candidate = text.word(position)
                let parts = candidate.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), let major = Int(parts[0]),
                      conventions.versionMajors.contains(major) else { continue }
                return String(candidate)
            }
        }
        return nil
    }

    /// The dates following "established"/"updated" phrases.
    func dates(in text: FoldedText) -> [StatementDate] {
        var found: [(index: Int, date: StatementDate)] = []
        for phrase in conventions.datePhrases {
            let length = FoldedText.wordCount(of: phrase)
            for index in text.occurrences(of: phrase) {
                let start = index + length
                for position in start..<min(text.wordCount, start + conventions.dateWindow) {
                    if let day = DateReader(conventions: conventions).day(in: text, at: position) {
                        found.append((position, StatementDate(day: day, line: text.line(ofWord: position))))
                        break
                    }
                }
            }
        }
        var seen: Set<Int> = []
        return found.sorted { $0.index < $1.index }.filter { seen.insert($0.index).inserted }.map(\.date)
    }
}

/// Dates as statements write them: « 12 mars 2021 », « 1er mars 2021 », « 12/03/2021 »,
/// « 12.03.2021 », « 2021-03-12 », "March 12, 2021".
struct DateReader {
    let conventions: AccessibilityConventions

    func day(in text: FoldedText, at start: Int) -> Day? {
        let words = (start..<min(text.wordCount, start + 5)).map { String(text.word($0)) }
        guard let first = words.first else { return nil }
        // One word with dots: 12.03.2021 or 2021.03.12.
        let dotted = first.split(separator: ".").map(String.init)
        if dotted.count == 3, dotted.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return numeric(dotted) }
        guard first.allSatisfy(\.isNumber) || conventions.months[first] != nil else { return nil }
        var rest = Array(words.dropFirst())
        if let month = conventions.months[first] {
            // March 12, 2021 / March 12th 2021
            guard let dayWord = rest.first, let day = Int(dayWord), dayWord.count <= 2 else { return nil }
            rest.removeFirst()
            if let suffix = rest.first, conventions.ordinalSuffixes.contains(suffix) { rest.removeFirst() }
            guard let yearWord = rest.first, let year = Self.year(yearWord) else { return nil }
            return Day(year: year, month: month, day: day)
        }
        if let suffix = rest.first, conventions.ordinalSuffixes.contains(suffix) { rest.removeFirst() }
        guard rest.count >= 2 else { return nil }
        if let month = conventions.months[rest[0]] {
            // 12 mars 2021
            guard first.count <= 2, let day = Int(first), let year = Self.year(rest[1]) else { return nil }
            return Day(year: year, month: month, day: day)
        }
        return numeric([first, rest[0], rest[1]])
    }

    /// Day-month-year (French order) or year-month-day when the first part has four digits.
    private func numeric(_ parts: [String]) -> Day? {
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        if parts[0].count == 4 {
            guard let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), parts[1].count <= 2, parts[2].count <= 2 else { return nil }
            return Day(year: year, month: month, day: day)
        }
        guard parts[0].count <= 2, parts[1].count <= 2, let day = Int(parts[0]), let month = Int(parts[1]),
              let year = Self.year(parts[2]) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// A four-digit year, or two digits read as 20xx.
    static func year(_ word: String) -> Int? {
        guard word.allSatisfy(\.isNumber), let value = Int(word) else { return nil }
        switch word.count {
        case 4: return value
        case 2: return 2000 + value
        default: return nil
        }
    }
}
