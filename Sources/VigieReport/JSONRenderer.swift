import Foundation
public import VigieCore

/// The JSON scorecard: sorted keys, two-space indentation, a final newline, no wall-clock time,
/// so the same commit audited as of the same day gives byte-identical output.
public enum JSONRenderer {
    public static func render(_ scorecard: Scorecard) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(scorecard)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
