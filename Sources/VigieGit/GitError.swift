import CLibGit2

/// A failed libgit2 call: the status code, libgit2's own error class and message, and the C function that failed.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The status codes vigie reacts to; everything else is `.other`.
    public enum Code: Sendable, Equatable {
        case notFound, exists, ambiguous, unbornBranch, invalidSpec, owner, other(Int32)

        init(_ status: Int32) {
            switch status {
            case GIT_ENOTFOUND.rawValue: self = .notFound
            case GIT_EEXISTS.rawValue: self = .exists
            case GIT_EAMBIGUOUS.rawValue: self = .ambiguous
            case GIT_EUNBORNBRANCH.rawValue: self = .unbornBranch
            case GIT_EINVALIDSPEC.rawValue: self = .invalidSpec
            case GIT_EOWNER.rawValue: self = .owner
            default: self = .other(status)
            }
        }
    }

    /// libgit2's error class, reduced to the families the audit tells apart.
    public enum Category: Sendable, Equatable {
        case repository, reference, object, odb, zlib, tree, filesystem, other(Int32)

        init(_ klass: Int32) {
            switch UInt32(bitPattern: klass) {
            case GIT_ERROR_REPOSITORY.rawValue: self = .repository
            case GIT_ERROR_REFERENCE.rawValue: self = .reference
            case GIT_ERROR_OBJECT.rawValue: self = .object
            case GIT_ERROR_ODB.rawValue: self = .odb
            case GIT_ERROR_ZLIB.rawValue: self = .zlib
            case GIT_ERROR_TREE.rawValue: self = .tree
            case GIT_ERROR_OS.rawValue: self = .filesystem
            default: self = .other(klass)
            }
        }
    }

    public let code: Code
    public let category: Category
    /// libgit2's message, read on the failing thread right after the call (it is thread-local).
    public let message: String
    /// The libgit2 function that failed, e.g. "git_repository_open_ext".
    public let operation: String

    public init(code: Code, category: Category, message: String, operation: String) {
        self.code = code
        self.category = category
        self.message = message
        self.operation = operation
    }

    /// True when the object database could not deliver an object: missing, truncated or corrupt.
    public var isCorruptOrMissingObject: Bool {
        switch category {
        case .odb, .zlib, .object: return true
        default: return code == .notFound && operation.hasPrefix("git_odb")
        }
    }

    /// True when the object is simply not in the object database (a partial clone, a deleted file),
    /// as opposed to present but unreadable.
    public var isAbsentObject: Bool { code == .notFound }

    public var description: String { "\(operation): \(message)" }
}

/// Checks a libgit2 status: 0 or more is success, a negative value becomes a `GitError`.
@discardableResult
func check(_ status: Int32, _ operation: StaticString) throws(GitError) -> Int32 {
    guard status < 0 else { return status }
    throw lastError(status, operation)
}

/// Builds the error for a failed call. Must run on the same thread as the failing call, before any other libgit2 call.
func lastError(_ status: Int32, _ operation: StaticString) -> GitError {
    let last = git_error_last()
    let message = last.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "libgit2 returned \(status)"
    let klass = last?.pointee.klass ?? 0
    return GitError(
        code: GitError.Code(status),
        category: GitError.Category(klass),
        message: message,
        operation: "\(operation)"
    )
}
