// Fuzz target: a rule set file (`rules/*.yml`, or one passed with --rules), read by the same
// loader as `vigie audit`: YAML, keys, declarative kinds, plugins, `extends`, `requires`.
import Foundation
@testable import VigieRules

/// A scratch rules folder per process, holding only the input as `fuzzed.yml`: it is layered in
/// front of the built-in rules, as a team's folder is, so `extends: eig` (or `generic`) reaches them.
let scratchRules: String = {
    let folder = NSTemporaryDirectory() + "vigie-fuzz-ruleset-\(ProcessInfo.processInfo.processIdentifier)"
    let manager = FileManager.default
    try? manager.removeItem(atPath: folder)
    try! manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleSet(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    guard FileManager.default.createFile(atPath: scratchRules + "/fuzzed.yml", contents: Data(bytes)) else {
        fatalError("fuzz harness: cannot write \(scratchRules)/fuzzed.yml")
    }
    var loader = RuleSetLoader(sources: RuleSources(folders: [scratchRules]), data: ruleData)
    let result: RuleSetLoader.Result? = loader.load("fuzzed")
    // Render what a user would see: the messages are part of what must not crash.
    _ = result?.rules.map { $0.rule }
    _ = loader.errors.map { $0.description }
    return 0
}
