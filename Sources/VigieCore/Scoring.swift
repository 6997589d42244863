/// A letter for a score: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below (docs/scoring.md).
public enum Grade: String, Sendable, Codable, CaseIterable, Comparable {
    case A, B, C, D, E

    public init(score: Int) {
        switch score {
        case 90...: self = .A
        case 75..<90: self = .B
        case 60..<75: self = .C
        case 40..<60: self = .D
        default: self = .E
        }
    }

    public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue > rhs.rawValue }
}

/// The scoring formula, in one place: score = earned weight / applicable weight × 100, where a
/// pass earns its whole weight, a warning half of it, a failure nothing, and `skip` and `error`
/// leave both sides. Rounded half up to an integer; nil when nothing was applicable.
public enum Scoring {
    public static func score(_ results: some Sequence<(status: CheckStatus, weight: Int)>) -> Int? {
        var earnedHalves = 0
        var applicable = 0
        for result in results {
            switch result.status {
            case .pass: earnedHalves += 2 * result.weight; applicable += result.weight
            case .warn: earnedHalves += result.weight; applicable += result.weight
            case .fail: applicable += result.weight
            case .skip, .error, .exempt: continue
            }
        }
        guard applicable > 0 else { return nil }
        // round(earnedHalves / 2 / applicable × 100), in integers: (earnedHalves × 100 + applicable) / (2 × applicable).
        return (earnedHalves * 100 + applicable) / (2 * applicable)
    }
}
