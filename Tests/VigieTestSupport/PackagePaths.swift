public import Foundation

/// Where the package's folders are, from this file's place in the source tree: SwiftPM cannot copy
/// resources from outside a target (swift-package-manager #6982), so tests read `rules/` and
/// `fixtures/` in place.
public enum PackagePaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let rules = root.appendingPathComponent("rules")
    public static let fixtures = root.appendingPathComponent("fixtures")
    public static let schema = root.appendingPathComponent("docs/schema/scorecard.schema.json")

    /// The folder holding the test runner, where SwiftPM also puts the `vigie` executable.
    public static var productsFolder: URL {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // On Linux the runner is <products>/vigiePackageTests.xctest; on macOS it sits deeper in a bundle.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("vigie").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder
    }

    public static var vigieExecutable: URL { productsFolder.appendingPathComponent("vigie") }

    /// Replaces a `@fixtures/<path>` value by that fixture file's text (rule examples use it for long licence texts).
    public static func resolveFixtureReference(_ value: String) throws -> String {
        guard value.hasPrefix("@fixtures/") else { return value }
        return try String(contentsOf: fixtures.appendingPathComponent(String(value.dropFirst("@fixtures/".count))), encoding: .utf8)
    }
}

/// A temporary folder removed when released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL
    public var path: String { url.path }

    public init(_ label: String = "vigie-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Set VIGIE_KEEP_TEST_DIRS=1 to keep test folders for inspection.
    deinit {
        if ProcessInfo.processInfo.environment["VIGIE_KEEP_TEST_DIRS"] != "1" { try? FileManager.default.removeItem(at: url) }
    }

    public func appending(_ component: String) -> URL { url.appendingPathComponent(component) }
}
