import Foundation
import Yams

// vigie-embed-rules OUTPUT.swift RULES_DIR FILE...
//
// Run by the EmbedRules build plugin (Plugins/EmbedRules) for the VigieRules target: turns each
// built-in YAML file of `rules/` (rule sets and `data/`) into a value compiled into vigie, so that
// a copied binary needs no rules folder and loading the built-in rules parses no YAML.
//
// Each file is embedded twice, as base64 string literals (a string literal compiles in
// milliseconds; an array literal of this size would take minutes):
// - its composed YAML tree (`EmbeddedYAML` format, decoded by `EmbeddedYAML.decode` in VigieRules):
//   every node with its kind, line, column, style and resolved tag, scalars with their text, so the
//   loaders read the same `Yams.Node` values they read from the file, marks included;
// - its bytes, for the rule set digest (fleet reuse), which is computed over the files' bytes.
//
// Templates and texts (`rules/fixes/templates/**`, `rules/licences/*.txt`, any file not ending in
// `.yml`) are embedded as bytes only, with an empty tree: they are text with placeholders, not YAML.
//
// A file that is not valid YAML stops the build with its `file:line:column`: the built-in rules
// are checked in full by the tests (ShippedRuleSetsTests), this only keeps a broken file out.

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: vigie-embed-rules OUTPUT.swift RULES_DIR FILE...\n".utf8))
    exit(64)
}
let output = arguments[1]
let rulesDirectory = URL(fileURLWithPath: arguments[2]).standardizedFileURL.path
let files = arguments.dropFirst(3).map { URL(fileURLWithPath: $0).standardizedFileURL.path }.sorted()

/// Tags are stored by index in this list (the same list as `EmbeddedYAML.tags` in VigieRules);
/// another tag is stored as 255 followed by its name.
let knownTags = ["", "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool",
                 "tag:yaml.org,2002:null", "tag:yaml.org,2002:float", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
                 "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:merge"]

struct Encoder {
    var bytes: [UInt8] = []

    mutating func varint(_ value: Int) {
        precondition(value >= 0)
        var rest = UInt64(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7f) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        varint(utf8.count)
        bytes += utf8
    }

    mutating func tag(_ name: String) {
        if let index = knownTags.firstIndex(of: name) {
            bytes.append(UInt8(index))
        } else {
            bytes.append(255)
            string(name)
        }
    }

    mutating func header(kind: UInt8, mark: Mark?, style: UInt32) {
        bytes.append(kind)
        varint(mark?.line ?? 0)
        varint(mark?.column ?? 0)
        bytes.append(UInt8(style))
    }

    mutating func node(_ node: Node, file: String) throws {
        switch node {
        case .scalar(let scalar):
            header(kind: 0, mark: scalar.mark, style: scalar.style.rawValue)
            tag(node.tag.rawValue)
            string(scalar.string)
        case .mapping(let mapping):
            header(kind: 1, mark: mapping.mark, style: mapping.style.rawValue)
            tag(node.tag.rawValue)
            varint(mapping.count)
            for (key, value) in mapping {
                try self.node(key, file: file)
                try self.node(value, file: file)
            }
        case .sequence(let sequence):
            header(kind: 2, mark: sequence.mark, style: sequence.style.rawValue)
            tag(node.tag.rawValue)
            varint(sequence.count)
            for item in sequence { try self.node(item, file: file) }
        case .alias:
            throw Failure(message: "\(file): YAML aliases are not supported in built-in rules")
        }
    }
}

struct Failure: Error { let message: String }

/// `"…"` with only base64 characters inside: nothing to escape.
func literal(_ bytes: [UInt8]) -> String { "\"" + Data(bytes).base64EncodedString() + "\"" }

var entries: [String] = []
var phraseWords: [UInt8] = []
do {
    for file in files {
        guard file.hasPrefix(rulesDirectory + "/") else { throw Failure(message: "\(file) is not under \(rulesDirectory)") }
        let name = String(file.dropFirst(rulesDirectory.count + 1))
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure(message: "\(file): cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw Failure(message: "\(file): not UTF-8") }
        guard name.hasSuffix(".yml"), !name.hasPrefix("fixes/templates/") else {
            entries.append("        BuiltInRuleFile(name: \"\(name)\",\n                        tree: \"\",\n                        bytes: \(literal(Array(data))))")
            continue
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw Failure(message: "\(file): invalid YAML: \(error)")
        }
        guard let root else { throw Failure(message: "\(file): the file is empty") }
        var encoder = Encoder()
        try encoder.node(root, file: file)
        if name == "data/licences.yml" { phraseWords = licencePhraseWords(root) }
        entries.append("        BuiltInRuleFile(name: \"\(name)\",\n                        tree: \(literal(encoder.bytes)),\n                        bytes: \(literal(Array(data))))")
    }
} catch let failure as Failure {
    FileHandle.standardError.write(Data("vigie-embed-rules: error: \(failure.message)\n".utf8))
    exit(65)
}

let source = """
// Generated at build time by vigie-embed-rules (Plugins/EmbedRules) from the files of rules/: do not edit.
// rules/ is the source of truth; this file is rebuilt whenever one of them changes.

extension BuiltInRuleFile {
    /// Every built-in rule set, data file, fix template and licence text, by path under `rules/`, sorted.
    static let all: [BuiltInRuleFile] = [
\(entries.joined(separator: ",\n"))
    ]

    /// The words of the licence fingerprints' phrases, computed from data/licences.yml (`PrecomputedPhrases`).
    static let licencePhraseWords = \(literal(phraseWords))
}

"""
do {
    let url = URL(fileURLWithPath: output)
    try Data(source.utf8).write(to: url, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("vigie-embed-rules: error: cannot write \(output): \(error)\n".utf8))
    exit(73)
}
