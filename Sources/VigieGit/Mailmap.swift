import CLibGit2

/// A `.mailmap` (git's way of joining a person's several names and addresses), parsed by libgit2.
public final class Mailmap {
    private let pointer: OpaquePointer

    /// Parses the contents of a `.mailmap` file.
    public init(_ contents: [UInt8]) throws(GitError) {
        _ = LibGit2.initialized
        var mailmap: OpaquePointer?
        let contents = Self.withoutEmptyAddresses(contents)
        try check(contents.withUnsafeBytes { buffer in
            buffer.withMemoryRebound(to: CChar.self) { git_mailmap_from_buffer(&mailmap, $0.baseAddress, $0.count) }
        }, "git_mailmap_from_buffer")
        guard let mailmap else {
            throw GitError(code: .other(-1), category: .other(0), message: "no mailmap returned", operation: "git_mailmap_from_buffer")
        }
        pointer = mailmap
    }

    deinit { git_mailmap_free(pointer) }

    /// The file without its lines holding an empty address (`Name <>`): libgit2 1.5 fails on the whole
    /// file for one such line (and leaks), which would undo every other line's joins (found by the
    /// `mailmap` fuzz target, docs/reliability.md). git itself skips such a line's empty address.
    static func withoutEmptyAddresses(_ contents: [UInt8]) -> [UInt8] {
        guard contents.indices.contains(where: { contents[$0] == UInt8(ascii: "<") && contents.indices.contains($0 + 1) && contents[$0 + 1] == UInt8(ascii: ">") })
        else { return contents }
        let lines = contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let kept = lines.filter { line in
            !line.indices.contains { line[$0] == UInt8(ascii: "<") && line.indices.contains($0 + 1) && line[$0 + 1] == UInt8(ascii: ">") }
        }
        return Array(kept.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// The canonical name and e-mail for an identity found in a commit.
    public func resolve(name: String, email: String) throws(GitError) -> (name: String, email: String) {
        // libgit2 may hand back the very pointers it was given: copy them before the C strings go away.
        let (status, resolved) = name.withCString { cName in
            email.withCString { cEmail in
                var realName: UnsafePointer<CChar>?
                var realEmail: UnsafePointer<CChar>?
                let status = git_mailmap_resolve(&realName, &realEmail, pointer, cName, cEmail)
                return (status, (realName.map { String(cString: $0) } ?? name, realEmail.map { String(cString: $0) } ?? email))
            }
        }
        try check(status, "git_mailmap_resolve")
        return resolved
    }
}
