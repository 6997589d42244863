import VigieCore
import Yams

/// Who is the same person in a history without `.mailmap` (rules/data/people.yml `same_person`).
struct PeopleConventions: Sendable, RuleDataSection {
    static let fileName = "people.yml"

    let minNameLength: Int
    /// Normalised (TextNormalizer).
    let genericNames: Set<String>
    /// Lowercased.
    let noreplyDomains: [String]
    /// An address's local part of at least this many words ("pierlou.ramade") is also a name; 0: never.
    let addressNameMinWords: Int
    /// A forge login of at least this many letters that is a name's initial and surname ("aainsa" for
    /// "Alice Ainsa") joins that name; 0: never.
    let initialSurnameMinLength: Int

    init(minNameLength: Int, genericNames: Set<String>, noreplyDomains: [String], addressNameMinWords: Int = 0, initialSurnameMinLength: Int = 0) {
        self.minNameLength = minNameLength
        self.genericNames = genericNames
        self.noreplyDomains = noreplyDomains
        self.addressNameMinWords = addressNameMinWords
        self.initialSurnameMinLength = initialSurnameMinLength
    }

    init?(root: Node, reader: YAMLReader) {
        guard let file = YAMLFields(root, reader: reader, what: "the file", allowed: ["schema_version", "same_person"]),
              let same = file.fields("same_person", allowed: ["min_name_length", "generic_names", "noreply_domains",
                                                             "address_name_min_words", "initial_surname_min_length"]) else { return nil }
        minNameLength = max(1, same.int("min_name_length") ?? 1)
        genericNames = Set(same.strings("generic_names").map(TextNormalizer.normalize))
        noreplyDomains = same.strings("noreply_domains").map { $0.lowercased() }
        addressNameMinWords = max(0, same.int("address_name_min_words") ?? 0)
        initialSurnameMinLength = max(0, same.int("initial_surname_min_length") ?? 0)
    }

    /// "alice ainsa" → "aainsa": the handle many people take (first initial, surname), from a name key
    /// of two words or more; nil when too short to tell anyone apart.
    func initialSurnameHandle(ofNameKey key: String) -> String? {
        guard initialSurnameMinLength > 0 else { return nil }
        // Asked of thousands of names on a large history: ASCII names as bytes, where a letter is
        // A–Z or a–z and a character is a byte (the same answers as the `Character` code below).
        if let bytes = ASCIIBytes.of(key) {
            let words = bytes.split(separator: UInt8(ascii: " "))
            guard words.count >= 2, let initial = words.first?.first, let surname = words.last,
                  surname.allSatisfy(ASCIIBytes.isLetter), 1 + surname.count >= initialSurnameMinLength else { return nil }
            return String(decoding: [initial] + surname, as: UTF8.self)
        }
        let words = key.split(separator: " ")
        guard words.count >= 2, let initial = words.first?.first, let surname = words.last,
              surname.allSatisfy(\.isLetter) else { return nil }
        let handle = String(initial) + surname
        return handle.count >= initialSurnameMinLength ? handle : nil
    }

    /// The forge login as a handle to compare with `initialSurnameHandle`: letters only, long enough.
    func loginHandle(_ login: String) -> String? {
        guard initialSurnameMinLength > 0 else { return nil }
        if let bytes = ASCIIBytes.of(login) {
            return bytes.count >= initialSurnameMinLength && bytes.allSatisfy(ASCIIBytes.isLetter) ? login : nil
        }
        guard login.count >= initialSurnameMinLength, login.allSatisfy(\.isLetter) else { return nil }
        return login
    }

    /// The name an address spells ("pierlou.ramade@data.gouv.fr" → "pierlou ramade"), when its local part
    /// is words joined by dots, hyphens or underscores. Not asked of no-reply addresses: their login is a key.
    func addressName(_ email: String) -> String? {
        guard addressNameMinWords > 0 else { return nil }
        if let bytes = ASCIIBytes.of(email) {
            guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return nil }
            let words = bytes[..<at].split { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
            guard words.count >= addressNameMinWords, words.allSatisfy({ $0.allSatisfy(ASCIIBytes.isLetter) }) else { return nil }
            return nameKey(String(decoding: Array(words.joined(separator: [UInt8(ascii: " ")])), as: UTF8.self))
        }
        guard let at = email.lastIndex(of: "@") else { return nil }
        let words = email[..<at].split { $0 == "." || $0 == "-" || $0 == "_" }
        guard words.count >= addressNameMinWords, words.allSatisfy({ $0.allSatisfy(\.isLetter) }) else { return nil }
        return nameKey(words.joined(separator: " "))
    }

    /// The name that identifies a person, or nil when it is too short or too common to tell anyone apart.
    func nameKey(_ name: String) -> String? {
        let normalised = TextNormalizer.normalize(name)
        guard normalised.count >= minNameLength, !genericNames.contains(normalised) else { return nil }
        return normalised
    }

    /// The forge login of a no-reply address (`12345+login@users.noreply.github.com` → `login`), lowercased.
    func noreplyLogin(_ email: String) -> String? {
        if let bytes = ASCIIBytes.of(email) {
            let lowered = asciiLowercased(bytes)
            guard let at = lowered.lastIndex(of: UInt8(ascii: "@")),
                  noreplyDomains.contains(String(decoding: lowered[(at + 1)...], as: UTF8.self)) else { return nil }
            var local = lowered[..<at]
            if let separator = local.firstIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }),
               local[..<separator].allSatisfy(ASCIIBytes.isDigit), separator != local.startIndex {
                local = local[(separator + 1)...]
            }
            return local.isEmpty ? nil : String(decoding: local, as: UTF8.self)
        }
        let lowered = email.lowercased()
        guard let at = lowered.lastIndex(of: "@"), noreplyDomains.contains(String(lowered[lowered.index(after: at)...])) else { return nil }
        var local = Substring(lowered[..<at])
        // GitHub's "<id>+login" and GitLab's "<id>-login": the id is not part of the login.
        if let separator = local.firstIndex(where: { $0 == "+" || $0 == "-" }), local[..<separator].allSatisfy(\.isNumber),
           separator != local.startIndex {
            local = local[local.index(after: separator)...]
        }
        return local.isEmpty ? nil : String(local)
    }
}

extension RuleData {
    /// `rules/data/people.yml`.
    var people: PeopleConventions { section(PeopleConventions.self) }
}

/// Groups identities into people: union-find over identity indexes, joined by normalised name and
/// by forge login. Deterministic: the result depends only on the identities, not on their order.
struct IdentityMerger {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ index: Int) -> Int {
        var root = index
        while parent[root] != root { root = parent[root] }
        var current = index
        while parent[current] != root {
            let next = parent[current]
            parent[current] = root
            current = next
        }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    /// Group index for each identity, joining those that share any key.
    static func groups(keys: [[String]]) -> [Int] {
        var merger = IdentityMerger(count: keys.count)
        var firstWithKey: [String: Int] = [:]
        for (index, identityKeys) in keys.enumerated() {
            for key in identityKeys {
                if let other = firstWithKey[key] { merger.union(index, other) } else { firstWithKey[key] = index }
            }
        }
        return (0..<keys.count).map { merger.find($0) }
    }
}
