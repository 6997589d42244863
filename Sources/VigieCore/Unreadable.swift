/// Why vigie could not read a file (or a folder, or a commit) of the audited repository.
/// What a partial audit is, and how it is scored: docs/architecture.md#partial-audits.
public enum UnreadableReason: Sendable, Equatable {
    /// Not in the object database, and the repository is a partial clone: expected, fetchable.
    case absentFromPartialClone
    /// Not in the object database, with nothing to explain it (a damaged or incomplete mirror).
    case absent
    /// In the object database but unreadable: libgit2's message says why.
    case corrupt(detail: String)
    /// Larger than the read cap: not read, by design.
    case overReadCap(size: Int64, cap: Int64)
    /// A Git LFS pointer: the content lives on an LFS server, git holds only its size.
    case lfsPointer(size: Int64?)
    /// Another repository's commit: never followed. The URL comes from `.gitmodules`.
    case submodule(url: String?)

    /// Stable code written in scorecards.
    public var code: String {
        switch self {
        case .absentFromPartialClone: "absent_partial_clone"
        case .absent: "absent"
        case .corrupt: "corrupt"
        case .overReadCap: "over_read_cap"
        case .lfsPointer: "lfs_pointer"
        case .submodule: "submodule"
        }
    }

    /// True when the missing content is a defect of this copy of the repository, which makes the audit
    /// partial. A file over the read cap or a submodule is left out by design, on every copy alike; an
    /// LFS pointer counts only when a rule needed its content (see `RepositorySnapshot`).
    public var makesAuditPartial: Bool {
        switch self {
        case .absentFromPartialClone, .absent, .corrupt, .lfsPointer: true
        case .overReadCap, .submodule: false
        }
    }

    public var localizedText: LocalizedText {
        switch self {
        case .absentFromPartialClone:
            LocalizedText(fr: "absent de ce clone partiel", en: "absent from this partial clone")
        case .absent:
            LocalizedText(fr: "objet absent du dépôt", en: "object missing from the repository")
        case .corrupt(let detail):
            LocalizedText(fr: "objet corrompu (\(detail))", en: "corrupt object (\(detail))")
        case .overReadCap(let size, let cap):
            LocalizedText(fr: "\(size) octets, au-delà de la limite de lecture (\(cap))", en: "\(size) bytes, over the read cap (\(cap))")
        case .lfsPointer(let size):
            LocalizedText(fr: "pointeur Git LFS" + (size.map { " (fichier de \($0) octets hors de git)" } ?? ""),
                          en: "Git LFS pointer" + (size.map { " (a \($0)-byte file kept outside git)" } ?? ""))
        case .submodule(let url):
            LocalizedText(fr: "sous-module" + (url.map { " (\($0)), non suivi" } ?? ", non suivi"),
                          en: "submodule" + (url.map { " (\($0)), not followed" } ?? ", not followed"))
        }
    }

    /// What makes the content readable again.
    public var fix: LocalizedText {
        switch self {
        case .absentFromPartialClone:
            LocalizedText(fr: "récupérez les objets (`git fetch --refetch`, ou un clone sans `--filter`)",
                          en: "fetch the objects (`git fetch --refetch`, or a clone without `--filter`)")
        case .absent, .corrupt:
            LocalizedText(fr: "lancez `git fsck` et clonez à nouveau le dépôt depuis sa source",
                          en: "run `git fsck` and clone the repository again from its source")
        case .overReadCap:
            LocalizedText(fr: "un fichier de cette taille n'est pas lu, pour borner la durée et la mémoire de l'audit",
                          en: "a file this large is not read, to bound the audit's time and memory")
        case .lfsPointer:
            LocalizedText(fr: "versionnez ce fichier dans git plutôt que dans Git LFS s'il doit être audité",
                          en: "keep this file in git rather than Git LFS if it must be audited")
        case .submodule:
            LocalizedText(fr: "auditez le sous-module à part", en: "audit the submodule on its own")
        }
    }
}

/// A path of the audited tree that could not be read, and why. `isFolder` marks a folder whose own
/// tree object is missing: none of its files are known.
public struct UnreadableEntry: Sendable, Equatable {
    public let path: String
    public let reason: UnreadableReason
    public let isFolder: Bool

    public init(path: String, reason: UnreadableReason, isFolder: Bool = false) {
        self.path = path
        self.reason = reason
        self.isFolder = isFolder
    }
}

/// A commit the history walk could not read: the history stops there, like at a shallow boundary.
public struct HistoryGap: Sendable, Equatable {
    /// The unreadable commit, and the commit whose parent it is.
    public let commit: String
    public let child: String
    public let reason: UnreadableReason

    public init(commit: String, child: String, reason: UnreadableReason) {
        self.commit = commit
        self.child = child
        self.reason = reason
    }
}

/// Thrown when a rule asks for a file whose content cannot be read: the rule becomes an `error`
/// naming the file and the reason, and the audit goes on.
public struct UnreadableContent: LocalizedFailure, Equatable {
    public let path: String
    public let reason: UnreadableReason

    public init(path: String, reason: UnreadableReason) {
        self.path = path
        self.reason = reason
    }

    public var localizedText: LocalizedText {
        LocalizedText(fr: "\(path) illisible : \(reason.localizedText.fr) ; \(reason.fix.fr)",
                      en: "cannot read \(path): \(reason.localizedText.en); \(reason.fix.en)")
    }
}

/// What the snapshot knows of a file before its content is read.
public enum EntryState: Sendable, Equatable {
    case readable(size: Int64)
    case unreadable(UnreadableReason)
}

extension Sequence where Element == UnreadableReason {
    /// The distinct fixes for these reasons, each a sentence, in a stable order.
    public var fixSentences: LocalizedText {
        let fixes = Set(map(\.fix)).sorted { $0.en < $1.en }
        let sentence = { (text: String) in text.prefix(1).uppercased() + text.dropFirst() + "." }
        return LocalizedText(fr: fixes.map { sentence($0.fr) }.joined(separator: " "),
                             en: fixes.map { sentence($0.en) }.joined(separator: " "))
    }
}
