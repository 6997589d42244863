import CLibGit2
import Foundation

/// git's commit-graph file (`objects/info/commit-graph`), read by vigie: the sorted list of commit
/// ids (OIDL, with its fan-out OIDF) and each commit's parents (CDAT, EDGE), so the history can be
/// enumerated without inflating a single commit.
///
/// Why not libgit2: 1.5.1 uses the file only inside `git_revwalk`, refuses any file with a chunk it
/// does not know (the `GDA2`/`GDO2` generation chunks git ≥ 2.36 writes by default) and falls back
/// silently (../shared/PERFORMANCE.md §2); its parser is not public. The format is small and
/// documented (git's Documentation/gitformat-commit-graph.txt); vigie reads only the four chunks
/// above and ignores the others, whatever the generation version. Only a self-contained file is
/// used: a split graph chain (`commit-graphs/`) or a file naming base graphs is left alone.
///
/// Nothing here is trusted blindly: the walk checks every commit it reads against the parents the
/// graph gave (`Repository.countHistoryWithGraph`), and any disagreement means the ordinary walk.
struct CommitGraphFile {
    private let bytes: [UInt8]
    /// Offsets of the chunks in `bytes`.
    private let fanout: Int
    private let ids: Int
    private let data: Int
    private let edges: Int?
    private let edgeCount: Int
    /// Number of commits in the file.
    let count: Int

    static let noParent: UInt32 = 0x7000_0000

    /// Reads `objectsFolder/info/commit-graph`; nil when there is none, or it is not a version-1
    /// SHA-1 graph without base graphs, or a chunk it needs is missing or out of bounds.
    init?(objectsFolder: String) {
        let path = objectsFolder + (objectsFolder.hasSuffix("/") ? "" : "/") + "info/commit-graph"
        guard let bytes = try? RegularFile.read(path) else { return nil }
        self.init(bytes: bytes)
    }

    init?(bytes: [UInt8]) {
        // Header: "CGPH", version 1, hash version 1 (SHA-1), number of chunks, number of base graphs.
        guard bytes.count >= 8 + 12 + 20, bytes[0] == 0x43, bytes[1] == 0x47, bytes[2] == 0x50, bytes[3] == 0x48,
              bytes[4] == 1, bytes[5] == 1, bytes[7] == 0 else { return nil }
        let chunks = Int(bytes[6])
        guard bytes.count >= 8 + (chunks + 1) * 12 else { return nil }
        var found: [UInt32: (start: Int, end: Int)] = [:]
        for index in 0..<chunks {
            let entry = 8 + index * 12
            let id = Self.uint32(bytes, entry)
            let start = Self.uint64(bytes, entry + 4), end = Self.uint64(bytes, entry + 16)
            guard start <= end, end <= UInt64(bytes.count) else { return nil }
            found[id] = (Int(start), Int(end))
        }
        guard let fanout = found[0x4F49_4446], fanout.end - fanout.start == 256 * 4, // OIDF
              let ids = found[0x4F49_444C], // OIDL
              let data = found[0x4344_4154] // CDAT
        else { return nil }
        let count = Int(Self.uint32(bytes, fanout.start + 255 * 4))
        guard ids.end - ids.start == count * 20, data.end - data.start == count * 36 else { return nil }
        self.bytes = bytes
        self.fanout = fanout.start
        self.ids = ids.start
        self.data = data.start
        self.count = count
        if let edges = found[0x4544_4745] { // EDGE
            self.edges = edges.start
            self.edgeCount = (edges.end - edges.start) / 4
        } else {
            self.edges = nil
            self.edgeCount = 0
        }
    }

    /// The position of `id` in the file, if it holds it: a binary search in its fan-out bucket.
    func position(of id: ObjectID) -> Int? {
        var oid = id.raw
        return withUnsafeBytes(of: &oid.id) { key -> Int? in
            let first = Int(key[0])
            var low = first == 0 ? 0 : Int(Self.uint32(bytes, fanout + (first - 1) * 4))
            var high = Int(Self.uint32(bytes, fanout + first * 4))
            guard low <= high, high <= count else { return nil }
            return bytes.withUnsafeBytes { file -> Int? in
                while low < high {
                    let middle = (low + high) / 2
                    let order = memcmp(file.baseAddress! + ids + middle * 20, key.baseAddress!, 20)
                    if order == 0 { return middle }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }

    /// The commit id at `position`.
    func id(at position: Int) -> ObjectID {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { target in
            bytes.withUnsafeBytes { file in target.copyMemory(from: UnsafeRawBufferPointer(rebasing: file[(ids + position * 20)..<(ids + position * 20 + 20)])) }
        }
        return ObjectID(oid)
    }

    /// The parents of the commit at `position`, as positions, appended to `parents` in the
    /// commit's order. False when the file is inconsistent (a position out of range, a broken edge list).
    func parents(of position: Int, into parents: inout [Int]) -> Bool {
        let entry = data + position * 36 + 20
        let first = Self.uint32(bytes, entry), second = Self.uint32(bytes, entry + 4)
        guard first != Self.noParent else { return second == Self.noParent }
        guard Int(first) < count else { return false }
        parents.append(Int(first))
        if second == Self.noParent { return true }
        if second & 0x8000_0000 == 0 {
            guard Int(second) < count else { return false }
            parents.append(Int(second))
            return true
        }
        // An octopus merge: the second and later parents are in the edge list, the last one flagged.
        guard let edges else { return false }
        var index = Int(second & 0x7FFF_FFFF)
        while index < edgeCount {
            let value = Self.uint32(bytes, edges + index * 4)
            let parent = Int(value & 0x7FFF_FFFF)
            guard parent < count else { return false }
            parents.append(parent)
            if value & 0x8000_0000 != 0 { return true }
            index += 1
        }
        return false
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    private static func uint64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        UInt64(uint32(bytes, offset)) << 32 | UInt64(uint32(bytes, offset + 4))
    }
}
