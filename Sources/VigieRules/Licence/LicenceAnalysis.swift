public import VigieCore

/// The licence files of a snapshot and what each text was recognised as.
public struct LicenceAnalysis: Sendable {
    public struct Detection: Sendable, Equatable {
        public let path: String
        public let match: LicenceMatch
    }

    /// Root licence files and REUSE `LICENSES/` texts, in path order.
    public let files: [SnapshotEntry]
    public let detections: [Detection]

    /// Distinct SPDX ids recognised, sorted.
    public var spdxIDs: [String] { Array(Set(detections.compactMap(\.match.spdx))).sorted() }
    /// Files whose text matched no licence.
    public var unidentified: [Detection] { detections.filter { $0.match.spdx == nil } }

    /// The analysis of this snapshot's licence files, computed once.
    public static func of(_ snapshot: RepositorySnapshot, data: RuleData) throws -> LicenceAnalysis {
        try snapshot.analysis("licence") { try LicenceAnalysis(snapshot, data: data) }
    }

    init(_ snapshot: RepositorySnapshot, data: RuleData) throws {
        files = Self.licenceFiles(in: snapshot, conventions: data.files)
        let identifier = LicenceIdentifier(fingerprints: data.fingerprints)
        var detections: [Detection] = []
        for file in files {
            // A binary file named like a licence (LICENSE.pdf) has no text to recognise.
            for match in identifier.identify(try snapshot.textUnlessBinary(of: file) ?? "") {
                detections.append(Detection(path: file.path, match: match))
            }
        }
        self.detections = detections
    }

    /// Root files named like a licence (any case, any extension or suffix) and files in the REUSE folder.
    static func licenceFiles(in snapshot: RepositorySnapshot, conventions: FileConventions) -> [SnapshotEntry] {
        snapshot.entries.filter { entry in
            guard entry.kind == .file || entry.kind == .executable else { return false }
            if entry.isAtRoot { return hasStem(String(entry.name), conventions.licenceStems) }
            return entry.folder == Substring(conventions.reuseFolder) && !entry.name.hasPrefix(".")
        }
    }

    /// True when `name` is one of `stems` (upper case), alone or followed by `.` or `-` and anything.
    static func hasStem(_ name: String, _ stems: [String]) -> Bool {
        let upper = name.uppercased()
        return stems.contains { stem in
            guard upper.hasPrefix(stem) else { return false }
            let rest = upper.dropFirst(stem.count)
            return rest.isEmpty || rest.first == "." || rest.first == "-"
        }
    }

    /// `facts.licence` of the scorecard.
    func facts(policy: LicencePolicy, declared: [LicenceDeclaration]) -> JSONValue {
        let ids = spdxIDs
        return .object([
            "spdx": .array(ids.map(JSONValue.string)),
            "files": .array(files.map { .string($0.path) }),
            "detections": .array(detections.map { detection in
                .object([
                    "path": .string(detection.path),
                    "spdx": .string(detection.match.spdx ?? "NOASSERTION"),
                    "confidence": .double((detection.match.confidence * 100).rounded() / 100),
                    "candidates": .array(detection.match.candidates.map { .string($0.id) }),
                ])
            }),
            "allowed_in_french_administration": .bool(!ids.isEmpty && unidentified.isEmpty && ids.allSatisfy(policy.isAllowed)),
            "declared": .array(declared.map { declaration in
                .object(["source": .string(declaration.source), "path": .string(declaration.path), "line": declaration.line.map { .int($0) } ?? .null,
                         "expression": .string(declaration.expression), "spdx": .array(declaration.ids.map(JSONValue.string))])
            }),
        ])
    }
}

/// Contributes `facts.licence`.
public struct LicenceFacts: FactProvider {
    public let key = "licence"
    let data: RuleData
    public init(data: RuleData) { self.data = data }
    public func facts(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> JSONValue {
        try LicenceAnalysis.of(snapshot, data: data).facts(policy: data.policy, declared: try DeclaredLicences.of(snapshot, data: data))
    }
}
