import CLibGit2
import CZlib
import Foundation

/// The loose objects of a repository (`objects/xx/yyyy…`), read by vigie itself.
///
/// Why: libgit2 1.5.1 (Debian's) spins forever at 100 % CPU inflating a truncated loose object
/// (libgit2/libgit2#7342, fixed upstream by #7346), and writes out of bounds when a loose object's
/// header declares fewer bytes than its body holds (libgit2/libgit2#7177). Neither concerns packed
/// objects, whose size comes from the pack index and whose inflate loop stops at that size. So every
/// read of a loose object goes through here: the file is opened only if it is a regular file (a FIFO
/// would block `open`), inflated with zlib to its end, and checked against its header. A bad object
/// becomes a `GitError` naming it; libgit2 only ever sees loose objects that passed.
///
/// Loose objects are few in a real repository (`git gc` packs them), so the folder is listed once,
/// on first use, and a packed object costs one lookup in an empty or small set.
final class LooseObjects {
    /// The repository's own `objects/` first, then its alternates in libgit2's order (Alternates.swift).
    let folders: [String]
    /// Each loose object and the folder holding it; the first folder wins, as in libgit2.
    private lazy var present: [ObjectID: Int] = listLooseObjects()
    /// Objects already inflated and found sound: a tree read by libgit2 after our check costs one check.
    private var sound: Set<ObjectID> = []

    init(objectsFolders: [String]) {
        self.folders = objectsFolders.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// True when `id` is stored as a loose object (whatever its state).
    func isLoose(_ id: ObjectID) -> Bool { !present.isEmpty && present[id] != nil }

    /// The type and body of a loose object, checked end to end; nil when `id` is not loose.
    func read(_ id: ObjectID) throws(GitError) -> (type: LooseObjectType, body: [UInt8])? {
        guard let folder = present.isEmpty ? nil : present[id] else { return nil }
        let object = try Self.inflate(try readFile(id, folder: folder), id: id, headerOnly: false)
        sound.insert(id)
        return (object.type, object.body)
    }

    /// The type and declared size of a loose object from its header, inflating only the header:
    /// a 2 GB loose blob costs a few bytes. The body is checked when it is read.
    func header(_ id: ObjectID) throws(GitError) -> (type: LooseObjectType, size: Int)? {
        guard let folder = present.isEmpty ? nil : present[id] else { return nil }
        let object = try Self.inflate(try readFile(id, folder: folder), id: id, headerOnly: true)
        return (object.type, object.declaredSize)
    }

    /// Checks a loose object before libgit2 reads it itself (trees, tags, revisions); packed objects pass.
    func validate(_ id: ObjectID) throws(GitError) {
        guard isLoose(id), !sound.contains(id) else { return }
        _ = try read(id)
    }

    /// `objects/ab/cdef…` as a C path, written in place: the walk asks for thousands of them.
    private func path(_ id: ObjectID, folder: Int) -> [CChar] {
        let prefix = folderBytes[folder]
        var path = prefix
        path.append(contentsOf: repeatElement(0, count: 42))
        var oid = id.raw
        path.withUnsafeMutableBufferPointer { buffer in
            let start = buffer.baseAddress! + prefix.count
            git_oid_fmt(start + 1, &oid) // 40 hex digits from start + 1
            start[0] = start[1]
            start[1] = start[2]
            start[2] = CChar(UInt8(ascii: "/"))
        }
        return path
    }

    private lazy var folderBytes: [[CChar]] = folders.map { $0.utf8CString.dropLast().map { $0 } }

    /// Every loose object id, listed with readdir: no per-file stat, no intermediate strings.
    private func listLooseObjects() -> [ObjectID: Int] {
        var ids: [ObjectID: Int] = [:]
        for (index, folder) in folders.enumerated() {
            for fan in Self.names(in: folder) where fan.count == 2 && fan.allSatisfy(Self.isHex) {
                for name in Self.names(in: folder + String(decoding: fan, as: UTF8.self)) where name.count == 38 && name.allSatisfy(Self.isHex) {
                    (fan + name).withUnsafeBytes { if let id = ObjectID(hexBytes: $0), ids[id] == nil { ids[id] = index } }
                }
            }
        }
        return ids
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }

    /// The entry names of a folder, as bytes (without `.` and `..`); empty if it cannot be read.
    private static func names(in folder: String) -> [[UInt8]] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        return names
    }

    /// The compressed bytes of a loose object. Opened non-blocking and checked to be a regular file
    /// before any read: a FIFO, a device or a socket in place of an object is an error, never a wait.
    private func readFile(_ id: ObjectID, folder: Int) throws(GitError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(path(id, folder: folder))
        } catch {
            throw GitError(code: .other(-1), category: .odb, message: "loose object \(id.hex): \(error.reason)", operation: "vigie_read_loose")
        }
        return bytes
    }

    /// Inflates a whole loose object (or its header) and checks that the stream ends exactly where the
    /// header says. Never loops: zlib is given all the input at once, and no progress means an error.
    static func inflate(_ input: [UInt8], id: ObjectID, headerOnly: Bool) throws(GitError) -> (type: LooseObjectType, declaredSize: Int, body: [UInt8]) {
        func corrupt(_ reason: String) -> GitError {
            GitError(code: .other(-1), category: .zlib, message: "loose object \(id.hex) is corrupt: \(reason)", operation: "vigie_read_loose")
        }
        guard !input.isEmpty else { throw corrupt("the file is empty") }
        var stream = z_stream()
        guard vigie_inflate_init(&stream) == Z_OK else { throw corrupt("zlib could not start") }
        defer { inflateEnd(&stream) }

        // The header: "<type> <size>\0", at most 32 bytes for any real object.
        var header = [UInt8](repeating: 0, count: 64)
        var status: Int32 = Z_OK
        var headerEnd: Int?
        var produced = 0
        var consumed = 0
        // The header may straddle several inflate calls only with pathological compression; each call must progress.
        while headerEnd == nil {
            let (result, newlyProduced, newlyConsumed) = input.withUnsafeBufferPointer { inBuffer in
                header.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress! + consumed)
                    stream.avail_in = UInt32(input.count - consumed)
                    stream.next_out = outBuffer.baseAddress! + produced
                    stream.avail_out = UInt32(outBuffer.count - produced)
                    let before = (stream.avail_in, stream.avail_out)
                    let result = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (result, Int(before.1 - stream.avail_out), Int(before.0 - stream.avail_in))
                }
            }
            status = result
            produced += newlyProduced
            consumed += newlyConsumed
            headerEnd = header[..<produced].firstIndex(of: 0)
            if headerEnd != nil { break }
            if status == Z_STREAM_END || produced == header.count { throw corrupt("no object header") }
            if status != Z_OK || (newlyProduced == 0 && newlyConsumed == 0) { throw corrupt(Self.zlibReason(status, truncated: consumed == input.count)) }
        }
        guard let end = headerEnd, let space = header[..<end].firstIndex(of: UInt8(ascii: " ")),
              let type = LooseObjectType(bytes: header[..<space]) else { throw corrupt("unknown object type in the header") }
        let digits = header[(space + 1)..<end]
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              digits.first != 0x30 || digits.count == 1 else { throw corrupt("the header's size is not a number") }
        let declared = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        if headerOnly { return (type, declared, []) }

        // The body: exactly `declared` bytes, then the end of the zlib stream. One byte of spare room
        // catches a body longer than its header says (libgit2/libgit2#7177) without inflating it all.
        let already = header[(end + 1)..<produced]
        guard already.count <= declared else { throw corrupt("the body is longer than the \(declared) bytes its header declares") }
        // Inflated straight into the result, left uninitialised until zlib writes it: no zero fill, no copy.
        var failure: GitError?
        let output = [UInt8](unsafeUninitializedCapacity: declared + 1) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            var written = 0
            for byte in already {
                base[written] = byte
                written += 1
            }
            input.withUnsafeBufferPointer { inBuffer in
                while status != Z_STREAM_END {
                    stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress! + consumed)
                    stream.avail_in = UInt32(input.count - consumed)
                    stream.next_out = base + written
                    stream.avail_out = UInt32(buffer.count - written)
                    let before = (stream.avail_in, stream.avail_out)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let newlyProduced = Int(before.1 - stream.avail_out), newlyConsumed = Int(before.0 - stream.avail_in)
                    written += newlyProduced
                    consumed += newlyConsumed
                    if written > declared {
                        failure = corrupt("the body is longer than the \(declared) bytes its header declares")
                        return
                    }
                    if status == Z_STREAM_END { break }
                    // No progress with input left and room left, or input exhausted: the stream is cut (libgit2/libgit2#7342).
                    if status != Z_OK || (newlyProduced == 0 && newlyConsumed == 0) {
                        failure = corrupt(Self.zlibReason(status, truncated: consumed == input.count, written: written, declared: declared))
                        return
                    }
                }
                if written != declared { failure = corrupt("the body holds \(written) bytes but its header declares \(declared)") }
            }
            initialized = min(written, declared)
        }
        if let failure { throw failure }
        return (type, declared, output)
    }

    private static func zlibReason(_ status: Int32, truncated: Bool, written: Int? = nil, declared: Int? = nil) -> String {
        if truncated || status == Z_BUF_ERROR {
            if let written, let declared { return "truncated (the zlib stream ends after \(written) of \(declared) bytes)" }
            return "truncated (the zlib stream ends early)"
        }
        return status == Z_DATA_ERROR ? "not a valid zlib stream" : "zlib error \(status)"
    }
}

/// The four types a loose object may have.
enum LooseObjectType: Sendable, Equatable {
    case commit, tree, blob, tag

    init?(bytes: ArraySlice<UInt8>) {
        switch String(decoding: bytes, as: UTF8.self) {
        case "commit": self = .commit
        case "tree": self = .tree
        case "blob": self = .blob
        case "tag": self = .tag
        default: return nil
        }
    }
}

/// Files of the `.git` folder, opened only when they are regular files.
///
/// Why: `open()` on a FIFO blocks until a writer appears, which in a hostile repository is never;
/// a device may be endless. vigie opens non-blocking, checks with `fstat`, and refuses anything else.
enum RegularFile {
    struct Failure: Error {
        let reason: String
    }

    /// The kind of a path that is not a regular file, or nil for a regular file or no file at all.
    static func irregularKind(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return kindName(info.st_mode)
    }

    static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFDIR: nil
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// The first `count` bytes of a regular file (fewer if it is shorter).
    static func readPrefix(_ path: String, count: Int) throws(Failure) -> [UInt8] {
        try read(path, limit: count)
    }

    /// The last `count` bytes of a regular file.
    static func readSuffix(_ path: String, count: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= count else {
            throw Failure(reason: "not a regular file of at least \(count) bytes")
        }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(Int(info.st_size) - count)) }
        guard read == count else { throw Failure(reason: String(cString: strerror(errno))) }
        return bytes
    }

    static func read(_ path: String, limit: Int = .max) throws(Failure) -> [UInt8] {
        try read(path.utf8CString.map { $0 }, limit: limit)
    }

    /// `read` for a NUL-terminated path.
    static func read(_ path: [CChar], limit: Int = .max) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Failure(reason: "is \(kindName(info.st_mode) ?? "not a regular file")") }
        let size = min(Int(info.st_size), limit)
        // Read straight into the result, without zero-filling it first.
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size, let base = buffer.baseAddress {
                let count = Glibc.read(descriptor, base + filled, size - filled)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                filled += count
            }
            initialized = filled
        }
    }
}
