// Fuzz target: a rule set file (`rules/*.yml`, or one passed with --rules), read by the same
// loader as `vigie audit`: YAML, keys, declarative kinds, plugins, `extends`, `requires`.
import Foundation
@testable import VigieRules

/// A scratch rules folder per process: the input is written as `fuzzed.yml` next to links to the
/// shipped rule sets, so `extends: eig` (or `generic`, `examples/...`) reaches real files.
let scratchRules: String = {
    let folder = NSTemporaryDirectory() + "vigie-fuzz-ruleset-\(ProcessInfo.processInfo.processIdentifier)"
    let manager = FileManager.default
    try? manager.removeItem(atPath: folder)
    try! manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for name in (try? manager.contentsOfDirectory(atPath: rulesDirectory)) ?? [] where name != "fuzzed.yml" {
        try? manager.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: rulesDirectory + "/" + name)
    }
    return folder
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleSet(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    guard FileManager.default.createFile(atPath: scratchRules + "/fuzzed.yml", contents: Data(bytes)) else {
        fatalError("fuzz harness: cannot write \(scratchRules)/fuzzed.yml")
    }
    var loader = RuleSetLoader(directory: scratchRules, data: ruleData)
    let result = loader.load("fuzzed")
    // Render what a user would see: the messages are part of what must not crash.
    _ = result?.rules.map(\.rule)
    _ = loader.errors.map(\.description)
    return 0
}
