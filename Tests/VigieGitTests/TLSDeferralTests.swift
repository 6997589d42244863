import Foundation
import Testing
@testable import VigieGit
import VigieTestSupport

/// libgit2's CA bundle is not parsed at initialisation (CLibGit2TLS), and is loaded for a fetch.
@Suite("TLS set-up deferred to the first fetch")
struct TLSDeferralTests {
    @Test("initialising libgit2 records the CA bundle path instead of parsing it; enabling TLS loads it")
    func deferredThenLoaded() throws {
        _ = LibGit2.initialized
        // Debian's libgit2 asks for its build-time GIT_DEFAULT_CERT_LOCATION when that file exists.
        guard FileManager.default.fileExists(atPath: "/etc/ssl/certs/ca-certificates.crt") else { return }
        #expect(LibGit2.deferredCertificatePath == "/etc/ssl/certs/ca-certificates.crt")
        #expect(LibGit2.tlsEnabled)
        #expect(!LibGit2.tlsDeferred)
    }

    @Test("a mirror over file:// still works (the fetch path enables TLS first)")
    func mirrorStillWorks() throws {
        let scratch = try TemporaryDirectory()
        let origin = try FixtureBuilder.build("eig-complete", in: scratch)
        let mirror = try Repository.mirror(url: "file://" + origin.path, at: scratch.appending("mirror.git").path,
                                           credentials: RemoteCredentials(), timeout: 60)
        #expect(try mirror.resolveCommit("HEAD").id.hex.count == 40)
        #expect(!LibGit2.tlsDeferred)
    }
}
