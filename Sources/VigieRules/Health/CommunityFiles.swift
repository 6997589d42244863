public import VigieCore

/// Which community files the audited tree holds, from the file list alone (nothing is read):
/// CONTRIBUTING, code of conduct, security policy, changelog, templates, publiccode.yml.
public struct CommunityFiles: Sendable {
    public let contributing: [SnapshotEntry]
    public let codeOfConduct: [SnapshotEntry]
    /// SECURITY files in the community folders.
    public let securityPolicies: [SnapshotEntry]
    /// `.well-known/security.txt` files (RFC 9116).
    public let securityTxt: [SnapshotEntry]
    public let changelogs: [SnapshotEntry]
    /// Files of the release-notes folders (changelog.d/, releasenotes/…).
    public let releaseNotes: [SnapshotEntry]
    public let issueTemplates: [SnapshotEntry]
    public let changeRequestTemplates: [SnapshotEntry]
    public let publiccode: SnapshotEntry?

    /// The community files of this snapshot, found once.
    static func of(_ snapshot: RepositorySnapshot, data: RuleData) -> CommunityFiles {
        snapshot.analysis("health.community-files") { CommunityFiles(snapshot, data.health) }
    }

    init(_ snapshot: RepositorySnapshot, _ health: HealthData) {
        let conventions = health.community
        // Each path is prepared once: thousands of files go through several pattern sets.
        let files = snapshot.entries.filter { $0.kind == .file || $0.kind == .executable }.map { entry in
            (entry: entry, path: SnapshotEntryPath(entry.path), folder: String(entry.folder))
        }
        let folderRank = Dictionary(uniqueKeysWithValues: conventions.folders.enumerated().map { ($0.element, $0.offset) })
        let inFolders = files.filter { folderRank[$0.folder] != nil }
        /// Root files first, then `.github/`, then `docs/` (the forges' order), each by path.
        func named(_ stems: [String]) -> [SnapshotEntry] {
            inFolders.filter { LicenceAnalysis.hasStem(String($0.entry.name), stems) }
                .sorted { (folderRank[$0.folder] ?? 0, $0.entry.path) < (folderRank[$1.folder] ?? 0, $1.entry.path) }
                .map(\.entry)
        }
        contributing = named(conventions.contributingNames)
        codeOfConduct = named(conventions.codeOfConductNames)
        securityPolicies = named(conventions.securityNames)
        securityTxt = files.filter { conventions.securityTxt.matches($0.path) }.map(\.entry)
        changelogs = named(conventions.changelogNames)
        let notesFolders = Set(conventions.changelogFolders.map { $0.lowercased() })
        let notesLengths = Set(notesFolders.map(\.utf8.count))
        releaseNotes = files.filter {
            notesLengths.contains($0.folder.utf8.count) && notesFolders.contains($0.folder.lowercased()) && !$0.entry.name.hasPrefix(".")
        }.map(\.entry)
        let templates = files.filter { !conventions.templateExclusions.matches($0.path) }
        issueTemplates = templates.filter { conventions.issueTemplates.matches($0.path) }.map(\.entry)
        changeRequestTemplates = templates.filter { conventions.changeRequestTemplates.matches($0.path) }.map(\.entry)
        publiccode = health.publiccode.fileNames.lazy.compactMap { snapshot.entry(at: $0) }.first
    }

    /// `facts.community`: the paths found for each kind of file.
    func facts() -> JSONValue {
        let paths = { (entries: [SnapshotEntry]) in JSONValue.array(entries.map { .string($0.path) }) }
        return .object([
            "contributing": paths(contributing),
            "code_of_conduct": paths(codeOfConduct),
            "security": paths(securityPolicies + securityTxt),
            "changelog": paths(changelogs),
            "release_notes": .int(releaseNotes.count),
            "issue_templates": paths(issueTemplates),
            "change_request_templates": paths(changeRequestTemplates),
            "publiccode": publiccode.map { .string($0.path) } ?? .null,
        ])
    }
}

/// Contributes `facts.community`.
public struct CommunityFacts: FactProvider {
    public let key = "community"
    let data: RuleData
    public init(data: RuleData) { self.data = data }
    public func facts(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> JSONValue {
        CommunityFiles.of(snapshot, data: data).facts()
    }
}
