import CLibGit2

extension Repository {
    /// Every tag that leads to a commit, sorted by name. Tags of trees or blobs are left out, and so
    /// are tags whose object or commit cannot be read (absent from a partial or damaged copy): a
    /// release list with one tag less, never an audit without releases.
    public func listTags() throws(GitError) -> [TagRecord] {
        var names = git_strarray()
        try check(git_tag_list(&names, pointer), "git_tag_list")
        defer { git_strarray_dispose(&names) }
        var tags: [TagRecord] = []
        for index in 0..<names.count {
            guard let cName = names.strings[index] else { continue }
            let name = String(cString: cName)
            if let tag = try tagRecord(named: name) { tags.append(tag) }
        }
        return tags.sorted { $0.name < $1.name }
    }

    /// The tag's commit is found by `resolveCommit` (vigie's checked reader, lenient commit parsing);
    /// libgit2 then reads the tag object itself only once it has passed that check.
    private func tagRecord(named name: String) throws(GitError) -> TagRecord? {
        let commit: ResolvedCommit
        do {
            commit = try resolveCommit("refs/tags/" + name)
        } catch {
            if error.code == .invalidSpec || error.isAbsentObject || error.isCorruptOrMissingObject { return nil }
            throw error
        }
        var reference: OpaquePointer?
        try check(git_reference_lookup(&reference, pointer, "refs/tags/" + name), "git_reference_lookup")
        defer { git_reference_free(reference) }
        var time = commit.time
        var annotated = false
        if let direct = git_reference_target(reference), ObjectID(direct.pointee) != commit.id {
            var tag: OpaquePointer?
            if git_tag_lookup(&tag, pointer, direct) == 0 {
                defer { git_tag_free(tag) }
                annotated = true
                if let tagger = git_tag_tagger(tag) { time = Int64(tagger.pointee.when.time) }
            }
        }
        return TagRecord(name: name, target: commit.id, time: time, annotated: annotated)
    }
}
