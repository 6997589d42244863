public import VigieCore

/// How often `vigie history` takes a point: the periods are calendar months, quarters or years (UTC).
public enum HistoryInterval: String, Sendable, CaseIterable {
    case month, quarter, year

    /// The last day of the period holding `day`.
    public func periodEnd(containing day: Day) -> Day {
        let (year, month, _) = day.components
        let lastMonth: Int = switch self {
        case .month: month
        case .quarter: ((month - 1) / 3 + 1) * 3
        case .year: 12
        }
        let next = lastMonth == 12 ? Day(year: year + 1, month: 1, day: 1) : Day(year: year, month: lastMonth + 1, day: 1)
        return (next ?? day).adding(days: -1)
    }

    /// `2024-03`, `2024-Q1` or `2024`.
    public func label(_ day: Day) -> String {
        let (year, month, _) = day.components
        let yearText = String(year)
        switch self {
        case .month: return yearText + "-" + (month < 10 ? "0" : "") + String(month)
        case .quarter: return "\(yearText)-Q\((month - 1) / 3 + 1)"
        case .year: return yearText
        }
    }

    /// The end of every period from the one holding `start` to the one holding `end`, the last one
    /// cut at `end` (a period still running is measured as of `end`).
    public func periodEnds(from start: Day, to end: Day) -> [Day] {
        guard start <= end else { return [] }
        var result: [Day] = []
        var current = periodEnd(containing: start)
        while current < end {
            result.append(current)
            current = periodEnd(containing: current.adding(days: 1))
        }
        result.append(end)
        return result
    }
}
