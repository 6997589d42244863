import VigieCore

extension BudgetedReader {
    /// The file's text decoded as every rule reads text (`TextDecoding`: UTF-8, LF line breaks), or nil
    /// when it is over a budget (recorded as unread) or binary (skipped: a scan never parses a binary
    /// file as text). Byte searches run on `utf8`, so their offsets give the text's line numbers. The
    /// decoding is the snapshot's, shared with every other scan of the same file.
    func text(of entry: SnapshotEntry) throws -> DecodedText? {
        guard let bytes = try bytes(of: entry) else { return nil }
        return snapshot.decoded(entry, bytes: bytes)
    }
}
