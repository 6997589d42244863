import CLibGit2

/// A tree listed recursively: its entries, and the folders whose tree object could not be read
/// (absent from a partial clone made with `--filter=tree:…`, or corrupt).
public struct TreeListing: Sendable {
    public var entries: [TreeEntry] = []
    public var unreadableFolders: [UnreadableFolder] = []
}

/// A folder of the tree whose own tree object could not be read: its files are unknown.
public struct UnreadableFolder: Sendable, Equatable {
    public let path: GitPath
    public let id: ObjectID
    public let error: GitError
}

extension Repository {
    /// Every entry of the tree, recursively, in git's tree order. Reads tree objects only: no blob,
    /// not even a blob's header, so an absent or corrupt blob cannot stop the listing. Only the root
    /// tree is required; a sub-folder that cannot be read is reported in `unreadableFolders`.
    public func listTree(_ treeID: ObjectID) throws(GitError) -> TreeListing {
        var listing = TreeListing()
        let root = try lookupTree(treeID)
        defer { git_tree_free(root) }
        appendEntries(of: root, under: GitPath(bytes: []), to: &listing)
        return listing
    }

    private func lookupTree(_ id: ObjectID) throws(GitError) -> OpaquePointer? {
        try loose.validate(id)
        var oid = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
        return tree
    }

    private func appendEntries(of tree: OpaquePointer?, under prefix: GitPath, to listing: inout TreeListing) {
        let count = git_tree_entrycount(tree)
        for index in 0..<count {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let name = cStringBytes(git_tree_entry_name(entry))
            let path = prefix.appending(name)
            let id = ObjectID(git_tree_entry_id(entry).pointee)
            let mode = git_tree_entry_filemode(entry).rawValue
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_TREE:
                do {
                    let subtree = try lookupTree(id)
                    defer { git_tree_free(subtree) }
                    appendEntries(of: subtree, under: path, to: &listing)
                } catch {
                    listing.unreadableFolders.append(UnreadableFolder(path: path, id: id, error: error))
                }
            case GIT_OBJECT_COMMIT:
                listing.entries.append(TreeEntry(path: path, kind: .submodule, mode: mode, id: id))
            default:
                let kind: EntryKind = switch mode {
                case GIT_FILEMODE_BLOB_EXECUTABLE.rawValue: .executable
                case GIT_FILEMODE_LINK.rawValue: .symlink
                default: .file
                }
                listing.entries.append(TreeEntry(path: path, kind: kind, mode: mode, id: id))
            }
        }
    }
}

/// The bytes of a NUL-terminated C string, without decoding them.
func cStringBytes(_ string: UnsafePointer<CChar>) -> [UInt8] {
    var bytes: [UInt8] = []
    var cursor = string
    while cursor.pointee != 0 {
        bytes.append(UInt8(bitPattern: cursor.pointee))
        cursor += 1
    }
    return bytes
}
