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
        try withRawObject(id) { _, bytes in Array(bytes) }
    }

    /// Calls `body` with an object's type and raw bytes, read once. A loose object is inflated and
    /// checked by vigie (`LooseObjects`) and never reaches libgit2; a packed one is read by
    /// `git_odb_read`, whose buffer `body` sees without a copy (the history walk's hot path).
    func withRawObject<T>(_ id: ObjectID, _ body: (LooseObjectType?, UnsafeRawBufferPointer) throws(GitError) -> T) throws(GitError) -> T {
        if let object = try loose.read(id) {
            // withUnsafeBytes rethrows untyped errors: carry the GitError out as a value.
            let result: Result<T, GitError> = object.body.withUnsafeBytes { bytes in
                do throws(GitError) { return .success(try body(object.type, bytes)) } catch { return .failure(error) }
            }
            return try result.get()
        }
        var oid = id.raw
        var object: OpaquePointer?
        try check(git_odb_read(&object, odb, &oid), "git_odb_read")
        defer { git_odb_object_free(object) }
        let type: LooseObjectType? = switch git_odb_object_type(object) {
        case GIT_OBJECT_COMMIT: .commit
        case GIT_OBJECT_TREE: .tree
        case GIT_OBJECT_BLOB: .blob
        case GIT_OBJECT_TAG: .tag
        default: nil
        }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return try body(type, UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(type, UnsafeRawBufferPointer(start: data, count: size))
    }
}
