/// A path pattern: `*` matches within one folder, `**/` any number of folders, `?` one character;
/// everything else is literal. Compared without case by default (LICENSE, License, license).
public struct Glob: @unchecked Sendable, CustomStringConvertible { // Regex is immutable; not yet marked Sendable
    public let pattern: String
    private let regex: Regex<AnyRegexOutput>
    public let caseSensitive: Bool

    public init(_ pattern: String, caseSensitive: Bool = false) throws {
        self.pattern = pattern
        self.caseSensitive = caseSensitive
        var source = "^"
        var characters = Array(pattern)[...]
        while let character = characters.popFirst() {
            switch character {
            case "*":
                if characters.first == "*" {
                    characters = characters.dropFirst()
                    if characters.first == "/" {
                        characters = characters.dropFirst()
                        source += "(?:.*/)?"
                    } else {
                        source += ".*"
                    }
                } else {
                    source += "[^/]*"
                }
            case "?":
                source += "[^/]"
            default:
                source += Self.escape(character)
            }
        }
        source += "$"
        let compiled = try Regex(source)
        regex = caseSensitive ? compiled : compiled.ignoresCase()
    }

    public func matches(_ path: String) -> Bool { path.wholeMatch(of: regex) != nil }

    /// True when the pattern has no wildcard: a plain path.
    public var isLiteral: Bool { !pattern.contains("*") && !pattern.contains("?") }

    public var description: String { pattern }

    private static func escape(_ character: Character) -> String {
        "\\^$.|+()[]{}".contains(character) ? "\\" + String(character) : String(character)
    }
}
