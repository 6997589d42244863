// Fuzz target: an accessibility statement (déclaration d'accessibilité RGAA), folded and read as
// the accessibility rules read it: title, markers, status, rate, RGAA version, dates, sections.
import VigieCore
@testable import VigieRules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatement(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let text = decodedText(fuzzInput(start, count)) else { return 0 }
    let reader = StatementReader(conventions: ruleData.accessibility)
    let folded = FoldedText(text)
    _ = reader.classify(folded)
    // Also read it as a statement whatever its title says, so the readers run on every input.
    _ = reader.read(folded, language: .fr, titleLine: 1, markers: 0)
    return 0
}
