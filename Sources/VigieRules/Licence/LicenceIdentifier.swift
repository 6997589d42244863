/// What a licence text was recognised as.
public struct LicenceMatch: Sendable, Equatable {
    /// The SPDX id, or nil (NOASSERTION) when no fingerprint matches fully.
    public let spdx: String?
    /// 1 for a full match; for a partial one, the share of the closest candidate's phrases found.
    public let confidence: Double
    /// When unsure: the closest licences and the share of their phrases found.
    public let candidates: [(id: String, share: Double)]

    public static func == (lhs: LicenceMatch, rhs: LicenceMatch) -> Bool {
        lhs.spdx == rhs.spdx && lhs.confidence == rhs.confidence && lhs.candidates.map(\.id) == rhs.candidates.map(\.id)
    }
}

/// Recognises licences from their text, with the fingerprints of `rules/data/licences.yml`.
/// Never guesses: a text either carries every phrase of a licence (and none that rules it out), or
/// it is reported as NOASSERTION with its closest candidates.
public struct LicenceIdentifier: Sendable {
    let fingerprints: [LicenceFingerprint]

    public init(fingerprints: [LicenceFingerprint]) { self.fingerprints = fingerprints }

    /// Every licence the text fully carries (a file may hold two: MIT then Apache-2.0), or one NOASSERTION match.
    public func identify(_ text: String) -> [LicenceMatch] {
        let normalized = TextNormalizer.normalizedBytes(text)
        var matched: [String] = []
        var partial: [String: Double] = [:]
        for fingerprint in fingerprints {
            let found = fingerprint.all.filter { contains(normalized, $0) }.count
            let excluded = fingerprint.none.contains { contains(normalized, $0) }
            if found == fingerprint.all.count && !excluded {
                if !matched.contains(fingerprint.id) { matched.append(fingerprint.id) }
            } else if found > 0 {
                let share = Double(found) / Double(fingerprint.all.count) * (excluded ? 0.5 : 1)
                partial[fingerprint.id] = max(partial[fingerprint.id] ?? 0, share)
            }
        }
        if !matched.isEmpty {
            return matched.sorted().map { LicenceMatch(spdx: $0, confidence: 1, candidates: []) }
        }
        let candidates = partial.filter { $0.value >= 0.5 }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(3)
            .map { (id: $0.key, share: $0.value) }
        return [LicenceMatch(spdx: nil, confidence: candidates.first?.share ?? 0, candidates: Array(candidates))]
    }
}
