import CLibGit2

/// Writes repositories object by object, for tests: fixtures are built at test time from specs,
/// never committed. `package` access keeps it out of vigie's public API.
package final class RepositoryWriter {
    let repository: Repository

    /// Creates a new repository at `path` (a bare one when `bare`), with HEAD on `initialBranch`.
    package init(creatingAt path: String, bare: Bool, initialBranch: String = "main") throws {
        _ = LibGit2.initialized
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | (bare ? GIT_REPOSITORY_INIT_BARE.rawValue : 0)
        var created: OpaquePointer?
        let status = initialBranch.withCString { branch in
            options.initial_head = branch
            return git_repository_init_ext(&created, path, &options)
        }
        try check(status, "git_repository_init_ext")
        git_repository_free(created)
        repository = try Repository(discoveringFrom: path)
    }

    /// Stores bytes as a blob.
    package func blob(_ bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        try check(bytes.withUnsafeBytes { git_blob_create_from_buffer(&oid, repository.pointer, $0.baseAddress, $0.count) },
                  "git_blob_create_from_buffer")
        return ObjectID(oid)
    }

    /// Builds the nested trees for a flat list of files (paths split on "/") and returns the root tree.
    package func tree(_ files: [(path: [UInt8], blob: ObjectID, mode: UInt32)]) throws -> ObjectID {
        var direct: [(name: [UInt8], id: ObjectID, mode: UInt32)] = []
        var nested: [[UInt8]: [(path: [UInt8], blob: ObjectID, mode: UInt32)]] = [:]
        for file in files {
            if let slash = file.path.firstIndex(of: UInt8(ascii: "/")) {
                nested[Array(file.path[..<slash]), default: []].append((Array(file.path[(slash + 1)...]), file.blob, file.mode))
            } else {
                direct.append((file.path, file.blob, file.mode))
            }
        }
        for (name, children) in nested {
            direct.append((name, try tree(children), GIT_FILEMODE_TREE.rawValue))
        }
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, repository.pointer, nil), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }
        for entry in direct {
            var oid = entry.id.raw
            let status = (entry.name + [0]).withUnsafeBufferPointer { name in
                name.withMemoryRebound(to: CChar.self) {
                    git_treebuilder_insert(nil, builder, $0.baseAddress, &oid, git_filemode_t(entry.mode))
                }
            }
            try check(status, "git_treebuilder_insert")
        }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder), "git_treebuilder_write")
        return ObjectID(oid)
    }

    /// Creates a commit without moving any reference.
    package func commit(tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String) throws -> ObjectID {
        var treeOID = tree.raw
        var treeObject: OpaquePointer?
        try check(git_tree_lookup(&treeObject, repository.pointer, &treeOID), "git_tree_lookup")
        defer { git_tree_free(treeObject) }
        var parentObjects: [OpaquePointer?] = []
        defer { parentObjects.forEach { git_commit_free($0) } }
        for parent in parents {
            var oid = parent.raw
            var object: OpaquePointer?
            try check(git_commit_lookup(&object, repository.pointer, &oid), "git_commit_lookup")
            parentObjects.append(object)
        }
        let authorSignature = try makeSignature(author)
        defer { git_signature_free(authorSignature) }
        let committerSignature = try makeSignature(committer)
        defer { git_signature_free(committerSignature) }
        var oid = git_oid()
        let status = parentObjects.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&oid, repository.pointer, nil, authorSignature, committerSignature, "UTF-8", message,
                              treeObject, buffer.count, buffer.baseAddress)
        }
        try check(status, "git_commit_create")
        return ObjectID(oid)
    }

    private func makeSignature(_ signature: Signature) throws -> UnsafeMutablePointer<git_signature>? {
        var result: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&result, signature.name, signature.email, git_time_t(signature.time), signature.offsetMinutes),
                  "git_signature_new")
        return result
    }

    /// Points `refs/heads/<name>` (or any full reference name) at a commit.
    package func setReference(_ name: String, to id: ObjectID) throws {
        var oid = id.raw
        var reference: OpaquePointer?
        try check(git_reference_create(&reference, repository.pointer, name, &oid, 1, nil), "git_reference_create")
        git_reference_free(reference)
    }

    /// Makes HEAD a symbolic reference to `refs/heads/<branch>`.
    package func setHead(branch: String) throws {
        try check(git_repository_set_head(repository.pointer, "refs/heads/" + branch), "git_repository_set_head")
    }

    /// Detaches HEAD at a commit.
    package func detachHead(at id: ObjectID) throws {
        var oid = id.raw
        try check(git_repository_set_head_detached(repository.pointer, &oid), "git_repository_set_head_detached")
    }

    /// Creates a lightweight tag, or an annotated one when `message` is given.
    package func tag(_ name: String, at id: ObjectID, tagger: Signature?, message: String?) throws {
        var oid = id.raw
        var target: OpaquePointer?
        try check(git_object_lookup(&target, repository.pointer, &oid, GIT_OBJECT_COMMIT), "git_object_lookup")
        defer { git_object_free(target) }
        var tagOID = git_oid()
        if let message, let tagger {
            let signature = try makeSignature(tagger)
            defer { git_signature_free(signature) }
            try check(git_tag_create(&tagOID, repository.pointer, name, target, signature, message, 0), "git_tag_create")
        } else {
            try check(git_tag_create_lightweight(&tagOID, repository.pointer, name, target, 0), "git_tag_create_lightweight")
        }
    }
}
