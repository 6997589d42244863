import Dispatch
public import VigieLicenceText
import VigieCore
import Yams

/// One licence fingerprint: the phrases that must all appear, and those that rule it out.
public struct LicenceFingerprint: Sendable, Equatable {
    public enum Kind: String, Sendable { case licence, exception }
    public let id: String
    public let name: String
    /// A licence, or an exception added to one (`Classpath-exception-2.0`, reported as `GPL-2.0 WITH …`).
    public let kind: Kind
    /// Each phrase as the words of its forms (`LicenceText`; a `[bracketed part]` may be left out).
    public let all: [[[String]]]
    public let none: [[[String]]]
    /// Words of the canonical text once normalised (0 when unknown): a text much longer than that
    /// carries something more than the licence (an extra clause).
    public let words: Int
    /// GNU-style licences: the notice says `-only` or `-or-later`, the text does not.
    public let versionedByNotice: Bool
    /// Where the phrases were taken from (the official text, a ScanCode licence file).
    public let source: String?
}

/// Which licences French administrations may use (CRPA art. D. 323-2-1, data.gouv.fr list).
public struct LicencePolicy: Sendable, Equatable {
    /// SPDX ids on the list, case-folded.
    public let allowed: Set<String>
    /// Older versions of listed licences: not named by the list, reported as a warning.
    public let olderVersions: Set<String>
    /// Licences allowed for data (open data).
    public let data: Set<String>
    /// Spellings seen in metadata mapped to their SPDX id (case-folded keys).
    public let aliases: [String: String]
    /// Each listed id, case-folded, to its SPDX spelling.
    public let spellings: [String: String]
    /// Manifest values that say there is no open licence (`proprietary`, npm's `UNLICENSED`), case-folded:
    /// a declaration, never an SPDX id.
    public let noOpenLicence: Set<String>

    public init(allowed: Set<String>, olderVersions: Set<String>, data: Set<String>, aliases: [String: String], spellings: [String: String],
                noOpenLicence: Set<String> = []) {
        self.allowed = allowed
        self.olderVersions = olderVersions
        self.data = data
        self.aliases = aliases
        self.spellings = spellings
        self.noOpenLicence = noOpenLicence
    }

    public func canonical(_ id: String) -> String { aliases[id.lowercased()] ?? id }
    public func isAllowed(_ id: String) -> Bool { allowed.contains(canonical(id).lowercased()) }
    public func isOlderVersion(_ id: String) -> Bool { olderVersions.contains(canonical(id).lowercased()) }
}

/// File-name conventions: which root files count as a licence or a README.
public struct FileConventions: Sendable, Equatable {
    /// Upper-case stems: `LICENSE` matches LICENSE, license.md, LICENSE-MIT, LICENCE.Apache-2.0.
    public let licenceStems: [String]
    public let readmeStems: [String]
    /// The folder REUSE keeps licence texts in.
    public let reuseFolder: String
    /// Folders and extensions that say a repository publishes data.
    public let dataFolders: Set<String>
    public let dataExtensions: Set<String>

    /// Data files: a data extension inside a data folder at any depth, or a `datapackage.json`.
    /// Checks the extension first: most files of a large tree stop there.
    public func isDataFile(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: ".") else { return false }
        let extensionName = path[path.index(after: dot)...].lowercased()
        if extensionName == "json" && path.lowercased().hasSuffix("datapackage.json") { return true }
        guard dataExtensions.contains(extensionName) else { return false }
        return path.lowercased().split(separator: "/").dropLast().contains { dataFolders.contains(String($0)) }
    }
}

/// How the activity rules tell bots, forge no-reply addresses, inactivity notices and release names.
public struct ActivityConventions: Sendable {
    // Compiled on first use (LazyRegex): most runs need only some of them.
    let botPatternSources: [LazyRegex]
    let noreplyPatternSources: [(pattern: LazyRegex, domain: String)]
    let semverSource: LazyRegex
    /// Normalised phrases (TextNormalizer), as bytes.
    public let inactivePhrases: [[UInt8]]

    public func isBot(name: String, email: String) -> Bool {
        // Asked of every distinct author of a history: each text's bytes are read once for all the
        // patterns' prefilters.
        let (nameText, emailText) = (PrefilterText(name), PrefilterText(email))
        return zip(botPatternSources, botFilters).contains { pattern, filter in
            Self.matches(pattern, filter, name, prepared: nameText) || Self.matches(pattern, filter, email, prepared: emailText)
        }
    }

    /// What the bot patterns ask of a text before their `Regex` runs, read once from their syntax.
    let botFilters: [RegexPrefilter]
    /// The same for the no-reply patterns.
    let noreplyFilters: [RegexPrefilter]

    init(botPatternSources: [LazyRegex], noreplyPatternSources: [(pattern: LazyRegex, domain: String)], semverSource: LazyRegex,
         inactivePhrases: [[UInt8]]) {
        self.botPatternSources = botPatternSources
        self.noreplyPatternSources = noreplyPatternSources
        self.semverSource = semverSource
        self.inactivePhrases = inactivePhrases
        botFilters = botPatternSources.map { RegexPrefilter(pattern: $0.pattern) }
        noreplyFilters = noreplyPatternSources.map { RegexPrefilter(pattern: $0.pattern.pattern) }
    }

    /// `pattern` found in `text`. Asked of every distinct author of a history, where a Swift `Regex`
    /// search costs microseconds (309 M instructions on curl's walk): the pattern runs only where its
    /// prefilter allows, and an anchored one only at the start (`prefixMatch`). Same answers as the
    /// plain search: `BotPatternTests`. `prepared`: `text`'s bytes, read once for several patterns.
    static func matches(_ pattern: LazyRegex, _ filter: RegexPrefilter, _ text: String, prepared: PrefilterText? = nil) -> Bool {
        guard (prepared ?? PrefilterText(text)).allows(filter) else { return false }
        return filter.anchoredFirst != nil ? text.prefixMatch(of: pattern.regex) != nil : text.firstMatch(of: pattern.regex) != nil
    }

    /// The e-mail that identifies a person: lowercase, forge no-reply ids folded.
    public func personKey(email: String) -> String {
        let lowered = email.lowercased()
        // A pattern that cannot match anywhere in the address cannot match all of it.
        let text = PrefilterText(lowered)
        for ((pattern, domain), filter) in zip(noreplyPatternSources, noreplyFilters) where text.allows(filter) {
            if let match = lowered.wholeMatch(of: pattern.regex), match.count > 1, let login = match[1].substring {
                return "\(login)@\(domain)"
            }
        }
        return lowered
    }

    public func isSemver(_ name: String) -> Bool { name.wholeMatch(of: semverSource.regex) != nil }
}

/// The domain data rules read from `rules/data/`: lists, phrases and conventions, never Swift literals.
public struct RuleData: Sendable {
    public let fingerprints: [LicenceFingerprint]
    /// How licence texts are compared (equivalent words, notices, scope words).
    public let licenceMatching: LicenceMatching
    public let policy: LicencePolicy
    public let files: FileConventions
    public let activity: ActivityConventions
    /// The families' own data (`RuleDataSection`), by type.
    let sections: [ObjectIdentifier: any Sendable]

    init(fingerprints: [LicenceFingerprint], licenceMatching: LicenceMatching, policy: LicencePolicy, files: FileConventions,
         activity: ActivityConventions, sections: [ObjectIdentifier: any Sendable]) {
        self.fingerprints = fingerprints
        self.licenceMatching = licenceMatching
        self.policy = policy
        self.files = files
        self.activity = activity
        self.sections = sections
    }

    /// Loads and validates `data/*.yml` from `rulesDirectory` alone (no built-in layer).
    public static func load(from rulesDirectory: String) throws(ConfigurationErrors) -> RuleData {
        try load(from: .folder(rulesDirectory))
    }

    /// Loads and validates every data file (`data/licences.yml`, `data/files.yml`…), each from the
    /// first layer of `sources` that holds it.
    public static func load(from sources: RuleSources) throws(ConfigurationErrors) -> RuleData {
        try load(from: sources, precomputedPhrases: true)
    }

    /// `precomputedPhrases`: false to build every fingerprint phrase's words here (the tests compare both).
    static func load(from sources: RuleSources, precomputedPhrases: Bool) throws(ConfigurationErrors) -> RuleData {
        // Two halves on two cores: the licence fingerprints (a third of the load) and the other files.
        // They share nothing but `sources` (each half makes its own readers), and every command loads
        // its rule data before starting threads of its own, so the second core is idle then (issue 14).
        // The errors keep the file order of a sequential load.
        let halves = LoadHalves()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            if half == 0 {
                halves.loadFingerprints(sources, precomputedPhrases: precomputedPhrases)
            } else {
                halves.loadOthers(sources)
            }
        }
        let errors = halves.fingerprintErrors + halves.otherErrors
        guard errors.isEmpty, let (fingerprints, licenceMatching) = halves.fingerprints, let policy = halves.policy,
              let files = halves.files, let activity = halves.activity else {
            throw ConfigurationErrors(errors)
        }
        let sections = halves.sections
        return RuleData(fingerprints: fingerprints, licenceMatching: licenceMatching, policy: policy, files: files, activity: activity,
                        sections: sections)
    }

    fileprivate static func loadFingerprints(_ reader: YAMLReader, precomputedPhrases: Bool,
                                         errors: inout [ConfigurationError]) -> ([LicenceFingerprint], LicenceMatching)? {
        defer { errors += reader.errors }
        guard let root = reader.load(), let pairs = reader.mapping(root, what: "the file") else { return nil }
        reader.checkKeys(pairs, allowed: ["schema_version", "matching", "licences"], in: "the file")
        guard let list = pairs.first(where: { $0.key == "licences" })?.value, case .sequence(let items) = list else {
            reader.report(root, LocalizedText(fr: "il manque la liste « licences »", en: "missing the 'licences' list"))
            return nil
        }
        let matching = pairs.first(where: { $0.key == "matching" }).map { loadMatching($0.value, reader: reader) } ?? LicenceMatching()
        // Each phrase's words, from the table computed at build time when it holds them (PrecomputedPhrases).
        let table = precomputedPhrases ? PrecomputedPhrases.variants(for: matching) : nil
        let variants = { (phrase: String) -> [[String]] in table?[phrase] ?? matching.phraseVariants(phrase) }
        var result: [LicenceFingerprint] = []
        for item in items {
            guard let fields = reader.mapping(item, what: "a licence") else { continue }
            reader.checkKeys(fields, allowed: ["id", "name", "kind", "words", "all", "none", "versioned_by_notice", "source"], in: "a licence")
            let field = { (key: String) in fields.first { $0.key == key }?.value }
            guard let id = field("id").flatMap({ reader.string($0, what: "id") }), !id.isEmpty else {
                reader.report(item, LocalizedText(fr: "licence sans « id »", en: "licence without an 'id'"))
                continue
            }
            let all = field("all").flatMap { reader.strings($0, what: "all") } ?? []
            if all.isEmpty {
                reader.report(item, LocalizedText(fr: "la licence \(id) n'a aucune phrase « all »", en: "licence \(id) has no 'all' phrase"))
            }
            let none = field("none").flatMap { reader.strings($0, what: "none") } ?? []
            let kindName = field("kind").flatMap { reader.string($0, what: "kind") } ?? "licence"
            guard let kind = LicenceFingerprint.Kind(rawValue: kindName) else {
                reader.report(item, LocalizedText(fr: "« kind » vaut licence ou exception, pas \(kindName)", en: "'kind' is licence or exception, not \(kindName)"))
                continue
            }
            result.append(LicenceFingerprint(
                id: id,
                name: field("name").flatMap { reader.string($0, what: "name") } ?? id,
                kind: kind,
                all: all.map(variants), none: none.map(variants),
                words: field("words").flatMap { reader.int($0, what: "words") } ?? 0,
                versionedByNotice: field("versioned_by_notice").flatMap { reader.bool($0, what: "versioned_by_notice") } ?? false,
                source: field("source").flatMap { reader.string($0, what: "source") }
            ))
        }
        return (result, matching)
    }

    /// The `matching` section of `licences.yml`: equivalent words, version notices, scope words.
    private static func loadMatching(_ node: Node, reader: YAMLReader) -> LicenceMatching {
        guard let fields = reader.mapping(node, what: "matching") else { return LicenceMatching() }
        reader.checkKeys(fields, allowed: ["equivalent_words", "or_later_notices", "only_notices", "scopes", "statement_words"], in: "matching")
        let field = { (key: String) in fields.first { $0.key == key }?.value }
        var equivalents: [String: String] = [:]
        if let node = field("equivalent_words"), let pairs = reader.mapping(node, what: "equivalent_words") {
            for pair in pairs {
                guard let spelling = reader.string(pair.value, what: pair.key) else { continue }
                equivalents[pair.key.lowercased()] = spelling.lowercased()
            }
        }
        let plain = LicenceMatching(equivalentWords: equivalents)
        let phrases = { (key: String) in (field(key).flatMap { reader.strings($0, what: key) } ?? []).map { LicenceText($0, matching: plain).words } }
        var scopes: [(scope: String, words: Set<String>)] = []
        if let node = field("scopes"), let pairs = reader.mapping(node, what: "scopes") {
            for pair in pairs {
                let words = reader.strings(pair.value, what: pair.key) ?? []
                scopes.append((pair.key, Set(words.flatMap { LicenceText($0, matching: plain).words })))
            }
        }
        let statementWords = Set((field("statement_words").flatMap { reader.strings($0, what: "statement_words") } ?? [])
            .flatMap { LicenceText($0, matching: LicenceMatching()).words })
        return LicenceMatching(equivalentWords: equivalents, orLaterPhrases: phrases("or_later_notices"), onlyPhrases: phrases("only_notices"),
                               scopes: scopes, statementWords: statementWords)
    }

    fileprivate static func loadPolicy(_ reader: YAMLReader, errors: inout [ConfigurationError]) -> LicencePolicy? {
        defer { errors += reader.errors }
        guard let root = reader.load(), let pairs = reader.mapping(root, what: "the file") else { return nil }
        reader.checkKeys(pairs, allowed: ["schema_version", "source", "allowed", "older_versions", "data", "aliases", "no_open_licence"], in: "the file")
        var spellings: [String: String] = [:]
        let list = { (key: String) -> Set<String> in
            let ids = pairs.first { $0.key == key }.flatMap { reader.strings($0.value, what: key) } ?? []
            for id in ids { spellings[id.lowercased()] = id }
            return Set(ids.map { $0.lowercased() })
        }
        var aliases: [String: String] = [:]
        if let node = pairs.first(where: { $0.key == "aliases" })?.value, let entries = reader.mapping(node, what: "aliases") {
            for entry in entries {
                if let target = reader.string(entry.value, what: "aliases.\(entry.key)") { aliases[entry.key.lowercased()] = target }
            }
        }
        let allowed = list("allowed")
        if allowed.isEmpty { reader.report(root, LocalizedText(fr: "la liste « allowed » est vide", en: "the 'allowed' list is empty")) }
        let older = list("older_versions"), dataLicences = list("data")
        // Not through `list`: these are not ids, and must not become spellings a README could name.
        let noOpenLicence = pairs.first { $0.key == "no_open_licence" }.flatMap { reader.strings($0.value, what: "no_open_licence") } ?? []
        return LicencePolicy(allowed: allowed, olderVersions: older, data: dataLicences, aliases: aliases, spellings: spellings,
                             noOpenLicence: Set(noOpenLicence.map { $0.lowercased() }))
    }

    fileprivate static func loadFiles(_ reader: YAMLReader, errors: inout [ConfigurationError]) -> FileConventions? {
        defer { errors += reader.errors }
        guard let root = reader.load(), let pairs = reader.mapping(root, what: "the file") else { return nil }
        reader.checkKeys(pairs, allowed: ["schema_version", "licence_names", "readme_names", "reuse_folder", "data_folders", "data_extensions"], in: "the file")
        let strings = { (key: String) -> [String] in
            (pairs.first { $0.key == key }.flatMap { reader.strings($0.value, what: key) } ?? []).map { $0.uppercased() }
        }
        let reuse = pairs.first { $0.key == "reuse_folder" }.flatMap { reader.string($0.value, what: "reuse_folder") } ?? "LICENSES"
        let lower = { (key: String) -> Set<String> in Set(strings(key).map { $0.lowercased() }) }
        return FileConventions(licenceStems: strings("licence_names"), readmeStems: strings("readme_names"), reuseFolder: reuse,
                               dataFolders: lower("data_folders"), dataExtensions: lower("data_extensions"))
    }

    fileprivate static func loadActivity(_ reader: YAMLReader, errors: inout [ConfigurationError]) -> ActivityConventions? {
        defer { errors += reader.errors }
        guard let root = reader.load(), let pairs = reader.mapping(root, what: "the file") else { return nil }
        reader.checkKeys(pairs, allowed: ["schema_version", "bot_patterns", "noreply_patterns", "inactive_phrases", "semver_pattern"], in: "the file")
        let field = { (key: String) in pairs.first { $0.key == key }?.value }
        func regex(_ node: Node, what: String) -> LazyRegex? {
            guard let text = reader.string(node, what: what) else { return nil }
            return LazyRegex.make(text, ignoresCase: true, at: node, reader: reader)
        }
        var bots: [LazyRegex] = []
        if let node = field("bot_patterns"), case .sequence(let items) = node {
            bots = items.compactMap { regex($0, what: "bot_patterns") }
        } else {
            reader.report(root, LocalizedText(fr: "il manque la liste « bot_patterns »", en: "missing the 'bot_patterns' list"))
        }
        var noreply: [(LazyRegex, String)] = []
        if let node = field("noreply_patterns"), case .sequence(let items) = node {
            for item in items {
                guard let entry = reader.mapping(item, what: "a noreply pattern") else { continue }
                reader.checkKeys(entry, allowed: ["pattern", "domain"], in: "a noreply pattern")
                if let pattern = entry.first(where: { $0.key == "pattern" }).flatMap({ regex($0.value, what: "pattern") }),
                   let domain = entry.first(where: { $0.key == "domain" }).flatMap({ reader.string($0.value, what: "domain") }) {
                    noreply.append((pattern, domain))
                } else {
                    reader.report(item, LocalizedText(fr: "il faut « pattern » et « domain »", en: "needs 'pattern' and 'domain'"))
                }
            }
        }
        let phrases = field("inactive_phrases").flatMap { reader.strings($0, what: "inactive_phrases") } ?? []
        let semver = field("semver_pattern").flatMap { regex($0, what: "semver_pattern") }
        if semver == nil && field("semver_pattern") == nil {
            reader.report(root, LocalizedText(fr: "il manque « semver_pattern »", en: "missing 'semver_pattern'"))
        }
        guard let semver else { return nil }
        return ActivityConventions(botPatternSources: bots, noreplyPatternSources: noreply, semverSource: semver,
                                   inactivePhrases: phrases.map(TextNormalizer.normalizedBytes))
    }
}

/// The two halves of `RuleData.load`, each written by one worker of `concurrentPerform` (which returns
/// only when both are done, so the writes happen before the reads): the compiler cannot see that
/// each slot has one writer.
private final class LoadHalves: @unchecked Sendable {
    private(set) var fingerprints: ([LicenceFingerprint], LicenceMatching)?
    private(set) var fingerprintErrors: [ConfigurationError] = []
    private(set) var policy: LicencePolicy?
    private(set) var files: FileConventions?
    private(set) var activity: ActivityConventions?
    private(set) var sections: [ObjectIdentifier: any Sendable] = [:]
    private(set) var otherErrors: [ConfigurationError] = []

    /// The first half: `licences.yml`.
    func loadFingerprints(_ sources: RuleSources, precomputedPhrases: Bool) {
        var errors: [ConfigurationError] = []
        fingerprints = RuleData.loadFingerprints(Self.reader(sources, "licences.yml"), precomputedPhrases: precomputedPhrases, errors: &errors)
        fingerprintErrors = errors
    }

    /// The second half: every other file, in the order of a sequential load.
    func loadOthers(_ sources: RuleSources) {
        var errors: [ConfigurationError] = []
        policy = RuleData.loadPolicy(Self.reader(sources, "french-licences.yml"), errors: &errors)
        files = RuleData.loadFiles(Self.reader(sources, "files.yml"), errors: &errors)
        activity = RuleData.loadActivity(Self.reader(sources, "activity.yml"), errors: &errors)
        sections = RuleData.loadSections(from: sources, errors: &errors)
        otherErrors = errors
    }

    private static func reader(_ sources: RuleSources, _ name: String) -> YAMLReader {
        sources.fileOrFirstPlace("data/" + name).reader()
    }
}
