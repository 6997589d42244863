/// What an audit read of its files' contents, for `facts.reading` (docs/reliability.md, "Reading
/// limits"): every file read through the snapshot counts once, however many rules use it (reads
/// and decodings are memoised), and the files the content scans' global budget left unread are
/// listed with why. Kept by the snapshot, written by the engine after every rule has run, so that
/// the figures include what the rules read, in whatever order they ran.
public final class ReadAccount {
    /// A file a content scan wanted and the global budget refused.
    public struct Refusal: Sendable, Equatable {
        public let path: String
        public let size: Int64
    }

    /// The stable code of a refusal in `facts.reading.skipped[].reason`.
    public static let overReadBudget = "over_read_budget"

    /// Files whose content was read from the repository, each once.
    public private(set) var filesRead = 0
    public private(set) var bytesRead: Int64 = 0
    /// Files decoded to text (or found binary), each once: the scans share the decoded text.
    public private(set) var filesDecoded = 0
    private var refusals: [String: Int64] = [:]

    public init() {}

    func recordRead(_ count: Int) {
        filesRead += 1
        bytesRead += Int64(count)
    }

    func recordDecoding() { filesDecoded += 1 }

    /// Records that the global scan budget refused `path`: asked several times, it is listed once.
    public func refuse(path: String, size: Int64) {
        refusals[path] = size
    }

    /// The refused files, by path: the same set whatever the order the scans asked in.
    public var refused: [Refusal] {
        refusals.map { Refusal(path: $0.key, size: $0.value) }.sorted { $0.path < $1.path }
    }

    /// `facts.reading`: sizes in bytes; `skipped` lists every refused file (cut to 100 items, with
    /// `skipped_total`, by `OutputCaps`).
    public func facts(scanBudget: Int64) -> JSONValue {
        let refused = self.refused
        return .object([
            "files_read": .int(filesRead),
            "bytes_read": .int(Int(bytesRead)),
            "files_decoded": .int(filesDecoded),
            "scan_budget_bytes": .int(Int(scanBudget)),
            "skipped": .array(refused.map {
                .object(["path": .string($0.path), "size": .int(Int($0.size)), "reason": .string(Self.overReadBudget)])
            }),
            "skipped_bytes": .int(Int(refused.reduce(0) { $0 + $1.size })),
        ])
    }
}
