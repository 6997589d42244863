import Foundation
package import Yams

/// One file of `rules/` (a rule set or a data file) compiled into vigie by the EmbedRules build
/// plugin (`Plugins/EmbedRules`, `Sources/vigie-embed-rules`); the list, `BuiltInRuleFile.all`, is
/// generated at build time from the files themselves.
package struct BuiltInRuleFile: Sendable {
    /// Path under `rules/`: `eig.yml`, `data/licences.yml`.
    package let name: String
    /// The composed YAML tree, in `EmbeddedYAML`'s format, base64.
    let tree: String
    /// The file's bytes, base64 (the rule set digest is computed over files' bytes).
    let bytes: String

    /// The built-in file at `name` (path under `rules/`), if there is one.
    package static func named(_ name: String) -> BuiltInRuleFile? {
        all.first { $0.name == name }
    }

    /// How errors and `vigie rules validate` name the file: it exists in no folder.
    package var displayPath: String { "<built-in>/rules/" + name }

    /// The file's YAML tree, as `Yams.compose` gave it at build time (marks included); nil for a
    /// template or licence text, embedded as bytes only.
    package func root() -> Node? { tree.isEmpty ? nil : EmbeddedYAML.decode(base64: tree) }

    package var contents: [UInt8] { Data(base64Encoded: bytes).map { [UInt8]($0) } ?? [] }
}

/// A compact binary form of a composed YAML tree, written by vigie-embed-rules and read back into
/// the same `Yams.Node` values, without YAML parsing, duplicate-key checks or tag resolution (done at
/// build time). Each node: kind (0 scalar, 1 mapping, 2 sequence), line and column (LEB128
/// varints, 0 for none), style, tag (an index in `tags`, or 255 and the name), then a scalar's
/// text (length and UTF-8) or a collection's count and children (a mapping's as key, value).
enum EmbeddedYAML {
    /// The same list as in vigie-embed-rules.
    static let tags = ["", "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool",
                       "tag:yaml.org,2002:null", "tag:yaml.org,2002:float", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
                       "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:merge"]

    static func decode(base64: String) -> Node? {
        guard let data = Data(base64Encoded: base64) else { return nil }
        return [UInt8](data).withUnsafeBufferPointer { buffer in
            var cursor = Cursor(bytes: buffer)
            return cursor.node()
        }
    }

    /// Yams gives `Mark` no public initialiser; it is two `Int`s, line then column (checked by
    /// `EmbeddedYAMLTests`, which compares decoded marks with those of `Yams.compose`).
    static func mark(line: Int, column: Int) -> Mark? {
        guard line > 0, MemoryLayout<Mark>.size == 2 * MemoryLayout<Int>.size else { return nil }
        return unsafeBitCast((line, column), to: Mark.self)
    }

    /// Reads the bytes vigie-embed-rules wrote (also `PrecomputedPhrases`).
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0
        /// One `Tag` per name: a resolved tag is never changed again by Yams, so nodes may share it.
        /// Known tags by their byte (an array: hashing the name at every node was 12 M instructions
        /// of each start, issue 14); other tags, rare, by name.
        var knownTags: [Tag?] = Array(repeating: nil, count: EmbeddedYAML.tags.count)
        var customTags: [String: Tag] = [:]
        /// `Constructor.default` builds a new constructor at each call: one per tree.
        let constructor = Constructor.default

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var isAtEnd: Bool { offset == bytes.count }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() -> Int? {
            var value = 0, shift = 0
            while let byte = byte() {
                value |= Int(byte & 0x7f) << shift
                if byte < 0x80 { return value }
                shift += 7
                if shift > 56 { return nil }
            }
            return nil
        }

        mutating func string() -> String? {
            guard let count = varint(), count <= bytes.count - offset else { return nil }
            defer { offset += count }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        }

        mutating func tag() -> Tag? {
            guard let index = byte() else { return nil }
            if index == 255 {
                guard let name = string() else { return nil }
                if let cached = customTags[name] { return cached }
                let tag = makeTag(name)
                customTags[name] = tag
                return tag
            }
            guard Int(index) < knownTags.count else { return nil }
            if let cached = knownTags[Int(index)] { return cached }
            let tag = makeTag(EmbeddedYAML.tags[Int(index)])
            knownTags[Int(index)] = tag
            return tag
        }

        /// Tags were resolved at build time: a resolver only serves an implicit tag (""), which the
        /// embedded trees do not hold. `Resolver.default` compiles its NSRegularExpressions on first
        /// use (8.8 M instructions, issue 14); `Resolver.basic` has no rule.
        func makeTag(_ name: String) -> Tag {
            let tagName = Tag.Name(rawValue: name)
            return Tag(tagName, tagName == .implicit ? .default : .basic, constructor)
        }

        mutating func node() -> Node? {
            guard let kind = byte(), let line = varint(), let column = varint(), let style = byte(), let tag = tag() else { return nil }
            let mark = EmbeddedYAML.mark(line: line, column: column)
            switch kind {
            case 0:
                guard let text = string() else { return nil }
                return .scalar(Node.Scalar(text, tag, Node.Scalar.Style(rawValue: UInt32(style)) ?? .any, mark))
            case 1:
                guard let count = varint() else { return nil }
                var pairs: [(Node, Node)] = []
                pairs.reserveCapacity(count)
                for _ in 0..<count {
                    guard let key = node(), let value = node() else { return nil }
                    pairs.append((key, value))
                }
                return .mapping(Node.Mapping(pairs, tag, Node.Mapping.Style(rawValue: UInt32(style)) ?? .any, mark))
            case 2:
                guard let count = varint() else { return nil }
                var items: [Node] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    guard let item = node() else { return nil }
                    items.append(item)
                }
                return .sequence(Node.Sequence(items, tag, Node.Sequence.Style(rawValue: UInt32(style)) ?? .any, mark))
            default:
                return nil
            }
        }
    }
}
