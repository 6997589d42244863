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

    /// The tag's commit is found by `peelToCommit` (vigie's checked reader, lenient commit parsing);
    /// libgit2 then reads the tag object itself only once it has passed that check.
    private func tagRecord(named name: String) throws(GitError) -> TagRecord? {
        var reference: OpaquePointer?
        try check(git_reference_lookup(&reference, pointer, "refs/tags/" + name), "git_reference_lookup")
        defer { git_reference_free(reference) }
        // A tag is a direct reference; resolving it again would cost libgit2 another look at packed-refs.
        var resolved: OpaquePointer?
        if git_reference_type(reference) != GIT_REFERENCE_DIRECT {
            guard git_reference_resolve(&resolved, reference) == 0 else { return nil }
        }
        defer { git_reference_free(resolved) }
        guard let target = git_reference_target(resolved ?? reference) else { return nil }
        let direct = ObjectID(target.pointee)
        let commit: ResolvedCommit
        do {
            commit = try peelToCommit(direct, revision: "refs/tags/" + name)
        } catch {
            if error.code == .invalidSpec || error.isAbsentObject || error.isCorruptOrMissingObject { return nil }
            throw error
        }
        var time = commit.time
        var annotated = false
        if direct != commit.id {
            var tag: OpaquePointer?
            var oid = direct.raw
            if git_tag_lookup(&tag, pointer, &oid) == 0 {
                defer { git_tag_free(tag) }
                annotated = true
                if let tagger = git_tag_tagger(tag) { time = Int64(tagger.pointee.when.time) }
            }
        }
        return TagRecord(name: name, target: commit.id, time: time, annotated: annotated)
    }
}
