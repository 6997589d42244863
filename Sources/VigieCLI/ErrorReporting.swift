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
    case corruptRepository = 74
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
        let message = describe(failure.error, failure.language)
        for line in message.lines { printError("vigie: \(failure.language == .fr ? "erreur" : "error"): \(line)") }
        if let hint = message.hint { printError("\(failure.language == .fr ? "conseil" : "hint"): \(hint[failure.language])") }
        exit(message.status.rawValue)
    }

    static func describe(_ error: any Error, _ l: Language) -> Message {
        switch error {
        case let error as AuditError: return describe(error, l)
        case let error as OutputError:
            return Message(lines: [LocalizedText(fr: "impossible d'écrire \(error.path) : \(error.reason)",
                                                 en: "cannot write \(error.path): \(error.reason)")[l]],
                           hint: LocalizedText(fr: "choisissez avec --output un dossier où vous avez le droit d'écrire",
                                               en: "pass --output a folder you can write to"),
                           status: .cannotWrite)
        default:
            return Message(lines: [LocalizedText(fr: "erreur interne : \(error)", en: "internal error: \(error)")[l]],
                           hint: LocalizedText(fr: "signalez-la avec la commande lancée", en: "please report it with the command you ran"),
                           status: .internalError)
        }
    }

    static func describe(_ error: AuditError, _ l: Language) -> Message {
        switch error {
        case .pathNotFound(let path):
            return Message(lines: [LocalizedText(fr: "\(path) : chemin introuvable", en: "\(path): no such file or folder")[l]],
                           hint: LocalizedText(fr: "vérifiez le chemin du dépôt à auditer", en: "check the path of the repository to audit"),
                           status: .unusableInput)
        case .notARepository(let path):
            return Message(lines: [LocalizedText(fr: "\(path) : ce n'est pas un dépôt git (ni aucun dossier parent)",
                                                 en: "\(path): not a git repository (nor any parent folder)")[l]],
                           hint: LocalizedText(fr: "donnez une copie de travail, un dossier .git ou un clone nu (git clone --bare)",
                                               en: "give a work tree, a .git folder or a bare clone (git clone --bare)"),
                           status: .unusableInput)
        case .unknownRevision(let path, let revision, let detail):
            return Message(lines: [LocalizedText(fr: "\(path) : révision inconnue « \(revision) » (\(detail))",
                                                 en: "\(path): unknown revision '\(revision)' (\(detail))")[l]],
                           hint: LocalizedText(fr: "donnez à --ref une branche, une étiquette ou un commit existant (git tag, git branch -a)",
                                               en: "give --ref an existing branch, tag or commit (git tag, git branch -a)"),
                           status: .unusableInput)
        case .corruptRepository(let path, let detail):
            return Message(lines: [LocalizedText(fr: "\(path) : objet manquant ou corrompu (\(detail))",
                                                 en: "\(path): missing or corrupt object (\(detail))")[l]],
                           hint: LocalizedText(fr: "lancez `git fsck` dans le dépôt ; reclonez-le si des objets manquent",
                                               en: "run `git fsck` in the repository; clone it again if objects are missing"),
                           status: .corruptRepository)
        case .unreadableRepository(let path, let error):
            return Message(lines: [LocalizedText(fr: "\(path) : lecture du dépôt impossible (\(error))",
                                                 en: "\(path): cannot read the repository (\(error))")[l]],
                           hint: LocalizedText(fr: "vérifiez les droits de lecture et lancez `git fsck`",
                                               en: "check read permissions and run `git fsck`"),
                           status: .corruptRepository)
        case .rulesNotFound(let searched):
            return Message(lines: [LocalizedText(fr: "aucun dossier de règles trouvé (cherché dans : \(searched.joined(separator: ", ")))",
                                                 en: "no rules folder found (searched: \(searched.joined(separator: ", ")))")[l]],
                           hint: LocalizedText(fr: "passez --rules DOSSIER ou définissez VIGIE_RULES", en: "pass --rules DIR or set VIGIE_RULES"),
                           status: .invalidRules)
        case .invalidRules(let errors):
            return Message(lines: errors.errors.map { "\($0.location): \($0.message[l])" },
                           hint: LocalizedText(fr: "corrigez le fichier puis relancez ; `vigie rules validate` vérifie sans auditer",
                                               en: "fix the file and run again; `vigie rules validate` checks without auditing"),
                           status: .invalidRules)
        }
    }
}

/// Writing a report failed.
struct OutputError: Error {
    let path: String
    let reason: String
}
