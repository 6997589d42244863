import Foundation

/// The distinct identities of a history, interned by their raw bytes (`Name <email>` as the commit
/// spells it). A 100 000-commit history has a few thousand authors: looking a commit's author up
/// costs a hash of its bytes and one `memcmp`, and a `String` is made only when an identity is new.
/// Indexes are given in order of first appearance, which the activity figures rely on (a person's
/// first name in walk order is the one shown for bots).
struct IdentityTable {
    private struct Entry {
        var offset: Int
        var length: Int
        var hash: UInt64
    }

    /// Every key's bytes, one after another: one growing buffer instead of an array per identity.
    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    /// Open addressing: an entry's index + 1, 0 when free. The capacity is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)
    private(set) var names: [String] = []
    private(set) var emails: [String] = []

    var count: Int { entries.count }

    /// The index of `key`, adding it (with the name and e-mail `make` decodes) if it is new.
    mutating func index(of key: UnsafeRawBufferPointer, make: () -> (name: String, email: String)) -> Int {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            let entry = entries[stored - 1]
            if entry.hash == hash && entry.length == key.count && arena.withUnsafeBytes({ Self.equal($0, entry.offset, key) }) {
                return stored - 1
            }
            slot = (slot + 1) & mask
        }
        let index = entries.count
        entries.append(Entry(offset: arena.count, length: key.count, hash: hash))
        arena.append(contentsOf: key)
        let (name, email) = make()
        names.append(name)
        emails.append(email)
        slots[slot] = Int32(index + 1)
        if entries.count * 2 > slots.count { grow() }
        return index
    }

    /// The raw bytes an identity was interned with.
    func key(_ index: Int) -> ArraySlice<UInt8> {
        let entry = entries[index]
        return arena[entry.offset..<(entry.offset + entry.length)]
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(index + 1)
        }
        slots = bigger
    }

    @inline(__always)
    private static func equal(_ arena: UnsafeRawBufferPointer, _ offset: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        key.isEmpty || memcmp(arena.baseAddress! + offset, key.baseAddress!, key.count) == 0
    }

    /// FNV-1a over 8-byte words, then a final mix: identities are short ASCII, collisions are
    /// settled by comparing bytes, so speed matters more than strength here.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var index = 0
        while index + 8 <= key.count {
            hash = (hash ^ key.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            index += 8
        }
        while index < key.count {
            hash = (hash ^ UInt64(key[index])) &* 0x0000_0100_0000_01B3
            index += 1
        }
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
