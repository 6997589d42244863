import Foundation
import Testing
@testable import VigieRules
import VigieTestSupport
import Yams

/// The rules compiled into vigie (EmbedRules plugin) are `rules/` exactly: same files, same bytes,
/// same YAML trees with the same marks, same rule sets.
@Suite("Built-in rule files")
struct BuiltInRuleFilesTests {
    static var sourceFiles: [String] {
        let top = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.rules.path)) ?? []
        let data = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.rules.path + "/data")) ?? []
        let licences = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.rules.path + "/licences")) ?? []
        let fixesFolder = PackagePaths.rules.path + "/fixes"
        let fixes = (FileManager.default.enumerator(atPath: fixesFolder)?.compactMap { $0 as? String } ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: fixesFolder + "/" + name, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        return (top.filter { $0.hasSuffix(".yml") } + data.filter { $0.hasSuffix(".yml") }.map { "data/" + $0 }
            + licences.filter { $0.hasSuffix(".txt") }.map { "licences/" + $0 } + fixes.map { "fixes/" + $0 }).sorted()
    }

    /// The files embedded with their YAML tree: rule sets, data files and fixes.yml, not templates or licence texts.
    static func isYAML(_ name: String) -> Bool { name.hasSuffix(".yml") && !name.hasPrefix("fixes/templates/") }

    @Test("every rule set and data file of rules/ is built in, byte for byte")
    func sameFiles() throws {
        #expect(BuiltInRuleFile.all.map(\.name) == Self.sourceFiles)
        for file in BuiltInRuleFile.all {
            let bytes = try Data(contentsOf: PackagePaths.rules.appendingPathComponent(file.name))
            #expect(file.contents == [UInt8](bytes), "\(file.name) differs from rules/: rebuild")
        }
    }

    /// Kind, text, tag, style and mark of every node.
    func same(_ a: Node, _ b: Node, _ where_: String) -> Bool {
        guard a.tag.rawValue == b.tag.rawValue, a.mark?.line == b.mark?.line, a.mark?.column == b.mark?.column else { return false }
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            return x.string == y.string && x.style == y.style
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && x.style == y.style
                && zip(Array(x), Array(y)).allSatisfy { pair in same(pair.0.key, pair.1.key, where_) && same(pair.0.value, pair.1.value, where_) }
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && x.style == y.style && zip(Array(x), Array(y)).allSatisfy { pair in same(pair.0, pair.1, where_) }
        default:
            return false
        }
    }

    @Test("each built-in tree is the tree Yams composes from the file, marks included")
    func sameTrees() throws {
        for file in BuiltInRuleFile.all where Self.isYAML(file.name) {
            let text = try String(contentsOf: PackagePaths.rules.appendingPathComponent(file.name), encoding: .utf8)
            let composed = try #require(try Yams.compose(yaml: text))
            let decoded = try #require(file.root(), "\(file.name) does not decode")
            #expect(same(decoded, composed, file.name), "\(file.name)")
            #expect(decoded.mark?.line ?? 0 >= 1)
        }
    }

    @Test("the built-in rule sets load as rules/ does, digest included")
    func sameRuleSets() throws {
        for id in ["eig", "generic"] {
            let builtIn = try RuleSet.load(sources: .builtIn, id: id)
            let folder = try RuleSet.load(directory: PackagePaths.rules.path, id: id)
            #expect(builtIn.rules.map(\.rule.metadata.id) == folder.rules.map(\.rule.metadata.id))
            #expect(builtIn.rules.map(\.weight) == folder.rules.map(\.weight))
            #expect(builtIn.version == folder.version)
            #expect(builtIn.digest == folder.digest)
            #expect(builtIn.data.fingerprints == folder.data.fingerprints)
            #expect(builtIn.data.policy == folder.data.policy)
        }
    }

    @Test("an error in a built-in rule set names it and its line")
    func builtInErrorsAreLocated() throws {
        let scratch = try TemporaryDirectory()
        try "id: team\nextends: eig\nrules:\n  licence.present: {enabled: false}\n".write(to: scratch.appending("team.yml"), atomically: true, encoding: .utf8)
        let error = try #require(throws: ConfigurationErrors.self) { try RuleSet.load(sources: RuleSources(folders: [scratch.path]), id: "team") }
        // licence.allowed requires licence.present; the rule is declared in the built-in eig.yml.
        let located = error.errors.first { $0.file == "<built-in>/rules/eig.yml" }
        #expect(located != nil && (located?.line ?? 0) > 1, "\(error.errors)")
    }
}
