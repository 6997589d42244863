public import VigieCore
public import VigieRules
public import VigieGit

/// Why an audit could not produce a scorecard. Each case carries what the user gave and what
/// libgit2 said. `lines` says it in one line (a fleet index records it); the CLI adds the hint and
/// the exit code (VigieCLI/ErrorReporting.swift).
public enum AuditError: Error, Sendable {
    /// The path does not exist.
    case pathNotFound(path: String)
    /// The path exists but neither it nor a folder above it is a git repository.
    case notARepository(path: String)
    /// `--ref` names nothing in the repository.
    case unknownRevision(path: String, revision: String, detail: String)
    /// An object the audit needs is missing or corrupt.
    case corruptRepository(path: String, detail: String)
    /// A pack file (`objects/pack/*.pack` or its `.idx`) is damaged: libgit2 cannot read from it.
    case corruptPack(path: String, detail: String)
    /// `--timeout`: the whole command took longer than allowed (something stalled on a damaged repository).
    case deadlineExceeded(source: String, seconds: Int)
    /// `--strict` (or `strict: true` in a fleet manifest) and the audit could not read everything:
    /// what was missing, the first items named, and the fixes.
    case partialAudit(path: String, missing: [String], total: Int, fixes: LocalizedText)
    /// Any other libgit2 failure while reading.
    case unreadableRepository(path: String, error: GitError)
    /// A remote repository could not be cloned or fetched (unreachable, refused, timed out).
    case fetchFailed(url: String, detail: String)
    /// The work on one repository took longer than allowed.
    case timedOut(source: String, seconds: Int)
    /// The rules folder named by `--rules` or `$VIGIE_RULES` is not a folder.
    case rulesNotFound(searched: [String])
    /// The rule set, its data or a fleet manifest is invalid.
    case invalidRules(ConfigurationErrors)
    /// An output folder could not be created or written into (exit 73).
    case cannotWrite(path: String, reason: LocalizedText)
    /// An output file could not be written whole (exit 74): nothing half-written is left behind.
    case cannotWriteFile(path: String, reason: LocalizedText)
    /// `site`, `badge` or `diff` was given a file that is not a scorecard, a fleet index or a fleet
    /// output folder (or two inputs of different kinds) (exit 64).
    case notVigieOutput(path: String, reason: LocalizedText)
    /// Standard output refused what vigie wrote (a full disk behind `>`, a closed pipe) (exit 74).
    case cannotWriteStandardOutput(reason: LocalizedText)
    /// A fleet's worker process could not audit one repository: the error it reported, in its lines.
    case reportedByWorker(lines: [LocalizedText])
    /// A fleet's worker process ended while auditing one repository (a crash, its CPU or memory limit).
    case workerEnded(source: String, reason: LocalizedText)
    /// `vigie fix` on a repository without a work tree (a bare clone, a `.git` folder given alone).
    case noWorkTree(path: String)
    /// `vigie fix` asked for something it cannot do: an unknown rule in --only/--skip, a licence not on the list.
    case fixUsage(LocalizedText)
    /// A fix's data or template (`rules/fixes/`) that no rules layer holds.
    case fixDataMissing(detail: String)

    /// What went wrong, where, in one line per problem (several only for configuration errors).
    public var lines: [LocalizedText] {
        switch self {
        case .pathNotFound(let path):
            [LocalizedText(fr: "\(path) : chemin introuvable", en: "\(path): no such file or folder")]
        case .notARepository(let path):
            [LocalizedText(fr: "\(path) : ce n'est pas un dépôt git (ni aucun dossier parent)", en: "\(path): not a git repository (nor any parent folder)")]
        case .unknownRevision(let path, let revision, let detail):
            [LocalizedText(fr: "\(path) : révision inconnue « \(revision) » (\(detail))", en: "\(path): unknown revision '\(revision)' (\(detail))")]
        case .corruptRepository(let path, let detail):
            [LocalizedText(fr: "\(path) : objet manquant ou corrompu (\(detail))", en: "\(path): missing or corrupt object (\(detail))")]
        case .corruptPack(let path, let detail):
            [LocalizedText(fr: "\(path) : fichier pack corrompu (\(detail))", en: "\(path): corrupt pack file (\(detail))")]
        case .deadlineExceeded(let source, let seconds):
            [LocalizedText(fr: "\(source) : délai de \(seconds) s dépassé (--timeout), audit abandonné",
                           en: "\(source): gave up after the \(seconds) s deadline (--timeout)")]
        case .partialAudit(let path, let missing, let total, _):
            [LocalizedText(fr: "\(path) : audit partiel refusé par --strict : \(total) élément\(total > 1 ? "s" : "") illisible\(total > 1 ? "s" : "") (\(missing.joined(separator: ", "))\(total > missing.count ? ", …" : ""))",
                           en: "\(path): partial audit refused by --strict: \(total) unreadable item\(total > 1 ? "s" : "") (\(missing.joined(separator: ", "))\(total > missing.count ? ", …" : ""))")]
        case .unreadableRepository(let path, let error):
            [LocalizedText(fr: "\(path) : lecture du dépôt impossible (\(error))", en: "\(path): cannot read the repository (\(error))")]
        case .fetchFailed(let url, let detail):
            [LocalizedText(fr: "\(url) : récupération impossible (\(detail))", en: "\(url): cannot fetch (\(detail))")]
        case .timedOut(let source, let seconds):
            [LocalizedText(fr: "\(source) : abandonné après \(seconds) s", en: "\(source): gave up after \(seconds) s")]
        case .rulesNotFound(let searched):
            [LocalizedText(fr: "dossier de règles introuvable : \(searched.joined(separator: ", "))",
                           en: "rules folder not found: \(searched.joined(separator: ", "))")]
        case .invalidRules(let errors):
            errors.errors.map { LocalizedText(fr: "\($0.location): \($0.message.fr)", en: "\($0.location): \($0.message.en)") }
        case .cannotWrite(let path, let reason), .cannotWriteFile(let path, let reason):
            [LocalizedText(fr: "impossible d'écrire \(path) : \(reason.fr)", en: "cannot write \(path): \(reason.en)")]
        case .notVigieOutput(let path, let reason):
            [LocalizedText(fr: "\(path) : \(reason.fr)", en: "\(path): \(reason.en)")]
        case .cannotWriteStandardOutput(let reason):
            [LocalizedText(fr: "impossible d'écrire sur la sortie standard : \(reason.fr) ; le résultat est incomplet",
                           en: "cannot write to standard output: \(reason.en); the output is incomplete")]
        case .reportedByWorker(let lines):
            lines
        case .workerEnded(let source, let reason):
            [LocalizedText(fr: "\(source) : \(reason.fr)", en: "\(source): \(reason.en)")]
        case .noWorkTree(let path):
            [LocalizedText(fr: "\(path) : dépôt sans copie de travail (clone nu) : vigie fix n'a nulle part où écrire",
                           en: "\(path): repository without a work tree (bare clone): vigie fix has nowhere to write")]
        case .fixUsage(let text):
            [text]
        case .fixDataMissing(let detail):
            [LocalizedText(fr: "données de correction introuvables : \(detail)", en: "fix data not found: \(detail)")]
        }
    }
}
