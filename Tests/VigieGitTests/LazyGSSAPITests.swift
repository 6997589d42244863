import CLazyGSSAPI
import Testing
@testable import VigieGit

/// GSSAPI is not loaded at start-up but on first use, and then answers (CLazyGSSAPI, Package.swift).
@Suite("GSSAPI opened on first use")
struct LazyGSSAPITests {
    @Test("libgit2's initialisation does not load GSSAPI; the first call does, and reaches the real library")
    func loadedOnFirstUse() throws {
        // Built against Debian's shared libgit2 (VIGIE_SHARED_LIBRARIES=1): GSSAPI is libgit2's own
        // dependency and this target defines nothing.
        guard vigie_gssapi_is_loaded() != -1 else {
            #expect(vigie_gssapi_mechanism_count() == -2)
            return
        }
        _ = LibGit2.initialized
        #expect(vigie_gssapi_is_loaded() == 0)
        // libgit2-1.5 depends on libgssapi-krb5-2, so the library is there wherever vigie builds.
        let mechanisms = vigie_gssapi_mechanism_count()
        #expect(mechanisms > 0)
        #expect(vigie_gssapi_is_loaded() == 1)
    }
}
