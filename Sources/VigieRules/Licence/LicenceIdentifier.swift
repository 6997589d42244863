public import VigieLicenceText
/// What a licence text was recognised as.
public struct LicenceMatch: Sendable, Equatable {
    /// The SPDX id (with `-only` or `-or-later` when a notice in the file says which), or nil
    /// (NOASSERTION) when no fingerprint matches.
    public let spdx: String?
    /// 1 when every phrase is there word for word; less when some phrases are there with a few words
    /// changed, or when the text is much longer than the licence; for NOASSERTION, the share of the
    /// closest candidate's phrases found.
    public let confidence: Double
    /// When unsure: the closest licences and the share of their phrases found.
    public let candidates: [(id: String, share: Double)]
    /// Words the text has beyond the canonical text(s) it matched: an extra clause, a modified licence.
    public let extraWords: Int
    /// An exception added to the licence (`Classpath-exception-2.0`, `GCC-exception-3.1`).
    public let exception: String?
    /// The lines of the file this licence occupies (a file may hold a licence and, after it, the
    /// licences of bundled code).
    public let lines: ClosedRange<Int>?
    /// The line of the licence's first phrase found: what comes before is its title and any
    /// statement about it ("the code is under MIT").
    public let firstPhraseLine: Int?

    init(spdx: String?, confidence: Double, candidates: [(id: String, share: Double)], extraWords: Int = 0,
         exception: String? = nil, lines: ClosedRange<Int>? = nil, firstPhraseLine: Int? = nil) {
        self.firstPhraseLine = firstPhraseLine
        self.spdx = spdx
        self.confidence = confidence
        self.candidates = candidates
        self.extraWords = extraWords
        self.exception = exception
        self.lines = lines
    }

    /// The SPDX expression: the id, and its exception (`GPL-2.0-only WITH Classpath-exception-2.0`).
    public var expression: String? { spdx.map { id in exception.map { "\(id) WITH \($0)" } ?? id } }

    public static func == (lhs: LicenceMatch, rhs: LicenceMatch) -> Bool {
        lhs.spdx == rhs.spdx && lhs.confidence == rhs.confidence && lhs.candidates.map(\.id) == rhs.candidates.map(\.id)
            && lhs.exception == rhs.exception && lhs.lines == rhs.lines
    }
}

/// Recognises licences from their text, with the fingerprints of `rules/data/licences.yml`.
///
/// A licence matches when each of its phrases is found and none of the phrases that rule it out is.
/// "Found" is word for word, except that one phrase in four may have up to a fifth of its word pairs
/// changed, as in texts reworded by their publisher ("est une version 2.0" for "est la version 2.0"). Never guesses: anything less is NOASSERTION with its closest candidates.
public struct LicenceIdentifier: Sendable {
    let fingerprints: [LicenceFingerprint]
    let matching: LicenceMatching
    /// A phrase counts as found when this share of its word pairs sits together in the text.
    static let phraseThreshold = 0.8

    public init(fingerprints: [LicenceFingerprint], matching: LicenceMatching = LicenceMatching()) {
        self.fingerprints = fingerprints
        self.matching = matching
    }

    public init(data: RuleData) { self.init(fingerprints: data.fingerprints, matching: data.licenceMatching) }

    /// One matched fingerprint id: how well, and where its phrases are (first word of the first
    /// phrase, last word of the last one).
    private struct Found {
        var score: Double
        var first: Int
        var last: Int
        var words: Int
        let fingerprint: LicenceFingerprint
    }

    /// Every licence the text carries, in the order they appear (a file may hold two: MIT then
    /// Apache-2.0, or a licence then the licences of bundled code), or one NOASSERTION match.
    public func identify(_ text: String) -> [LicenceMatch] {
        let licenceText = LicenceText(text, matching: matching)
        let index = WordIndex(licenceText.words)
        var found: [String: Found] = [:]
        var partial: [String: Double] = [:]
        for fingerprint in fingerprints {
            let located = fingerprint.all.map { index.locate($0) }
            let present = located.filter { $0.score >= Self.phraseThreshold }
            // One reworded phrase in four is tolerated, the others must be there word for word: related
            // licences share near-identical sentences (ISC and the CWI notice inside Python-2.0), never
            // most of their distinctive ones. Fingerprints of fewer than four phrases tolerate none.
            let reworded = located.filter { $0.score < 1 }.count
            let excluded = fingerprint.none.contains { index.locate($0).score >= 1 }
            if present.count == located.count && reworded <= located.count / 4 && !excluded {
                let score = located.map(\.score).reduce(0, +) / Double(located.count)
                let candidate = Found(score: score, first: located.map(\.position).min() ?? 0, last: located.map(\.end).max() ?? 0,
                                      words: fingerprint.words, fingerprint: fingerprint)
                if let known = found[fingerprint.id], known.score >= score { continue }
                found[fingerprint.id] = candidate
            } else if !present.isEmpty {
                let share = Double(present.count) / Double(located.count) * (excluded ? 0.5 : 1)
                partial[fingerprint.id] = max(partial[fingerprint.id] ?? 0, share)
            }
        }
        let licences = found.values.filter { $0.fingerprint.kind == .licence }.sorted { ($0.first, $0.fingerprint.id) < ($1.first, $1.fingerprint.id) }
        let exceptions = found.values.filter { $0.fingerprint.kind == .exception }.sorted { $0.first < $1.first }
        guard !licences.isEmpty else {
            let candidates = (partial.filter { $0.value >= 0.5 }.map { (id: $0.key, share: $0.value) }
                + exceptions.map { (id: $0.fingerprint.id, share: 1.0) })
                .sorted { ($0.share, $1.id) > ($1.share, $0.id) }
                .prefix(3)
            return [LicenceMatch(spdx: nil, confidence: candidates.first?.share ?? 0, candidates: Array(candidates))]
        }
        // Every phrase is there; a text far longer than the canonical text(s) also says something
        // else (a restriction, a second licence vigie does not know): lower the confidence.
        let expected = (licences + exceptions).map(\.words).reduce(0, +)
        let actual = licenceText.words.count
        let extra = expected > 0 ? max(0, actual - expected) : 0
        let tolerated = expected / 10 + 40 // a title, an appendix left in or out, a short preamble
        let lengthFactor = extra > tolerated ? max(0.5, Double(expected) / Double(actual)) : 1
        let lineOf = { (position: Int) in licenceText.lines.isEmpty ? 1 : licenceText.lines[min(position, licenceText.lines.count - 1)] }
        // Each licence runs from the line after the previous one's last phrase to just before the next
        // one; the first from line 1, the last to the end of the file.
        let starts = licences.indices.map { $0 == 0 ? 1 : lineOf(licences[$0 - 1].last) + 1 }
        return licences.enumerated().map { offset, licence in
            let start = starts[offset]
            let end = max(start, offset + 1 < licences.count ? starts[offset + 1] - 1 : licenceText.lineCount)
            let exception = exceptions.first { (start...end).contains(lineOf($0.first)) }?.fingerprint.id
            var id = licence.fingerprint.id
            if licence.fingerprint.versionedByNotice, offset == 0, let suffix = versionSuffix(index, before: licence.first) { id += suffix }
            let confidence = ((licence.score * lengthFactor) * 100).rounded() / 100
            return LicenceMatch(spdx: id, confidence: confidence, candidates: [], extraWords: extra > tolerated ? extra : 0,
                                exception: exception, lines: start...end, firstPhraseLine: lineOf(licence.first))
        }
    }

    /// `-or-later` or `-only` when the text before the licence (its notice) says so.
    private func versionSuffix(_ index: WordIndex, before position: Int) -> String? {
        let says = { (phrases: [[String]]) in phrases.contains { phrase in
            let located = index.locate([phrase])
            return located.score >= 1 && located.position < position
        } }
        if says(matching.onlyPhrases) { return "-only" }
        if says(matching.orLaterPhrases) { return "-or-later" }
        return nil
    }
}

/// The words of a text with the positions of each pair of consecutive words, to find phrases
/// exactly or nearly (a few words changed, added or left out).
struct WordIndex {
    let wordIDs: [Int32]
    private let vocabulary: [String: Int32]
    private let pairs: [UInt64: [Int32]]
    private let firstPosition: [Int32: Int32]

    init(_ words: [String]) {
        var vocabulary: [String: Int32] = [:]
        var ids: [Int32] = []
        ids.reserveCapacity(words.count)
        for word in words {
            if let id = vocabulary[word] { ids.append(id) } else {
                let id = Int32(vocabulary.count)
                vocabulary[word] = id
                ids.append(id)
            }
        }
        var pairs: [UInt64: [Int32]] = [:]
        var firstPosition: [Int32: Int32] = [:]
        for (position, id) in ids.enumerated() {
            if firstPosition[id] == nil { firstPosition[id] = Int32(position) }
            guard position + 1 < ids.count else { continue }
            pairs[Self.key(id, ids[position + 1]), default: []].append(Int32(position))
        }
        self.wordIDs = ids
        self.vocabulary = vocabulary
        self.pairs = pairs
        self.firstPosition = firstPosition
    }

    static func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b)) }

    /// The best place of a phrase (any of its forms): the share of its word pairs found within a
    /// window a little longer than the phrase, and the window's first word.
    func locate(_ variants: [[String]]) -> (score: Double, position: Int, end: Int) {
        var best: (score: Double, position: Int, end: Int) = (0, 0, 0)
        for words in variants where !words.isEmpty {
            let located = locate(words)
            if located.score > best.score { best = located }
            if best.score >= 1 { break }
        }
        return best
    }

    private func locate(_ words: [String]) -> (score: Double, position: Int, end: Int) {
        let ids = words.map { vocabulary[$0] }
        if ids.count == 1 {
            guard let id = ids[0], let position = firstPosition[id] else { return (0, 0, 0) }
            return (1, Int(position), Int(position))
        }
        let pairCount = ids.count - 1
        var hits: [(position: Int32, pair: Int)] = []
        for pair in 0..<pairCount {
            guard let a = ids[pair], let b = ids[pair + 1], let positions = pairs[Self.key(a, b)] else { continue }
            for position in positions { hits.append((position, pair)) }
        }
        guard !hits.isEmpty else { return (0, 0, 0) }
        hits.sort { $0.position < $1.position }
        // Slide a window of the phrase's length plus a quarter over the hits, counting distinct pairs.
        let width = Int32(words.count + words.count / 4 + 2)
        var counts = [Int](repeating: 0, count: pairCount)
        var distinct = 0, left = 0, bestDistinct = 0, bestPosition: Int32 = 0, bestEnd: Int32 = 0
        for right in hits.indices {
            if counts[hits[right].pair] == 0 { distinct += 1 }
            counts[hits[right].pair] += 1
            while hits[right].position - hits[left].position >= width {
                counts[hits[left].pair] -= 1
                if counts[hits[left].pair] == 0 { distinct -= 1 }
                left += 1
            }
            if distinct > bestDistinct { bestDistinct = distinct; bestPosition = hits[left].position; bestEnd = hits[right].position + 1 }
        }
        return (Double(bestDistinct) / Double(pairCount), Int(bestPosition), Int(bestEnd))
    }
}
