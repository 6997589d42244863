// Shared by every fuzz target (compiled into each by bench/fuzz.sh, not by SwiftPM).
import Foundation
import VigieCore
@testable import VigieRules

/// The fuzzer's input as an array: the parsers take `[UInt8]` or `String`, as the snapshot gives them.
func fuzzInput(_ start: UnsafeRawPointer?, _ count: Int) -> [UInt8] {
    guard let start, count > 0 else { return [] }
    return Array(UnsafeRawBufferPointer(start: start, count: count))
}

/// The input as a rule would see it: through the snapshot's one text decoder (BOMs, UTF-16,
/// Windows-1252, CRLF → LF), or nil for what the decoder calls binary. Going through the decoder
/// rather than `String(decoding:)` fuzzes it too and keeps the parsers' input realistic.
func decodedText(_ bytes: [UInt8]) -> String? {
    TextDecoding.decode(bytes)?.text
}

/// The repository's `rules/` folder: `VIGIE_RULES` when set, else next to this file's folder.
let rulesDirectory: String = ProcessInfo.processInfo.environment["VIGIE_RULES"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules").path

/// The shipped rule data (licences, conventions), loaded once per process: parsers take their
/// phrases and schemas from it, and loading it per input would cost more than the parse.
let ruleData: RuleData = {
    do {
        return try RuleData.load(from: rulesDirectory)
    } catch {
        // A harness that cannot load its data would fuzz nothing: stop loudly instead.
        fatalError("fuzz harness: cannot load the rule data from \(rulesDirectory): \(error)")
    }
}()

/// The README analyses of a snapshot holding `files` (the README and a page its relative links may
/// point at), as the README rules and facts run them. Errors are results here: a binary README is one.
func readmeAnalyses(_ files: [String: [UInt8]]) {
    let snapshot = byteSnapshot(files)
    _ = try? ReadmeStructure.of(snapshot, data: ruleData)
    _ = try? ReadmeAnalysis.of(snapshot, data: ruleData)
}

/// A snapshot of files given as bytes (the fuzzer's bytes are not always text): the in-memory
/// reader that rule examples use, so analyses read them through the snapshot as in an audit.
func byteSnapshot(_ files: [String: [UInt8]]) -> RepositorySnapshot {
    RepositorySnapshot(name: "fuzzed", entries: files.keys.sorted().map { SnapshotEntry(path: $0) },
                       reader: InMemoryReader(files: files))
}

/// Loads the rule data before the first input: its cost is not charged to an input (libFuzzer's
/// -timeout), and a harness that cannot load it stops before fuzzing anything.
@_cdecl("LLVMFuzzerInitialize")
public func initializeFuzzer(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = ruleData
    return 0
}
