public import VigieCore
import Foundation

/// The scan budget of the open-data rules when the rule set does not change it.
public enum OpenDataScanDefaults {
    public static let maxFileBytes = 1_048_576
    public static let maxScanBytes = 33_554_432
    public static let maxProblemsPerFile = 20
    public static var budget: ScanBudget { ScanBudget(perFile: maxFileBytes, total: maxScanBytes) }
}

/// Whether a repository produces or publishes data, where it says the data is published, and under
/// which licence (DOMAIN §4.5). Documentation and code are read within a budget; data files are
/// never read here (their sizes come from the tree).
public struct OpenDataAnalysis: Sendable {
    /// Something that shows the repository produces or publishes data.
    public struct Signal: Sendable, Equatable {
        /// `data_files`, `datapackage`, `tableschema`, `link`, `api` or `pipeline`.
        public let kind: String
        public let path: String
        public let line: Int?
        public let detail: String
        /// Set when the signal shows the repository *uses* open data (`download`, `api`,
        /// `attribution`, `footer`, `mention`) or only processes data (`processing`): alone, such
        /// signals do not make it a data publisher.
        public var consumption: String? = nil
    }

    /// A pointer to where the data is published.
    public struct Evidence: Sendable, Equatable {
        public enum Source: String, Sendable { case documentation, code, metadata }
        /// `dataset`, `resource`, `organization`, `schema`, `portal`, `datapackage`, `reuse` or `api`.
        public let kind: String
        public let path: String
        public let line: Int?
        public let url: String?
        public let source: Source
        /// As for signals: the link credits or downloads someone's data, it does not publish any.
        public var consumption: String? = nil
    }

    /// A data licence declared somewhere.
    public struct DataLicence: Sendable, Equatable {
        /// An SPDX id (`etalab-2.0`), a name from rules/data/open_data.yml, the text as declared, or NOASSERTION.
        public let id: String
        public let path: String
        public let line: Int?
        /// `datapackage`, `tableschema`, `licence_file`, `repository_licence` or `readme`.
        public let source: String
        /// On the data.gouv.fr list for data (etalab-2.0, ODbL-1.0).
        public let onList: Bool
        public let olderVersion: Bool
    }

    public let signals: [Signal]
    public let evidence: [Evidence]
    public let licences: [DataLicence]
    public let unread: [UnreadFile]
    /// Files in a data format that are not published data: inputs, samples, mock data, a tool's
    /// output, a program's resources (`unpublished_folders`, `package_markers`, nested JSON), sorted.
    public let setAsideDataFiles: [String]
    public let filesRead: Int
    /// Files looked at (outside the excluded folders).
    public let filesExamined: Int

    /// The repository produces or publishes data: a signal that is not only consumption.
    public var applicable: Bool { signals.contains { $0.consumption == nil } }

    /// Signals showing the repository uses open data (downloads, citations, site footers).
    public var consumption: [Signal] { signals.filter { $0.consumption != nil } }

    /// The repository uses open data but publishes none: the open-data rules skip and say why.
    public var onlyConsumes: Bool { !applicable && !consumption.isEmpty }

    /// Evidence that says where the data is published (documentation and metadata; code references
    /// and credited sources apart).
    public func publication(kinds: Set<String>) -> [Evidence] {
        evidence.filter { kinds.contains($0.kind) && $0.source != .code && $0.consumption == nil }
    }

    /// The analysis for `budget`, computed once per snapshot and budget.
    public static func of(_ snapshot: RepositorySnapshot, data: RuleData, budget: ScanBudget) throws -> OpenDataAnalysis {
        try snapshot.memoised("open_data", budget) { try OpenDataAnalysis(snapshot, data: data, budget: budget) }
    }

    init(_ snapshot: RepositorySnapshot, data: RuleData, budget: ScanBudget) throws {
        let conventions = data.openData
        let reader = BudgetedReader(ContentPass.of(snapshot, data: data), budget: budget)
        var signals: [Signal] = [], evidence: [Evidence] = []
        var dataFiles: [String] = [], setAside: [String] = []
        var examined = 0
        let programPackages = conventions.packageFolders(snapshot.entries)
        var documents: [SnapshotEntry] = [], code: [SnapshotEntry] = [], configuration: [SnapshotEntry] = []
        for entry in snapshot.entries where conventions.isIncluded(entry) {
            examined += 1
            if conventions.isPublishedDataFile(entry, packages: programPackages) {
                dataFiles.append(entry.path)
            } else if conventions.isDataFile(entry) {
                setAside.append(entry.path)
            }
            if conventions.datapackageNames.contains(String(entry.name)) {
                signals.append(Signal(kind: "datapackage", path: entry.path, line: nil, detail: String(entry.name)))
                evidence.append(Evidence(kind: "datapackage", path: entry.path, line: nil, url: nil, source: .metadata))
            }
            if conventions.isDocument(entry) {
                documents.append(entry)
            } else if conventions.isCode(entry) {
                code.append(entry)
            } else if conventions.isConfiguration(entry) {
                configuration.append(entry)
            }
        }
        if let first = dataFiles.min() {
            signals.insert(Signal(kind: "data_files", path: first, line: nil, detail: String(dataFiles.count)), at: 0)
        }
        let packages = try DataPackageCheck.of(snapshot, data: data, maxFileBytes: Int(budget.perFile))
        for package in packages.packages where package.kind == .tableschema && package.path.split(separator: "/").count == 1 {
            signals.append(Signal(kind: "tableschema", path: package.path, line: nil, detail: "fields"))
            evidence.append(Evidence(kind: "schema", path: package.path, line: nil, url: nil, source: .metadata))
        }

        // READMEs first: the total budget may run out on a large documentation tree.
        let rank = { (entry: SnapshotEntry) in (entry.isAtRoot ? 0 : 2) + (entry.name.uppercased().hasPrefix("README") ? 0 : 1) }
        let byImportance = { (entries: [SnapshotEntry]) in entries.sorted { (rank($0), $0.path) < (rank($1), $1.path) } }
        var seenURLs: Set<String> = [], linkSignals: Set<String> = []
        // The first program that uploads files to data.gouv.fr or makes them public.
        var upload: Signal?
        let markers = Self.markerSearch(conventions)
        let toRead = byImportance(documents).map { ($0, Evidence.Source.documentation, false) }
            + code.map { ($0, Evidence.Source.code, true) } + configuration.map { ($0, Evidence.Source.code, false) }
        reader.willRead(toRead.map(\.0))
        for (entry, source, isProgram) in toRead {
            guard let bytes = try reader.text(of: entry)?.utf8 else { continue }
            let lowered = asciiLowercased(bytes)
            var lines: LineIndex?
            let lineAt = { (offset: Int) -> Int in
                if lines == nil { lines = LineIndex(bytes) }
                return lines!.line(at: offset)
            }
            var context: SourceContext?
            let sourceContext = { () -> SourceContext in
                if context == nil { context = SourceContext(lowered) }
                return context!
            }
            let found = markers.scan(lowered)
            // Licence texts hold the licence's own links (the Licence Ouverte cites `datasets/xxx/`).
            if found.contains(.linkHint) && !conventions.isLicenceText(entry.path) {
                let isPage = found.contains(.footer)
                // Code (or CI) that uploads to data.gouv.fr publishes; code that only reads a URL downloads.
                let writes = source == .code && found.contains(.publish)
                for (url, offset) in Self.urls(in: lowered, hints: conventions.linkHints) {
                    guard !conventions.isPlaceholderURL(url) else { continue }
                    // Each distinct URL is classified once and reported once, where it first appears.
                    guard seenURLs.insert(url).inserted else { continue }
                    guard let kind = conventions.links.first(where: { url.prefixMatch(of: $0.pattern) != nil })?.kind
                    else { continue }
                    let line = lineAt(offset)
                    // A comment of a configuration file runs nothing: a link there is a note (a rule list
                    // quoting another project's changelog), even in a file that also names upload endpoints.
                    let consumption: String? = !isProgram && source == .code
                        && conventions.isComment(Self.line(around: offset, in: lowered)) ? "comment"
                        : source == .code ? (writes ? nil : "download")
                        : isPage ? "footer"
                        : !conventions.isFrontDocument(entry) ? "mention"
                        : sourceContext().isExample(at: offset, conventions: conventions) ? "example"
                        : sourceContext().credits(at: offset, conventions: conventions) ? "attribution" : nil
                    evidence.append(Evidence(kind: kind, path: entry.path, line: line, url: url, source: source, consumption: consumption))
                    if linkSignals.insert(entry.path + (consumption ?? "")).inserted {
                        signals.append(Signal(kind: "link", path: entry.path, line: line,
                                              detail: kind == "api" ? "data.gouv.fr API" : "data.gouv.fr " + kind, consumption: consumption))
                    }
                }
            }
            guard isProgram else { continue }
            if let (marker, offset) = found.firstMarker(of: .api) {
                let line = lineAt(offset)
                // Reading the API is using open data; writing to it (an upload, an API key) is publishing.
                let writes = found.contains(.publish)
                evidence.append(Evidence(kind: "api", path: entry.path, line: line, url: nil, source: .code, consumption: writes ? nil : "api"))
                signals.append(Signal(kind: "api", path: entry.path, line: line, detail: marker, consumption: writes ? nil : "api"))
            }
            if let (marker, offset) = found.firstMarker(of: .pipeline) {
                signals.append(Signal(kind: "pipeline", path: entry.path, line: lineAt(offset), detail: marker, consumption: "processing"))
            }
            if upload == nil, let (marker, offset) = found.firstMarker(of: .upload) {
                upload = Signal(kind: "upload", path: entry.path, line: lineAt(offset), detail: marker)
            }
        }
        // Writing data files is processing; the repository publishes what it writes only where its
        // code also uploads files (to data.gouv.fr, or to storage with a public-read ACL).
        if let upload, signals.contains(where: { $0.kind == "pipeline" }) {
            for index in signals.indices where signals[index].kind == "pipeline" { signals[index].consumption = nil }
            signals.append(upload)
        }
        self.signals = signals
        setAsideDataFiles = setAside.sorted()
        var seen: Set<String> = []
        self.evidence = evidence.filter { seen.insert("\($0.kind) \($0.path) \($0.line ?? 0) \($0.url ?? "")").inserted }
        licences = try DataLicenceReader(snapshot: snapshot, data: data, reader: reader).licences(packages: packages)
        unread = reader.unread
        filesRead = reader.filesRead
        filesExamined = examined
    }

    /// URLs around each hint (`gouv.fr`…) in lowercased bytes, with their offsets; trailing punctuation
    /// dropped. A link is cut at spaces, quotes, brackets, backticks and any non-ASCII byte.
    static func urls(in lowered: [UInt8], hints: [[UInt8]]) -> [(String, Int)] {
        let delimiters: Set<UInt8> = Set(" \t\r\n\"'`<>()[]{}|\\,".utf8)
        var found: [(String, Int)] = []
        var starts: Set<Int> = []
        for hint in hints {
            for offset in offsets(of: hint, in: lowered) {
                var start = offset, end = offset + hint.count
                // Non-ASCII bytes end a link too: « … », ‹…› and curly quotes around URLs in French text.
                while start > 0 && lowered[start - 1] < 0x80 && !delimiters.contains(lowered[start - 1]) { start -= 1 }
                while end < lowered.count && lowered[end] < 0x80 && !delimiters.contains(lowered[end]) { end += 1 }
                while end > start, ".;:!?*_".utf8.contains(lowered[end - 1]) { end -= 1 }
                guard starts.insert(start).inserted, end > start else { continue }
                found.append((String(decoding: lowered[start..<end], as: UTF8.self), start))
            }
        }
        return found.sorted { $0.1 < $1.1 }
    }

    /// The lists of markers looked for in each file read.
    enum MarkerList: Hashable, Sendable { case linkHint, footer, api, pipeline, publish, upload }

    /// One search for every list, built once per analysis from the conventions.
    static func markerSearch(_ conventions: OpenDataConventions) -> MarkerSearch<MarkerList> {
        let words = { (markers: [[UInt8]]) in markers.map { MarkerSearch<MarkerList>.Marker(bytes: $0, wholeWord: true) } }
        return MarkerSearch([
            .linkHint: conventions.linkHints.map { MarkerSearch<MarkerList>.Marker(bytes: $0, wholeWord: false) },
            .footer: words(conventions.footerMarkers),
            .api: words(conventions.apiMarkers),
            .pipeline: words(conventions.pipelineMarkers),
            .publish: words(conventions.apiPublishMarkers),
            .upload: words(conventions.apiPublishMarkers + conventions.publicUploadMarkers),
        ])
    }

    /// The first marker found (in list order) and its offset. A marker that starts (ends) with an
    /// ASCII letter or digit must not have one just before (after) it: words, not substrings, so
    /// `udata` is not found in `menudata`.
    static func firstMarker(_ markers: [[UInt8]], in lowered: [UInt8]) -> (String, Int)? {
        for marker in markers {
            guard let first = marker.first, let last = marker.last else { continue }
            var from = 0
            while let offset = firstOffset(of: marker, in: lowered, from: from) {
                from = offset + 1
                let end = offset + marker.count
                if isWordByte(first) && offset > 0 && isWordByte(lowered[offset - 1]) { continue }
                if isWordByte(last) && end < lowered.count && isWordByte(lowered[end]) { continue }
                return (String(decoding: marker, as: UTF8.self), offset)
            }
        }
        return nil
    }

    /// The bytes of the line holding `offset`.
    static func line(around offset: Int, in bytes: [UInt8]) -> [UInt8] {
        guard offset >= 0, offset <= bytes.count else { return [] }
        var start = offset, end = offset
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        return Array(bytes[start..<end])
    }
}

extension OpenDataAnalysis {
    /// Whether the repository publishes data, and which of its files are data, as the open-data
    /// rules decide it: data formats outside tests, fixtures and vendored code, JSON/XML in data
    /// folders, datapackage.json, a root TableSchema, publication links, pipelines. Signals that only
    /// show the use of someone's open data do not count. The one answer `licence.data` and the
    /// `open_data.*` rules share, so that a scorecard never says both "publishes data" and "no data".
    public struct Publication: Sendable {
        public let publishesData: Bool
        /// Data files, sorted by path (datapackage.json and schema files are metadata, not listed).
        public let dataFiles: [String]
        /// Why: the analysis' reason ("Data: …", "No data: …" or "uses open data but publishes none").
        public let reason: LocalizedText
    }

    /// The shared answer, with the default scan budget (memoised with the facts' analysis).
    public static func publication(_ snapshot: RepositorySnapshot, data: RuleData) throws -> Publication {
        let analysis = try of(snapshot, data: data, budget: OpenDataScanDefaults.budget)
        let conventions = data.openData
        let packages = conventions.packageFolders(snapshot.entries)
        let files = snapshot.entries.filter { conventions.isIncluded($0) && conventions.isPublishedDataFile($0, packages: packages) }
            .map(\.path).sorted()
        return Publication(publishesData: analysis.applicable, dataFiles: files, reason: analysis.reason)
    }
}
