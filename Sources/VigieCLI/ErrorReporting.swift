import Foundation
import VigieAudit
import VigieCore
import VigieRules

/// The documented exit codes (docs/cli.md), sysexits-style like ArgumentParser's 64.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case belowThreshold = 1
    case usage = 64
    case invalidRules = 65
    case unusableInput = 66
    case internalError = 70
    case cannotWrite = 73
    /// 74 also (sysexits' EX_IOERR): an output file or standard output could not be written.
    case corruptRepository = 74
    static let cannotWriteFile = ExitStatus.corruptRepository
    /// `--timeout` passed (sysexits' EX_TEMPFAIL: the same run may succeed on a sound copy or with more time).
    case timedOut = 75
}

/// A failure on its way to the user: what went wrong, in the user's language.
public struct CLIFailure: Error {
    let error: any Error
    let language: Language
}

/// The one place where errors become messages and exit codes.
public enum ErrorReporting {
    struct Message {
        let lines: [String]
        let hint: LocalizedText?
        let status: ExitStatus
    }

    static func report(_ failure: CLIFailure) -> Never {
        let rendered = render(failure)
        FileHandle.standardError.write(Data(rendered.text.utf8))
        exit(rendered.status.rawValue)
    }

    /// The text printed on stderr for a failure (its lines, then the hint) and the exit code. The
    /// deadline watchdog renders its message in advance with this, so both paths say the same thing.
    static func render(_ failure: CLIFailure) -> (text: String, status: ExitStatus) {
        let message = describe(failure.error, failure.language)
        var text = ""
        // Each line masked and cleaned as every stderr line is (printError): a repository's strings are in them.
        for line in message.lines { text += safeErrorLine("vigie: \(failure.language == .fr ? "erreur" : "error"): \(line)") + "\n" }
        if let hint = message.hint { text += safeErrorLine("\(failure.language == .fr ? "conseil" : "hint"): \(hint[failure.language])") + "\n" }
        return (text, message.status)
    }

    /// Standard output is flushed and checked before any exit, so that `> /dev/full` or a closed
    /// pipe is an error (exit 74) rather than a silent success with nothing written.
    static func exitAfterFlushing(_ status: Int32, language: Language) -> Never {
        if let failure = StandardOutput.flushFailure() {
            report(CLIFailure(error: AuditError.cannotWriteStandardOutput(reason: failure), language: language))
        }
        exit(status)
    }

    static func describe(_ error: any Error, _ l: Language) -> Message {
        // A command's own CLIFailure caught by a wider `catch` and wrapped again: the inner one says it.
        if let inner = error as? CLIFailure { return describe(inner.error, l) }
        guard let error = error as? AuditError else {
            return Message(lines: [LocalizedText(fr: "erreur interne : \(error)", en: "internal error: \(error)")[l]],
                           hint: LocalizedText(fr: "signalez-la avec la commande lancée", en: "please report it with the command you ran"),
                           status: .internalError)
        }
        let (hint, status) = advice(error)
        return Message(lines: error.lines.map { $0[l] }, hint: hint, status: status)
    }

    /// The fix and the exit code for each kind of failure.
    static func advice(_ error: AuditError) -> (LocalizedText, ExitStatus) {
        switch error {
        case .pathNotFound:
            (LocalizedText(fr: "vérifiez le chemin du dépôt à auditer", en: "check the path of the repository to audit"), .unusableInput)
        case .notARepository:
            (LocalizedText(fr: "donnez une copie de travail, un dossier .git ou un clone nu (git clone --bare)",
                           en: "give a work tree, a .git folder or a bare clone (git clone --bare)"), .unusableInput)
        case .unknownRevision:
            (LocalizedText(fr: "donnez à --ref une branche, une étiquette ou un commit existant (git tag, git branch -a)",
                           en: "give --ref an existing branch, tag or commit (git tag, git branch -a)"), .unusableInput)
        case .deadlineExceeded:
            (LocalizedText(fr: "le dépôt est peut-être endommagé (lancez `git fsck`) ; sinon augmentez --timeout",
                           en: "the repository may be damaged (run `git fsck`); otherwise raise --timeout"), .timedOut)
        case .corruptPack:
            (LocalizedText(fr: "lancez `git fsck` dans le dépôt, puis reclonez-le : un fichier pack est endommagé",
                           en: "run `git fsck` in the repository, then clone it again: a pack file is damaged"), .corruptRepository)
        case .corruptRepository:
            (LocalizedText(fr: "lancez `git fsck` dans le dépôt ; reclonez-le si des objets manquent",
                           en: "run `git fsck` in the repository; clone it again if objects are missing"), .corruptRepository)
        case .partialAudit(_, _, _, let fixes):
            (LocalizedText(fr: "\(fixes.fr) Sans --strict, vigie audite ce qu'il peut lire et le signale (repository.complete).",
                           en: "\(fixes.en) Without --strict, vigie audits what it can read and says so (repository.complete)."), .corruptRepository)
        case .unreadableRepository(_, let error) where error.operation == "vigie_open_regular":
            (LocalizedText(fr: "un dépôt ne contient que des fichiers ordinaires : supprimez ce fichier spécial ou reclonez le dépôt",
                           en: "a repository holds only regular files: remove this special file or clone the repository again"), .corruptRepository)
        case .unreadableRepository:
            (LocalizedText(fr: "vérifiez les droits de lecture et lancez `git fsck`", en: "check read permissions and run `git fsck`"), .corruptRepository)
        case .fetchFailed, .timedOut:
            (LocalizedText(fr: "vérifiez l'URL, le réseau et le jeton (token_env du manifeste)",
                           en: "check the URL, the network and the token (the manifest's token_env)"), .unusableInput)
        case .rulesNotFound:
            (LocalizedText(fr: "--rules et VIGIE_RULES nomment un dossier existant ; sans eux, vigie prend ses règles intégrées",
                           en: "--rules and VIGIE_RULES name an existing folder; without them, vigie uses its built-in rules"), .invalidRules)
        case .invalidRules:
            (LocalizedText(fr: "corrigez le fichier puis relancez ; `vigie rules validate` vérifie sans auditer",
                           en: "fix the file and run again; `vigie rules validate` checks without auditing"), .invalidRules)
        case .cannotWrite:
            (LocalizedText(fr: "choisissez avec --output un dossier où vous avez le droit d'écrire",
                           en: "pass --output a folder you can write to"), .cannotWrite)
        case .cannotWriteFile:
            (LocalizedText(fr: "libérez de la place ou choisissez avec --output un autre dossier, puis relancez",
                           en: "free some space or pass --output another folder, then run again"), .cannotWriteFile)
        case .cannotWriteStandardOutput:
            (LocalizedText(fr: "redirigez la sortie vers un fichier ou un disque qui a de la place (ou utilisez --output)",
                           en: "send the output to a file or disk with room to spare (or use --output)"), .cannotWriteFile)
        case .notVigieOutput:
            (LocalizedText(fr: "donnez une fiche JSON (vigie audit --format json), un index.json de flotte ou le dossier d'une flotte",
                           en: "give a scorecard JSON (vigie audit --format json), a fleet index.json or a fleet output folder"), .usage)
        // Fleet errors: each is one entry of the fleet's index, never a command's own exit.
        case .reportedByWorker:
            (LocalizedText(fr: "auditez ce dépôt seul avec vigie audit pour le détail", en: "audit this repository alone with vigie audit for details"), .unusableInput)
        case .noWorkTree:
            (LocalizedText(fr: "lancez vigie fix dans une copie de travail (git clone sans --bare), puis validez les fichiers écrits",
                           en: "run vigie fix in a work tree (git clone without --bare), then commit the files it writes"), .unusableInput)
        case .fixUsage:
            (LocalizedText(fr: "`vigie fix --help` ; `vigie rules show ID` dit si une règle a une correction",
                           en: "`vigie fix --help`; `vigie rules show ID` says whether a rule has a fix"), .usage)
        case .fixDataMissing:
            (LocalizedText(fr: "le dossier --rules doit contenir fixes/fixes.yml et ses modèles, ou laissez vigie prendre les siens",
                           en: "the --rules folder must hold fixes/fixes.yml and its templates, or let vigie use its own"), .invalidRules)
        case .workerEnded:
            (LocalizedText(fr: "lancez `git fsck` dans le dépôt ; augmentez timeout ou --worker-memory s'il est très gros",
                           en: "run `git fsck` in the repository; raise timeout or --worker-memory if it is very large"), .corruptRepository)
        }
    }
}
