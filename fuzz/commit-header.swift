// Fuzz target: the header of a raw commit object (parents, author, committer time), parsed by
// hand in VigieGit's history walk from bytes of the audited repository's object database.
@testable import VigieGit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommitHeader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    let interner = IdentityInterner()
    bytes.withUnsafeBytes { buffer in
        // Twice with one interner: the second parse takes the interned path for every identity.
        _ = CommitHeader(parsing: buffer, interner: interner)
        _ = CommitHeader(parsing: buffer, interner: interner)
        _ = CommitHeader(parsing: buffer)
    }
    return 0
}
