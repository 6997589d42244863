import Testing
import VigieReport

@Suite("escapeMarkdown: repository strings stay literal text")
struct MarkdownEscapingTests {
    @Test("links, images and autolinks cannot be injected")
    func links() {
        #expect(escapeMarkdown("[click](https://evil.example)") == "\\[click\\](https\\://evil.example)")
        #expect(escapeMarkdown("![x](y.png)") == "\\!\\[x\\](y.png)")
        #expect(escapeMarkdown("see www.evil.example") == "see www\\.evil.example")
        #expect(escapeMarkdown("mallory@evil.example") == "mallory\\@evil.example")
    }

    @Test("HTML is entity-encoded")
    func html() {
        #expect(escapeMarkdown("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;")
        #expect(escapeMarkdown("a & b") == "a &amp; b")
    }

    @Test("table cells, emphasis and code spans cannot break out")
    func inline() {
        #expect(escapeMarkdown("a | b") == "a \\| b")
        #expect(escapeMarkdown("**bold** _it_ `code` ~~s~~") == "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~")
        #expect(escapeMarkdown("back\\slash") == "back\\\\slash")
    }

    @Test("block markup at the start is neutralised and newlines are flattened")
    func blocks() {
        #expect(escapeMarkdown("# Title") == "\\# Title")
        #expect(escapeMarkdown("- item") == "\\- item")
        #expect(escapeMarkdown("1. item") == "1\\. item")
        #expect(escapeMarkdown("line\n# two\r\nthree") == "line \\# two three")
        #expect(escapeMarkdown("a-b.c") == "a-b.c")
    }

    @Test("control and bidi-override characters are dropped; emoji sequences kept")
    func invisible() {
        #expect(escapeMarkdown("evil\u{202E}txt.exe") == "eviltxt.exe")
        #expect(escapeMarkdown("bell\u{07}") == "bell")
        #expect(escapeMarkdown("👩‍💻") == "👩‍💻")
    }

    @Test("a combining mark does not hide markup from a Markdown parser, which reads scalars")
    func combiningMarks() {
        #expect(escapeMarkdown("*\u{301}bold*") == "\\*\u{301}bold\\*")
        #expect(escapeMarkdown("[\u{20DD}x](y)") == "\\[\u{20DD}x\\](y)")
    }

    @Test("a lone carriage return is a space; WWW. in capitals is an autolink too")
    func carriageReturnAndCapitals() {
        #expect(escapeMarkdown("a\rb\r\n\nc") == "a b  c")
        #expect(escapeMarkdown("WWW.evil.example") == "WWW\\.evil.example")
        #expect(escapeMarkdown("awww.x") == "awww\\.x")
    }

    @Test("plain French text is unchanged apart from its colons")
    func plainText() {
        #expect(escapeMarkdown("Déclaration d’accessibilité") == "Déclaration d’accessibilité")
        #expect(escapeMarkdown("README.md") == "README.md")
    }
}
