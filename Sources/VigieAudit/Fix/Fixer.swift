import Foundation
public import VigieCore
public import VigieRules
import VigieGit

/// What `vigie fix` is asked to do.
public struct FixRequest: Sendable {
    public var path: String
    public var asOf: Day
    /// `--lang`; nil: the README's language, else French.
    public var language: Language?
    /// `--only` / `--skip`: rule ids or categories.
    public var only: [String] = []
    public var skip: [String] = []
    public var licence: String?
    public var holder: String?
    public var securityContact: String?
    /// Print the changes as a unified diff instead of writing them.
    public var dryRun = false

    public init(path: String, asOf: Day) {
        self.path = path
        self.asOf = asOf
    }
}

/// What `vigie fix` did (or, with --dry-run, would do), for the command to print.
public struct FixReport: Sendable {
    public struct Change: Sendable {
        public let rule: String
        public let change: FixChange
    }
    public struct Left: Sendable {
        public let rule: String
        public let path: String
        public let reason: LocalizedText
    }
    public struct Note: Sendable {
        public let rule: String
        public let text: LocalizedText
    }

    /// The work tree's root.
    public var root: String
    /// The language the files were written in.
    public var language: Language
    /// The failing or warning checks that have a fix and were selected.
    public var attempted: [String] = []
    /// Files written (or, with --dry-run, that would be).
    public var written: [Change] = []
    /// Files already there: left as they are.
    public var existing: [Left] = []
    /// Changes refused: a path through a link, outside the work tree, a write that failed.
    public var refused: [Left] = []
    public var notes: [Note] = []
    /// With --dry-run: the unified diff of every change.
    public var diff = ""
}

/// `vigie fix`: audits the committed tree, plans the fix of each failing or warning check whose rule
/// declares one, and writes the new files into the work tree (never over an existing file, never
/// outside the work tree, never committing).
public struct Fixer {
    public let ruleSet: RuleSet
    public let sources: RuleSources

    public init(ruleSet: RuleSet, sources: RuleSources) {
        self.ruleSet = ruleSet
        self.sources = sources
    }

    /// The rules of the rule set that have a fix, by id.
    public var fixable: [String: RuleFix] {
        var fixes: [String: RuleFix] = [:]
        for configured in ruleSet.rules where configured.source == .builtin {
            let id = configured.rule.metadata.id
            if let fix = BuiltInRules.named(id)?.fix { fixes[id] = fix }
        }
        return fixes
    }

    public func run(_ request: FixRequest) throws(AuditError) -> FixReport {
        let fixes = fixable
        try checkSelection(request, fixable: fixes.keys.sorted())
        let (repository, workTree) = try Self.openWorkTree(request.path)
        let templates: FixTemplates
        do {
            templates = try FixTemplates.load(sources: sources)
        } catch {
            throw .fixDataMissing(detail: String(describing: error))
        }
        var snapshot: RepositorySnapshot?
        let source = Auditor.displaySource(request.path)
        let card = try Auditor(ruleSet: ruleSet).audit(repository, source: source, request: AuditRequest(path: request.path, asOf: request.asOf),
                                                       keeping: { snapshot = $0 })
        guard let snapshot else { throw .corruptRepository(path: source, detail: "no snapshot") }
        let language = request.language ?? (try? ReadmeStructure.of(snapshot, data: ruleSet.data).language) ?? .fr
        let options = FixOptions(language: language, today: request.asOf, licence: request.licence, holder: request.holder,
                                 securityContact: request.securityContact)
        let remote = repository.remoteURL().flatMap(ForgeAddress.init)
        // The project's name as the forge knows it, else the work tree's folder.
        let name = remote.flatMap { $0.path.split(separator: "/").last.map(String.init) } ?? card.repository.name
        var report = FixReport(root: workTree.root, language: language)
        var planned: Set<String> = []
        for check in card.checks.sorted(by: { $0.id < $1.id }) where check.status == .fail || check.status == .warn {
            guard let fix = fixes[check.id], Self.selected(check.id, request) else { continue }
            report.attempted.append(check.id)
            let context = FixContext(snapshot: snapshot, data: ruleSet.data, templates: templates, options: options,
                                     name: name, remote: remote, workTree: workTree, check: check)
            let plan: FixPlan
            do {
                plan = try fix.plan(context)
            } catch {
                report.notes.append(.init(rule: check.id, text: LocalizedText(fr: "correction impossible : \(error)", en: "cannot fix: \(error)")))
                continue
            }
            let before = report.written.count
            for change in plan.changes {
                apply(change, rule: check.id, workTree: workTree, dryRun: request.dryRun, planned: &planned, report: &report)
            }
            // A plan's notes are about what it wrote ("complete the values marked…"): said only when it
            // wrote something, or when writing nothing is the plan (an option missing, edits to make).
            if plan.changes.isEmpty || report.written.count > before {
                report.notes += plan.notes.map { .init(rule: check.id, text: $0) }
            }
        }
        return report
    }

    /// The repository around `path` and its work tree, found through libgit2; a bare repository has none.
    static func openWorkTree(_ path: String) throws(AuditError) -> (Repository, WorkTree) {
        let repository = try Auditor.openRepository(path)
        guard let workDirectory = repository.workDirectory, !repository.isBare else { throw .noWorkTree(path: path) }
        return (repository, WorkTree(root: workDirectory))
    }

    private func apply(_ change: FixChange, rule: String, workTree: WorkTree, dryRun: Bool, planned: inout Set<String>, report: inout FixReport) {
        let path = change.path
        if let why = WorkTree.refusal(path) {
            report.refused.append(.init(rule: rule, path: path, reason: why))
            return
        }
        guard planned.insert(path.lowercased()).inserted else { return }
        switch change {
        case .create(_, let text):
            if workTree.exists(path) {
                report.existing.append(.init(rule: rule, path: path, reason: LocalizedText(fr: "existe déjà : laissé tel quel", en: "already exists: left as it is")))
                return
            }
            if dryRun {
                report.diff += UnifiedDiff.file(path, old: nil, new: text)
            } else {
                do {
                    try workTree.create(path, text: text)
                } catch {
                    report.refused.append(.init(rule: rule, path: path, reason: error.reason))
                    return
                }
            }
        case .append(_, let text):
            guard let old = workTree.text(path) else {
                report.refused.append(.init(rule: rule, path: path, reason: LocalizedText(fr: "illisible dans la copie de travail", en: "unreadable in the work tree")))
                return
            }
            if dryRun {
                report.diff += UnifiedDiff.file(path, old: old, new: old + text)
            } else {
                do {
                    try workTree.append(path, text: text)
                } catch {
                    report.refused.append(.init(rule: rule, path: path, reason: error.reason))
                    return
                }
            }
        }
        report.written.append(.init(rule: rule, change: change))
    }

    /// Whether --only / --skip leave `id` in (an id or its category, like --select / --ignore).
    static func selected(_ id: String, _ request: FixRequest) -> Bool {
        let matches = { (pattern: String) in id == pattern || id.hasPrefix(pattern + ".") }
        return (request.only.isEmpty || request.only.contains(where: matches)) && !request.skip.contains(where: matches)
    }

    /// Every --only / --skip names a rule with a fix, or a category holding one.
    private func checkSelection(_ request: FixRequest, fixable: [String]) throws(AuditError) {
        for pattern in request.only + request.skip where !fixable.contains(where: { $0 == pattern || $0.hasPrefix(pattern + ".") }) {
            let list = fixable.joined(separator: ", ")
            throw .fixUsage(LocalizedText(fr: "« \(pattern) » : aucune règle de ce nom n'a de correction dans ce jeu de règles (corrections : \(list))",
                                          en: "'\(pattern)': no rule of that name has a fix in this rule set (fixes: \(list))"))
        }
    }
}
