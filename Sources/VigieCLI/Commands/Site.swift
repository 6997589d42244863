import ArgumentParser
import Foundation
import VigieAudit
import VigieCore
import VigieReport

extension Vigie {
    /// `vigie site DIR --output public/`: the static website of a fleet (or of one scorecard).
    struct Site: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "site",
            abstract: "Turn a fleet output folder (or a single scorecard) into a static, accessible website.",
            discussion: """
            Writes index.html (every repository with score, grade, trend and categories), one page per repository \
            (every check, the activity and the score history), one page per rule (which repositories fail it), \
            rules/index.html and assets/. No server and no JavaScript are needed to read it; it works from file:// \
            and on GitLab or GitHub Pages. The same input always gives the same files. See docs/site.md.
            """
        )

        @Argument(help: "A fleet output folder (with index.json), an index.json, a scorecard JSON, or a folder holding one scorecard.")
        var input: String

        @Option(help: ArgumentHelp("Folder to write the site into (created; existing pages are replaced).", valueName: "dir"))
        var output: String = "public"

        @Option(help: "Language of the site: fr (default) or en. Scorecard texts stay in the language they were audited in.")
        var lang: Language = .fr

        func run() throws {
            let files = SiteBuilder.build(try PublishingCommand.load(input, language: lang), language: lang)
            try PublishingCommand.write(files, into: output, language: lang)
            let pages = files.filter { $0.path.hasSuffix(".html") }.count
            try StandardOutput.print(LocalizedText(fr: "\(pages) pages écrites dans \(output) (ouvrez \(output)/index.html)",
                                en: "\(pages) pages written to \(output) (open \(output)/index.html)")[lang])
        }
    }
}
