import CLazyGSSAPI
import Foundation
import Testing
import VigieTestSupport

/// A release `vigie` loads libgit2, its dependencies and cmark-gfm from itself, and GSSAPI only on
/// first use (Package.swift, docs/architecture.md#libraries-linked-in): a module map that links a
/// shared library again would bring back 6 ms of every start, silently. The tests run a debug build,
/// which links Debian's shared libraries (the statically linked debug build crashed): here the binary
/// must be linked the way it says it was built; `scripts/check-deb.sh` checks the release binary.
@Suite("Libraries linked into the binary")
struct LinkedLibrariesTests {
    @Test("the binary needs no shared libgit2, mbedTLS, libssh2, libcrypto, cmark-gfm or GSSAPI, unless built to")
    func sharedLibrariesNeeded() throws {
        let listing = try runProcess(URL(fileURLWithPath: "/usr/bin/ldd"), [PackagePaths.vigieExecutable.path])
        #expect(listing.status == 0)
        // "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)": the soname, first on each line.
        let needed = listing.stdout.split(separator: "\n").compactMap {
            $0.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
        }
        #expect(needed.contains { $0.hasPrefix("libc.so") })
        let linkedIn = ["libgit2", "libmbedtls", "libmbedx509", "libmbedcrypto", "libssh2", "libcrypto", "libhttp_parser",
                        "libpcre2-8", "libcmark-gfm", "libgssapi_krb5"]
        let shared = needed.filter { library in linkedIn.contains { library.hasPrefix($0 + ".so") || library.hasPrefix($0 + "-") } }
        // -1: built against Debian's shared libraries (VIGIE_SHARED_LIBRARIES=1, or another libgit2 build).
        if vigie_gssapi_is_loaded() == -1 {
            #expect(shared.contains { $0.hasPrefix("libgit2.so") })
        } else {
            #expect(shared.isEmpty, "shared libraries the build should have linked in: \(shared)")
        }
    }
}
