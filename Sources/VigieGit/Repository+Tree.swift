import CLibGit2

extension Repository {
    /// Every entry of the tree, recursively, in git's tree order. Sizes come from object headers,
    /// so no blob is inflated here.
    public func listTree(_ treeID: ObjectID) throws(GitError) -> [TreeEntry] {
        var entries: [TreeEntry] = []
        try appendEntries(of: treeID, under: GitPath(bytes: []), to: &entries)
        return entries
    }

    private func appendEntries(of treeID: ObjectID, under prefix: GitPath, to entries: inout [TreeEntry]) throws(GitError) {
        var oid = treeID.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
        defer { git_tree_free(tree) }
        let count = git_tree_entrycount(tree)
        for index in 0..<count {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let name = cStringBytes(git_tree_entry_name(entry))
            let path = prefix.appending(name)
            let id = ObjectID(git_tree_entry_id(entry).pointee)
            let mode = git_tree_entry_filemode(entry).rawValue
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_TREE:
                try appendEntries(of: id, under: path, to: &entries)
            case GIT_OBJECT_COMMIT:
                entries.append(TreeEntry(path: path, kind: .submodule, mode: mode, size: 0, id: id))
            default:
                let kind: EntryKind = switch mode {
                case GIT_FILEMODE_BLOB_EXECUTABLE.rawValue: .executable
                case GIT_FILEMODE_LINK.rawValue: .symlink
                default: .file
                }
                entries.append(TreeEntry(path: path, kind: kind, mode: mode, size: try objectSize(id), id: id))
            }
        }
    }

    /// The size of an object from its header, without inflating a loose object's body.
    public func objectSize(_ id: ObjectID) throws(GitError) -> Int64 {
        var oid = id.raw
        var length = 0
        var type = GIT_OBJECT_ANY
        try check(git_odb_read_header(&length, &type, odb, &oid), "git_odb_read_header")
        return Int64(length)
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
