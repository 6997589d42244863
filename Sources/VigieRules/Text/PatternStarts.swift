/// Where one of a set of byte strings (open-data markers, secret anchors) may start in a text, found by
/// skipping rather than by looking at every byte (Wu and Manber's shift table on two-byte blocks): a
/// window as long as the shortest string slides over the text; its last two bytes say how far it may
/// move without passing an occurrence. In code and prose most windows move by three or four bytes, and
/// stop only where a string may begin; the caller then compares the strings starting there.
///
/// Why: searching ~30 markers each with its own `memmem` read every file once per marker (271 M
/// instructions of a git/git licence-and-README audit, callgrind, issue 14), and a table asked of
/// every byte cost 14 instructions a byte.
struct PatternStarts: Sendable {
    /// The length of the shortest string: every occurrence fills a whole window.
    private let window: Int
    /// Two, or one when the shortest string has one byte.
    private let blockSize: Int
    /// By block (the window's last one or two bytes): how far the window may move; 0 where a string may
    /// start at the window.
    private let shifts: [UInt8]

    /// `strings` gives, for each string, the bytes accepted at each of its positions (a letter in either
    /// case for a case-insensitive anchor). Empty strings are left out: they start nowhere.
    init(_ strings: [[[UInt8]]]) {
        let strings = strings.filter { !$0.isEmpty }
        let window = strings.map(\.count).min() ?? 0
        let blockSize = min(2, window)
        // Farther than this, a window would pass over a string's first block; 255 at most for UInt8
        // (a shorter move is always safe).
        let farthest = UInt8(min(255, max(0, window - blockSize + 1)))
        var shifts = [UInt8](repeating: farthest, count: blockSize == 2 ? 65_536 : 256)
        for string in strings {
            // Each block of the string's first `window` bytes, ending at `end`: a window ending with it
            // may hold the string's start `window - end` bytes further on.
            for end in blockSize...window {
                let distance = UInt8(min(255, window - end))
                for key in Self.keys(string[(end - blockSize)..<end]) where shifts[key] > distance { shifts[key] = distance }
            }
        }
        self.window = window
        self.blockSize = blockSize
        self.shifts = shifts
    }

    /// The table keys of a block: its first byte (× 256 plus its second), for every spelling.
    private static func keys(_ block: ArraySlice<[UInt8]>) -> [Int] {
        block.reduce([0]) { keys, accepted in keys.flatMap { key in accepted.map { key << 8 | Int($0) } } }
    }

    /// The first position at or after `start` where a string of the set may start (every position where
    /// one does is returned, some where none does); `buffer.count` when there is none.
    func nextCandidate(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = buffer.count
        guard window > 0, start >= 0, start <= count - window else { return count }
        // Wrapping arithmetic: `end` stays between `window` and `count` + 255, far from overflowing, and
        // the checks were a fifth of the loop.
        return shifts.withUnsafeBufferPointer { shifts in
            var end = start &+ window
            if blockSize == 2 {
                while end <= count {
                    let shift = shifts[Int(buffer[end &- 2]) << 8 | Int(buffer[end &- 1])]
                    if shift == 0 { return end &- window }
                    end &+= Int(shift)
                }
            } else {
                while end <= count {
                    let shift = shifts[Int(buffer[end &- 1])]
                    if shift == 0 { return end &- window }
                    end &+= Int(shift)
                }
            }
            return count
        }
    }
}
