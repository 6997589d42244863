/// The open-data markers of a file (link hints, footers, API calls, pipelines, uploads) found in one
/// pass over its lowercased bytes, instead of one search per marker: the first valid occurrence of
/// each marker is recorded, and each list is answered from those as `firstMarker` answered it (the
/// first marker in list order that occurs, at its first valid occurrence).
struct MarkerSearch<List: Hashable & Sendable>: Sendable {
    struct Marker: Hashable, Sendable {
        let bytes: [UInt8]
        /// A marker that starts (ends) with an ASCII letter, digit or `_` must not have one just
        /// before (after) it: `udata` is not found in `menudata`. Link hints are plain substrings.
        let wholeWord: Bool
    }

    /// Each distinct marker once.
    private let markers: [Marker]
    /// For each list, its markers' indices in `markers`, in list order.
    private let lists: [List: [Int]]
    /// What a scan starts from: an empty substring occurs at offset 0 (as `contains` said of an
    /// empty link hint); an empty whole word never occurs (`firstMarker` skipped it).
    private let initial: [Int?]
    /// How many markers the pass looks for (the non-empty ones).
    private let searched: Int
    /// Indices of the markers starting with each byte.
    private let byFirstByte: [[Int]]
    private let starts: PatternStarts

    init(_ lists: [List: [Marker]]) {
        var markers: [Marker] = [], indices: [Marker: Int] = [:]
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for marker in lists.values.joined() where indices[marker] == nil {
            indices[marker] = markers.count
            if let first = marker.bytes.first { byFirstByte[Int(first)].append(markers.count) }
            markers.append(marker)
        }
        self.markers = markers
        initial = markers.map { $0.bytes.isEmpty && !$0.wholeWord ? 0 : nil }
        searched = markers.filter { !$0.bytes.isEmpty }.count
        self.lists = lists.mapValues { $0.compactMap { indices[$0] } }
        self.byFirstByte = byFirstByte
        starts = PatternStarts(markers.map { $0.bytes.map { [$0] } })
    }

    /// The first valid occurrence of every marker in `lowered`.
    func scan(_ lowered: [UInt8]) -> Found {
        var first = initial
        // Once every marker is found, the rest of the file cannot change the answers.
        var left = searched
        lowered.withUnsafeBufferPointer { buffer in
            var index = starts.nextCandidate(in: buffer, from: 0)
            while index < buffer.count && left > 0 {
                for marker in byFirstByte[Int(buffer[index])]
                where first[marker] == nil && Self.occurs(markers[marker], at: index, in: buffer) {
                    first[marker] = index
                    left -= 1
                }
                index = starts.nextCandidate(in: buffer, from: index + 1)
            }
        }
        return Found(search: self, first: first)
    }

    /// What one scan found.
    struct Found {
        fileprivate let search: MarkerSearch
        fileprivate let first: [Int?]

        /// The first marker of `list` (in list order) that occurs, with its offset.
        func firstMarker(of list: List) -> (String, Int)? {
            for marker in search.lists[list] ?? [] {
                if let offset = first[marker] { return (String(decoding: search.markers[marker].bytes, as: UTF8.self), offset) }
            }
            return nil
        }

        /// Whether a marker of `list` occurs.
        func contains(_ list: List) -> Bool { firstMarker(of: list) != nil }
    }

    /// Whether `marker` occurs at `offset`, as a whole word when it must be one.
    private static func occurs(_ marker: Marker, at offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let bytes = marker.bytes
        let end = offset + bytes.count
        guard end <= buffer.count else { return false }
        for (position, byte) in zip(offset..<end, bytes) where buffer[position] != byte { return false }
        guard marker.wholeWord else { return true }
        if isWordByte(bytes[0]) && offset > 0 && isWordByte(buffer[offset - 1]) { return false }
        if isWordByte(bytes[bytes.count - 1]) && end < buffer.count && isWordByte(buffer[end]) { return false }
        return true
    }
}

/// An ASCII letter, digit or `_`: what a whole-word marker must not touch.
func isWordByte(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || byte == 0x5F
}
