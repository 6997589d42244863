// Fuzz target: a CSV file of a data folder, checked as the open-data rules check it (byte order
// mark, encoding, separator detection, quoted records, header and row widths).
import VigieCore
@testable import VigieRules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    let check = CSVFileCheck(path: "data/fuzzed.csv", conventions: ruleData.openData, maxProblems: 50)
    _ = check.problems(in: bytes, decoded: TextDecoding.decode(bytes)).map { "\($0)" }
    return 0
}
