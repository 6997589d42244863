import CLibGit2

extension Repository {
    /// True when the object database holds `id`. Asks the pack indexes and the loose-object folder
    /// without reading the object, and without rescanning the packs on a miss: in a partial clone
    /// thousands of blobs are absent, and a rescan per miss would cost a directory listing each.
    public func contains(_ id: ObjectID) -> Bool {
        var oid = id.raw
        return git_odb_exists_ext(odb, &oid, GIT_ODB_LOOKUP_NO_REFRESH.rawValue) == 1
    }

    /// The size of an object from its header, without inflating a loose object's body.
    public func objectSize(_ id: ObjectID) throws(GitError) -> Int64 {
        // A loose object's header is read by vigie: libgit2 1.5.1's header read shares the zlib loop
        // that spins on a truncated object (LooseObjects.swift).
        if let header = try loose.header(id) { return Int64(header.size) }
        var oid = id.raw
        var length = 0
        var type = GIT_OBJECT_ANY
        try check(git_odb_read_header(&length, &type, odb, &oid), "git_odb_read_header")
        return Int64(length)
    }

    /// True for a partial clone, where absent objects are expected: a remote marked `promisor`
    /// (what `git clone --filter=…` writes) or `extensions.partialClone` in the configuration.
    public var isPartialClone: Bool {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0 else { return false }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        if git_config_get_string(&value, config, "extensions.partialclone") == 0, let value, value.pointee != 0 {
            return true
        }
        var iterator: OpaquePointer?
        guard git_config_iterator_glob_new(&iterator, config, #"^remote\..*\.promisor$"#) == 0 else { return false }
        defer { git_config_iterator_free(iterator) }
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let entry {
            var enabled: Int32 = 0
            if git_config_parse_bool(&enabled, entry.pointee.value) == 0, enabled == 1 { return true }
        }
        return false
    }
}
