public import VigieCore

/// What forges show of a scorecard (GitHub code scanning through SARIF, GitLab's Code Quality
/// widget): one finding per check that fails or warns, where it points, and a fingerprint that stays
/// the same from run to run while the problem stays.
public struct ForgeFinding: Sendable, Equatable {
    public struct Location: Sendable, Equatable {
        /// Relative to the repository's root, as git stores it.
        public let path: String
        public let line: Int?
        public let message: String?
    }

    public let check: CheckResult
    /// The files the check's evidence names; never empty (see `repositoryAnchor`).
    public let locations: [Location]
    /// True when the check named no file: the finding is about the whole repository.
    public let repositoryLevel: Bool
    /// SHA-256 of the check id and the first location's path: stable across runs and line moves.
    public let fingerprint: String

    /// Forges need a file to hang every finding on (GitHub rejects a SARIF file with a result that
    /// has none; GitLab requires `location.path`). A finding about the whole repository ("no licence")
    /// points at `.vigie.yml`, where a team records an exemption, and says it is repository-wide.
    public static let repositoryAnchor = ".vigie.yml"

    /// The failing and warning checks of a scorecard, in the scorecard's order.
    public static func findings(in card: Scorecard) -> [ForgeFinding] {
        card.checks.filter { $0.status == .fail || $0.status == .warn }.map { check in
            let located = check.evidence.filter { !$0.path.isEmpty }.map {
                Location(path: normalise($0.path), line: $0.line.flatMap { $0 >= 1 ? $0 : nil }, message: $0.message)
            }
            let locations = located.isEmpty ? [Location(path: repositoryAnchor, line: nil, message: nil)] : located
            return ForgeFinding(check: check, locations: locations, repositoryLevel: located.isEmpty,
                                fingerprint: SHA256.hex("vigie\u{0}\(check.id)\u{0}\(locations[0].path)"))
        }
    }

    /// Repository-relative, without a leading `./` or `/` (GitLab asks for that form).
    static func normalise(_ path: String) -> String {
        var result = Substring(path)
        while result.hasPrefix("./") { result = result.dropFirst(2) }
        while result.hasPrefix("/") { result = result.dropFirst() }
        return result.isEmpty ? repositoryAnchor : String(result)
    }

    /// The text forges show: the check's title and its message.
    public var description: String {
        let message = check.message.trimmingWhitespace()
        return message.isEmpty ? check.title : "\(check.title) — \(message)"
    }
}

/// Strings a forge report uses, in both languages.
enum ForgeStrings {
    static let repositoryLevel = LocalizedText(
        fr: "Constat sur l'ensemble du dépôt (aucun fichier précis) ; une exemption se déclare dans .vigie.yml.",
        en: "Finding about the whole repository (no single file); exemptions are recorded in .vigie.yml.")
    static let fix = LocalizedText(fr: "Correction", en: "Fix")
    static let why = LocalizedText(fr: "Pourquoi", en: "Why")
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
