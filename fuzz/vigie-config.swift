// Fuzz target: `.vigie.yml`, the audited repository's own exemption file, parsed as `vigie audit`
// parses it (ExemptionFile.parse on the decoded text).
import VigieCore
import VigieRules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVigieConfig(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let text = decodedText(fuzzInput(start, count)) else { return 0 }
    let parsed = ExemptionFile.parse(text: text, path: ExemptionFile.path)
    _ = parsed.problems.map { "\($0)" }
    return 0
}
