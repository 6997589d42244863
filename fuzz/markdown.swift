// Fuzz target: a Markdown README, read by cmark-gfm (VigieMarkdown) and analysed as the README
// rules analyse it (sections, links and anchors, images, language, counts).
import VigieCore
import VigieMarkdown
import VigieRules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    if let text = decodedText(bytes) {
        _ = CommonMark.outline(of: text)
    }
    readmeAnalyses(["README.md": bytes, "docs/guide.md": Array("# Guide\n".utf8)])
    return 0
}
