extension RepositorySnapshot {
    /// How many unreadable entries `facts.repository.unreadable.entries` lists; `count` has them all.
    public static let listedUnreadable = 20

    /// `facts.repository`: whether the audit read everything it should have, and what it could not
    /// read, with reasons. Written after every rule has run, so that it includes what they met.
    public func integrityFacts() -> JSONValue {
        let unreadable = self.unreadable
        let partial = partialBecause
        var history: [String: JSONValue] = ["walked": .bool(historyGaps != nil)]
        if let historyGaps {
            history["complete"] = .bool(historyGaps.isEmpty)
            history["gaps"] = .array(historyGaps.map(\.json))
        }
        return .object([
            "complete": .bool(!isPartial),
            "partial_clone": .bool(unreadable.contains { $0.reason == .absentFromPartialClone }),
            "unreadable": .object([
                "count": .int(unreadable.count),
                "partial_count": .int(partial.count),
                "entries": .array(unreadable.prefix(Self.listedUnreadable).map(\.json)),
            ]),
            "history": .object(history),
        ])
    }
}

extension UnreadableEntry {
    var json: JSONValue {
        var object: [String: JSONValue] = [
            "path": .string(path),
            "kind": .string(isFolder ? "folder" : "file"),
        ]
        object.merge(reason.json) { first, _ in first }
        return .object(object)
    }
}

extension HistoryGap {
    var json: JSONValue {
        var object: [String: JSONValue] = ["commit": .string(commit), "child": .string(child)]
        object.merge(reason.json) { first, _ in first }
        return .object(object)
    }
}

extension UnreadableReason {
    /// `reason` (the stable code) and what goes with it: libgit2's message, a size, a URL.
    var json: [String: JSONValue] {
        var object: [String: JSONValue] = ["reason": .string(code)]
        switch self {
        case .corrupt(let detail): object["detail"] = .string(detail)
        case .overReadCap(let size, let cap): object["size"] = .int(Int(size)); object["cap"] = .int(Int(cap))
        case .lfsPointer(let size): object["size"] = size.map { .int(Int($0)) } ?? .null
        case .submodule(let url): object["url"] = url.map(JSONValue.string) ?? .null
        case .absent, .absentFromPartialClone: break
        }
        return object
    }
}
