public import VigieCore

/// A repository's badge, `vigie | B 82`: an SVG file to commit or publish, and a shields.io
/// endpoint JSON (https://shields.io/badges/endpoint-badge) for a README served by shields.
public struct Badge: Sendable, Equatable {
    /// The repository's name, said in the SVG's accessible title.
    public let repository: String
    public let score: Int?
    public let grade: Grade?
    /// True for a fleet entry that could not be audited.
    public let failed: Bool
    public let language: Language

    public init(repository: String, score: Int?, grade: Grade?, failed: Bool = false, language: Language) {
        self.repository = repository
        self.score = score
        self.grade = grade
        self.failed = failed
        self.language = language
    }

    public init(_ card: Scorecard, language: Language? = nil) {
        self.init(repository: card.repository.name, score: card.score, grade: card.grade, language: language ?? card.lang)
    }

    public static let label = "vigie"

    /// `B 82`, or why there is no score.
    public var message: String {
        if failed { return LocalizedText(fr: "erreur", en: "error")[language] }
        guard let score, let grade else { return ReportStrings.notScored[language] }
        return "\(grade.rawValue) \(score)"
    }

    /// What a screen reader says: the repository, the grade and the score out of 100.
    public var title: String {
        let detail: String
        if failed {
            detail = LocalizedText(fr: "audit impossible", en: "could not be audited")[language]
        } else if let score, let grade {
            detail = LocalizedText(fr: "note \(grade.rawValue), score \(score) sur 100", en: "grade \(grade.rawValue), score \(score) out of 100")[language]
        } else {
            detail = ReportStrings.notScored[language]
        }
        return LocalizedText(fr: "vigie — \(repository) : \(detail)", en: "vigie — \(repository): \(detail)")[language]
    }

    /// The shields.io endpoint document: `{"color": …, "label": "vigie", "message": "B 82", "schemaVersion": 1}`.
    public func endpointJSON() -> String {
        JSONRenderer.render(.object([
            "schemaVersion": .int(1),
            "label": .string(Badge.label),
            "message": .string(message),
            "color": .string(failed ? "lightgrey" : GradePalette.shieldsColor(grade)),
        ]))
    }

    /// A flat badge drawn like shields' own, with an accessible name; every text is escaped.
    public func svg() -> String {
        let labelWidth = Badge.textWidth(Badge.label) + 12
        let messageWidth = Badge.textWidth(message) + 12
        let width = labelWidth + messageWidth
        let colour = failed ? GradePalette.background(nil) : GradePalette.background(grade)
        let name = escapeHTML(title)
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="20" viewBox="0 0 \(width) 20" role="img" aria-label="\(name)">
        <title>\(name)</title>
        <rect width="\(labelWidth)" height="20" rx="3" fill="#555555"/>
        <rect x="\(labelWidth)" width="\(messageWidth)" height="20" rx="3" fill="\(colour)"/>
        <rect x="\(labelWidth)" width="4" height="20" fill="\(colour)"/>
        <g fill="#ffffff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle" aria-hidden="true">
        <text x="\(labelWidth / 2)" y="14">\(escapeHTML(Badge.label))</text>
        <text x="\(labelWidth + messageWidth / 2)" y="14">\(escapeHTML(message))</text>
        </g>
        </svg>

        """
    }

    /// Width of a text in Verdana 11 px, from per-character averages: close enough for a badge, and
    /// the same on every machine (no font is read).
    static func textWidth(_ text: String) -> Int {
        var width = 0.0
        for character in text {
            switch character {
            case " ": width += 3.9
            case "i", "l", "j", "'", ".", ",", ":", "!", "|": width += 3.4
            case "f", "t", "r": width += 4.9
            case "m", "w": width += 9.9
            case "M", "W": width += 11.5
            default:
                width += character.isUppercase ? 7.6 : (character.isNumber ? 7.0 : 6.6)
            }
        }
        return Int(width.rounded(.up))
    }
}
