import VigieCore
import Yams

/// How a data licence is named and linked (rules/data/open_data.yml `licences`).
struct DataLicenceName: Sendable {
    let id: String
    let olderVersion: Bool
    /// Folded names (FoldedText).
    let names: [[UInt8]]
    /// Lowercased URL fragments.
    let urls: [String]
}

/// Everything the open-data rules read from `rules/data/open_data.yml` (docs/open-data.md).
public struct OpenDataConventions: Sendable, RuleDataSection {
    static let fileName = "open_data.yml"

    // Applicability
    let dataExtensions: Set<String>
    let dataFolders: Set<String>
    let dataFolderExtensions: Set<String>
    let exclusions: FolderFilter
    /// Folder names (or name prefixes, written with a trailing `*`) whose data files are inputs,
    /// samples or a tool's output, not published data: whole names, and the prefixes of the names
    /// ending in `*` (`bench*`).
    let unpublishedFolderNames: Set<String>
    let unpublishedFolderPrefixes: [String]
    /// File names that make their folder a program's package (`__init__.py`).
    let packageMarkers: Set<String>
    let pipelineMarkers: [[UInt8]]
    let apiMarkers: [[UInt8]]
    // Where to look
    let documentExtensions: Set<String>
    let codeExtensions: Set<String>
    let codeNames: Set<String>
    let configExtensions: Set<String>
    let configCommentPrefixes: [[UInt8]]
    /// Root folders of the repository's own documentation (besides the root files).
    let frontFolders: Set<String>
    let linkHints: [[UInt8]]
    // Consuming is not publishing
    /// Lowercased (ASCII letters folded), matched as whole words.
    let attributionWords: [[UInt8]]
    let footerMarkers: [[UInt8]]
    /// Headings that open a section of used data (matched at the heading's start).
    let sourceHeadings: [[UInt8]]
    /// Table header words that make a table a list of used data.
    let sourceColumns: [[UInt8]]
    let apiPublishMarkers: [[UInt8]]
    /// Markers of code that makes the files it uploads public (`public-read`).
    let publicUploadMarkers: [[UInt8]]
    /// Lowercased last path segments of example URLs.
    let placeholderSlugs: Set<String>
    /// Upper-case stems of licence files (whose links are the licence's own).
    let licenceFileStems: [String]
    /// Words around a documentation link that make it an example ("Example: https://schema.data.gouv.fr/…").
    let exampleWords: [[UInt8]]
    /// Root files that tell the project's history (CHANGELOG…): the links in them are past changes, not
    /// where the data is published.
    let historyFileStems: [String]
    // Publication evidence
    // The patterns are compiled on first use (LazyRegex): many audits read none of them.
    let linkSources: [(kind: String, pattern: LazyRegex)]
    var links: [(kind: String, pattern: Regex<AnyRegexOutput>)] { linkSources.map { ($0.kind, $0.pattern.regex) } }
    /// Evidence kinds that say where the data is published.
    public let publicationKinds: Set<String>
    // Data licences
    let licences: [DataLicenceName]
    let licenceFilesInDataFolders: [String]
    let licenceFilesAtRoot: [String]
    // datapackage.json and TableSchema
    let datapackageNames: Set<String>
    let resourceNamePatternSource: LazyRegex?
    var resourceNamePattern: Regex<AnyRegexOutput>? { resourceNamePatternSource?.regex }
    let recommendedKeys: [String]
    let tableSchemaNames: Set<String>
    let schemaRequiredKeys: [String]
    let schemaNamePatternSource: LazyRegex?
    var schemaNamePattern: Regex<AnyRegexOutput>? { schemaNamePatternSource?.regex }
    let fieldTypes: Set<String>
    // CSV
    let csvExtensions: Set<String>
    let csvSeparator: UInt8
    let csvCandidateSeparators: [UInt8]
    let headerPatternSource: LazyRegex?
    var headerPattern: Regex<AnyRegexOutput>? { headerPatternSource?.regex }
    let csvSkippedPrefixes: [String]

    init?(root: Node, reader: YAMLReader) {
        guard let file = YAMLFields(root, reader: reader, what: "the file", allowed: [
            "schema_version", "data_files", "pipeline_markers", "api_markers", "documents", "code", "link_hints", "consumption", "links",
            "publication_kinds", "licences", "licence_files", "datapackage", "tableschema", "csv",
        ]) else { return nil }
        let lower = { (values: [String]) in values.map { $0.lowercased() } }
        let bytes = { (values: [String]) in lower(values).map { Array($0.utf8) } }

        let dataFiles = file.fields("data_files", allowed: ["extensions", "folders", "folder_extensions", "excluded_folders",
                                                               "unpublished_folders", "package_markers"])
        dataExtensions = Set(lower(dataFiles?.strings("extensions") ?? []))
        dataFolders = Set(lower(dataFiles?.strings("folders") ?? []))
        dataFolderExtensions = Set(lower(dataFiles?.strings("folder_extensions", required: false) ?? []))
        exclusions = FolderFilter(dataFiles?.strings("excluded_folders") ?? [])
        let unpublishedFolders = lower(dataFiles?.strings("unpublished_folders", required: false) ?? [])
        unpublishedFolderNames = Set(unpublishedFolders.filter { !$0.hasSuffix("*") })
        unpublishedFolderPrefixes = unpublishedFolders.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) }
        packageMarkers = Set(dataFiles?.strings("package_markers", required: false) ?? [])
        pipelineMarkers = bytes(file.strings("pipeline_markers"))
        apiMarkers = bytes(file.strings("api_markers"))

        let documents = file.fields("documents", allowed: ["extensions", "front_folders"])
        documentExtensions = Set(lower(documents?.strings("extensions") ?? []))
        frontFolders = Set(lower(documents?.strings("front_folders", required: false) ?? []))
        let code = file.fields("code", allowed: ["extensions", "names", "config_extensions", "config_comment_prefixes"])
        codeExtensions = Set(lower(code?.strings("extensions") ?? []))
        codeNames = Set(code?.strings("names", required: false) ?? [])
        configExtensions = Set(lower(code?.strings("config_extensions", required: false) ?? []))
        configCommentPrefixes = bytes(code?.strings("config_comment_prefixes", required: false) ?? [])
        linkHints = bytes(file.strings("link_hints"))
        let consumption = file.fields("consumption", allowed: ["attribution_words", "footer_markers", "api_publish_markers",
                                                               "placeholder_slugs", "licence_file_stems", "source_headings",
                                                               "source_columns", "public_upload_markers", "example_words",
                                                               "history_file_stems"])
        attributionWords = bytes(consumption?.strings("attribution_words") ?? [])
        footerMarkers = bytes(consumption?.strings("footer_markers") ?? [])
        sourceHeadings = bytes(consumption?.strings("source_headings", required: false) ?? [])
        sourceColumns = bytes(consumption?.strings("source_columns", required: false) ?? [])
        apiPublishMarkers = bytes(consumption?.strings("api_publish_markers") ?? [])
        publicUploadMarkers = bytes(consumption?.strings("public_upload_markers", required: false) ?? [])
        placeholderSlugs = Set(lower(consumption?.strings("placeholder_slugs") ?? []))
        licenceFileStems = (consumption?.strings("licence_file_stems") ?? []).map { $0.uppercased() }
        exampleWords = bytes(consumption?.strings("example_words", required: false) ?? [])
        historyFileStems = (consumption?.strings("history_file_stems", required: false) ?? []).map { $0.uppercased() }

        linkSources = file.items("links", allowed: ["kind", "pattern"]).compactMap { item in
            guard let kind = item.string("kind"), let node = item.value("pattern"), let pattern = item.regex(node, what: "links[].pattern")
            else { return nil }
            return (kind, pattern)
        }
        publicationKinds = Set(file.strings("publication_kinds"))

        licences = file.items("licences", allowed: ["id", "older_version", "names", "urls"]).compactMap { item in
            guard let id = item.string("id") else { return nil }
            return DataLicenceName(id: id, olderVersion: item.bool("older_version") ?? false, names: item.phrases("names"),
                                   urls: lower(item.strings("urls", required: false)))
        }
        let licenceFiles = file.fields("licence_files", allowed: ["in_data_folders", "at_root"])
        licenceFilesInDataFolders = (licenceFiles?.strings("in_data_folders") ?? []).map { $0.uppercased() }
        licenceFilesAtRoot = (licenceFiles?.strings("at_root") ?? []).map { $0.uppercased() }

        let datapackage = file.fields("datapackage", allowed: ["file_names", "resource_name_pattern", "recommended_keys"])
        datapackageNames = Set(datapackage?.strings("file_names") ?? [])
        resourceNamePatternSource = datapackage?.value("resource_name_pattern").flatMap { datapackage?.regex($0, what: "datapackage.resource_name_pattern") }
        recommendedKeys = datapackage?.strings("recommended_keys", required: false) ?? []
        let tableschema = file.fields("tableschema", allowed: ["file_names", "required_keys", "name_pattern", "field_types"])
        tableSchemaNames = Set(tableschema?.strings("file_names") ?? [])
        schemaRequiredKeys = tableschema?.strings("required_keys") ?? []
        schemaNamePatternSource = tableschema?.value("name_pattern").flatMap { tableschema?.regex($0, what: "tableschema.name_pattern") }
        fieldTypes = Set(tableschema?.strings("field_types") ?? [])

        let csv = file.fields("csv", allowed: ["extensions", "separator", "candidate_separators", "header_pattern", "skipped_name_prefixes"])
        csvExtensions = Set(lower(csv?.strings("extensions") ?? []))
        let separator = { (node: Node?, text: String?) -> UInt8? in
            guard let text else { return nil }
            guard text.utf8.count == 1, let byte = text.utf8.first else {
                reader.report(node, LocalizedText(fr: "un séparateur est un seul caractère ASCII : « \(text) »",
                                                  en: "a separator is one ASCII character: '\(text)'"))
                return nil
            }
            return byte
        }
        csvSeparator = separator(csv?.value("separator"), csv?.string("separator")) ?? UInt8(ascii: ",")
        csvCandidateSeparators = (csv?.strings("candidate_separators") ?? []).compactMap { separator(csv?.value("candidate_separators"), $0) }
        headerPatternSource = csv?.value("header_pattern").flatMap { csv?.regex($0, what: "csv.header_pattern") }
        csvSkippedPrefixes = lower(csv?.strings("skipped_name_prefixes", required: false) ?? [])
    }

    /// True when `entry` is outside the excluded folders (tests, vendored code…).
    func isIncluded(_ entry: SnapshotEntry) -> Bool { entry.isRegularFile && !exclusions.excludes(entry.path) }

    /// True when one of the entry's folders is a data folder.
    func isInDataFolder(_ entry: SnapshotEntry) -> Bool {
        PathFolders.contains(entry.path, where: dataFolders.contains)
    }

    /// A file in a data format: a data extension anywhere, or JSON/XML inside a data folder (what the
    /// size rule weighs, whoever the data is for).
    func isDataFile(_ entry: SnapshotEntry) -> Bool {
        guard entry.isRegularFile, let ext = entry.lowercasedExtension else { return false }
        return dataExtensions.contains(ext) || (dataFolderExtensions.contains(ext) && isInDataFolder(entry))
    }

    /// A data file the repository publishes: a data extension, or JSON/XML inside a data folder at the
    /// root; not inside a folder of inputs, samples or tool output (`unpublished_folders`), nor inside
    /// a program's package (`packages`: the program reads what it ships there).
    func isPublishedDataFile(_ entry: SnapshotEntry, packages: Set<Substring>) -> Bool {
        // The extension first: most files are not data, and the folder tests cost ~25,000 instructions
        // a file (108 M on git/git's head scan when asked of every file).
        guard entry.isRegularFile, let ext = entry.lowercasedExtension else { return false }
        let hasDataExtension = dataExtensions.contains(ext)
        guard hasDataExtension || dataFolderExtensions.contains(ext), !isInUnpublishedFolder(entry.path) else { return false }
        var folder = entry.folder
        while !folder.isEmpty {
            if packages.contains(folder) { return false }
            folder = folder.lastIndex(of: "/").map { folder[..<$0] } ?? ""
        }
        let rootFolder = entry.isAtRoot ? nil : PathFolders.first(entry.path)
        return hasDataExtension || rootFolder.map(dataFolders.contains) == true
    }

    /// The folders holding a file named in `package_markers` (`__init__.py`): a program's packages.
    func packageFolders(_ entries: [SnapshotEntry]) -> Set<Substring> {
        Set(entries.filter { !$0.isAtRoot && packageMarkers.contains(String($0.name)) }.map(\.folder))
    }

    /// True when one of the folders of `path` holds inputs, samples or a tool's output.
    func isInUnpublishedFolder(_ path: String) -> Bool {
        PathFolders.contains(path) { folder in
            unpublishedFolderNames.contains(folder) || unpublishedFolderPrefixes.contains { folder.hasPrefix($0) }
        }
    }

    /// The repository's own documentation: a root file, or a file of a root documentation folder.
    /// Elsewhere, a link speaks of someone's data (site content, a sub-project, a tool's page).
    func isFrontDocument(_ entry: SnapshotEntry) -> Bool {
        if entry.isAtRoot {
            let name = entry.name.uppercased()
            return !historyFileStems.contains { name.hasPrefix($0) }
        }
        return entry.path.split(separator: "/").first.map { frontFolders.contains($0.lowercased()) } == true
    }

    /// A licence text: a root file named after a licence stem (LICENSE, LICENCE.md, Licence_CeCILL…)
    /// or any file of a root licence folder (LICENSES/).
    func isLicenceText(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard let first = parts.first?.uppercased() else { return false }
        return licenceFileStems.contains { stem in
            guard first.hasPrefix(stem) else { return false }
            let rest = first.dropFirst(stem.count)
            return rest.first.map { ".-_ ".contains($0) } ?? true
        }
    }

    /// True when the URL's last path segment is an example slug (`…/datasets/xxx/`).
    func isPlaceholderURL(_ url: String) -> Bool {
        let segments = url.split(separator: "/").map { $0.lowercased() }
        guard let last = segments.last else { return false }
        let bare = last.split(separator: "?").first.map(String.init) ?? last
        return placeholderSlugs.contains(bare) || (bare.hasPrefix("<") && bare.hasSuffix(">")) || bare.hasPrefix("{")
    }

    func isDocument(_ entry: SnapshotEntry) -> Bool {
        entry.lowercasedExtension.map(documentExtensions.contains) ?? false
    }

    /// A program: searched for links, API calls and data writes.
    func isCode(_ entry: SnapshotEntry) -> Bool {
        codeNames.contains(String(entry.name)) || (entry.lowercasedExtension.map(codeExtensions.contains) ?? false)
    }

    /// A configuration file (CI, scheduler): searched for links only.
    func isConfiguration(_ entry: SnapshotEntry) -> Bool {
        entry.lowercasedExtension.map(configExtensions.contains) ?? false
    }

    /// Whether a line of a configuration file is a comment: its first non-blank bytes are one of
    /// `code.config_comment_prefixes`.
    func isComment(_ line: [UInt8]) -> Bool {
        guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        let text = line[first...]
        return configCommentPrefixes.contains { text.starts(with: $0) }
    }

    /// The data licence a URL or a free-text name designates, if any.
    func licence(url: String) -> DataLicenceName? {
        let lower = url.lowercased()
        return licences.first { $0.urls.contains { lower.contains($0) } }
    }
}

extension RuleData {
    /// `rules/data/open_data.yml`.
    public var openData: OpenDataConventions { section(OpenDataConventions.self) }
}
