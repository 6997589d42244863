public import VigieCore

/// One problem of a `datapackage.json` or a TableSchema, with the line and column of the value it is about.
public struct PackageProblem: Sendable, Equatable {
    /// `error`: the file is not valid; `advice`: valid, but a recommendation is not followed.
    public enum Severity: String, Sendable { case error, advice }
    public let severity: Severity
    /// Nil when the file was not read.
    public let position: JSONPosition?
    public let message: LocalizedText
}

/// A `datapackage.json` or TableSchema file, checked.
public struct CheckedPackage: Sendable, Equatable {
    public enum Kind: String, Sendable { case datapackage, tableschema }
    public let path: String
    public let kind: Kind
    /// Resources of a data package, fields of a schema.
    public let items: Int
    /// Licence names or paths declared under `licenses`, with where each is.
    public let licences: [(name: String, position: JSONPosition)]
    public let problems: [PackageProblem]

    public var errors: [PackageProblem] { problems.filter { $0.severity == .error } }
    public var valid: Bool { errors.isEmpty }

    public static func == (lhs: CheckedPackage, rhs: CheckedPackage) -> Bool {
        lhs.path == rhs.path && lhs.kind == rhs.kind && lhs.problems == rhs.problems && lhs.licences.map(\.name) == rhs.licences.map(\.name)
    }
}

/// Every `datapackage.json` (Frictionless Data Package) and TableSchema `schema.json` of the tree,
/// checked against DOMAIN §4.2–4.3: valid JSON, the required keys, resource names, every local
/// resource `path` and `schema` present in the tree; at the root, the keys schema.data.gouv.fr
/// requires and a git tag for the schema's version.
public struct DataPackageCheck: Sendable {
    public let packages: [CheckedPackage]
    public let unread: [UnreadFile]

    /// Computed once per snapshot and per-file budget.
    public static func of(_ snapshot: RepositorySnapshot, data: RuleData, maxFileBytes: Int) throws -> DataPackageCheck {
        let budget = ScanBudget(perFile: maxFileBytes, total: Int.max)
        return try snapshot.memoised("open_data.datapackage", budget) {
            try DataPackageCheck(ContentPass.of(snapshot, data: data), conventions: data.openData, budget: budget)
        }
    }

    init(_ pass: ContentPass, conventions: OpenDataConventions, budget: ScanBudget) throws {
        let snapshot = pass.snapshot
        let reader = BudgetedReader(pass, budget: budget)
        var packages: [CheckedPackage] = []
        var schemaPaths: [String] = []
        for entry in snapshot.entries where conventions.isIncluded(entry) && conventions.datapackageNames.contains(String(entry.name)) {
            let (package, schemas) = try Self.checkDataPackage(entry, snapshot: snapshot, conventions: conventions, reader: reader)
            packages.append(package)
            schemaPaths += schemas
        }
        let named = snapshot.entries.filter { conventions.isIncluded($0) && conventions.tableSchemaNames.contains(String($0.name)) }
        // Schemas named by a datapackage must be TableSchemas; another file named schema.json is one only if it has `fields`.
        let referenced = Set(schemaPaths)
        var seen: Set<String> = []
        for path in schemaPaths + named.map(\.path) where seen.insert(path).inserted {
            guard let entry = snapshot.entry(at: path) else { continue }
            let isRoot = entry.isAtRoot && conventions.tableSchemaNames.contains(String(entry.name))
            if let package = try Self.checkTableSchema(entry, publication: isRoot, mustBeSchema: isRoot || referenced.contains(path),
                                                        snapshot: snapshot, conventions: conventions, reader: reader) {
                packages.append(package)
            }
        }
        self.packages = packages.sorted { ($0.path, $0.kind.rawValue) < ($1.path, $1.kind.rawValue) }
        unread = reader.unread
    }

    // MARK: datapackage.json

    static func checkDataPackage(_ entry: SnapshotEntry, snapshot: RepositorySnapshot, conventions: OpenDataConventions,
                                 reader: BudgetedReader) throws -> (CheckedPackage, [String]) {
        guard let bytes = try reader.bytes(of: entry) else {
            return (unreadPackage(entry, kind: .datapackage, reader: reader), [])
        }
        let json = LocatedJSON(bytes)
        var problems = ProblemList(json: json)
        var schemas: [String] = []
        var count = 0
        var licences: [(String, JSONPosition)] = []
        guard let root = problems.root(json, what: "datapackage.json") else {
            return (CheckedPackage(path: entry.path, kind: .datapackage, items: 0, licences: [], problems: problems.list), [])
        }
        let folder = String(entry.folder)
        switch root["resources"] {
        case nil:
            problems.error("", fr: "il manque la clé obligatoire « resources »", en: "missing the required key 'resources'")
        case .array(let resources)?:
            if resources.isEmpty { problems.error("/resources", fr: "« resources » est vide : il faut au moins une ressource", en: "'resources' is empty: at least one resource is required") }
            count = resources.count
            for (index, resource) in resources.enumerated() {
                let pointer = "/resources/\(index)"
                guard case .object(let fields) = resource else {
                    problems.error(pointer, fr: "la ressource \(index) n'est pas un objet", en: "resource \(index) is not an object")
                    continue
                }
                checkResourceName(fields["name"], pointer: pointer, index: index, conventions: conventions, problems: &problems)
                if fields["path"] == nil && fields["data"] == nil {
                    problems.error(pointer, fr: "la ressource \(index) n'a ni « path » ni « data »", en: "resource \(index) has neither 'path' nor 'data'")
                }
                if let path = fields["path"] {
                    checkPaths(path, pointer: pointer + "/path", folder: folder, snapshot: snapshot, problems: &problems)
                }
                if case .string(let schema)? = fields["schema"], !isURL(schema) {
                    if let resolved = checkPath(schema, pointer: pointer + "/schema", folder: folder, snapshot: snapshot, problems: &problems) {
                        schemas.append(resolved)
                    }
                }
                licences += declaredLicences(fields["licenses"], pointer: pointer + "/licenses", json: json, problems: &problems)
            }
        case .some:
            problems.error("/resources", fr: "« resources » doit être une liste", en: "'resources' must be a list")
        }
        licences += declaredLicences(root["licenses"], pointer: "/licenses", json: json, problems: &problems)
        for key in conventions.recommendedKeys where root[key] == nil {
            problems.advice("", fr: "clé recommandée absente : « \(key) »", en: "recommended key missing: '\(key)'")
        }
        return (CheckedPackage(path: entry.path, kind: .datapackage, items: count, licences: licences, problems: problems.list), schemas)
    }

    static func checkResourceName(_ name: JSONValue?, pointer: String, index: Int, conventions: OpenDataConventions, problems: inout ProblemList) {
        guard let name else {
            problems.error(pointer, fr: "la ressource \(index) n'a pas de « name »", en: "resource \(index) has no 'name'")
            return
        }
        guard case .string(let text) = name else {
            problems.error(pointer + "/name", fr: "« name » doit être un texte", en: "'name' must be a string")
            return
        }
        if let pattern = conventions.resourceNamePattern, text.wholeMatch(of: pattern) == nil || text != text.lowercased() {
            problems.error(pointer + "/name", fr: "nom de ressource « \(text) » invalide : minuscules, chiffres, « - . _ / » seulement",
                           en: "invalid resource name '\(text)': lowercase letters, digits and '- . _ /' only")
        }
    }

    static func checkPaths(_ value: JSONValue, pointer: String, folder: String, snapshot: RepositorySnapshot, problems: inout ProblemList) {
        switch value {
        case .string(let path):
            _ = checkPath(path, pointer: pointer, folder: folder, snapshot: snapshot, problems: &problems)
        case .array(let paths) where !paths.isEmpty:
            for (index, item) in paths.enumerated() {
                guard case .string(let path) = item else {
                    problems.error("\(pointer)/\(index)", fr: "un chemin doit être un texte", en: "a path must be a string")
                    continue
                }
                _ = checkPath(path, pointer: "\(pointer)/\(index)", folder: folder, snapshot: snapshot, problems: &problems)
            }
        default:
            problems.error(pointer, fr: "« path » doit être un texte ou une liste de textes", en: "'path' must be a string or a list of strings")
        }
    }

    /// A local path must be relative, without `..`, and in the tree; URLs are not followed. Returns the tree path.
    static func checkPath(_ path: String, pointer: String, folder: String, snapshot: RepositorySnapshot, problems: inout ProblemList) -> String? {
        if isURL(path) { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || segments.contains("..") {
            problems.error(pointer, fr: "« \(path) » doit être un chemin relatif, sans « .. »", en: "'\(path)' must be a relative path without '..'")
            return nil
        }
        let resolved = (folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)) + segments.filter { $0 != "." && !$0.isEmpty }.map(String.init)
        let treePath = resolved.joined(separator: "/")
        guard snapshot.entry(at: treePath) != nil else {
            problems.error(pointer, fr: "« \(path) » n'existe pas dans le dépôt", en: "'\(path)' is not in the repository")
            return nil
        }
        return treePath
    }

    static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The names (or paths) under `licenses`; a malformed list is an error.
    static func declaredLicences(_ value: JSONValue?, pointer: String, json: LocatedJSON, problems: inout ProblemList) -> [(String, JSONPosition)] {
        guard let value else { return [] }
        guard case .array(let items) = value else {
            problems.error(pointer, fr: "« licenses » doit être une liste", en: "'licenses' must be a list")
            return []
        }
        var names: [(String, JSONPosition)] = []
        for (index, item) in items.enumerated() {
            let itemPointer = "\(pointer)/\(index)"
            if case .object(let fields) = item, case .string(let name)? = fields["name"] ?? fields["path"] {
                names.append((name, json.position(itemPointer)))
                if case .string(let path)? = fields["path"], fields["name"] != nil { names.append((path, json.position(itemPointer + "/path"))) }
            } else {
                problems.error(itemPointer, fr: "une licence doit avoir « name » ou « path »", en: "a licence needs a 'name' or a 'path'")
            }
        }
        return names
    }

    // MARK: TableSchema

    /// Checks a TableSchema; nil when `mustBeSchema` is false and the file is not one (a JSON Schema named schema.json).
    static func checkTableSchema(_ entry: SnapshotEntry, publication: Bool, mustBeSchema: Bool, snapshot: RepositorySnapshot,
                                 conventions: OpenDataConventions, reader: BudgetedReader) throws -> CheckedPackage? {
        guard let bytes = try reader.bytes(of: entry) else {
            return mustBeSchema ? unreadPackage(entry, kind: .tableschema, reader: reader) : nil
        }
        let json = LocatedJSON(bytes)
        if !mustBeSchema, json.value?["fields"] == nil { return nil }
        var problems = ProblemList(json: json)
        guard let root = problems.root(json, what: entry.path) else {
            return CheckedPackage(path: entry.path, kind: .tableschema, items: 0, licences: [], problems: problems.list)
        }
        var count = 0
        switch root["fields"] {
        case .array(let fields)? where !fields.isEmpty:
            count = fields.count
            for (index, field) in fields.enumerated() {
                let pointer = "/fields/\(index)"
                guard case .object(let keys) = field else {
                    problems.error(pointer, fr: "le champ \(index) n'est pas un objet", en: "field \(index) is not an object")
                    continue
                }
                guard case .string? = keys["name"] else {
                    problems.error(pointer, fr: "le champ \(index) n'a pas de « name »", en: "field \(index) has no 'name'")
                    continue
                }
                if let type = keys["type"] {
                    guard case .string(let name) = type, conventions.fieldTypes.contains(name) else {
                        problems.error(pointer + "/type", fr: "type de champ inconnu de Table Schema", en: "not a Table Schema field type")
                        continue
                    }
                }
            }
        case nil:
            problems.error("", fr: "il manque la clé obligatoire « fields »", en: "missing the required key 'fields'")
        default:
            problems.error("/fields", fr: "« fields » doit être une liste non vide", en: "'fields' must be a non-empty list")
        }
        if publication {
            for key in conventions.schemaRequiredKeys where root[key] == nil {
                problems.error("", fr: "il manque la clé « \(key) », obligatoire sur schema.data.gouv.fr",
                               en: "missing the key '\(key)', required by schema.data.gouv.fr")
            }
            if case .string(let name)? = root["name"], let pattern = conventions.schemaNamePattern,
               name.wholeMatch(of: pattern) == nil || name != name.lowercased() {
                problems.error("/name", fr: "« \(name) » n'est pas un identifiant (minuscules, « - », « _ »)", en: "'\(name)' is not a slug (lowercase, '-', '_')")
            }
            if case .string(let version)? = root["version"] {
                let tags = Set(try snapshot.tags().map(\.name))
                if !tags.contains(version) && !tags.contains("v" + version) {
                    problems.advice("/version", fr: "aucune étiquette git v\(version) pour la version \(version) (schema.data.gouv.fr les fait correspondre)",
                                    en: "no git tag v\(version) for version \(version) (schema.data.gouv.fr matches them)")
                }
            }
        }
        let licences = declaredLicences(root["licenses"], pointer: "/licenses", json: json, problems: &problems)
        return CheckedPackage(path: entry.path, kind: .tableschema, items: count, licences: licences, problems: problems.list)
    }

    static func unreadPackage(_ entry: SnapshotEntry, kind: CheckedPackage.Kind, reader: BudgetedReader) -> CheckedPackage {
        let message = reader.unread.last { $0.path == entry.path }?.message
            ?? LocalizedText(fr: "non lu", en: "not read")
        return CheckedPackage(path: entry.path, kind: kind, items: 0, licences: [],
                              problems: [PackageProblem(severity: .advice, position: nil, message: message)])
    }
}

/// Problems of one file, each placed at the value its JSON pointer names.
struct ProblemList {
    let json: LocatedJSON
    var list: [PackageProblem] = []

    init(json: LocatedJSON) {
        self.json = json
        if let error = json.error {
            list.append(PackageProblem(severity: .error, position: error.position, message: LocalizedText(
                fr: "JSON invalide : \(error.message.fr)", en: "not valid JSON: \(error.message.en)")))
        }
    }

    /// The root object, or nil (with an error) when the text is not JSON or not an object.
    mutating func root(_ json: LocatedJSON, what: String) -> [String: JSONValue]? {
        guard let value = json.value else { return nil }
        guard case .object(let object) = value else {
            error("", fr: "\(what) doit contenir un objet JSON ({ … })", en: "\(what) must hold a JSON object ({ … })")
            return nil
        }
        return object
    }

    mutating func error(_ pointer: String, fr: String, en: String) {
        list.append(PackageProblem(severity: .error, position: json.position(pointer), message: LocalizedText(fr: fr, en: en)))
    }

    mutating func advice(_ pointer: String, fr: String, en: String) {
        list.append(PackageProblem(severity: .advice, position: json.position(pointer), message: LocalizedText(fr: fr, en: en)))
    }
}
