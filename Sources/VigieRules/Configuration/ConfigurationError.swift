public import VigieCore

/// A problem in a YAML file vigie reads (rule set, rule data), located as `file:line:column`.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: LocalizedText

    public init(file: String, line: Int, column: Int, message: LocalizedText) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var location: String { line > 0 ? "\(file):\(line):\(column)" : file }
    public var description: String { "\(location): \(message.en)" }
}

/// Every problem found in a set of files: the loader reports them all at once, never a silent fallback.
public struct ConfigurationErrors: Error, Sendable, Equatable {
    public let errors: [ConfigurationError]
    public init(_ errors: [ConfigurationError]) { self.errors = errors }
}
