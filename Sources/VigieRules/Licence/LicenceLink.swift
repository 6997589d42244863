import VigieCore

/// A link from a licence file that holds no licence text to a file of the repository that may:
/// `LICENSE.md` as a map, "The default license for this project is
/// [AGPL-3.0-or-later](./AGPL-3.0.LICENSE.md)", "[MIT](./front/LICENSE)" (france-connect/sources).
struct LicenceLink {
    let entry: SnapshotEntry
    /// The link's text: it may say the version rule the text itself does not (`-or-later`).
    let label: String
    /// The folder the linked text sits in ("front/"), nil at the root: a text in a folder is that
    /// folder's licence.
    var folder: String? {
        guard let slash = entry.path.lastIndex(of: "/") else { return nil }
        return String(entry.path[...slash])
    }

    // Built once (a regex literal is rebuilt at every evaluation).
    nonisolated(unsafe) private static let markdownLink = #/\[([^\]\n]{0,200})\]\(\s*([^()\s]{1,300})\s*\)/#
    /// Links followed from one file, at most.
    static let maxLinks = 10
    /// Largest linked file read (licence texts are a few tens of KiB).
    static let maxBytes: Int64 = 1 << 20

    /// The relative Markdown links of `text` that lead to files of the snapshot, in order, once each,
    /// when the link names a licence (`[MIT](./front/LICENSE.txt)`) or the file's name holds a licence
    /// name (`AGPL-3.0.LICENSE.md`, `docs/COPYING`): "see [the README](README.md)" is not followed.
    static func links(in text: String, from file: SnapshotEntry, snapshot: RepositorySnapshot, data: RuleData) -> [LicenceLink] {
        let base = file.path.lastIndex(of: "/").map { String(file.path[...$0]) } ?? ""
        var result: [LicenceLink] = []
        for match in text.matches(of: markdownLink) {
            guard result.count < maxLinks else { break }
            var target = String(match.2)
            if let fragment = target.firstIndex(of: "#") { target = String(target[..<fragment]) }
            while target.hasPrefix("./") { target.removeFirst(2) }
            // Only files inside the repository, named relatively: not a site, an anchor, an absolute path or a way out.
            guard !target.isEmpty, !target.contains(":"), !target.hasPrefix("/"), !target.split(separator: "/").contains("..") else { continue }
            guard let entry = snapshot.entry(at: base + target), entry.kind == .file || entry.kind == .executable,
                  entry.path != file.path, snapshot.size(of: entry).map({ $0 <= maxBytes }) ?? false,
                  !result.contains(where: { $0.entry.path == entry.path }) else { continue }
            let name = entry.name.uppercased()
            guard data.files.licenceStems.contains(where: { name.contains($0) }) || !DeclaredLicences.licencesNamed(in: String(match.1), data: data).isEmpty
            else { continue }
            result.append(LicenceLink(entry: entry, label: String(match.1)))
        }
        return result
    }

    /// The detection of the linked text, as the pointer file presents it: the folder it covers, and
    /// `-only` / `-or-later` when the text is bare and the link's text names the same licence with one.
    func applied(to detection: LicenceAnalysis.Detection) -> LicenceAnalysis.Detection {
        var match = detection.match
        if let id = match.spdx, id.licenceFamily == id.lowercased() {
            let named = label.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
                .first { $0.licenceFamily == id.lowercased() && $0.lowercased() != id.lowercased() }
            if let named {
                match = LicenceMatch(spdx: id + named.dropFirst(id.count), confidence: match.confidence, candidates: match.candidates,
                                     extraWords: match.extraWords, exception: match.exception, lines: match.lines,
                                     firstPhraseLine: match.firstPhraseLine)
            }
        }
        guard detection.role == .licence, let folder else { return LicenceAnalysis.Detection(path: detection.path, match: match, role: detection.role, scope: detection.scope) }
        return LicenceAnalysis.Detection(path: detection.path, match: match, role: .licence, scope: folder)
    }
}
