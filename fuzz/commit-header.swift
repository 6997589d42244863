// Fuzz target: the header of a raw commit object (parents, author, committer time), parsed by
// hand in VigieGit's history walk from bytes of the audited repository's object database.
@testable import VigieGit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommitHeader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    bytes.withUnsafeBytes { buffer in
        // The walk's path: one scan into a reused parents buffer, the author interned twice into one
        // table (the second time takes the already-interned path); then the values' path.
        var parents: [ObjectID] = []
        var table = IdentityTable()
        if let scan = CommitHeaderScan(buffer, parents: &parents) {
            _ = Repository.intern(scan, buffer, into: &table)
            _ = Repository.intern(scan, buffer, into: &table)
        }
        _ = CommitHeader(parsing: buffer)
    }
    return 0
}
