/// The most a scorecard holds of any one list, whatever the repository: a README with 200,000
/// links must not make a 37 MB scorecard. Each check keeps its first `evidencePerCheck` evidence
/// items and says how many there were (`evidence_total`); each list in the facts keeps its first
/// `factListItems` items and says how many there were in a sibling `<key>_total`. Documented in
/// docs/reliability.md; the first items are kept because rules list them in path and line order.
public enum OutputCaps {
    public static let evidencePerCheck = 100
    public static let factListItems = 100

    /// The facts with every list cut to `factListItems`, each cut list's length in `<key>_total`.
    public static func cappingLists(_ value: JSONValue, at cap: Int = factListItems) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.prefix(cap).map { cappingLists($0, at: cap) })
        case .object(let members):
            var capped: [String: JSONValue] = [:]
            for (key, member) in members {
                capped[key] = cappingLists(member, at: cap)
                let totalKey = key + "_total"
                if case .array(let items) = member, items.count > cap, members[totalKey] == nil {
                    capped[totalKey] = .int(items.count)
                }
            }
            return .object(capped)
        default:
            return value
        }
    }
}
