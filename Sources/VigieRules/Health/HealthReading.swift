import VigieCore

extension RepositorySnapshot {
    /// The text of `entry` if it is at most `cap` bytes, nil when it is larger (it is then not read:
    /// the caller says so in its result). Other read errors are thrown: the check cannot be made.
    func readText(_ entry: SnapshotEntry, within cap: Int) throws -> String? {
        do {
            return try text(of: entry, cap: Int64(cap))
        } catch is ContentTooLarge {
            return nil
        }
    }
}

extension LocalizedText {
    /// "1 fichier", "0 fichier", "2 fichiers" / "1 file", "0 files", "2 files": French takes the
    /// singular up to 1, English only for 1.
    static func quantity(_ number: Int, fr: (String, String), en: (String, String)) -> LocalizedText {
        LocalizedText(fr: "\(number) \(number <= 1 ? fr.0 : fr.1)", en: "\(number) \(number == 1 ? en.0 : en.1)")
    }

    /// "a, b et c" / "a, b and c".
    static func series(_ items: [String]) -> LocalizedText {
        guard let last = items.last else { return .same("") }
        guard items.count > 1 else { return .same(last) }
        let head = items.dropLast().joined(separator: ", ")
        return LocalizedText(fr: "\(head) et \(last)", en: "\(head) and \(last)")
    }
}

/// The message of a file over a read cap, for rules that report instead of guessing.
func notReadOverCap(_ entry: SnapshotEntry, in snapshot: RepositorySnapshot, cap: Int, parameter: String) -> LocalizedText {
    let size = snapshot.size(of: entry).map(String.init) ?? "?"
    return LocalizedText(fr: "\(entry.path) fait \(size) octets, au-delà de \(parameter) (\(cap)) : il n'a pas été lu.",
                         en: "\(entry.path) is \(size) bytes, over \(parameter) (\(cap)): it was not read.")
}
