public import VigieCore

/// The colours of grades in the site and the badges. Each carries white text at a contrast ratio of
/// 6:1 or more (WCAG AA asks 4.5:1), and is never the only signal: the grade letter is always written.
public enum GradePalette {
    public static func background(_ grade: Grade?) -> String {
        switch grade {
        case .A: "#116329"
        case .B: "#3d6b00"
        case .C: "#7d5a00"
        case .D: "#a34100"
        case .E: "#b3261e"
        case nil: "#595959"
        }
    }

    /// shields.io's named colours, for the endpoint badge (shields draws it).
    public static func shieldsColor(_ grade: Grade?) -> String {
        switch grade {
        case .A: "brightgreen"
        case .B: "green"
        case .C: "yellow"
        case .D: "orange"
        case .E: "red"
        case nil: "lightgrey"
        }
    }
}
