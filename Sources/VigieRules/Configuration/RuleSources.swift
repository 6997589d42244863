import Foundation

/// Where rule sets and rule data come from: the user's rules folders first, in order, then the
/// rules built into vigie (`rules/` of the source tree, compiled in by the EmbedRules plugin).
///
/// A file is looked up by its path under a rules folder (`mine.yml`, `data/licences.yml`) and the
/// first layer holding it wins, so a folder may add rule sets (`mine.yml` with `extends: eig`) and
/// override a built-in rule set or data file by name, and needs nothing else (docs/rulesets.md).
public struct RuleSources: Sendable, Equatable, CustomStringConvertible {
    /// The user's folders, the first one first.
    public let folders: [String]
    /// Whether the built-in rules are the last layer (false: the folders alone, as a test wants them).
    public let includesBuiltIn: Bool

    public init(folders: [String], includesBuiltIn: Bool = true) {
        self.folders = folders
        self.includesBuiltIn = includesBuiltIn
    }

    /// The built-in rules alone.
    public static let builtIn = RuleSources(folders: [])

    /// One folder alone, without the built-in rules.
    public static func folder(_ path: String) -> RuleSources { RuleSources(folders: [path], includesBuiltIn: false) }

    public var description: String {
        (folders + (includesBuiltIn ? ["<built-in>/rules"] : [])).joined(separator: ", ")
    }

    /// `name` (a path under a rules folder) from the first layer that holds it.
    func file(_ name: String) -> RuleSourceFile? {
        for folder in folders {
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { return .disk(path) }
        }
        if includesBuiltIn, let builtIn = BuiltInRuleFile.named(name) { return .builtIn(builtIn) }
        return nil
    }

    /// `name` from the first layer holding it, or the place it was first looked for (whose reader
    /// then reports that it cannot be read).
    func fileOrFirstPlace(_ name: String) -> RuleSourceFile {
        if let found = file(name) { return found }
        if let folder = folders.first { return .disk(folder + "/" + name) }
        return .missing("<built-in>/rules/" + name)
    }

    /// The data files (`data/*.yml`) of every layer, by name, each from the first layer holding it.
    func dataFiles() -> [RuleSourceFile] {
        var names: Set<String> = []
        for folder in folders {
            let found = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/data")) ?? []
            names.formUnion(found.filter { $0.hasSuffix(".yml") }.map { "data/" + $0 })
        }
        if includesBuiltIn { names.formUnion(BuiltInRuleFile.all.map(\.name).filter { $0.hasPrefix("data/") }) }
        return names.sorted().compactMap(file)
    }
}

/// A rule set or data file, in a folder or built into vigie.
enum RuleSourceFile {
    case disk(String)
    case builtIn(BuiltInRuleFile)
    /// Neither in a folder nor built in, and no folder to name: nothing to read on disk.
    case missing(String)

    /// The path errors name.
    var path: String {
        switch self {
        case .disk(let path), .missing(let path): path
        case .builtIn(let file): file.displayPath
        }
    }

    /// The folder paths in the file are relative to (plugins, `extends: other.yml`).
    var folder: String { URL(fileURLWithPath: path).deletingLastPathComponent().path }

    /// A reader of the file: YAML parsed from disk, or the tree compiled in.
    func reader() -> YAMLReader {
        switch self {
        case .disk(let path): YAMLReader(file: path)
        case .builtIn(let file): YAMLReader(builtIn: file)
        case .missing(let path): YAMLReader(missing: path)
        }
    }

    /// The file's text (UTF-8), at most `cap` bytes: a fix template or a licence text. Nil when it
    /// cannot be read, is larger or is not UTF-8.
    func text(cap: Int = 1 << 20) -> String? {
        let bytes: [UInt8]
        switch self {
        case .disk(let path):
            guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil, size <= cap,
                  let data = FileManager.default.contents(atPath: path) else { return nil }
            bytes = [UInt8](data)
        case .builtIn(let file): bytes = file.contents
        case .missing: return nil
        }
        guard bytes.count <= cap else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Name and bytes, for the rule set digest.
    var digestInput: (name: String, bytes: [UInt8]) {
        switch self {
        case .disk(let path):
            (URL(fileURLWithPath: path).lastPathComponent, FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [])
        case .builtIn(let file):
            (URL(fileURLWithPath: file.name).lastPathComponent, file.contents)
        case .missing(let path):
            (URL(fileURLWithPath: path).lastPathComponent, [])
        }
    }
}
