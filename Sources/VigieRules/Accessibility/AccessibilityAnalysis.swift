public import VigieCore

/// What a repository says about its accessibility: whether it has a web interface, its RGAA
/// statement, the « Accessibilité : … conforme » mention, and automated accessibility checks.
///
/// The scan reads text files (rules/data/accessibility.yml `scan`) within a budget: a file over the
/// per-file budget, or met once the total budget is spent, is listed in `unread`, never opened.
/// Files likely to matter (paths with "accessib", "footer"…) are read first.
public struct AccessibilityAnalysis: Sendable {
    public struct Statement: Sendable, Equatable {
        public let path: String
        public let reading: StatementReading
    }

    public struct Mention: Sendable, Equatable {
        public let path: String
        public let line: Int
        public let status: ConformityStatus
    }

    /// A file that names a statement without being one.
    public struct NearMiss: Sendable, Equatable {
        public enum Kind: String, Sendable { case template, guide }
        public let path: String
        public let line: Int
        public let kind: Kind
        /// Statement markers found (fewer than required for a guide).
        public let markers: Int
    }

    public struct ToolUse: Sendable, Equatable {
        public let name: String
        public let path: String
    }

    public let interface: InterfaceDetection
    /// Statements found, the most complete first.
    public let statements: [Statement]
    /// Mentions, one per file that states a single status, preferred files (footer, layout) first.
    public let mentions: [Mention]
    /// Files that give several different « Accessibilité : … » statuses (a guide listing them all, a switch).
    public let ambiguousMentionFiles: [String]
    public let nearMisses: [NearMiss]
    public let tooling: [ToolUse]
    public let unread: [UnreadFile]
    public let filesRead: Int
    public let budget: ScanBudget

    /// A web interface, unless it is a library's (its users' sites owe the statements); a library that
    /// holds its own statement is a service too (anct-cartographie-nationale/cartographie).
    public var applicable: Bool { interface.applicable && (interface.library == nil || !statements.isEmpty) }

    /// Why the accessibility rules apply, or why they do not.
    public var reason: LocalizedText {
        if interface.applicable, !applicable, let library = interface.libraryReason { return library }
        return interface.reason
    }
    public var statement: Statement? { statements.first }

    /// Mentions outside every statement file: those the interface shows.
    public var interfaceMentions: [Mention] {
        let statementPaths = Set(statements.map(\.path))
        return mentions.filter { !statementPaths.contains($0.path) }
    }

    /// The analysis for `budget`, computed once per snapshot and budget.
    public static func of(_ snapshot: RepositorySnapshot, data: RuleData, budget: ScanBudget) throws -> AccessibilityAnalysis {
        try snapshot.memoised("accessibility", budget) {
            try AccessibilityAnalysis(ContentPass.of(snapshot, data: data), conventions: data.accessibility, budget: budget)
        }
    }

    init(_ pass: ContentPass, conventions: AccessibilityConventions, budget: ScanBudget) throws {
        let snapshot = pass.snapshot
        self.budget = budget
        let reader = BudgetedReader(pass, budget: budget)
        interface = try InterfaceDetection.detect(in: snapshot, conventions: conventions, reader: reader)
        guard interface.applicable else {
            (statements, mentions, ambiguousMentionFiles, nearMisses, tooling) = ([], [], [], [], [])
            (unread, filesRead) = (reader.unread, reader.filesRead)
            return
        }
        let statementReader = StatementReader(conventions: conventions)
        var statements: [Statement] = []
        var mentions: [Mention] = []
        var ambiguous: [String] = []
        var nearMisses: [NearMiss] = []
        let order = Self.scanOrder(snapshot, conventions)
        reader.willRead(order)
        for entry in order {
            guard let decoded = try reader.text(of: entry) else { continue }
            let bytes = decoded.utf8
            let lowered = asciiLowercased(bytes)
            guard conventions.mayHoldStatement(lowered) else { continue }
            let text = decoded.text
            let folded = FoldedText(text, textAttributes: conventions.textAttributes)
            switch statementReader.classify(folded) {
            case .statement(let reading): statements.append(Statement(path: entry.path, reading: reading))
            case .template(let line): nearMisses.append(NearMiss(path: entry.path, line: line, kind: .template, markers: 0))
            case .mention(let line, let markers): nearMisses.append(NearMiss(path: entry.path, line: line, kind: .guide, markers: markers))
            case .none: break
            }
            let found = Self.mentions(in: folded, bytes: bytes, lowered: lowered, conventions: conventions)
            let statuses = Set(found.map(\.status))
            if statuses.count == 1, let first = found.min(by: { $0.line < $1.line }) {
                mentions.append(Mention(path: entry.path, line: first.line, status: first.status))
            } else if statuses.count > 1 {
                ambiguous.append(entry.path)
            }
        }
        self.statements = statements.sorted {
            ($1.reading.markers, $1.reading.sections.count, $0.path) < ($0.reading.markers, $0.reading.sections.count, $1.path)
        }
        let preferred = { (path: String) in conventions.mentionPreferredPathWords.contains { path.lowercased().contains($0) } }
        self.mentions = mentions.sorted { (preferred($0.path) ? 0 : 1, $0.path) < (preferred($1.path) ? 0 : 1, $1.path) }
        ambiguousMentionFiles = ambiguous
        self.nearMisses = nearMisses
        tooling = try Self.tooling(in: snapshot, conventions: conventions, reader: reader)
        unread = reader.unread
        filesRead = reader.filesRead
    }

    /// Files to read, likely ones first (priority words in the path), then in path order.
    static func scanOrder(_ snapshot: RepositorySnapshot, _ conventions: AccessibilityConventions) -> [SnapshotEntry] {
        let candidates = snapshot.entries.filter(conventions.isScanned)
        let isPriority = { (entry: SnapshotEntry) in conventions.priorityPathWords.contains { entry.path.lowercased().contains($0) } }
        return candidates.filter(isPriority) + candidates.filter { !isPriority($0) }
    }

    /// « Accessibilité : … conforme » phrases, and component props that render it (react-dsfr). A
    /// pattern is tried only on the lines holding its literal hint: regular expressions are slow on
    /// whole files.
    static func mentions(in folded: FoldedText, bytes: [UInt8], lowered: [UInt8],
                         conventions: AccessibilityConventions) -> [(status: ConformityStatus, line: Int)] {
        var found: [(ConformityStatus, Int)] = []
        for mention in conventions.mentions {
            found += folded.occurrences(of: mention.phrase).map { (mention.status, folded.line(ofWord: $0)) }
        }
        var lines: LineIndex?
        for (hint, pattern, values) in conventions.mentionPatterns {
            var tried: Set<Int> = []
            for offset in offsets(of: hint, in: lowered) {
                if lines == nil { lines = LineIndex(bytes) }
                let line = lines!.line(at: offset)
                guard tried.insert(line).inserted else { continue }
                var start = offset, end = offset
                while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                for match in text.matches(of: pattern.regex) {
                    guard match.count > 1, let captured = match[1].substring, let status = values[captured.lowercased()] else { continue }
                    found.append((status, line))
                }
            }
        }
        return found
    }

    /// Automated accessibility checks: tool names in dependency manifests and CI files, or their configuration files.
    static func tooling(in snapshot: RepositorySnapshot, conventions: AccessibilityConventions, reader: BudgetedReader) throws -> [ToolUse] {
        var found: [String: String] = [:]
        for entry in snapshot.entries where entry.isRegularFile && !conventions.scanExclusions.excludes(entry.path) {
            let name = entry.name.lowercased()
            let lower = entry.path.lowercased()
            for tool in conventions.tools where found[tool.name] == nil && tool.files.contains(name) {
                found[tool.name] = entry.path
            }
            let isManifest = conventions.toolingManifests.contains(name)
            let isCI = conventions.ciFolders.contains { lower.hasPrefix($0 + "/") }
            guard isManifest || isCI, conventions.tools.contains(where: { found[$0.name] == nil }),
                  let bytes = try reader.text(of: entry)?.utf8 else { continue }
            let lowered = asciiLowercased(bytes)
            for tool in conventions.tools where found[tool.name] == nil && tool.patterns.contains(where: { contains(lowered, $0) }) {
                found[tool.name] = entry.path
            }
        }
        return found.map { ToolUse(name: $0.key, path: $0.value) }.sorted { $0.name < $1.name }
    }
}
