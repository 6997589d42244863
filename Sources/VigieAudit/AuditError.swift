public import VigieRules
public import VigieGit

/// Why an audit could not produce a scorecard. Each case carries what the user gave and what
/// libgit2 said; the CLI turns it into one line, a hint and an exit code (VigieCLI/ErrorReporting.swift).
public enum AuditError: Error, Sendable {
    /// The path does not exist.
    case pathNotFound(path: String)
    /// The path exists but neither it nor a folder above it is a git repository.
    case notARepository(path: String)
    /// `--ref` names nothing in the repository.
    case unknownRevision(path: String, revision: String, detail: String)
    /// An object the audit needs is missing or corrupt.
    case corruptRepository(path: String, detail: String)
    /// Any other libgit2 failure while reading.
    case unreadableRepository(path: String, error: GitError)
    /// No rules folder was found in any of the places searched.
    case rulesNotFound(searched: [String])
    /// The rule set or its data is invalid.
    case invalidRules(ConfigurationErrors)
}
