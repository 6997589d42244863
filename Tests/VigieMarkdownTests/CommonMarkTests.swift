import Testing
import VigieMarkdown

/// The cmark-gfm wrapper: what READMEs need from it, with the lines they are written on.
@Suite("CommonMark outline")
struct CommonMarkTests {
    @Test("ATX and setext headings: level, text without markup, first and last line")
    func headings() {
        let outline = CommonMark.outline(of: "# Titre *du* `projet`\n\nIntro.\n\nInstallation\n============\n\nUsage\n-----\n\n### [Liens](x.md) ###\n")
        #expect(outline.headings.map(\.text) == ["Titre du projet", "Installation", "Usage", "Liens"])
        #expect(outline.headings.map(\.level) == [1, 1, 2, 3])
        #expect(outline.headings.map(\.line) == [1, 5, 8, 11])
        #expect(outline.headings.map(\.endLine) == [1, 6, 9, 11])
    }

    @Test("anchors follow GitHub: lowercase, punctuation dropped, accents kept, duplicates numbered")
    func anchors() {
        let outline = CommonMark.outline(of: """
            # Mise en place (rapide) !
            ## Qu'est-ce que c'est ?
            ## Usage
            ## Usage
            ## Usage
            ## Usage-1
            ## `make_all` & C++
            ## Éléments 🚀 déjà
            """)
        #expect(outline.headings.map(\.anchor) == [
            "mise-en-place-rapide-", "quest-ce-que-cest-", "usage", "usage-1", "usage-2", "usage-1-1", "make_all--c", "éléments--déjà",
        ])
    }

    @Test("inline, reference and autolinks, each with its own line, in a multi-line paragraph")
    func links() {
        let outline = CommonMark.outline(of: """
            Voir [le guide](docs/guide.md) puis
            la [documentation][doc] et [l'API][] ou
            https://example.org.

            [doc]: docs/index.md "Docs"
            [l'api]: <docs/api v2.md>
            """)
        #expect(outline.links.map(\.target) == ["docs/guide.md", "docs/index.md", "docs/api v2.md", "https://example.org"])
        #expect(outline.links.map(\.line) == [1, 2, 2, 3])
        #expect(outline.links.allSatisfy { !$0.isImage && $0.alt == nil })
    }

    @Test("a link whose text runs over two lines is on the line it starts")
    func multiLineLink() {
        let outline = CommonMark.outline(of: "Un `code\nsur deux lignes` et [un lien\nlong](a.md), ![logo](b.png)\n")
        #expect(outline.links.map(\.line) == [2, 3])
    }

    @Test("images: alternative text (empty when none), badges inside links, HTML <img> with and without alt")
    func images() {
        let outline = CommonMark.outline(of: """
            [![Build *status*](https://ci/badge.svg)](https://ci) ![](docs/shot.png)

            <p align="center">
              <img src="logo.png" alt="Logo">
              <img src='empty.png'>
            </p>

            Texte <img alt="icône" src="icon.svg"> fin.
            """)
        let images = outline.links.filter(\.isImage)
        #expect(images.map(\.target) == ["https://ci/badge.svg", "docs/shot.png", "logo.png", "empty.png", "icon.svg"])
        #expect(images.map(\.alt) == ["Build status", "", "Logo", "", "icône"])
        #expect(images.map(\.line) == [1, 1, 4, 5, 8])
        #expect(images.map(\.isInsideLink) == [true, false, false, false, false])
        #expect(images.map(\.isHTML) == [false, false, true, true, true])
        #expect(outline.links.first?.target == "https://ci", "the link comes before the image it holds")
        #expect(outline.htmlBlocks.map(\.line) == [3])
    }

    @Test("code blocks, fenced or indented, and code spans are never read as headings or links")
    func codeIgnored() {
        let outline = CommonMark.outline(of: """
            ```sh
            # not a heading
            [not](a-link.md)
            ```

                ## indented code
                ![no](image.png)

            ~~~
            <img src="no.png">
            ~~~
            Text `[no](link.md)` here.
            """)
        #expect(outline.headings.isEmpty)
        #expect(outline.links.isEmpty)
        #expect(outline.blocks.map(\.line) == [12])
    }

    @Test("GFM tables: cells as text, links in cells on their row's line")
    func tables() {
        let outline = CommonMark.outline(of: """
            Intro.

            | Outil | Lien |
            |-------|------|
            | vigie | [docs](docs/README.md) |
            | ~~old~~ | www.example.org |
            """)
        #expect(outline.tables.count == 1)
        #expect(outline.tables.first?.line == 3)
        #expect(outline.tables.first?.rows == [["Outil", "Lien"], ["vigie", "docs"], ["old", "www.example.org"]])
        #expect(outline.links.map(\.target) == ["docs/README.md", "http://www.example.org"])
        #expect(outline.links.map(\.line) == [5, 6])
        #expect(outline.blocks.map(\.line) == [1, 3])
        #expect(outline.blocks.map(\.endLine) == [1, 6])
    }

    @Test("a heading's text outside code spans tells a YAML field heading from a section")
    func textOutsideCode() {
        let outline = CommonMark.outline(of: "##### Options du champ `description: |` :\n")
        #expect(outline.headings.first?.text == "Options du champ description: | :")
        #expect(outline.headings.first?.textOutsideCode == "Options du champ :")
    }

    @Test("HTML headings count: level, text without tags or code, their line, the anchor their id gives")
    func htmlHeadings() {
        let outline = CommonMark.outline(of: "# Outil\n\n<h2 id=\"install\">Installation <code>npm</code></h2>\n\n<div>\n<h3>\nAide &amp; contact\n</h3>\n</div>\n")
        #expect(outline.headings.map(\.text) == ["Outil", "Installation npm", "Aide & contact"])
        #expect(outline.headings.map(\.textOutsideCode) == ["Outil", "Installation", "Aide & contact"])
        #expect(outline.headings.map(\.level) == [1, 2, 3])
        #expect(outline.headings.map(\.line) == [1, 3, 6])
        #expect(outline.headings.map(\.anchor) == ["outil", "install", ""])
    }

    @Test("headings in lists and quotes, and lines after a front matter-like block, keep their lines")
    func nestedPositions() {
        let outline = CommonMark.outline(of: "> ## Quoted\n>\n> [in quote](q.md)\n\n- item\n\n  [in list](l.md)\n")
        #expect(outline.headings.map(\.line) == [1])
        #expect(outline.links.map(\.line) == [3, 7])
    }

    @Test("any input degrades, never crashes: empty, NUL bytes, deep nesting, unclosed constructs")
    func hostileInput() {
        #expect(CommonMark.outline(of: "") == .empty)
        _ = CommonMark.outline(of: "a\u{0}b [x](\u{0})")
        _ = CommonMark.outline(of: String(repeating: ">", count: 5000) + " deep")
        _ = CommonMark.outline(of: String(repeating: "[", count: 20000) + "x")
        _ = CommonMark.outline(of: String(repeating: "- ", count: 3000) + "item")
        let unclosed = CommonMark.outline(of: "```\n# inside an unclosed fence\n")
        #expect(unclosed.headings.isEmpty)
    }
}
