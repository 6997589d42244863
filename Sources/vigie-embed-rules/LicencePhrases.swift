import VigieLicenceText
import Yams

/// The words of every phrase of the licence fingerprints, as vigie computes them at load
/// (`LicenceMatching.phraseVariants`), so that vigie reads them instead (`PrecomputedPhrases` in
/// VigieRules, issue 14). Reads only what the words depend on: `matching.equivalent_words` (keys and
/// values lowercased, as `RuleData.loadMatching` does) and the `all` and `none` phrases of each
/// licence; the file itself is validated where vigie loads it (and by the tests).
///
/// Form: the equivalent words (count, then key and value, sorted by key), then each distinct phrase
/// (count, then the phrase, its count of forms, and each form's count of words and words).
func licencePhraseWords(_ root: Node) -> [UInt8] {
    var equivalents: [String: String] = [:]
    if case .mapping(let words)? = root["matching"]?["equivalent_words"] {
        for (key, value) in words {
            guard let key = key.string, case .scalar(let scalar) = value else { continue }
            equivalents[key.lowercased()] = scalar.string.lowercased()
        }
    }
    var phrases: [String] = []
    var seen: Set<String> = []
    if case .sequence(let licences)? = root["licences"] {
        for licence in licences {
            for key in ["all", "none"] {
                guard case .sequence(let list)? = licence[key] else { continue }
                for case .scalar(let scalar) in list where seen.insert(scalar.string).inserted {
                    phrases.append(scalar.string)
                }
            }
        }
    }
    let matching = LicenceMatching(equivalentWords: equivalents)
    var encoder = Encoder()
    encoder.varint(equivalents.count)
    for (key, value) in equivalents.sorted(by: { $0.key < $1.key }) {
        encoder.string(key)
        encoder.string(value)
    }
    encoder.varint(phrases.count)
    for phrase in phrases {
        encoder.string(phrase)
        let forms = matching.phraseVariants(phrase)
        encoder.varint(forms.count)
        for words in forms {
            encoder.varint(words.count)
            for word in words { encoder.string(word) }
        }
    }
    return encoder.bytes
}
