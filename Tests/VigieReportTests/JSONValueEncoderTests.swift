import Foundation
import Testing
import VigieCore
import VigieReport

/// `JSONValue(encoding:)` builds the value directly instead of writing JSON text and decoding it;
/// it must give what that round trip gave, numbers included, or scorecards would change.
@Suite("JSONValue encoding")
struct JSONValueEncoderTests {
    /// The round trip `JSONValue(encoding:)` replaced.
    static func roundTrip(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    struct Sample: Encodable {
        var flag = true
        var count = 3
        var small: Int8 = -4
        var big: UInt64 = 1 << 40
        var half = 0.5
        var whole = 2.0
        var large = 1e20
        var negative = -12.25
        var tiny: Float = 0.25
        var text = "é \"quoted\"\n"
        var missing: String? = nil
        var present: Int? = 7
        var list: [Double?] = [1, nil, 1.5]
        var nested: [String: [Int]] = ["a": [1, 2], "b": []]
        var facts: [String: JSONValue] = ["x": .array([.null, .bool(false), .double(0.1), .double(1.0)]), "y": .object(["share": .double(2)])]
        var day = Day(iso: "2026-11-30")!

        enum CodingKeys: String, CodingKey { case flag, count, small, big, half, whole, large, negative, tiny, text, missing, present, list, nested, facts, day }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(flag, forKey: .flag)
            try container.encode(count, forKey: .count)
            try container.encode(small, forKey: .small)
            try container.encode(big, forKey: .big)
            try container.encode(half, forKey: .half)
            try container.encode(whole, forKey: .whole)
            try container.encode(large, forKey: .large)
            try container.encode(negative, forKey: .negative)
            try container.encode(tiny, forKey: .tiny)
            try container.encode(text, forKey: .text)
            try container.encode(missing, forKey: .missing)      // an explicit null
            try container.encodeIfPresent(present, forKey: .present)
            try container.encode(list, forKey: .list)
            try container.encode(nested, forKey: .nested)
            try container.encode(facts, forKey: .facts)
            try container.encode(day, forKey: .day)
        }
    }

    @Test("numbers, optionals, nested containers and JSONValue members come out as the round trip gave them")
    func sample() throws {
        let direct = try JSONValue(encoding: Sample())
        #expect(direct == (try Self.roundTrip(Sample())))
        #expect(JSONRenderer.render(direct) == JSONRenderer.render(try Self.roundTrip(Sample())))
        guard case .object(let members) = direct else { Issue.record("not an object"); return }
        #expect(members["whole"] == .int(2))         // integral doubles came back as integers
        #expect(members["half"] == .double(0.5))
        #expect(members["missing"] == .null)
        // A fact held as a double came back as an integer when integral: `"top_author_share": 1`.
        #expect(members["facts"] == .object(["x": .array([.null, .bool(false), .double(0.1), .int(1)]), "y": .object(["share": .int(2)])]))
    }

    @Test("a scorecard renders byte for byte as through the round trip")
    func scorecard() throws {
        for card in [sampleScorecard(), sampleScorecard(language: .fr, name: "dépôt <x>", message: "Pas de \"LICENCE\"\t.")] {
            #expect(JSONRenderer.render(try JSONValue(encoding: card)) == JSONRenderer.render(try Self.roundTrip(card)))
        }
    }

    @Test("a non-finite number is refused, as JSONEncoder refuses it")
    func nonFinite() {
        #expect(throws: EncodingError.self) { try JSONValue(encoding: [Double.nan]) }
        #expect(throws: (any Error).self) { try Self.roundTrip([Double.nan]) }
    }
}
