import Foundation
import VigieLicenceText

/// The words of every phrase of the built-in licence fingerprints (`LicenceMatching.phraseVariants`
/// of each `all` and `none` phrase of `rules/data/licences.yml`), computed at build time by
/// vigie-embed-rules rather than at every start, where they were 41 M instructions of each audit
/// (issue 14). `rules/` stays the source of truth: the table is rebuilt from it with the file.
///
/// A phrase's words depend on its text and on the equivalent words alone, so the table serves any
/// `licences.yml` (built in, or a copy in a rules folder) whose `equivalent_words` are those it was
/// computed with; a phrase it does not hold is computed as before. `PrecomputedPhrasesTests` checks
/// every entry against `phraseVariants`.
struct PrecomputedPhrases: Sendable {
    /// The equivalent words the table was computed with.
    let equivalentWords: [String: String]
    /// Phrase → the words of each of its forms.
    let variants: [String: [[String]]]

    /// The table built into vigie; nil if it does not decode.
    static let builtIn: PrecomputedPhrases? = decode(base64: BuiltInRuleFile.licencePhraseWords)

    /// The built-in table's phrases, when they were computed with `matching`'s equivalent words.
    static func variants(for matching: LicenceMatching) -> [String: [[String]]]? {
        guard let table = builtIn, table.equivalentWords == matching.equivalentWords else { return nil }
        return table.variants
    }

    /// Reads vigie-embed-rules' form: the equivalent words (count, then key and value), then the
    /// phrases (count, then each phrase, its count of forms and each form's count of words and words);
    /// counts are LEB128 varints, texts a length and UTF-8.
    static func decode(base64: String) -> PrecomputedPhrases? {
        guard !base64.isEmpty, let data = Data(base64Encoded: base64) else { return nil }
        return [UInt8](data).withUnsafeBufferPointer { buffer -> PrecomputedPhrases? in
            var cursor = EmbeddedYAML.Cursor(bytes: buffer)
            guard let pairCount = cursor.varint() else { return nil }
            var equivalents: [String: String] = [:]
            for _ in 0..<pairCount {
                guard let key = cursor.string(), let value = cursor.string() else { return nil }
                equivalents[key] = value
            }
            guard let phraseCount = cursor.varint() else { return nil }
            var variants: [String: [[String]]] = [:]
            variants.reserveCapacity(phraseCount)
            for _ in 0..<phraseCount {
                guard let phrase = cursor.string(), let formCount = cursor.varint() else { return nil }
                var forms: [[String]] = []
                forms.reserveCapacity(formCount)
                for _ in 0..<formCount {
                    guard let wordCount = cursor.varint() else { return nil }
                    var words: [String] = []
                    words.reserveCapacity(wordCount)
                    for _ in 0..<wordCount {
                        guard let word = cursor.string() else { return nil }
                        words.append(word)
                    }
                    forms.append(words)
                }
                variants[phrase] = forms
            }
            return cursor.isAtEnd ? PrecomputedPhrases(equivalentWords: equivalents, variants: variants) : nil
        }
    }
}
