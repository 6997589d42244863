import Foundation
import Testing
import VigieCore
@testable import VigieRules

/// The one-pass byte scans of the content rules (issue 14) give exactly the answers of the
/// straightforward searches they replace: a marker search per marker (`OpenDataAnalysis.firstMarker`,
/// `contains`), and a token scan that tried every byte.
@Suite("Byte scans: skip table, marker search, secret anchors")
struct ByteScanTests {
    typealias Search = MarkerSearch<Int>

    /// Deterministic pseudo-random bytes (SplitMix64), so that a failure can be replayed.
    struct Bytes {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        /// Bytes from a small alphabet, so that markers made of it occur often, next to word and non-word bytes.
        mutating func text(_ count: Int, alphabet: [UInt8]) -> [UInt8] { (0..<count).map { _ in alphabet[below(alphabet.count)] } }
    }

    static let alphabet = Array("ab_d.u 1-/(\n".utf8)

    // MARK: PatternStarts

    /// Whether `string` (the bytes accepted at each position) occurs at `index`.
    static func occurs(_ string: [[UInt8]], at index: Int, in text: [UInt8]) -> Bool {
        index + string.count <= text.count && string.indices.allSatisfy { string[$0].contains(text[index + $0]) }
    }

    func stops(_ starts: PatternStarts, in text: [UInt8]) -> [Int] {
        text.withUnsafeBufferPointer { buffer in
            var stops: [Int] = []
            var index = starts.nextCandidate(in: buffer, from: 0)
            while index < buffer.count {
                stops.append(index)
                index = starts.nextCandidate(in: buffer, from: index + 1)
            }
            return stops
        }
    }

    @Test("the skip table stops at every position where a string of the set starts, in order, whatever the spellings")
    func skipTableMissesNoStart() {
        var random = Bytes(state: 14)
        for round in 0..<500 {
            // Strings of one to six bytes, some accepting two bytes at a position (as a case-insensitive letter).
            let strings = (0..<(1 + random.below(5))).map { _ in
                (0..<(1 + random.below(6))).map { _ in
                    random.below(4) == 0 ? [Self.alphabet[random.below(Self.alphabet.count)], Self.alphabet[random.below(Self.alphabet.count)]]
                        : [Self.alphabet[random.below(Self.alphabet.count)]]
                }
            }
            let text = random.text(random.below(120), alphabet: Self.alphabet)
            let starts = PatternStarts(strings)
            let found = stops(starts, in: text)
            let expected = text.indices.filter { index in strings.contains { Self.occurs($0, at: index, in: text) } }
            #expect(Set(expected).isSubset(of: Set(found)), "round \(round): \(strings) in \(String(decoding: text, as: UTF8.self).debugDescription)")
            #expect(zip(found, found.dropFirst()).allSatisfy { $0 < $1 } && found.allSatisfy { $0 < text.count })
            text.withUnsafeBufferPointer { #expect(starts.nextCandidate(in: $0, from: $0.count) == $0.count) }
        }
    }

    @Test("the skip table passes over text that holds no block of a string; no strings, or empty ones, start nowhere")
    func skipTableSkips() {
        let text = Array(String(repeating: "the quick brown fox jumps over the lazy dog. ", count: 20).utf8)
        #expect(stops(PatternStarts([Array("udata".utf8).map { [$0] }]), in: text).isEmpty)
        #expect(stops(PatternStarts([]), in: text).isEmpty)
        #expect(stops(PatternStarts([[]]), in: text).isEmpty)
        #expect(stops(PatternStarts([Array("lazy".utf8).map { [$0] }]), in: text).count == 20)
        [UInt8]().withUnsafeBufferPointer { #expect(PatternStarts([[[0x61]]]).nextCandidate(in: $0, from: 0) == 0) }
    }

    // MARK: MarkerSearch

    /// The answers of the searches MarkerSearch replaces: `firstMarker` for whole words, `contains`
    /// (any marker of the list occurs) for substrings.
    func expectSameAnswers(_ lists: [Int: [Search.Marker]], in text: [UInt8], _ comment: Comment? = nil) {
        let found = Search(lists).scan(text)
        for (list, markers) in lists {
            if markers.allSatisfy(\.wholeWord) {
                let expected = OpenDataAnalysis.firstMarker(markers.map(\.bytes), in: text)
                let actual = found.firstMarker(of: list)
                #expect(actual?.0 == expected?.0 && actual?.1 == expected?.1, "list \(list): \(markers.map { String(decoding: $0.bytes, as: UTF8.self) }) \(comment?.rawValue ?? "")")
            } else if markers.allSatisfy({ !$0.wholeWord }) {
                #expect(found.contains(list) == markers.contains { contains(text, $0.bytes) }, "list \(list) \(comment?.rawValue ?? "")")
            }
        }
    }

    static func words(_ markers: [String]) -> [Search.Marker] { markers.map { Search.Marker(bytes: Array($0.utf8), wholeWord: true) } }
    static func substrings(_ markers: [String]) -> [Search.Marker] { markers.map { Search.Marker(bytes: Array($0.utf8), wholeWord: false) } }

    @Test("whole words: udata is not in menudata; the first marker in list order wins, at its first valid occurrence", arguments: [
        ("menudata.js udata", ["udata"], "udata", 12),
        ("menudata udata_x udata", ["udata"], "udata", 17),
        ("x.to_csv(a) then write.csv(b)", ["write.csv(", ".to_csv("], "write.csv(", 17),
        ("udata", ["udata"], "udata", 0),
        ("-udata-", ["udata"], "udata", 1),
        ("/uploads /upload", ["/upload"], "/upload", 9),
        ("a/upload", ["/upload"], "/upload", 1),
        ("datagouv-client2 datagouv-client", ["datagouv-client"], "datagouv-client", 17),
    ] as [(String, [String], String, Int)])
    func wholeWords(_ text: String, _ markers: [String], _ marker: String, _ offset: Int) throws {
        let found = Search([0: Self.words(markers)]).scan(Array(text.utf8))
        let first = try #require(found.firstMarker(of: 0))
        #expect(first.0 == marker && first.1 == offset)
        expectSameAnswers([0: Self.words(markers)], in: Array(text.utf8))
    }

    @Test("overlapping and nested markers, a marker in several lists with either meaning, markers at both ends")
    func overlapping() {
        let lists: [Int: [Search.Marker]] = [
            0: Self.words(["aaa", "aa"]), 1: Self.words(["aa", "aaa"]), 2: Self.substrings(["aa"]), 3: Self.words(["ab", "b"]),
            4: Self.substrings(["ba", "b"]), 5: Self.words(["a"]),
        ]
        for text in ["aaaa", "aa aaa", "baaab", "b", "ab", "a", "", "aab_aa", "xaaa aa"] {
            expectSameAnswers(lists, in: Array(text.utf8), "\(text)")
        }
    }

    @Test("empty markers: an empty substring is in every text (as `contains` said), an empty word in none")
    func emptyMarkers() {
        let found = Search([0: Self.substrings([""]), 1: Self.words([""]), 2: Self.words(["", "b"])]).scan(Array("a b".utf8))
        #expect(found.contains(0))
        #expect(!found.contains(1))
        #expect(found.firstMarker(of: 2)?.0 == "b" && found.firstMarker(of: 2)?.1 == 2)
        expectSameAnswers([1: Self.words([""]), 2: Self.words(["", "b"])], in: Array("a b".utf8))
    }

    @Test("random lists and texts: the one pass answers as one search per marker")
    func randomEquivalence() {
        var random = Bytes(state: 2026)
        for round in 0..<400 {
            var lists: [Int: [Search.Marker]] = [:]
            for list in 0..<(1 + random.below(4)) {
                let wholeWord = random.below(3) > 0
                lists[list] = (0..<(1 + random.below(4))).map { _ in
                    Search.Marker(bytes: random.text(1 + random.below(4), alphabet: Self.alphabet), wholeWord: wholeWord)
                }
            }
            let text = random.text(random.below(200), alphabet: Self.alphabet)
            expectSameAnswers(lists, in: text, "round \(round)")
        }
    }

    @Test("the open-data lists from rules/data/open_data.yml, on crafted files")
    func openDataLists() {
        let search = OpenDataAnalysis.markerSearch(ruleData.openData)
        let texts = [
            "import requests\nr = requests.post(f'{api}/datasets/{id}/upload/', headers={'x-api-key': key})\n",
            "df.to_csv('out.csv')\n# see https://www.data.gouv.fr/fr/datasets/communes/\nfrom datagouv import client\n",
            "menudata.js\nudata_harvest\n<footer class=\"fr-footer\">\n",
            "aws s3 cp out.csv s3://bucket --acl public-read\nst_write(x, 'a.gpkg', driver=\"geojson\")\n",
        ]
        let conventions = ruleData.openData
        for text in texts {
            let lowered = asciiLowercased(Array(text.utf8))
            let found = search.scan(lowered)
            #expect(found.contains(.linkHint) == conventions.linkHints.contains { contains(lowered, $0) })
            for (list, markers) in [(OpenDataAnalysis.MarkerList.footer, conventions.footerMarkers), (.api, conventions.apiMarkers),
                                    (.pipeline, conventions.pipelineMarkers), (.publish, conventions.apiPublishMarkers),
                                    (.upload, conventions.apiPublishMarkers + conventions.publicUploadMarkers)] {
                let expected = OpenDataAnalysis.firstMarker(markers, in: lowered)
                let actual = found.firstMarker(of: list)
                #expect(actual?.0 == expected?.0 && actual?.1 == expected?.1, "\(list) in \(text.debugDescription)")
            }
        }
    }

    // MARK: Secret anchors

    static let awsKeyID = "AKIA" + "Q4HZW7NT2XJKD5VB"
    static let github = "ghp" + "_R2d2C3poB8bY7wX6vU5tS4rQ3pO2nM1lK0jI"
    static let awsSecret = "q8Vd2/3mZpLr7TxKc9Nw" + "Yb4HjF6sEaUg1oRi0tPl"

    func tokenValues(_ text: String) -> [String] {
        let scanner = SecretScanner(ruleData.health.secrets)
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            scanner.tokenValueRanges(buffer).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    @Test("a token is found at the first byte, at the last bytes, after punctuation; not glued to a letter or digit")
    func tokenPositions() {
        for token in [Self.awsKeyID, Self.github] {
            #expect(tokenValues(token) == [token])
            #expect(tokenValues("x = " + token) == [token])
            #expect(tokenValues("(" + token + ")\n" + token) == [token, token])
            #expect(tokenValues("x" + token).isEmpty)
            #expect(tokenValues("7" + token).isEmpty)
        }
    }

    @Test("an ignore_case anchor is found in any case of its first letters", arguments: [
        "aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "Aws_Secret_Access_Key", "aWS_secret_access_key", "AwsSecretAccessKey",
    ])
    func ignoreCaseAnchors(_ name: String) {
        #expect(tokenValues("\(name) = \(Self.awsSecret)\n") == [Self.awsSecret])
        #expect(tokenValues("\(name): \"\(Self.awsSecret)\"") == [Self.awsSecret])
    }
}
