// swift-tools-version: 6.0
import PackageDescription
#if os(Linux)
import Foundation // FileManager: are the static archives there (below)?
#endif

// One list of settings for every target: Swift 6 language mode (strict concurrency is on by default there).
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// libgit2 and the libraries it needs (mbedTLS, libssh2 and OpenSSL's libcrypto, http-parser, PCRE2),
// and cmark-gfm, are linked into the binary on Linux, from Debian's own archives (libgit2-dev,
// libcmark-gfm-dev and the -dev packages they depend on): loading them as 16 shared libraries cost
// 4 to 5 ms at every start, half of `vigie --version` (docs/performance.md, "Issue 14, fifth pass"),
// and a copied binary then needs neither installed. GSSAPI, which Debian ships shared only, is opened
// on first use (CLazyGSSAPI); zlib stays shared (CZlib). The link uses lld, which searches archives
// whatever their order on the command line (SwiftPM orders the targets' flags itself).
// The list is what Debian 12's libgit2 1.5.1 is built with. Where libgit2 is built otherwise or one
// of those archives is missing (another distribution: Ubuntu's libgit2 uses OpenSSL and llhttp), or
// with VIGIE_SHARED_LIBRARIES=1 (distribution packages that must follow libgit2's security updates;
// bench/fuzz.sh, which links by hand), the shared libraries are linked instead, as pkg-config says.
let libgit2Archives = ["git2", "mbedtls", "mbedx509", "mbedcrypto", "http_parser", "ssh2", "crypto", "pcre2-8"]
let cmarkArchives = ["cmark-gfm-extensions", "cmark-gfm"]
let sharedLibraries: Bool = {
    #if os(Linux)
    if Context.environment["VIGIE_SHARED_LIBRARIES"] == "1" { return true }
    let folders = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"]
    let present = { (name: String) in folders.contains { FileManager.default.fileExists(atPath: "\($0)/lib\(name).a") } }
    // The libgit2 this list is for: built with mbedTLS and http-parser (its pkg-config file says so).
    let pkgConfig = folders.lazy.compactMap { try? String(contentsOfFile: "\($0)/pkgconfig/libgit2.pc", encoding: .utf8) }.first ?? ""
    let sameBuild = pkgConfig.contains("-lmbedtls") && pkgConfig.contains("-lhttp_parser")
    return !(sameBuild && (libgit2Archives + cmarkArchives).allSatisfy(present))
    #else
    return true
    #endif
}()
/// The linker flags that link the static archives `lib<name>.a` into whatever uses the target.
/// Release builds only: a debug build (the tests) that linked them with lld crashed about one run in
/// two when it released its rule data (`vigie audit --rules /absent`; a memory corruption, not
/// found under ThreadSanitizer, not seen in a release build nor in a debug build with the shared
/// libraries; docs/architecture.md#libraries-linked-in). scripts/check-deb.sh checks the release binary's links.
func linkedIn(_ archives: [String]) -> [LinkerSetting] {
    [.unsafeFlags(["-use-ld=lld"] + archives.flatMap { ["-Xlinker", "-l:lib\($0).a"] }, .when(configuration: .release))]
}
let libgit2Linking: [LinkerSetting] = sharedLibraries
    ? [.linkedLibrary("git2")]
    : [.linkedLibrary("git2", .when(configuration: .debug)),
       .unsafeFlags(["-Xlinker", "--wrap=mbedtls_x509_crt_parse_file"], .when(configuration: .release))] + linkedIn(libgit2Archives)
let cmarkLinking: [LinkerSetting] = sharedLibraries
    ? [.linkedLibrary("cmark-gfm"), .linkedLibrary("cmark-gfm-extensions")]
    : [.linkedLibrary("cmark-gfm", .when(configuration: .debug)), .linkedLibrary("cmark-gfm-extensions", .when(configuration: .debug))]
        + linkedIn(cmarkArchives)
// CLibGit2TLS defers mbedTLS's CA-bundle parse by taking the place of one mbedTLS function: by the
// dynamic linker's search order with a shared libgit2, by the static linker's --wrap otherwise.
// CLazyGSSAPI defines GSSAPI's functions for a linked-in libgit2 only.
let linkedInLibgit2Settings: [CSetting] = sharedLibraries ? [] : [.define("VIGIE_STATIC_LIBGIT2", .when(configuration: .release))]

let package = Package(
    name: "vigie",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vigie", targets: ["vigie"]),
        .library(name: "VigieAudit", targets: ["VigieAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // libgit2 from the system (Debian: libgit2-dev). Only VigieGit imports it.
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: sharedLibraries ? "libgit2" : nil,
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        // zlib from the system (Debian: zlib1g-dev). VigieGit inflates loose objects itself so that
        // libgit2 1.5.1 never sees a truncated or oversized one (docs/reliability.md).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // Defers libgit2's CA-bundle parse (mbedTLS) from git_libgit2_init to the first fetch (docs/performance.md).
        .target(name: "CLibGit2TLS", cSettings: linkedInLibgit2Settings),
        // GSSAPI (Kerberos for HTTP fetches) opened on first use, not at every start (docs/architecture.md).
        .target(name: "CLazyGSSAPI", cSettings: linkedInLibgit2Settings),
        .target(
            name: "VigieGit",
            dependencies: ["CLibGit2", "CLibGit2TLS", "CLazyGSSAPI", "CZlib"],
            swiftSettings: strict,
            linkerSettings: libgit2Linking
        ),
        // GitHub's Markdown parser from the system (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        // Only VigieMarkdown imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: sharedLibraries ? "libcmark-gfm" : nil,
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "VigieMarkdown", dependencies: ["CCmarkGFM"], swiftSettings: strict, linkerSettings: cmarkLinking),
        .target(name: "VigieCore", swiftSettings: strict),
        // glibc's memmem, hidden from Swift behind _GNU_SOURCE: the content scans' marker search.
        .target(name: "CByteSearch"),
        // How licence texts are cut into words (LicenceText, LicenceMatching): used by VigieRules, and by
        // vigie-embed-rules to compute the fingerprints' words at build time (docs/performance.md).
        .target(name: "VigieLicenceText", swiftSettings: strict),
        // The built-in rule sets and data (rules/*.yml, rules/data/*.yml) are compiled into VigieRules
        // by the EmbedRules build plugin, which runs vigie-embed-rules (docs/architecture.md).
        .target(
            name: "VigieRules",
            dependencies: ["VigieCore", "VigieLicenceText", "VigieMarkdown", "CByteSearch", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict,
            plugins: ["EmbedRules"]
        ),
        .executableTarget(
            name: "vigie-embed-rules",
            dependencies: ["VigieLicenceText", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["vigie-embed-rules"]),
        .target(name: "VigieReport", dependencies: ["VigieCore"], swiftSettings: strict),
        .target(
            name: "VigieAudit",
            dependencies: ["VigieGit", "VigieCore", "VigieRules", "VigieReport", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // setrlimit and prctl for fleet workers (variadic prctl cannot be called from Swift).
        .target(name: "CProcessLimits"),
        .target(
            name: "VigieCLI",
            dependencies: ["VigieAudit", "CProcessLimits", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict,
            // `vigie --version` names the commit it is built from (docs/install.md).
            plugins: ["BuildInfo"]
        ),
        .executableTarget(name: "vigie", dependencies: ["VigieCLI"], swiftSettings: strict),
        .executableTarget(name: "vigie-build-info", swiftSettings: strict),
        .plugin(name: "BuildInfo", capability: .buildTool(), dependencies: ["vigie-build-info"]),

        .target(
            name: "VigieTestSupport",
            dependencies: ["VigieGit", "VigieCore", "VigieReport", .product(name: "Yams", package: "Yams")],
            path: "Tests/VigieTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "VigieGitTests", dependencies: ["VigieGit", "VigieTestSupport"], swiftSettings: strict),
        .testTarget(name: "VigieMarkdownTests", dependencies: ["VigieMarkdown"], swiftSettings: strict),
        .testTarget(name: "VigieCoreTests", dependencies: ["VigieCore"], swiftSettings: strict),
        .testTarget(
            name: "VigieRulesTests",
            dependencies: ["VigieRules", "VigieLicenceText", "VigieCore", "VigieTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(name: "VigieReportTests", dependencies: ["VigieReport", "VigieCore"], swiftSettings: strict),
        .testTarget(
            name: "VigieCLITests",
            // Yams: the files `vigie fix` generates must parse as YAML (FixCommandTests).
            dependencies: ["VigieAudit", "VigieTestSupport", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
