import Testing
import VigieReport

@Suite("HTML and SVG escaping")
struct HTMLEscapingTests {
    @Test("the five characters that open markup or close an attribute become references")
    func references() {
        #expect(escapeHTML("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;")
        #expect(escapeHTML("</script>") == "&lt;/script&gt;")
        #expect(escapeHTML("\" onmouseover=\"alert(2)") == "&quot; onmouseover=&quot;alert(2)")
        #expect(escapeHTML("it's") == "it&#39;s")
        #expect(escapeHTML("a & b &amp;") == "a &amp; b &amp;amp;")
    }

    @Test("control and bidirectional characters are dropped, line breaks become spaces, text is kept")
    func invisible() {
        #expect(escapeHTML("a\u{0}b\u{1B}[31mc\u{7F}") == "ab[31mc")
        #expect(escapeHTML("abc\u{202E}gpj.exe") == "abcgpj.exe")
        #expect(escapeHTML("line\nbreak\r\ttab") == "line break  tab")
        #expect(escapeHTML("Élodie Lefèvre 👩‍💻") == "Élodie Lefèvre 👩‍💻")
        #expect(escapeHTML("\u{FFFE}x\u{FFFF}") == "x")
    }

    @Test("whatever the input, nothing can open a tag, end an attribute or start an unintended entity")
    func property() {
        let pieces = ["<", ">", "\"", "'", "&", "&lt;", "<script>", "</textarea>", "javascript:", "\u{0}", "\u{202E}", "é", "x", " ", "=", "/", "\n"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<12 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            let escaped = escapeHTML(text)
            #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"), "\(text)")
            // Every '&' starts one of the references the function writes.
            let ampersands = escaped.matches(of: /&/).count
            let references = escaped.matches(of: /&(amp|lt|gt|quot|#39);/).count
            #expect(ampersands == references, "\(text)")
            #expect(!escaped.unicodeScalars.contains { $0.properties.generalCategory == .control })
        }
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
