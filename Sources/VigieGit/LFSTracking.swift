#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which paths the tree's `.gitattributes` files send to Git LFS (`filter=lfs`), so that the audit
/// can name every LFS pointer of the tree, not only those a rule happened to read.
///
/// Patterns follow gitattributes(5) for what LFS users write: a pattern without a slash matches a
/// name in any folder below the file's own; one with a slash is anchored to that folder; `dir/**`
/// matches everything below `dir`. Matching uses fnmatch(3) with FNM_PATHNAME.
public struct LFSTracking: Sendable {
    private struct Rule: Sendable {
        let folder: String
        let pattern: String
        let anchored: Bool
        let tracked: Bool
    }
    private let rules: [Rule]

    /// `files`: each `.gitattributes` as (its folder, "" at the root; its bytes), shallowest first.
    public init(_ files: [(folder: String, bytes: [UInt8])]) {
        var rules: [Rule] = []
        for (folder, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard let first = fields.first, !first.hasPrefix("#") else { continue }
                let attributes = fields.dropFirst()
                let tracked: Bool
                if attributes.contains("filter=lfs") { tracked = true }
                else if attributes.contains("-filter") || attributes.contains("!filter") || attributes.contains(where: { $0.hasPrefix("filter=") }) { tracked = false }
                else { continue }
                var pattern = String(first)
                let anchored = pattern.dropLast().contains("/")
                if pattern.hasPrefix("/") { pattern.removeFirst() }
                rules.append(Rule(folder: folder, pattern: pattern, anchored: anchored, tracked: tracked))
            }
        }
        self.rules = rules
    }

    /// True when there is nothing to look for: no `.gitattributes` mentions LFS.
    public var isEmpty: Bool { !rules.contains { $0.tracked } }

    /// Whether the last matching line (deeper files and later lines win, as in git) sends `path` to LFS.
    public func tracks(_ path: String) -> Bool {
        var result = false
        for rule in rules {
            let prefix = rule.folder.isEmpty ? "" : rule.folder + "/"
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            if Self.matches(rule, relative) { result = rule.tracked }
        }
        return result
    }

    private static func matches(_ rule: Rule, _ relative: String) -> Bool {
        if rule.pattern.hasSuffix("/**") {
            return relative.hasPrefix(String(rule.pattern.dropLast(2)))
        }
        if rule.anchored { return fnmatch(rule.pattern, relative, FNM_PATHNAME) == 0 }
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        return fnmatch(rule.pattern, name, 0) == 0
    }
}
