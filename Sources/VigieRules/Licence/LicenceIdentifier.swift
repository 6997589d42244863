/// What a licence text was recognised as.
public struct LicenceMatch: Sendable, Equatable {
    /// The SPDX id, or nil (NOASSERTION) when no fingerprint matches fully.
    public let spdx: String?
    /// 1 for a full match; for a partial one, the share of the closest candidate's phrases found.
    public let confidence: Double
    /// When unsure: the closest licences and the share of their phrases found.
    public let candidates: [(id: String, share: Double)]
    /// Words the text has beyond the canonical text(s) it matched: an extra clause, a modified licence.
    public let extraWords: Int

    init(spdx: String?, confidence: Double, candidates: [(id: String, share: Double)], extraWords: Int = 0) {
        self.spdx = spdx
        self.confidence = confidence
        self.candidates = candidates
        self.extraWords = extraWords
    }

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
        var expectedWords: [String: Int] = [:]
        var partial: [String: Double] = [:]
        for fingerprint in fingerprints {
            let found = fingerprint.all.filter { contains(normalized, $0) }.count
            let excluded = fingerprint.none.contains { contains(normalized, $0) }
            if found == fingerprint.all.count && !excluded {
                if !matched.contains(fingerprint.id) { matched.append(fingerprint.id) }
                expectedWords[fingerprint.id] = max(expectedWords[fingerprint.id] ?? 0, fingerprint.words)
            } else if found > 0 {
                let share = Double(found) / Double(fingerprint.all.count) * (excluded ? 0.5 : 1)
                partial[fingerprint.id] = max(partial[fingerprint.id] ?? 0, share)
            }
        }
        if !matched.isEmpty {
            // Every phrase is there; a text far longer than the canonical text(s) also says something
            // else (a restriction, a second licence vigie does not know): lower the confidence.
            let expected = matched.map { expectedWords[$0] ?? 0 }.reduce(0, +)
            let actual = normalized.split(separator: 0x20).count
            let extra = expected > 0 ? max(0, actual - expected) : 0
            let tolerated = expected / 10 + 40 // copyright lines, a title, an appendix left in or out
            let confidence = extra > tolerated ? max(0.5, Double(expected) / Double(actual)) : 1
            return matched.sorted().map { LicenceMatch(spdx: $0, confidence: (confidence * 100).rounded() / 100, candidates: [],
                                                       extraWords: extra > tolerated ? extra : 0) }
        }
        let candidates = partial.filter { $0.value >= 0.5 }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(3)
            .map { (id: $0.key, share: $0.value) }
        return [LicenceMatch(spdx: nil, confidence: candidates.first?.share ?? 0, candidates: Array(candidates))]
    }
}
