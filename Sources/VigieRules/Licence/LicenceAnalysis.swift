import VigieLicenceText
public import VigieCore

/// The licence files of a snapshot and what each text was recognised as.
public struct LicenceAnalysis: Sendable {
    public struct Detection: Sendable, Equatable {
        /// The repository's own licence, or the licence of code bundled with it, whose text follows
        /// the repository's licence in the same file (a COPYING ending with the zlib and BSD texts), or
        /// a licence file holding no licence text but links to the texts ("the default licence is
        /// [AGPL-3.0-or-later](./AGPL-3.0.LICENSE.md)"): those texts are read in its place.
        public enum Role: String, Sendable { case licence, bundled, pointer }
        public let path: String
        public let match: LicenceMatch
        public let role: Role
        /// What the licence covers when the file says so ("code", "content"…), for a file that gives
        /// parts of the repository different licences (code under MIT, content under etalab-2.0).
        public let scope: String?

        init(path: String, match: LicenceMatch, role: Role = .licence, scope: String? = nil) {
            self.path = path
            self.match = match
            self.role = role
            self.scope = scope
        }
    }

    /// Root licence files and REUSE `LICENSES/` texts, in path order.
    public let files: [SnapshotEntry]
    public let detections: [Detection]

    /// The repository's own licences (bundled ones left out).
    public var ownDetections: [Detection] { detections.filter { $0.role == .licence } }
    /// Distinct SPDX ids of the repository's own licences, sorted.
    public var spdxIDs: [String] { Array(Set(ownDetections.compactMap(\.match.spdx))).sorted() }
    /// Files whose text matched no licence, except REUSE `LicenseRef-*` texts: custom by definition,
    /// no catalogue can recognise them.
    public var unidentified: [Detection] { detections.filter { $0.match.spdx == nil && $0.role != .pointer && !Self.isCustomReference($0.path) } }

    /// The analysis of this snapshot's licence files, computed once.
    public static func of(_ snapshot: RepositorySnapshot, data: RuleData) throws -> LicenceAnalysis {
        try snapshot.analysis("licence") { try LicenceAnalysis(snapshot, data: data) }
    }

    init(_ snapshot: RepositorySnapshot, data: RuleData) throws {
        var files = Self.licenceFiles(in: snapshot, conventions: data.files)
        let identifier = LicenceIdentifier(data: data)
        var detections: [Detection] = []
        var linked: [LicenceLink] = []
        for file in files {
            // A binary file named like a licence (LICENSE.pdf) has no text to recognise.
            let text = try snapshot.textUnlessBinary(of: file) ?? ""
            let found = Self.detections(in: text, path: file.path, identifier: identifier, data: data)
            let links = found.allSatisfy { $0.match.spdx == nil }
                ? LicenceLink.links(in: text, from: file, snapshot: snapshot, data: data).filter { link in
                    !files.contains { $0.path == link.entry.path } && !linked.contains { $0.entry.path == link.entry.path } }
                : []
            guard !links.isEmpty else {
                detections += found
                continue
            }
            detections += found.map { Detection(path: $0.path, match: $0.match, role: .pointer) }
            linked += links
        }
        for link in linked {
            files.append(link.entry)
            let text = try snapshot.textUnlessBinary(of: link.entry) ?? ""
            detections += Self.detections(in: text, path: link.entry.path, identifier: identifier, data: data).map { link.applied(to: $0) }
        }
        self.files = files
        self.detections = detections
    }

    /// The detection with `-only` or `-or-later` when its id is bare, its licence is versioned by
    /// notice, and the declarations name that family with exactly one suffix.
    static func versioned(_ detection: Detection, declared: [LicenceDeclaration], fingerprints: [LicenceFingerprint]) -> Detection {
        guard detection.role == .licence, let id = detection.match.spdx, id.licenceFamily == id.lowercased(),
              fingerprints.contains(where: { $0.id == id && $0.versionedByNotice }) else { return detection }
        let spellings = Set(declared.flatMap(\.ids).filter { $0.licenceFamily == id.lowercased() && $0.lowercased() != id.lowercased() })
        guard spellings.count == 1, let spelled = spellings.first else { return detection }
        let match = detection.match
        return Detection(path: detection.path, match: LicenceMatch(spdx: id + spelled.dropFirst(id.count), confidence: match.confidence,
                                                                    candidates: match.candidates, extraWords: match.extraWords,
                                                                    exception: match.exception, lines: match.lines, firstPhraseLine: match.firstPhraseLine),
                         role: detection.role, scope: detection.scope)
    }

    /// The licences of one file. The first is the file's licence; those after it are bundled code's
    /// licences, unless a statement before the first text gives each a scope ("Le code source … sous
    /// licence MIT", "les contenus … sous licence Ouverte 2.0"): then each is the repository's for its part.
    static func detections(in text: String, path: String, identifier: LicenceIdentifier, data: RuleData) -> [Detection] {
        let matches = identifier.identify(text)
        guard matches.count > 1 || matches.first?.spdx != nil else { return matches.map { Detection(path: path, match: $0) } }
        let scopes = statedScopes(in: text, before: matches.first?.firstPhraseLine ?? 1, data: data)
        let scoped = matches.filter { match in match.spdx.map { scopes[$0.licenceFamily] != nil } ?? false }
        return matches.enumerated().map { offset, match in
            let scope = match.spdx.flatMap { scopes[$0.licenceFamily] }
            let bundled = offset > 0 && (scoped.count < 2 || scope == nil)
            return Detection(path: path, match: match, role: bundled ? .bundled : .licence, scope: scoped.count >= 2 ? scope : nil)
        }
    }

    /// Licence family → scope, from the lines before the first licence text that name both a licence and
    /// what it covers ("code: MIT", "les contenus … sous licence Ouverte 2.0").
    static func statedScopes(in text: String, before line: Int, data: RuleData) -> [String: String] {
        var scopes: [String: String] = [:]
        let matching = data.licenceMatching
        for statement in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(max(0, line - 1)) {
            let words = Set(LicenceText(String(statement), matching: LicenceMatching()).words)
            guard let scope = matching.scopes.first(where: { !$0.words.isDisjoint(with: words) })?.scope else { continue }
            for id in DeclaredLicences.licencesNamed(in: String(statement), data: data) where scopes[id.licenceFamily] == nil {
                scopes[id.licenceFamily] = scope
            }
        }
        return scopes
    }

    /// `LICENSES/LicenseRef-…`: a REUSE custom licence text.
    static func isCustomReference(_ path: String) -> Bool {
        path.split(separator: "/").last.map { $0.lowercased().hasPrefix("licenseref-") } ?? false
    }

    /// Root files named like a licence (any case, any extension or suffix) and files in the REUSE folder.
    static func licenceFiles(in snapshot: RepositorySnapshot, conventions: FileConventions) -> [SnapshotEntry] {
        snapshot.entries.filter { entry in
            guard entry.kind == .file || entry.kind == .executable else { return false }
            if entry.isAtRoot { return hasStem(String(entry.name), conventions.licenceStems) }
            return entry.folder == Substring(conventions.reuseFolder) && !entry.name.hasPrefix(".")
        }
    }

    /// True when `name` is one of `stems` (upper case), alone or followed by `.`, `-` or `_` and anything.
    static func hasStem(_ name: String, _ stems: [String]) -> Bool {
        let upper = name.uppercased()
        return stems.contains { stem in
            guard upper.hasPrefix(stem) else { return false }
            let rest = upper.dropFirst(stem.count)
            // LICENCE_CeCILL-B_V1-fr.txt as well as LICENSE-MIT and LICENSE.md; LICENSEE.md is not one.
            return rest.isEmpty || rest.first == "." || rest.first == "-" || rest.first == "_"
        }
    }

    /// `facts.licence` of the scorecard. A GPL-family text says neither -only nor -or-later; when its
    /// notice did not either, the SPDX headers and manifests may (`GPL-3.0-or-later`): the facts say so.
    /// (Only the facts: the rules judge families, and reading declarations here would make every
    /// licence rule depend on the README and manifests being readable.)
    ///
    /// `statements`: README lines giving the project several licences on an equal footing; when one
    /// of them is a licence text's, the others are the repository's licences too (the README says
    /// so; the rules, which judge texts, are not affected).
    func facts(data: RuleData, declared: [LicenceDeclaration], statements: [LicenceDeclaration] = []) -> JSONValue {
        let policy = data.policy
        let detections = detections.map { Self.versioned($0, declared: declared, fingerprints: data.fingerprints) }
        let ownDetections = detections.filter { $0.role == .licence }
        let ids = Array(Set(ownDetections.compactMap(\.match.spdx))).sorted()
        let families = Set(ids.map(\.licenceFamily))
        let together = statements.filter { $0.ids.contains { families.contains($0.licenceFamily) } }
        let alongside = Set(together.flatMap(\.ids).filter { !families.contains($0.licenceFamily) })
        // Without a licence text, the licence a manifest or publiccode.yml declares is still the
        // repository's licence as far as anyone can tell: reported, with where it comes from.
        let manifestOnly = ids.isEmpty ? Self.manifestDeclarations(declared) : []
        let reported = ids.isEmpty ? Array(Set(manifestOnly.flatMap(\.ids))).sorted() : (ids + alongside).sorted()
        let scoped = ownDetections.filter { $0.scope != nil && $0.match.spdx != nil }
        var facts: [String: JSONValue] = [
            "spdx": .array(reported.map(JSONValue.string)),
            "spdx_source": .string(!ids.isEmpty ? "licence_text" : manifestOnly.isEmpty ? "none" : "declaration"),
            "files": .array(files.map { .string($0.path) }),
            "detections": .array(detections.map { detection in
                var fields: [String: JSONValue] = [
                    "path": .string(detection.path),
                    "spdx": .string(detection.match.spdx ?? "NOASSERTION"),
                    "confidence": .double((detection.match.confidence * 100).rounded() / 100),
                    "candidates": .array(detection.match.candidates.map { .string($0.id) }),
                    "role": .string(detection.role.rawValue),
                ]
                if let expression = detection.match.expression, detection.match.exception != nil { fields["expression"] = .string(expression) }
                if let scope = detection.scope { fields["applies_to"] = .string(scope) }
                if let lines = detection.match.lines { fields["lines"] = .array([.int(lines.lowerBound), .int(lines.upperBound)]) }
                return .object(fields)
            }),
            "allowed_in_french_administration": .bool(!ids.isEmpty && unidentified.isEmpty && ids.allSatisfy(policy.isAllowed)),
            "declared": .array(declared.map { declaration in
                var fields: [String: JSONValue] = [
                    "source": .string(declaration.source), "path": .string(declaration.path), "line": declaration.line.map { .int($0) } ?? .null,
                    "expression": .string(declaration.expression), "spdx": .array(declaration.ids.map(JSONValue.string)),
                ]
                if declaration.declaresNoOpenLicence { fields["no_open_licence"] = .bool(true) }
                return .object(fields)
            }),
        ]
        if !together.isEmpty && !alongside.isEmpty {
            facts["stated_with_text"] = .array(together.map { statement in
                .object(["path": .string(statement.path), "line": statement.line.map { .int($0) } ?? .null,
                         "spdx": .array(statement.ids.map(JSONValue.string))])
            })
        }
        // Parts of the repository under different licences, as one SPDX expression.
        if scoped.count >= 2 {
            facts["expression"] = .string(scoped.compactMap(\.match.expression).joined(separator: " AND "))
        }
        return .object(facts)
    }

    /// Declarations in a package manifest or publiccode.yml (not SPDX headers, REUSE or the README,
    /// which point at texts rather than stand for them).
    static func manifestDeclarations(_ declared: [LicenceDeclaration]) -> [LicenceDeclaration] {
        declared.filter { !["spdx-header", "reuse", "readme"].contains($0.source) && !$0.ids.isEmpty }
    }
}

/// Contributes `facts.licence`.
public struct LicenceFacts: FactProvider {
    public let key = "licence"
    let data: RuleData
    public init(data: RuleData) { self.data = data }
    public func facts(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> JSONValue {
        try LicenceAnalysis.of(snapshot, data: data).facts(data: data, declared: try DeclaredLicences.of(snapshot, data: data),
                                                           statements: try ReadmeLicenceStatements.of(snapshot, data: data))
    }
}
