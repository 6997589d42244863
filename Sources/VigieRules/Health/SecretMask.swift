public import VigieCore

/// Hides secrets in every string vigie emits: the values the secret scans of the audited tree found
/// (a token quoted again by the README link check or the CSV check) and any token shape of health.yml
/// (a token in a file name, which the scan does not read). One pass per string: a table of first
/// bytes finds where a known value or an anchor may start, so the cost is linear in the text and
/// does not grow with the number of secrets. See docs/reliability.md.
public struct SecretMask: Sendable {
    /// What a secret becomes: the same in both languages, and nothing of its length.
    public static let replacement = "•••"

    private let scanner: SecretScanner
    /// Known values by their first four bytes (every value that counts is longer: `.env` values
    /// need 6 characters, token shapes 20).
    private let valuesByPrefix: [UInt32: [[UInt8]]]
    private let startsValue: [Bool]

    public init(data: RuleData, values: some Sequence<String>) {
        scanner = SecretScanner(data.health.secrets)
        var table: [UInt32: [[UInt8]]] = [:]
        var starts = [Bool](repeating: false, count: 256)
        for value in Set(values) where value.utf8.count >= 4 {
            let bytes = Array(value.utf8)
            table[Self.prefixKey(bytes, at: 0), default: []].append(bytes)
            starts[Int(bytes[0])] = true
        }
        // Longest first, so that a value containing another is hidden whole.
        valuesByPrefix = table.mapValues { $0.sorted { $0.count > $1.count } }
        startsValue = starts
    }

    /// The mask for one audit: the values found by every secret scan this snapshot ran, with the
    /// default limits' scan run if no rule ran it (`--select readme` must not leak either).
    ///
    /// When no rule ran the whole tree's scan, the mask does not run it either: an output can quote
    /// the content of the files the audit read and nothing else, so those are scanned, with the `.env`
    /// files (whose values are secrets whatever their shape, and could reappear in a commit message);
    /// a token shape anywhere else (a file name, an author) is masked by its shape in every string.
    /// A walk or a head scan thus no longer reads the whole tree to mask its output (issue 14).
    public static func forAudit(of snapshot: RepositorySnapshot, data: RuleData) -> SecretMask {
        let limits = SecuritySecretsRule.defaultLimits
        if !snapshot.hasAnalysis("health.secrets", parameters: limits) {
            SecretValuesFound.of(snapshot).add(valuesOfFilesRead(snapshot, conventions: data.health.secrets, limits: limits))
        }
        return SecretMask(data: data, values: SecretValuesFound.of(snapshot).values)
    }

    /// The secret values of the files the audit read and of the `.env` files, as the whole scan reads
    /// them (its filters, its order, its per-file cap and total budget): never more work than that scan.
    private static func valuesOfFilesRead(_ snapshot: RepositorySnapshot, conventions: SecretConventions, limits: SecretScan.Limits) -> [String] {
        let scanner = SecretScanner(conventions)
        let read = Set(snapshot.entriesRead.map(\.path))
        // Only the files read and the `.env` files are scanned: they are picked first, then the scan's
        // filters and order apply to them alone. The same files in the same order as filtering the
        // whole ordered list (the filter keeps tree order within each group), without ordering the
        // whole tree (31 M instructions on git/git, issue 14).
        let relevant = snapshot.entries.filter { read.contains($0.path) || SecretScan.isEnvFile(SnapshotEntryPath($0.path), conventions) }
        var values: [String] = []
        var total = 0
        for (entry, path) in SecretScan.candidates(snapshot, conventions, among: relevant).ordered {
            let isEnv = SecretScan.isEnvFile(path, conventions)
            guard let size = snapshot.size(of: entry), size <= Int64(limits.maxFileBytes), total + Int(size) <= limits.maxTotalBytes,
                  let bytes = try? snapshot.bytes(of: entry, cap: Int64(limits.maxFileBytes)) else { continue }
            total += bytes.count
            guard let decoded = snapshot.decoded(entry, bytes: bytes) else { continue }
            values += scanner.scan(decoded.utf8, path: entry.path, isEnvFile: isEnv).map(\.value)
        }
        return values
    }

    /// `text` with every known value and token-shaped value replaced by `replacement`.
    public func mask(_ text: String) -> String {
        var text = text
        let ranges = text.withUTF8 { buffer in merged(knownValueRanges(buffer) + scanner.tokenValueRanges(buffer)) }
        guard !ranges.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = 0
        for range in ranges {
            result += bytes[position..<range.lowerBound]
            result += Self.replacement.utf8
            position = range.upperBound
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }

    private func knownValueRanges(_ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard !valuesByPrefix.isEmpty, buffer.count >= 4 else { return [] }
        var ranges: [Range<Int>] = []
        var index = 0
        while index + 4 <= buffer.count {
            guard startsValue[Int(buffer[index])], let candidates = valuesByPrefix[Self.prefixKey(buffer, at: index)],
                  let value = candidates.first(where: { Self.matches($0, at: index, in: buffer) }) else {
                index += 1
                continue
            }
            ranges.append(index..<(index + value.count))
            index += value.count
        }
        return ranges
    }

    /// Sorted, overlapping ranges joined, so each byte is replaced at most once.
    private func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    private static func matches(_ value: [UInt8], at index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index + value.count <= buffer.count else { return false }
        for offset in 0..<value.count where buffer[index + offset] != value[offset] { return false }
        return true
    }

    private static func prefixKey(_ bytes: some RandomAccessCollection<UInt8>, at index: Int) -> UInt32 {
        let start = bytes.index(bytes.startIndex, offsetBy: index)
        var key: UInt32 = 0
        for byte in bytes[start..<bytes.index(start, offsetBy: 4)] { key = key << 8 | UInt32(byte) }
        return key
    }
}

/// The secret values the scans of one snapshot found, gathered across scans with different limits.
/// A reference memoised in the snapshot, which lives for one audit; never encoded.
final class SecretValuesFound {
    private(set) var values: Set<String> = []

    static func of(_ snapshot: RepositorySnapshot) -> SecretValuesFound {
        snapshot.analysis("health.secrets.values") { SecretValuesFound() }
    }

    func add(_ found: [String]) { values.formUnion(found) }
}
