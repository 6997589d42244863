import ArgumentParser
import Foundation
import VigieAudit
import VigieCore
import VigieReport

extension Vigie {
    /// `vigie badge DIR --output DIR`: `vigie | B 82` for every repository.
    struct Badge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "badge",
            abstract: "Write an SVG badge and a shields.io endpoint JSON for each repository of a fleet output folder or scorecard.",
            discussion: """
            Writes <name>.badge.svg (score and grade, with an accessible title) and <name>.badge.json \
            ({"schemaVersion": 1, "label": "vigie", "message": "B 82", "color": "green"}) for shields.io's endpoint badge: \
            https://img.shields.io/endpoint?url=<published URL of name.badge.json>. <name> is the fleet's file name of the repository.
            """
        )

        @Argument(help: "A fleet output folder (with index.json), an index.json, a scorecard JSON, or a folder holding one scorecard.")
        var input: String

        @Option(help: ArgumentHelp("Folder to write the badges into.", valueName: "dir"))
        var output: String

        @Option(help: "Language of the badges' titles: fr (default) or en.")
        var lang: Language = .fr

        func run() throws {
            let badges: [(name: String, badge: VigieReport.Badge)]
            switch try PublishingCommand.load(input, language: lang) {
            case .scorecard(let card, _):
                badges = [(ScorecardWriter.safeFileName(card.repository.name), VigieReport.Badge(card, language: lang))]
            case .fleet(let index, _, _):
                badges = index.repositories.map { entry in
                    (ScorecardWriter.safeFileName(entry.file), VigieReport.Badge(
                        repository: entry.name, score: entry.score, grade: entry.grade, failed: entry.status == .error, language: lang))
                }
            }
            let files = badges.flatMap { item in
                [(path: item.name + ".badge.svg", contents: item.badge.svg()), (path: item.name + ".badge.json", contents: item.badge.endpointJSON())]
            }
            try PublishingCommand.write(files, into: output, language: lang)
            try StandardOutput.print(LocalizedText(fr: "\(badges.count) badge\(badges.count > 1 ? "s" : "") écrit\(badges.count > 1 ? "s" : "") dans \(output)",
                                en: "\(badges.count) badge\(badges.count == 1 ? "" : "s") written to \(output)")[lang])
        }
    }
}
