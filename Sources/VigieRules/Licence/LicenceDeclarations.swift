public import VigieCore
import Foundation

/// Where a repository says which licence it uses, besides the licence texts: package manifests,
/// REUSE files, `SPDX-License-Identifier` headers, `publiccode.yml` and the README's licence section.
public struct LicenceDeclaration: Sendable, Equatable {
    /// `package.json`, `pyproject.toml`, `spdx-header`, `reuse`, `publiccode.yml`, `readme`…
    public let source: String
    public let path: String
    public let line: Int?
    /// The SPDX expression or name as written (`MIT OR Apache-2.0`, `GPL-3.0-or-later`).
    public let expression: String
    /// The SPDX ids the expression names, canonical spelling where known; none when the expression
    /// is not a valid SPDX expression nor a usual licence name ("CC-BY 2.0"), or says there is no open licence.
    public let ids: [String]
    /// The expression says there is no open licence (`proprietary`, `UNLICENSED`): a declaration kept
    /// as evidence, that the licence rules read as "no open licence".
    public let declaresNoOpenLicence: Bool

    public init(source: String, path: String, line: Int?, expression: String, ids: [String], declaresNoOpenLicence: Bool = false) {
        self.source = source
        self.path = path
        self.line = line
        self.expression = expression
        self.ids = ids
        self.declaresNoOpenLicence = declaresNoOpenLicence
    }
}

/// Finds every licence declaration, reading each file within a cap and the source headers within a budget.
public enum LicenceDeclarations {
    /// Manifest files and how to find the licence in each: a pattern whose first group is the expression.
    /// Built once (a regex literal is rebuilt at every evaluation).
    nonisolated(unsafe) static let manifests: [(name: String, source: String, pattern: Regex<(Substring, Substring)>)] = [
        ("package.json", "package.json", #/"license"\s*:\s*"([^"]+)"/#),
        ("composer.json", "composer.json", #/"license"\s*:\s*\[?\s*"([^"]+)"/#),
        ("pyproject.toml", "pyproject.toml", #/^\s*license\s*=\s*(?:\{\s*text\s*=\s*)?"([^"]+)"/#),
        ("setup.cfg", "setup.cfg", #/^\s*license\s*=\s*([^\s#][^#\n]*?)\s*$/#),
        ("setup.py", "setup.py", #/license\s*=\s*["']([^"']+)["']/#),
        ("Cargo.toml", "Cargo.toml", #/^\s*license\s*=\s*"([^"]+)"/#),
        ("DESCRIPTION", "DESCRIPTION", #/^License:\s*(.+?)\s*$/#),
        ("pom.xml", "pom.xml", #/<license>\s*<name>([^<]+)<\/name>/#),
        ("publiccode.yml", "publiccode.yml", #/^\s+license:\s*["']?([^"'#\n]+?)["']?\s*$/#),
        // The same file misspelt (SocialGouv/recherche-entreprises): what it declares is still declared.
        ("publicode.yml", "publiccode.yml", #/^\s+license:\s*["']?([^"'#\n]+?)["']?\s*$/#),
    ]

    public static func find(in snapshot: RepositorySnapshot, data: RuleData, headerBudget: Int64 = 1 << 20) throws -> [LicenceDeclaration] {
        let policy = data.policy
        var found: [LicenceDeclaration] = []
        for manifest in manifests {
            guard let entry = snapshot.entry(at: manifest.name), snapshot.size(of: entry).map({ $0 <= 1 << 20 }) ?? false else { continue }
            found += scan(try snapshot.textUnlessBinary(of: entry) ?? "", path: entry.path, source: manifest.source, pattern: manifest.pattern, policy: policy, firstOnly: true)
        }
        for entry in snapshot.rootEntries where entry.name.lowercased().hasSuffix(".gemspec") && snapshot.size(of: entry).map({ $0 <= 1 << 20 }) ?? false {
            found += scan(try snapshot.textUnlessBinary(of: entry) ?? "", path: entry.path, source: "gemspec", pattern: #/\.licen[sc]es?\s*=\s*\[?\s*["']([^"']+)["']/#, policy: policy, firstOnly: true)
        }
        for path in ["REUSE.toml", ".reuse/dep5"] {
            guard let entry = snapshot.entry(at: path), snapshot.size(of: entry).map({ $0 <= 1 << 20 }) ?? false else { continue }
            found += scan(try snapshot.textUnlessBinary(of: entry) ?? "", path: path, source: "reuse", pattern: #/(?i)^\s*(?:SPDX-License-Identifier|License)\s*[:=]\s*["']?([^"'\n]+?)["']?\s*$/#, policy: policy, firstOnly: false)
        }
        found += try spdxHeaders(in: ContentPass.of(snapshot, data: data), policy: policy, budget: headerBudget)
        return found
    }

    static func scan(_ text: String, path: String, source: String, pattern: Regex<(Substring, Substring)>, policy: LicencePolicy, firstOnly: Bool) -> [LicenceDeclaration] {
        var result: [LicenceDeclaration] = []
        var seen: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let match = line.firstMatch(of: pattern) else { continue }
            let expression = match.1.trimming(" \t\r")
            guard !expression.isEmpty, seen.insert(expression).inserted else { continue }
            result.append(LicenceDeclaration(source: source, path: path, line: index + 1, expression: expression, ids: ids(in: expression, policy: policy),
                                             declaresNoOpenLicence: policy.noOpenLicence.contains(expression.lowercased())))
            if firstOnly { break }
        }
        return result
    }

    /// `SPDX-License-Identifier:` lines in the first 2 KiB of source files, sampled within a byte
    /// budget and a file count (smallest files first, spread over the tree), and within the global
    /// budget of the content scans; one declaration per distinct expression.
    static func spdxHeaders(in pass: ContentPass, policy: LicencePolicy, budget: Int64, maxFiles: Int = 400) throws -> [LicenceDeclaration] {
        let snapshot = pass.snapshot
        let candidates = snapshot.entries.compactMap { entry -> (entry: SnapshotEntry, size: Int64)? in
            guard entry.kind == .file, !entry.path.hasPrefix("LICENSES/"), isSource(entry),
                  let size = snapshot.size(of: entry), size > 0, size <= 64 << 10 else { return nil }
            return (entry, size)
        }.sorted { ($0.size, $0.entry.path) < ($1.size, $1.entry.path) }
        var used: Int64 = 0
        var byExpression: [String: LicenceDeclaration] = [:]
        let marker = Array("SPDX-License-Identifier:".utf8)
        snapshot.willRead(candidates.prefix(maxFiles).map(\.entry))
        for (entry, size) in candidates.prefix(maxFiles) {
            guard used + size <= budget else { break }
            used += size
            // Refused by the global budget: the sample's own count goes on as before.
            guard pass.admits(entry, size: size) else { continue }
            // The first 2 KiB decoded as all text is (UTF-16, Windows-1252, CRLF…), binaries skipped.
            let bytes = try snapshot.bytes(of: entry)
            // A file of at most 2 KiB is its own head: its text is the snapshot's one decoding, shared
            // with the other scans. A longer one is sniffed by decoding its first 2 KiB only.
            let decodedHead = bytes.count <= 2048 ? snapshot.decoded(entry, bytes: bytes) : TextDecoding.decode(Array(bytes.prefix(2048)), isPrefix: true)
            guard let head = decodedHead?.utf8, contains(head, marker) else { continue }
            let lines = String(decoding: head, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                guard let range = line.firstRange(of: "SPDX-License-Identifier:") else { continue }
                // An SPDX expression is ids, operators and parentheses: stop at anything else (the end of
                // a comment, a quote when the line is code that merely mentions the tag).
                let rest = line[range.upperBound...].drop { $0 == " " || $0 == "\t" }
                let expression = String(rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || ".+-:() ".contains($0)) }).trimming(" -")
                if !expression.isEmpty && byExpression[expression] == nil {
                    byExpression[expression] = LicenceDeclaration(source: "spdx-header", path: entry.path, line: index + 1, expression: expression,
                                                                   ids: ids(in: expression, policy: policy),
                                                                   declaresNoOpenLicence: policy.noOpenLicence.contains(expression.lowercased()))
                }
                break
            }
        }
        return byExpression.keys.sorted().map { byExpression[$0]! }
    }

    static let sourceExtensions: Set<String> = ["c", "h", "cc", "cpp", "hpp", "cs", "go", "java", "kt", "js", "jsx", "mjs", "ts", "tsx", "vue",
                                                "svelte", "py", "rb", "rs", "swift", "php", "scala", "sh", "bash", "r", "jl", "lua", "pl",
                                                "css", "scss", "html", "sql", "ex", "exs", "erl", "hs", "ml", "dart", "m", "yml", "yaml", "toml"]

    /// A file whose extension (after the last dot, lowercased) is a source extension; a name that is
    /// only a dot and an extension (`.sh`) has one too. Through `lowercasedExtension`, which cuts ASCII
    /// names as bytes (Character searching cost 12 M instructions over git/git's 4,800 files).
    static func isSource(_ entry: SnapshotEntry) -> Bool {
        let name = entry.name
        guard let ext = entry.lowercasedExtension ?? (name.hasPrefix(".") ? name.dropFirst().lowercased() : nil) else { return false }
        return sourceExtensions.contains(ext)
    }

    /// The SPDX ids in an expression (`MIT OR Apache-2.0`, `(GPL-2.0-only WITH Classpath-exception-2.0)`),
    /// canonical where the policy knows an alias; common names ("Apache 2.0", "GPLv3") mapped too.
    /// An expression that is neither a usual name nor valid SPDX syntax ("CC-BY 2.0": two ids with no
    /// operator) names no id: splitting it would invent ids (`CC-BY`, `2.0`). So does a declaration of
    /// no open licence (`proprietary`).
    public static func ids(in expression: String, policy: LicencePolicy) -> [String] {
        let lowered = expression.lowercased()
        if let named = commonNames.first(where: { lowered == $0.key }) { return [named.value] }
        if policy.noOpenLicence.contains(lowered) { return [] }
        // Older manifests list licences with `/` or `,` (Cargo's `MIT/Apache-2.0`): read as operators.
        let operators = expression.replacingOccurrences(of: "/", with: " OR ").replacingOccurrences(of: ",", with: " AND ")
            .replacingOccurrences(of: ";", with: " AND ")
        guard (try? SPDXExpression.parse(operators)) != nil else { return [] }
        var result: [String] = []
        var exceptionNext = false
        for token in operators.split(whereSeparator: { " ()\t".contains($0) }) {
            if exceptionNext { exceptionNext = false; continue }
            switch token.uppercased() {
            case "AND", "OR": continue
            case "WITH": exceptionNext = true; continue
            default:
                let canonical = policy.canonical(token.hasSuffix("+") ? String(token.dropLast()) + "-or-later" : String(token))
                if !result.contains(canonical) { result.append(canonical) }
            }
        }
        return result
    }

    /// npm's documented way to point at a licence file instead of naming one (`SEE LICENSE IN LICENSE.md`):
    /// it names no id, and is not a malformed expression either.
    public static func pointsToFile(_ expression: String) -> Bool {
        expression.uppercased().hasPrefix("SEE LICENSE IN ") || expression.uppercased().hasPrefix("SEE LICENCE IN ")
    }

    /// Names people write instead of SPDX ids.
    static let commonNames: [String: String] = [
        "apache 2.0": "Apache-2.0", "apache license 2.0": "Apache-2.0", "apache software license": "Apache-2.0", "apache license, version 2.0": "Apache-2.0",
        "mit license": "MIT", "the mit license": "MIT", "expat": "MIT",
        "gplv3": "GPL-3.0", "gpl v3": "GPL-3.0", "gpl-3": "GPL-3.0", "gpl (>= 3)": "GPL-3.0-or-later", "gpl-3 | file license": "GPL-3.0",
        "gplv2": "GPL-2.0", "gpl-2": "GPL-2.0", "agplv3": "AGPL-3.0",
        "gnu affero general public license v3.0": "AGPL-3.0", "gnu general public license v3.0": "GPL-3.0", "lgplv3": "LGPL-3.0", "mpl 2.0": "MPL-2.0",
        "bsd": "BSD-3-Clause", "new bsd license": "BSD-3-Clause", "simplified bsd license": "BSD-2-Clause",
        "licence ouverte": "etalab-2.0", "licence ouverte 2.0": "etalab-2.0", "licence ouverte / open licence": "etalab-2.0",
        "open licence 2.0": "etalab-2.0", "eupl 1.2": "EUPL-1.2", "eupl-1.2": "EUPL-1.2", "cecill-b": "CECILL-B", "cecill 2.1": "CECILL-2.1",
    ]
}
