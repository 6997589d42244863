import CLibGit2
import Foundation

/// A pack file (or its index) that libgit2 cannot use, and why.
public struct DamagedPack: Sendable, Equatable {
    /// The file's name in `objects/pack/`, e.g. `pack-1234….idx`.
    public let file: String
    public let reason: String
}

extension Repository {
    /// The packs whose header or index is visibly damaged: a wrong signature or version, an index
    /// shorter than the object count it declares, a pack that does not hold as many objects as its
    /// index. Read only to explain a failure: libgit2 skips such a pack silently, and the audit would
    /// otherwise only see "object not found". Reads 12 bytes per pack and 1 KiB per index.
    public func damagedPacks() -> [DamagedPack] {
        var common = String(cString: git_repository_commondir(pointer))
        if !common.hasSuffix("/") { common += "/" }
        let folder = common + "objects/pack/"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var damaged: [DamagedPack] = []
        for index in names.sorted() where index.hasPrefix("pack-") && index.hasSuffix(".idx") {
            let pack = String(index.dropLast(4)) + ".pack"
            let indexed: (count: Int, packChecksum: [UInt8])
            switch Self.indexObjectCount(folder + index) {
            case .failure(let problem):
                damaged.append(DamagedPack(file: index, reason: problem.reason))
                continue
            case .success(let found):
                indexed = found
            }
            if let problem = Self.packProblem(folder + pack, expectedObjects: indexed.count, checksum: indexed.packChecksum) {
                damaged.append(DamagedPack(file: pack, reason: problem))
            }
        }
        return damaged
    }

    /// The object count an index declares, once its size is checked against it (idx v1 and v2).
    private static func indexObjectCount(_ path: String) -> Result<(count: Int, packChecksum: [UInt8]), RegularFile.Failure> {
        let bytes: [UInt8]
        do { bytes = try RegularFile.read(path) } catch { return .failure(error) }
        let isV2 = bytes.starts(with: [0xFF, 0x74, 0x4F, 0x63])
        let fanout = isV2 ? 8 : 0
        guard bytes.count >= fanout + 1024 else {
            return .failure(.init(reason: "index truncated (\(bytes.count) bytes, not even its fan-out table)"))
        }
        if isV2, bigEndian(bytes, at: 4) != 2 { return .failure(.init(reason: "index version \(bigEndian(bytes, at: 4)) unknown")) }
        let count = Int(bigEndian(bytes, at: fanout + 255 * 4))
        let minimum = isV2 ? 8 + 1024 + count * 28 + 40 : 1024 + count * 24 + 40
        guard bytes.count >= minimum else {
            return .failure(.init(reason: "index truncated (\(bytes.count) bytes for \(count) objects, at least \(minimum) expected)"))
        }
        // The index ends with the pack's checksum, then its own.
        return .success((count, Array(bytes[(bytes.count - 40)..<(bytes.count - 20)])))
    }

    private static func packProblem(_ path: String, expectedObjects: Int, checksum: [UInt8]) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "pack file missing for its index" }
        let bytes: [UInt8]
        do { bytes = try RegularFile.readPrefix(path, count: 12) } catch { return error.reason }
        guard bytes.count == 12, bytes.starts(with: Array("PACK".utf8)) else { return "not a pack file (no PACK signature)" }
        let version = bigEndian(bytes, at: 4)
        guard version == 2 || version == 3 else { return "pack version \(version) unknown" }
        let count = Int(bigEndian(bytes, at: 8))
        guard count == expectedObjects else { return "pack holds \(count) objects, its index \(expectedObjects)" }
        // A pack ends with the checksum its index recorded: a pack cut short (or overwritten) ends otherwise.
        guard Int(info.st_size) >= 32, (try? RegularFile.readSuffix(path, count: 20)) == checksum else {
            return "pack truncated or altered (its trailing checksum is not the one its index records)"
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
