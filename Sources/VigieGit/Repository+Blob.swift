import CLibGit2

extension Repository {
    /// The bytes of a blob, read only if its size is at most `cap` (a 2 GB blob costs one header read).
    public func readBlob(_ id: ObjectID, cap: Int64) throws -> [UInt8] {
        let size = try objectSize(id)
        guard size <= cap else { throw BlobTooLarge(id: id, size: size, cap: cap) }
        return try readObjectBytes(id)
    }

    /// The raw bytes of any object (a commit's header, a blob's content).
    func readObjectBytes(_ id: ObjectID) throws(GitError) -> [UInt8] {
        var oid = id.raw
        var object: OpaquePointer?
        try check(git_odb_read(&object, odb, &oid), "git_odb_read")
        defer { git_odb_object_free(object) }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }
}
