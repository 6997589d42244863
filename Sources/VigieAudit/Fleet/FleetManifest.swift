import Foundation
public import VigieCore
import VigieRules
import Yams

/// A fleet manifest (docs/fleet.md): the fleet's name, its rule set, and the repositories to audit.
public struct FleetManifest: Sendable {
    public struct Repository: Sendable {
        public enum Location: Sendable, Equatable {
            /// An absolute path (relative paths are resolved against the manifest's folder).
            case path(String)
            /// A URL libgit2 can fetch (https, ssh, file), without credentials.
            case url(String)
        }

        public var name: String
        public var location: Location
        public var ref: String
        public var team: String?
        /// `programme:` as written; `cohort` is the name to use.
        public var programme: String?
        /// The cohort (e.g. "EIG 4"): `cohort:`, or the older `programme:`.
        public var cohort: String?
        public var tags: [String]
        /// The environment variable holding the token for this repository.
        public var tokenEnvironment: String?
        /// Seconds allowed to fetch it.
        public var timeout: Int
        /// Exemptions the fleet lead grants this repository.
        public var exemptions: [Exemption]
        /// A partial audit is an error for this repository (the manifest's `strict`, or its own).
        public var strict: Bool
    }

    public var name: String
    public var ruleset: String?
    public var repositories: [Repository]
    /// The user name sent with tokens: "oauth2" suits GitLab, "x-access-token" GitHub.
    public var tokenUser: String

    /// Reads and validates a manifest, reporting every problem with its `file:line:column`.
    public static func load(_ path: String) throws(AuditError) -> FleetManifest {
        // A manifest that is not there is a wrong path (66), not an invalid file (65).
        guard FileManager.default.fileExists(atPath: path) else { throw .pathNotFound(path: path) }
        let reader = YAMLReader(file: path)
        guard let root = reader.load(), let pairs = reader.mapping(root, what: LocalizedText(fr: "le manifeste", en: "the manifest")) else {
            throw .invalidRules(ConfigurationErrors(reader.errors))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        reader.checkKeys(pairs, allowed: ["name", "ruleset", "token_env", "token_user", "timeout", "strict", "repositories"], in: LocalizedText(fr: "le manifeste", en: "the manifest"))
        let field = { (key: String) in pairs.first { $0.key == key }?.value }
        let name = field("name").flatMap { reader.string($0, what: "name") } ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let defaultToken = field("token_env").flatMap { reader.string($0, what: "token_env") }
        let defaultTimeout = field("timeout").flatMap { reader.int($0, what: "timeout") } ?? 600
        let defaultStrict = field("strict").flatMap { reader.bool($0, what: "strict") } ?? false
        var repositories: [Repository] = []
        var seen: Set<String> = []
        if let list = field("repositories"), case .sequence(let items) = list {
            for item in items {
                guard let entry = parseRepository(item, reader: reader, folder: folder, defaultToken: defaultToken, defaultTimeout: defaultTimeout,
                                                  defaultStrict: defaultStrict) else { continue }
                if !seen.insert(entry.name).inserted {
                    reader.report(item, LocalizedText(fr: "le nom « \(entry.name) » apparaît deux fois", en: "name '\(entry.name)' appears twice"))
                    continue
                }
                repositories.append(entry)
            }
        } else {
            reader.report(root, LocalizedText(fr: "il manque la liste « repositories »", en: "missing the 'repositories' list"))
        }
        guard reader.errors.isEmpty else { throw .invalidRules(ConfigurationErrors(reader.errors)) }
        return FleetManifest(name: name, ruleset: field("ruleset").flatMap { reader.string($0, what: "ruleset") }, repositories: repositories,
                             tokenUser: field("token_user").flatMap { reader.string($0, what: "token_user") } ?? "oauth2")
    }

    private static func parseRepository(_ node: Node, reader: YAMLReader, folder: URL, defaultToken: String?, defaultTimeout: Int,
                                        defaultStrict: Bool) -> Repository? {
        guard let pairs = reader.mapping(node, what: LocalizedText(fr: "un dépôt", en: "a repository")) else { return nil }
        reader.checkKeys(pairs, allowed: ["name", "url", "path", "ref", "team", "cohort", "programme", "tags", "token_env", "timeout", "strict", "exemptions"], in: LocalizedText(fr: "un dépôt", en: "a repository"))
        let field = { (key: String) in pairs.first { $0.key == key }?.value }
        guard let name = field("name").flatMap({ reader.string($0, what: "name") }), !name.isEmpty else {
            reader.report(node, LocalizedText(fr: "un dépôt sans « name »", en: "a repository without a 'name'"))
            return nil
        }
        let url = field("url").flatMap { reader.string($0, what: "url") }
        let path = field("path").flatMap { reader.string($0, what: "path") }
        let location: Repository.Location
        switch (url, path) {
        case (let url?, nil):
            if let problem = RemoteURL.credentialProblem(url) {
                reader.report(field("url"), problem)
                return nil
            }
            location = .url(url)
        case (nil, let path?):
            location = .path(URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL.path)
        default:
            reader.report(node, LocalizedText(fr: "le dépôt « \(name) » doit avoir soit « url », soit « path »",
                                              en: "repository '\(name)' needs exactly one of 'url' or 'path'"))
            return nil
        }
        return Repository(
            name: name, location: location,
            ref: field("ref").flatMap { reader.string($0, what: "ref") } ?? "HEAD",
            team: field("team").flatMap { reader.string($0, what: "team") },
            programme: field("programme").flatMap { reader.string($0, what: "programme") },
            cohort: field("cohort").flatMap { reader.string($0, what: "cohort") } ?? field("programme").flatMap { reader.string($0, what: "programme") },
            tags: field("tags").flatMap { reader.strings($0, what: "tags") } ?? [],
            tokenEnvironment: field("token_env").flatMap { reader.string($0, what: "token_env") } ?? defaultToken,
            timeout: field("timeout").flatMap { reader.int($0, what: "timeout") } ?? defaultTimeout,
            exemptions: field("exemptions").map { ExemptionFile.parse($0, reader: reader, grantedBy: reader.file) } ?? [],
            strict: field("strict").flatMap { reader.bool($0, what: "strict") } ?? defaultStrict
        )
    }

    /// The commented example `vigie fleet --init` writes.
    public static let example = """
    # vigie fleet manifest (docs/fleet.md). Run: vigie fleet cohort.yml --output scorecards/
    name: EIG 4
    ruleset: eig                      # a rule set of the rules folder, or a path to a .yml file
    # token_env: GITLAB_TOKEN         # environment variable holding a token for private HTTPS repositories
    # token_user: oauth2              # user sent with the token: oauth2 (GitLab), x-access-token (GitHub)
    # timeout: 600                    # seconds allowed to fetch each repository
    # strict: true                    # a partial audit (absent or corrupt objects) is an error, not a scorecard
    repositories:
      - name: label                   # unique; also the scorecard's file name (made safe)
        url: https://github.com/Cour-de-cassation/label
        team: LABEL
        cohort: EIG 4                 # shown on the site (filters, a page per team); "programme:" is still read
        tags: [justice]
      - name: outil-local
        path: ../outils/outil-local   # relative to this file; a work tree, .git folder or bare clone
        ref: main                     # branch, tag or commit (default HEAD)
        cohort: EIG 4

    """
}

/// Remote URLs: credentials never come from the manifest, and never reach any output.
public enum RemoteURL {
    /// A reason to refuse `url`: a credential written into it. A password in the user information, a
    /// user name on HTTP(S) (`https://<token>@host` is how tokens get pasted), a query string
    /// (`?private_token=`) or a fragment (`#ghp_…`): git never needs the last two, and vigie cannot
    /// tell a token from anything else there. The message shows the URL masked (`masked(_:)`).
    static func credentialProblem(_ url: String) -> LocalizedText? {
        guard let components = URLComponents(string: url) else { return nil }
        let isHTTP = ["http", "https"].contains(components.scheme?.lowercased() ?? "")
        let hasCredential = components.password != nil || (isHTTP && !(components.user ?? "").isEmpty)
            || components.query != nil || components.fragment != nil
        guard hasCredential else { return nil }
        let shown = masked(url)
        return LocalizedText(
            fr: "l'URL \(shown) contient un identifiant, un paramètre ou un fragment qui peut être un jeton : retirez-le et nommez une variable d'environnement avec « token_env »",
            en: "the URL \(shown) holds a user, a query or a fragment that may be a token: remove it and name an environment variable with 'token_env'")
    }

    /// `url` with its user information, each query value and its fragment replaced by •••: what an
    /// error message may show of a refused URL.
    public static func masked(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        let hidden = "•••"
        if components.user != nil { components.percentEncodedUser = hidden.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) }
        if components.password != nil { components.percentEncodedPassword = nil }
        if let items = components.queryItems { components.queryItems = items.map { URLQueryItem(name: $0.value == nil ? hidden : $0.name, value: $0.value == nil ? nil : hidden) } }
        if components.fragment != nil { components.fragment = hidden }
        return (components.string ?? url).removingPercentEncoding ?? url
    }

    /// The URL without user information, for every output.
    public static func display(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.scheme != nil, components.user != nil || components.password != nil else { return url }
        components.user = nil
        components.password = nil
        return components.string ?? url
    }

    /// A cache folder name for `url`: readable, made of safe characters only, and unique by a hash, so
    /// no URL can point the cache outside its folder.
    static func cacheName(_ url: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in url.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let readable = display(url).split(whereSeparator: { "/:@".contains($0) }).suffix(2).joined(separator: "-")
        let safe = String(readable.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_".unicodeScalars.contains(scalar)) ? Character(scalar) : "_"
        }).prefix(60)
        return "\(safe.isEmpty ? "repository" : String(safe))-\(String(hash, radix: 16)).git"
    }
}
