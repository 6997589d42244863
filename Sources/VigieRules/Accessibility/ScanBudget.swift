public import VigieCore
import Foundation
import CByteSearch

// Reading many files of a tree within a budget: shared by the accessibility and open-data analyses.

/// How much a scan may read: each file at most `perFile` bytes (and never more than the snapshot's
/// read cap), `total` bytes altogether. A file over either limit is listed as unread, never read.
public struct ScanBudget: Sendable, Hashable, CustomStringConvertible {
    public let perFile: Int64
    public let total: Int64

    public init(perFile: Int, total: Int) {
        self.perFile = Int64(max(0, perFile))
        self.total = Int64(max(0, total))
    }

    public var description: String { "\(perFile)/\(total)" }
}

/// A file a scan left unread, and why: its size is known from the tree, so it was never opened.
public struct UnreadFile: Sendable, Equatable {
    public enum Reason: String, Sendable {
        case overFileBudget = "over_file_budget"
        case overTotalBudget = "over_total_budget"
        /// Refused by the global budget of all the content scans (`ContentPass`).
        case overReadBudget = "over_read_budget"
    }

    public let path: String
    public let size: Int64
    /// The per-file cap, or the bytes left in the total budget.
    public let limit: Int64
    public let reason: Reason

    public var message: LocalizedText {
        switch reason {
        case .overFileBudget:
            LocalizedText(fr: "non lu : \(size) octets, au-delà du budget de \(limit) octets par fichier",
                          en: "not read: \(size) bytes, over the \(limit)-byte per-file budget")
        case .overTotalBudget:
            LocalizedText(fr: "non lu : le budget total de lecture était épuisé (\(size) octets, \(limit) restants)",
                          en: "not read: the total read budget was spent (\(size) bytes, \(limit) left)")
        case .overReadBudget:
            LocalizedText(fr: "non lu : \(size) octets, hors du budget de lecture de l'audit (\(limit) octets pour toutes les analyses de contenu)",
                          en: "not read: \(size) bytes, outside the audit's read budget (\(limit) bytes for all the content scans)")
        }
    }

    public var finding: Finding { Finding(path: path, message: message) }
}

/// Reads files for one scan, keeping to its budget and to the global one of all the scans
/// (`ContentPass`), and recording what it left unread.
final class BudgetedReader {
    let snapshot: RepositorySnapshot
    let budget: ScanBudget
    let pass: ContentPass
    private(set) var used: Int64 = 0
    private(set) var filesRead = 0
    private(set) var unread: [UnreadFile] = []
    /// Files already read or refused by this scan: asking again costs nothing and records nothing.
    private var seen: Set<String> = []

    init(_ pass: ContentPass, budget: ScanBudget) {
        self.snapshot = pass.snapshot
        self.budget = budget
        self.pass = pass
    }

    /// The per-file cap actually applied: the budget's, or the snapshot's read cap when smaller.
    var fileCap: Int64 { min(budget.perFile, snapshot.readCap) }

    /// Announces the files this scan is about to read, in its order (`RepositorySnapshot.willRead`):
    /// they may be read ahead on a second core. Changes nothing the scan sees.
    func willRead(_ entries: [SnapshotEntry]) {
        snapshot.willRead(entries, cap: fileCap)
    }

    /// The file's bytes, or nil (recorded as unread) when it is over a limit.
    func bytes(of entry: SnapshotEntry) throws -> [UInt8]? {
        if !seen.insert(entry.path).inserted {
            return unread.contains { $0.path == entry.path } ? nil : try snapshot.bytes(of: entry, cap: fileCap)
        }
        // Unknown size (an absent or corrupt object): the snapshot records that this rule needed it.
        guard let size = snapshot.size(of: entry) else { return nil }
        if size > fileCap {
            unread.append(UnreadFile(path: entry.path, size: size, limit: fileCap, reason: .overFileBudget))
            return nil
        }
        if used + size > budget.total {
            unread.append(UnreadFile(path: entry.path, size: size, limit: budget.total - used, reason: .overTotalBudget))
            return nil
        }
        // The scan's own limits first, so that what it reports of them is what it always reported.
        guard pass.admits(entry, size: size) else {
            unread.append(UnreadFile(path: entry.path, size: size, limit: pass.budget, reason: .overReadBudget))
            return nil
        }
        used += size
        filesRead += 1
        return try snapshot.bytes(of: entry, cap: fileCap)
    }
}

extension RepositorySnapshot {
    /// Computes `compute` once per snapshot and `key`: the fact providers (default parameters) and
    /// the rules with the same parameters share one computation.
    func memoised<Key: Hashable, Value>(_ name: String, _ key: Key, _ compute: () throws -> Value) rethrows -> Value {
        try analysis(name, parameters: key, compute)
    }
}

/// Folder names that take a file out of a scan: one segment (`node_modules`) or a path (`public/build`).
struct FolderFilter: Sendable {
    let names: Set<String>
    let paths: [String]
    private let pathBytes: [[UInt8]]

    init(_ folders: [String]) {
        let lowered = folders.map { $0.lowercased() }
        names = Set(lowered.filter { !$0.contains("/") })
        paths = lowered.filter { $0.contains("/") }
        pathBytes = paths.map { Array($0.utf8) }
    }

    /// True when a folder of `path` (not its file name) is excluded.
    ///
    /// Asked several times for every file of every audit (open data, accessibility): with `String`
    /// splitting and `contains` it cost 20,000 instructions a call, 9 % of vigie's self audit and
    /// 15 % of a licence-and-README audit of git/git (callgrind); an ASCII path is now compared as bytes.
    func excludes(_ path: String) -> Bool {
        if !names.isEmpty && PathFolders.contains(path, where: names.contains) { return true }
        guard !pathBytes.isEmpty else { return false }
        var utf8 = Array(path.utf8)
        guard !utf8.contains(where: { $0 >= 0x80 }) else { return excludesUnicode(path) }
        for index in utf8.indices where utf8[index] >= 0x41 && utf8[index] <= 0x5A { utf8[index] += 0x20 }
        return pathBytes.contains { folder in
            Self.hasPrefix(utf8, folder, at: 0) && utf8.count > folder.count && utf8[folder.count] == 0x2F
                || Self.containsSlashed(utf8, folder)
        }
    }

    /// Whether `bytes` holds `/folder/`.
    private static func containsSlashed(_ bytes: [UInt8], _ folder: [UInt8]) -> Bool {
        guard bytes.count >= folder.count + 2 else { return false }
        for start in 0...(bytes.count - folder.count - 2) where bytes[start] == 0x2F
            && bytes[start + folder.count + 1] == 0x2F && hasPrefix(bytes, folder, at: start + 1) {
            return true
        }
        return false
    }

    private static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8], at offset: Int) -> Bool {
        guard bytes.count - offset >= prefix.count else { return false }
        for index in prefix.indices where bytes[offset + index] != prefix[index] { return false }
        return true
    }

    /// The folder paths of `excludes` for a path with non-ASCII characters: Unicode lowercasing.
    private func excludesUnicode(_ path: String) -> Bool {
        let lower = path.lowercased()
        return paths.contains { lower.hasPrefix($0 + "/") || lower.contains("/" + $0 + "/") }
    }
}

extension SnapshotEntry {
    /// A regular file or an executable one (not a symlink or a submodule).
    var isRegularFile: Bool { kind == .file || kind == .executable }
}

/// The 1-based line of byte offsets in a text.
struct LineIndex {
    private let newlines: [Int]

    init(_ bytes: [UInt8]) {
        var newlines: [Int] = []
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { newlines.append(offset) }
        self.newlines = newlines
    }

    func line(at offset: Int) -> Int {
        var low = 0, high = newlines.count
        while low < high {
            let middle = (low + high) / 2
            if newlines[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low + 1
    }
}

/// ASCII letters lowercased, other bytes unchanged: for case-insensitive byte searches. Every scanned
/// file is lowercased by each family that searches it (7.6 % of an audit of numerique-gouv/sites-faciles,
/// `perf`, when this was a `map` with a range test), so the loop is written branch-free over raw
/// buffers, which the compiler vectorises.
func asciiLowercased(_ bytes: [UInt8]) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: bytes.count) { lowered, count in
        bytes.withUnsafeBufferPointer { source in
            for index in source.indices {
                let byte = source[index]
                // `byte - 0x41 < 26` (wrapping) is true exactly for A…Z.
                lowered[index] = byte &+ (byte &- 0x41 < 26 ? 0x20 : 0)
            }
        }
        count = bytes.count
    }
}

/// Every offset where `needle` occurs in `haystack`.
func offsets(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
    var found: [Int] = []
    var from = 0
    while let position = firstOffset(of: needle, in: haystack, from: from) {
        found.append(position)
        from = position + 1
    }
    return found
}

/// The first offset at or after `from` where `needle` occurs in `haystack`. glibc's `memmem`
/// (two-way, vectorised) rather than `memchr` on the first byte then `memcmp`: markers starting
/// with a common letter stopped at every occurrence of it (on git/git's 1,000 shell test scripts,
/// 10 % of a licence-and-README audit went to looking for `udata` and the pipeline markers).
func firstOffset(of needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
    guard !needle.isEmpty, from >= 0, haystack.count - from >= needle.count else { return nil }
    return haystack.withUnsafeBufferPointer { hay -> Int? in
        needle.withUnsafeBufferPointer { pin -> Int? in
            guard let base = hay.baseAddress, let pinBase = pin.baseAddress,
                  let hit = vigie_memmem(base + from, hay.count - from, pinBase, pin.count) else { return nil }
            return UnsafeRawPointer(base).distance(to: hit)
        }
    }
}
