// Fuzz target: reStructuredText and AsciiDoc READMEs, read by the line readers of
// VigieRules/Readme and analysed as the README rules analyse them. The first byte chooses the
// format, so one corpus grows for both readers.
import VigieCore
import VigieRules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReadmeMarkup(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    guard let selector = bytes.first else { return 0 }
    let path = selector & 1 == 0 ? "README.rst" : "README.adoc"
    readmeAnalyses([path: Array(bytes.dropFirst()), "docs/guide.rst": Array("Guide\n=====\n".utf8)])
    return 0
}
