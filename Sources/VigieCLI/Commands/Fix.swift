import ArgumentParser
import Foundation
import VigieAudit
import VigieCore
import VigieRules

extension Vigie {
    /// `vigie fix [PATH]`: writes the files that mend the failing checks into the work tree, never
    /// over an existing file and never committing, then prints the `git add` line (docs/fix.md).
    struct Fix: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fix",
            abstract: "Write the missing files that fix the failing checks into the work tree (never overwrites, never commits).",
            discussion: "vigie audits the committed tree, then writes the fix of each failing or warning check whose rule has one (`vigie rules show ID` says which). Commit the files it writes, then audit again. See docs/fix.md."
        )

        @Argument(help: "The repository to fix: a work tree or a folder inside one.")
        var path: String = "."

        @Flag(name: .customLong("dry-run"), help: "Print the changes as a unified diff (for git apply) and write nothing.")
        var dryRun = false

        @Option(help: ArgumentHelp("Fix only these rules: ids or categories; repeatable.", valueName: "rule"))
        var only: [String] = []

        @Option(help: ArgumentHelp("Leave these rules alone: ids or categories; repeatable.", valueName: "rule"))
        var skip: [String] = []

        @Option(help: "Language of what is written and said: fr or en (default: the README's language, else fr).")
        var lang: Language?

        @Option(help: ArgumentHelp("The licence to write (an SPDX id of the French administrations' list); without it, the list.", valueName: "id"))
        var licence: String?

        @Option(help: ArgumentHelp("The copyright holder, for licences with a copyright line (MIT, BSD).", valueName: "name"))
        var holder: String?

        @Option(name: .customLong("security-contact"), help: ArgumentHelp("The address to report vulnerabilities to (SECURITY.md, the code of conduct).", valueName: "email"))
        var securityContact: String?

        @Option(help: ArgumentHelp("Instead of fixing: write an exemption of this rule into .vigie.yml (with --reason, --until).", valueName: "rule"))
        var exempt: String?

        @Option(help: ArgumentHelp("Why the rule does not apply (with --exempt).", valueName: "text"))
        var reason: String?

        @Option(help: ArgumentHelp("Last day the exemption applies, YYYY-MM-DD (with --exempt).", valueName: "date"))
        var until: String?

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Day the fix is as of, YYYY-MM-DD (default: today, UTC): the licence's year.", valueName: "date"))
        var asOf: String?

        @Option(help: ArgumentHelp("Rules folder (default: $VIGIE_RULES, then the built-in rules).", valueName: "dir"))
        var rules: String?

        @Option(help: ArgumentHelp("Rule set whose failing checks are fixed (default: eig).", valueName: "id"))
        var ruleset: String = "eig"

        func validate() throws {
            if let asOf, Day(iso: asOf) == nil {
                throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY-MM-DD, for example 2026-06-30")
            }
            if let until, Day(iso: until) == nil {
                throw ValidationError("--until '\(until)' is not a date: use YYYY-MM-DD, for example 2027-06-30")
            }
            if exempt == nil, reason != nil || until != nil {
                throw ValidationError("--reason and --until go with --exempt RULE")
            }
            if exempt != nil, reason?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
                throw ValidationError("--exempt needs --reason TEXT: say why the rule does not apply")
            }
        }

        func run() throws {
            let messages = lang ?? .fr
            do {
                let sources = try RulesLocator.locate(explicit: rules)
                let ruleSet = try Auditor.loadRuleSet(sources: sources, id: ruleset)
                StandardError.use(ruleSet.data)
                let today = asOf.flatMap(Day.init(iso:)) ?? Day(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
                if let exempt {
                    var request = Fixer.ExemptionRequest(path: path, rule: exempt, reason: reason ?? "", until: until.flatMap(Day.init(iso:)), asOf: today)
                    request.dryRun = dryRun
                    let report = try Fixer(ruleSet: ruleSet, sources: sources).exempt(request, language: messages)
                    try FixOutput.print(report, dryRun: dryRun, path: path)
                    if !report.refused.isEmpty { throw ExitCode(ExitStatus.cannotWrite.rawValue) }
                    return
                }
                var request = FixRequest(path: path, asOf: today)
                request.language = lang
                request.only = only
                request.skip = skip
                request.licence = licence
                request.holder = holder
                request.securityContact = securityContact
                request.dryRun = dryRun
                let report = try Fixer(ruleSet: ruleSet, sources: sources).run(request)
                try FixOutput.print(report, dryRun: dryRun, path: path)
                if !report.refused.isEmpty { throw ExitCode(ExitStatus.cannotWrite.rawValue) }
            } catch let error as ExitCode {
                throw error
            } catch {
                throw CLIFailure(error: error, language: messages)
            }
        }
    }
}

/// What `vigie fix` prints. Written files and the `git add` line go to stdout; with --dry-run the
/// diff alone goes to stdout (so that `vigie fix --dry-run | git apply` works) and the rest to stderr.
enum FixOutput {
    static func print(_ report: FixReport, dryRun: Bool, path: String) throws(AuditError) {
        let l = report.language
        var lines: [String] = []
        let paths = report.written.map(\.change.path)
        if report.attempted.isEmpty {
            lines.append(LocalizedText(fr: "Rien à corriger : aucune vérification en échec n'a de correction automatique.",
                                       en: "Nothing to fix: no failing check has an automatic fix.")[l])
        }
        for item in report.written {
            let verb: LocalizedText = switch item.change {
            case .create: dryRun ? LocalizedText(fr: "créerait", en: "would create") : LocalizedText(fr: "créé", en: "created")
            case .append: dryRun ? LocalizedText(fr: "compléterait", en: "would add to") : LocalizedText(fr: "complété", en: "added to")
            }
            lines.append("  + \(verb[l]) \(item.change.path) (\(item.rule))")
        }
        for item in report.existing { lines.append("  = \(item.path)\(separator(l)) \(item.reason[l]) (\(item.rule))") }
        for item in report.notes { lines.append("  ! \(item.rule)\(separator(l)) \(item.text[l])") }
        if !paths.isEmpty {
            lines.append("")
            if dryRun {
                lines.append(LocalizedText(fr: "Rien n'a été écrit (--dry-run) : appliquez le diff avec `git apply`, ou relancez sans --dry-run.",
                                           en: "Nothing was written (--dry-run): apply the diff with `git apply`, or run again without --dry-run.")[l])
            } else {
                lines.append(LocalizedText(fr: "Relisez ces fichiers, puis validez-les et relancez vigie audit :",
                                           en: "Review these files, then commit them and run vigie audit again:")[l])
                lines.append("  " + gitAdd(paths, root: report.root, path: path))
            }
        }
        // Notes quote the repository's own strings (a manifest's licence field): no control character
        // from them reaches the terminal.
        let text = lines.map { TerminalSafeText.clean($0, keepingLineBreaks: true) }.joined(separator: "\n") + "\n"
        if dryRun {
            try StandardOutput.write(report.diff)
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            try StandardOutput.write(text)
        }
        for item in report.refused {
            printError(LocalizedText(fr: "vigie : erreur : \(item.path) non écrit : \(item.reason.fr) (\(item.rule))",
                                     en: "vigie: error: \(item.path) not written: \(item.reason.en) (\(item.rule))")[l])
        }
    }

    private static func separator(_ l: Language) -> String { l == .fr ? " :" : ":" }

    /// `git add -- <paths>`, run from the work tree's root (`git -C ROOT` when PATH is not the root).
    static func gitAdd(_ paths: [String], root: String, path: String) -> String {
        let here = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let top = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        let prefix = here == top ? "git" : "git -C \(shellQuoted(root))"
        return "\(prefix) add -- " + paths.map(shellQuoted).joined(separator: " ")
    }

    /// A word for a POSIX shell: as is when plain, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-/+=:@".contains($0)) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
