// Fuzz target: `publiccode.yml`, validated against the schema of rules/data/health.yml (types,
// enumerations, lengths, the SPDX expression of `legal.license`, unknown keys).
import VigieCore
@testable import VigieRules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPubliccode(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let text = decodedText(fuzzInput(start, count)) else { return 0 }
    let document = PubliccodeValidator(schema: ruleData.health.publiccode).validate(text)
    _ = document.problems.map { "\($0)" }
    return 0
}
