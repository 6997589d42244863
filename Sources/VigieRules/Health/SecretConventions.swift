import VigieCore
import Yams

/// What the secret scan looks for and what it leaves alone (`secrets:` in health.yml).
struct SecretConventions: Sendable {

    /// A token shape: literal anchors found by a byte scan, then a pattern confirmed from the anchor.
    struct Kind: Sendable {
        let id: String
        let label: LocalizedText
        let anchors: [[UInt8]]
        let ignoreCase: Bool
        /// Must match from the anchor; its `secret` group is the value. Compiled on the first anchor found.
        let patternSource: LazyRegex
        var pattern: Regex<AnyRegexOutput> { patternSource.regex }
        /// Bytes the pattern may span from the anchor.
        let span: Int
        /// The pattern may cross lines (a key block); otherwise it stops at the end of the line.
        let multiline: Bool
        /// Shortest value that counts (a PEM block needs a body).
        let minLength: Int
        /// The anchor is a public type marker that may name the kind in reports (AKIA, ghp_).
        let showAnchor: Bool
    }

    let skip: PathPatternSet
    let binaryExtensions: Set<String>
    let priority: PathPatternSet
    let envFiles: PathPatternSet
    let envExamples: PathPatternSet
    /// `.env` files of a local development or test stack, read as examples.
    let envLocalStacks: PathPatternSet
    /// Lower case; with the words of a variable's name, the words a self-describing value is made of.
    let envSelfDescribingWords: Set<String>
    /// Upper case.
    let envSecretWords: [String]
    /// Lower case; found anywhere in a value.
    let placeholders: [String]
    /// Lower case; found only at the start or end of a word of the value.
    let placeholderWords: [String]
    /// Lower case; the whole value (a local default such as `password`).
    let placeholderValues: Set<String>
    /// Shortest `.env` value that counts, whitespace apart.
    let envMinValueLength: Int
    let allowMarkers: [[UInt8]]
    let kinds: [Kind]

    init?(_ node: Node, reader: YAMLReader) {
        guard let fields = HealthFields(node, what: "secrets", allowed: [
            "skip", "binary_extensions", "priority", "env_files", "env_examples", "env_local_stacks", "env_self_describing_words", "env_secret_words", "placeholders", "placeholder_words",
            "placeholder_values", "env_min_value_length", "allow_markers", "kinds",
        ], reader: reader) else { return nil }
        guard let skip = fields.patterns("skip"), let binary = fields.strings("binary_extensions"),
              let priority = fields.patterns("priority"), let envFiles = fields.patterns("env_files"),
              let envExamples = fields.patterns("env_examples"), let words = fields.strings("env_secret_words"),
              let placeholders = fields.strings("placeholders"), let placeholderWords = fields.strings("placeholder_words"), let markers = fields.strings("allow_markers"),
              let kindItems = fields.items("kinds") else { return nil }
        kinds = kindItems.compactMap { item -> Kind? in
            guard let kind = HealthFields(item, what: "secrets.kinds", allowed: [
                "id", "label", "anchors", "ignore_case", "pattern", "span", "multiline", "min_length", "show_anchor",
            ], reader: reader) else { return nil }
            guard let id = kind.string("id"), let labelNode = kind.value("label"),
                  let label = reader.localizedText(labelNode, what: "secrets.kinds.label"),
                  let anchors = kind.strings("anchors"), let pattern = kind.regex("pattern"),
                  let spanNode = kind.value("span"), let span = reader.int(spanNode, what: "secrets.kinds.span") else { return nil }
            guard span > 0 else {
                reader.report(spanNode, LocalizedText(fr: "« span » doit être positif", en: "'span' must be positive"))
                return nil
            }
            // Checked where the pattern was compiled at load (a rules folder); the built-in ones by the tests.
            guard !pattern.isCompiled || pattern.regex.contains(captureNamed: "secret") else {
                reader.report(kind.value("pattern"), LocalizedText(fr: "le motif de « \(id) » n'a pas de groupe (?<secret>…)",
                                                                  en: "the pattern of '\(id)' has no (?<secret>…) group"))
                return nil
            }
            if anchors.isEmpty || anchors.contains(where: \.isEmpty) {
                reader.report(kind.value("anchors"), LocalizedText(fr: "« \(id) » a besoin d'ancres non vides", en: "'\(id)' needs non-empty anchors"))
                return nil
            }
            let ignoreCase = kind.bool("ignore_case") ?? false
            return Kind(id: id, label: label, anchors: anchors.map { Array((ignoreCase ? $0.lowercased() : $0).utf8) }, ignoreCase: ignoreCase,
                        patternSource: pattern, span: span, multiline: kind.bool("multiline") ?? false, minLength: kind.int("min_length") ?? 1,
                        showAnchor: kind.bool("show_anchor") ?? false)
        }
        self.skip = skip
        self.binaryExtensions = Set(binary.map { $0.lowercased() })
        self.priority = priority
        self.envFiles = envFiles
        self.envExamples = envExamples
        self.envLocalStacks = fields.patterns("env_local_stacks", required: false) ?? PathPatternSet([PathPattern]())
        self.envSelfDescribingWords = Set((fields.strings("env_self_describing_words", required: false) ?? []).map { $0.lowercased() })
        self.envSecretWords = words.map { $0.uppercased() }
        self.placeholders = placeholders.map { $0.lowercased() }.filter { !$0.isEmpty }
        self.placeholderWords = placeholderWords.map { $0.lowercased() }.filter { !$0.isEmpty }
        self.placeholderValues = Set((fields.strings("placeholder_values", required: false) ?? []).map { $0.lowercased() })
        self.envMinValueLength = max(1, fields.int("env_min_value_length") ?? 1)
        self.allowMarkers = markers.map { Array($0.utf8) }
    }

    /// True when `value` says it is not a real secret (EXAMPLE, changeme, <token>, ${VAR}…).
    func isPlaceholder(_ value: Substring) -> Bool {
        if placeholderValues.contains(value.lowercased()) { return true }
        let lowered = Array(value.lowercased().utf8)
        if placeholders.contains(where: { contains(lowered, Array($0.utf8)) }) { return true }
        return placeholderWords.contains { word in Self.occursAtWordEdge(Array(word.utf8), in: lowered) }
    }

    /// True when `value` only names what it stands for: each of its words (letters only, no digit
    /// anywhere) is made of words of the variable's name (`tokens` also gives `token`) and
    /// `envSelfDescribingWords`, run together or not: `server-api-token` for SERVER_TO_SERVER_API_TOKENS,
    /// `A_SECRET_TOKEN`, `mytoken`.
    func describesItself(_ value: Substring, variable name: Substring) -> Bool {
        let lowered = value.lowercased()
        guard lowered.allSatisfy({ $0.isASCII && ($0.isLetter || "-_. ".contains($0)) }) else { return false }
        var vocabulary = envSelfDescribingWords
        for word in name.lowercased().split(whereSeparator: { !$0.isLetter }) {
            vocabulary.insert(String(word))
            if word.count > 3 && word.hasSuffix("s") { vocabulary.insert(String(word.dropLast())) }
        }
        let parts = lowered.split(whereSeparator: { !$0.isLetter })
        return !parts.isEmpty && parts.allSatisfy { Self.isMadeOf(Array($0), vocabulary) }
    }

    /// True when `word` is a concatenation of words of `vocabulary` (dynamic programming over prefixes).
    static func isMadeOf(_ word: [Character], _ vocabulary: Set<String>) -> Bool {
        guard !word.isEmpty else { return false }
        var reachable = [Bool](repeating: false, count: word.count + 1)
        reachable[0] = true
        for end in 1...word.count {
            reachable[end] = (0..<end).contains { start in reachable[start] && vocabulary.contains(String(word[start..<end])) }
        }
        return reachable[word.count]
    }

    /// True when `word` occurs in `text` with a non-alphanumeric byte (or the text's end) on at
    /// least one side: "fake-token", "my_fake", "xxxx" at the end of a run of x.
    static func occursAtWordEdge(_ word: [UInt8], in text: [UInt8]) -> Bool {
        guard !word.isEmpty, text.count >= word.count else { return false }
        let isAlphanumeric = { (byte: UInt8) in (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) }
        for start in 0...(text.count - word.count) where text[start..<(start + word.count)].elementsEqual(word) {
            let end = start + word.count
            if start == 0 || !isAlphanumeric(text[start - 1]) || end == text.count || !isAlphanumeric(text[end]) { return true }
        }
        return false
    }
}
