public import VigieCore

/// The scan budget of the accessibility rules when the rule set does not change it (their
/// `max_file_bytes` and `max_scan_bytes` parameters default to these).
public enum AccessibilityScanDefaults {
    public static let maxFileBytes = 524_288
    public static let maxScanBytes = 33_554_432
    public static var budget: ScanBudget { ScanBudget(perFile: maxFileBytes, total: maxScanBytes) }
}

extension AccessibilityAnalysis {
    /// `facts.accessibility` of the scorecard.
    func facts(language: Language) -> JSONValue {
        let statement: JSONValue = self.statement.map { statement in
            let reading = statement.reading
            return .object([
                "path": .string(statement.path),
                "line": .int(reading.titleLine),
                "language": .string(reading.language.rawValue),
                "status": .string(reading.status.rawValue),
                "rate": reading.rate.map(Self.number) ?? .null,
                "rgaa_version": reading.rgaaVersion.map(JSONValue.string) ?? .null,
                "date": reading.date.map { .string($0.day.iso) } ?? .null,
                "dates": .array(reading.dates.map { .object(["date": .string($0.day.iso), "line": .int($0.line)]) }),
                "sections": .array(reading.sections.map(JSONValue.string)),
                "missing_sections": .array(reading.missingSections.map { .string($0.id) }),
                "markers": .int(reading.markers),
            ])
        } ?? .null
        let mention: JSONValue = interfaceMentions.first.map {
            .object(["path": .string($0.path), "line": .int($0.line), "status": .string($0.status.rawValue)])
        } ?? .null
        return .object([
            "applicable": .bool(applicable),
            "reason": .string(reason[language]),
            "signals": .array(interface.signals.map { .object(["kind": .string($0.kind), "path": .string($0.path), "detail": .string($0.detail)]) }),
            "statement": statement,
            "other_statements": .array(statements.dropFirst().map { .string($0.path) }),
            "mention": mention,
            "tooling": .array(tooling.map { .object(["name": .string($0.name), "path": .string($0.path)]) }),
            "near_misses": .array(nearMisses.map {
                .object(["path": .string($0.path), "line": .int($0.line), "kind": .string($0.kind.rawValue), "markers": .int($0.markers)])
            }),
            "unread": .array(unread.map { .object(["path": .string($0.path), "size": .int(Int($0.size)), "reason": .string($0.reason.rawValue)]) }),
            "files_read": .int(filesRead),
        ])
    }

    /// 64 as an integer, 72.5 as a decimal.
    static func number(_ value: Double) -> JSONValue {
        value.rounded() == value ? .int(Int(value)) : .double(value)
    }
}

/// Contributes `facts.accessibility`. Fact providers do not see the rule set's parameters: the facts
/// use the default budget, and share their scan with every rule that keeps it.
public struct AccessibilityFacts: FactProvider {
    public let key = "accessibility"
    let data: RuleData
    public init(data: RuleData) { self.data = data }
    public func facts(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> JSONValue {
        try AccessibilityAnalysis.of(snapshot, data: data, budget: AccessibilityScanDefaults.budget).facts(language: context.language)
    }
}
