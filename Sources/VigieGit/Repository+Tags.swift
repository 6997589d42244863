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

    private func tagRecord(named name: String) throws(GitError) -> TagRecord? {
        var reference: OpaquePointer?
        try check(git_reference_lookup(&reference, pointer, "refs/tags/" + name), "git_reference_lookup")
        defer { git_reference_free(reference) }
        var commit: OpaquePointer?
        let status = git_reference_peel(&commit, reference, GIT_OBJECT_COMMIT)
        if status == GIT_EINVALIDSPEC.rawValue || status == GIT_EPEEL.rawValue { return nil }
        do {
            try check(status, "git_reference_peel")
        } catch {
            if error.isAbsentObject || error.isCorruptOrMissingObject { return nil }
            throw error
        }
        defer { git_object_free(commit) }
        let target = ObjectID(git_object_id(commit).pointee)
        var time = Int64(git_commit_time(commit))
        var annotated = false
        if let direct = git_reference_target(reference) {
            var tag: OpaquePointer?
            if git_tag_lookup(&tag, pointer, direct) == 0 {
                defer { git_tag_free(tag) }
                annotated = true
                if let tagger = git_tag_tagger(tag) { time = Int64(tagger.pointee.when.time) }
            }
        }
        return TagRecord(name: name, target: target, time: time, annotated: annotated)
    }
}
