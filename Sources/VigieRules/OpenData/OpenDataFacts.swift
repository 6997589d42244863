public import VigieCore

/// Contributes `facts.open_data`. Fact providers do not see the rule set's parameters: the facts use
/// the default budgets, and share their scans with every rule that keeps them.
public struct OpenDataFacts: FactProvider {
    public let key = "open_data"
    let data: RuleData
    public init(data: RuleData) { self.data = data }

    public func facts(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> JSONValue {
        let analysis = try OpenDataAnalysis.of(snapshot, data: data, budget: OpenDataScanDefaults.budget)
        var object: [String: JSONValue] = [
            "applicable": .bool(analysis.applicable),
            "only_consumes": .bool(analysis.onlyConsumes),
            "reason": .string(analysis.reason[context.language]),
            // `consumption` only where the place shows the repository uses open data (download, api, attribution, footer).
            "signals": .array(analysis.signals.map { signal in
                var object: [String: JSONValue] = ["kind": .string(signal.kind), "path": .string(signal.path),
                                                   "line": signal.line.map(JSONValue.int) ?? .null, "detail": .string(signal.detail)]
                if let consumption = signal.consumption { object["consumption"] = .string(consumption) }
                return .object(object)
            }),
            "evidence": .array(analysis.evidence.map { evidence in
                var object: [String: JSONValue] = ["kind": .string(evidence.kind), "path": .string(evidence.path),
                                                   "line": evidence.line.map(JSONValue.int) ?? .null, "url": evidence.url.map(JSONValue.string) ?? .null,
                                                   "source": .string(evidence.source.rawValue)]
                if let consumption = evidence.consumption { object["consumption"] = .string(consumption) }
                return .object(object)
            }),
            "licences": .array(analysis.licences.map { licence in
                .object(["id": .string(licence.id), "path": .string(licence.path), "line": licence.line.map(JSONValue.int) ?? .null,
                         "source": .string(licence.source), "on_list": .bool(licence.onList), "older_version": .bool(licence.olderVersion)])
            }),
            "unread": .array(analysis.unread.map(Self.unread)),
            "datapackages": .array([]),
            "csv": .object(["files": .int(0), "problems": .array([]), "unread": .array([]), "skipped": .array([])]),
        ]
        guard analysis.applicable else { return .object(object) }
        let packages = try DataPackageCheck.of(snapshot, data: data, maxFileBytes: OpenDataScanDefaults.maxFileBytes)
        object["datapackages"] = .array(packages.packages.map { package in
            let problems = { (severity: PackageProblem.Severity) -> JSONValue in
                .array(package.problems.filter { $0.severity == severity }.map { problem in
                    .object(["line": problem.position.map { .int($0.line) } ?? .null, "column": problem.position.map { .int($0.column) } ?? .null,
                             "message": .string(problem.message[context.language])])
                })
            }
            return .object(["path": .string(package.path), "kind": .string(package.kind.rawValue), "valid": .bool(package.valid),
                            "items": .int(package.items), "licences": .array(package.licences.map { .string($0.name) }),
                            "errors": problems(.error), "advice": problems(.advice)])
        })
        let csv = try CSVInspection.of(snapshot, data: data, maxFileBytes: OpenDataScanDefaults.maxFileBytes,
                                       maxProblemsPerFile: OpenDataScanDefaults.maxProblemsPerFile)
        object["csv"] = .object([
            "files": .int(csv.checked.count),
            "problems": .array(csv.problems.map { problem in
                .object(["path": .string(problem.path), "line": .int(problem.line), "kind": .string(problem.kind.rawValue),
                         "message": .string(problem.message[context.language])])
            }),
            "unread": .array(csv.unread.map(Self.unread)),
            "skipped": .array(csv.skipped.map(JSONValue.string)),
        ])
        return .object(object)
    }

    static func unread(_ file: UnreadFile) -> JSONValue {
        .object(["path": .string(file.path), "size": .int(Int(file.size)), "reason": .string(file.reason.rawValue)])
    }
}
