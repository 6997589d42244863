public import VigieCore

/// Whether the audit read everything it should have: a partial clone, a mirror without its largest
/// blobs, a corrupt object or a cut history make the audit partial, and this check says which files
/// and what to do. The rules that needed those files are errors; the others gave the same verdict as
/// on the whole repository (docs/architecture.md#partial-audits).
public struct RepositoryCompleteRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "repository.complete",
        category: RuleCategory.named("repository")!,
        defaultWeight: 0,
        title: LocalizedText(fr: "L'audit a pu lire tout le dépôt", en: "The audit could read the whole repository"),
        rationale: LocalizedText(
            fr: "Un clone partiel (`--filter`), un miroir privé de ses plus gros fichiers, un objet corrompu ou un historique tronqué privent l'audit d'une partie des preuves. vigie audite quand même ce qu'il peut lire, et dit ici ce qui manque : les vérifications qui avaient besoin des fichiers manquants sont en erreur, les autres donnent le même verdict que sur le dépôt complet.",
            en: "A partial clone (`--filter`), a mirror without its largest files, a corrupt object or a cut history deprive the audit of part of its evidence. vigie still audits what it can read, and says here what is missing: the checks that needed the missing files are errors, the others give the same verdict as on the whole repository."),
        remediation: LocalizedText(
            fr: "Auditez un clone complet : `git fetch --refetch` dans un clone partiel (ou un clone sans `--filter`) ; pour un objet corrompu ou absent, `git fsck` puis un nouveau clone depuis la source. `--strict` fait d'un audit partiel une erreur (code 74).",
            en: "Audit a complete clone: `git fetch --refetch` in a partial clone (or a clone without `--filter`); for a corrupt or missing object, `git fsck` then a fresh clone from the source. `--strict` turns a partial audit into an error (exit 74)."),
        runsLast: true
    )

    public static let examples: [RuleExample] = [
        RuleExample("every object readable passes", files: ["README.md": "# Projet", "LICENSE": "MIT"], expect: .pass),
        RuleExample("a submodule and a file over the read cap leave the audit whole",
                    files: ["README.md": "# Projet"],
                    unreadable: ["vendor/lib": .submodule(url: "https://example.org/lib.git"), "data/big.csv": .overReadCap(size: 1 << 30, cap: 1 << 20)],
                    expect: .pass),
        RuleExample("a blob absent from a partial clone warns", files: ["README.md": "# Projet"],
                    unreadable: ["docs/guide.pdf": .absentFromPartialClone], expect: .warn),
        RuleExample("a corrupt object warns", files: ["README.md": "# Projet"],
                    unreadable: ["src/main.c": .corrupt(detail: "failed to inflate")], readFirst: ["src/main.c"], expect: .warn),
        RuleExample("an LFS pointer a rule needed warns", files: ["README.md": "# Projet"],
                    unreadable: ["data/communes.csv": .lfsPointer(size: 5_000_000)], readFirst: ["data/communes.csv"], expect: .warn),
        RuleExample("an LFS pointer no rule read leaves the audit whole", files: ["README.md": "# Projet"],
                    unreadable: ["data/communes.csv": .lfsPointer(size: 5_000_000)], readFirst: [], expect: .pass),
        RuleExample("a history cut by a missing commit warns", files: ["README.md": "# Projet"],
                    commits: [.at("2026-01-10")],
                    gaps: [HistoryGap(commit: String(repeating: "a", count: 40), child: String(repeating: "b", count: 40), reason: .absent)],
                    expect: .warn),
    ]

    public init(parameters: RuleParameters, data: RuleData) {}

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let missing = snapshot.partialBecause
        let gaps = snapshot.historyGaps ?? []
        let leftOut = snapshot.unreadable.filter { !$0.reason.makesAuditPartial }
        guard !missing.isEmpty || !gaps.isEmpty else {
            let note = leftOut.isEmpty ? LocalizedText.same("")
                : LocalizedText(fr: " Non lus par conception : \(leftOut.count) (sous-modules, fichiers au-delà de la limite de lecture).",
                                en: " Left out by design: \(leftOut.count) (submodules, files over the read cap).")
            return .pass(LocalizedText(fr: "Tous les objets nécessaires à l'audit ont été lus.\(note.fr)",
                                       en: "Every object the audit needed was read.\(note.en)"),
                         leftOut.prefix(RepositorySnapshot.listedUnreadable).map { Finding(path: $0.path, message: $0.reason.localizedText) })
        }
        var findings = missing.prefix(RepositorySnapshot.listedUnreadable).map { Finding(path: $0.path, message: $0.reason.localizedText) }
        findings += gaps.prefix(5).map { gap in
            Finding(path: "commit \(gap.commit.prefix(12))",
                    message: LocalizedText(fr: "historique interrompu (parent de \(gap.child.prefix(12))) : \(gap.reason.localizedText.fr)",
                                           en: "history cut (parent of \(gap.child.prefix(12))): \(gap.reason.localizedText.en)"))
        }
        let fixes = (missing.map(\.reason) + gaps.map(\.reason)).fixSentences
        let files = missing.isEmpty ? LocalizedText.same("")
            : LocalizedText(fr: "\(missing.count) fichier\(missing.count > 1 ? "s" : "") illisible\(missing.count > 1 ? "s" : ""). ",
                            en: "\(missing.count) unreadable file\(missing.count > 1 ? "s" : ""). ")
        let history = gaps.isEmpty ? LocalizedText.same("")
            : LocalizedText(fr: "Historique interrompu à \(gaps.count) commit\(gaps.count > 1 ? "s" : "") illisible\(gaps.count > 1 ? "s" : ""). ",
                            en: "History cut at \(gaps.count) unreadable commit\(gaps.count > 1 ? "s" : ""). ")
        return .warn(LocalizedText(
            fr: "Audit partiel : \(files.fr)\(history.fr)Les vérifications qui en avaient besoin sont en erreur. \(fixes.fr)",
            en: "Partial audit: \(files.en)\(history.en)The checks that needed them are errors. \(fixes.en)"),
            findings)
    }
}
