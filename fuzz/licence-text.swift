// Fuzz target: a LICENSE file, normalised and matched against the licence fingerprints of
// rules/data (the licence analysis of a snapshot holding only that file).
import VigieCore
import VigieLicenceText
import VigieRules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLicenceText(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    if let text = decodedText(bytes) {
        _ = LicenceText(text, matching: ruleData.licenceMatching)
    }
    let snapshot = byteSnapshot(["LICENSE": bytes])
    _ = try? LicenceAnalysis.of(snapshot, data: ruleData)
    return 0
}
