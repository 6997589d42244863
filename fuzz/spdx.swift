// Fuzz target: SPDX licence expressions (`legal.license` of publiccode.yml, SPDX headers,
// package manifests): tokens, WITH, AND/OR precedence, parentheses.
@testable import VigieRules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSPDX(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let text = String(decoding: fuzzInput(start, count), as: UTF8.self)
    if let expression = try? SPDXExpression.parse(text) {
        _ = "\(expression)"
    }
    return 0
}
