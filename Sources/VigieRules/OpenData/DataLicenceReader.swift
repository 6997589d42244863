import Foundation
import VigieCore

/// Finds the licences a repository gives its data: `licenses` in datapackage.json and TableSchema
/// files, licence files of the data folders (or `LICENSE-DATA` at the root), the repository's own
/// licence when it is a data licence (etalab-2.0, ODbL-1.0), and the names or links in the READMEs.
struct DataLicenceReader {
    let snapshot: RepositorySnapshot
    let data: RuleData
    let reader: BudgetedReader
    /// Looked up once: `data.openData` finds and casts the section at each call (30 M instructions on
    /// git/git when it was asked for each of 4,800 paths).
    let conventions: OpenDataConventions

    init(snapshot: RepositorySnapshot, data: RuleData, reader: BudgetedReader) {
        self.snapshot = snapshot
        self.data = data
        self.reader = reader
        conventions = data.openData
    }

    func licences(packages: DataPackageCheck) throws -> [OpenDataAnalysis.DataLicence] {
        var found: [OpenDataAnalysis.DataLicence] = []
        for package in packages.packages {
            for (name, position) in package.licences {
                found.append(licence(resolve(name), path: package.path, line: position.line, source: package.kind.rawValue))
            }
        }
        let identifier = LicenceIdentifier(data: data)
        for entry in snapshot.entries where isDataLicenceFile(entry) {
            guard let text = try reader.text(of: entry)?.text else { continue }
            let identified = identifier.identify(text).compactMap(\.spdx)
            let named = names(in: FoldedText(text)).map(\.licence.id)
            let ids = identified.isEmpty ? (named.isEmpty ? ["NOASSERTION"] : named) : identified
            for id in Set(ids).sorted() { found.append(licence(id, path: entry.path, line: nil, source: "licence_file")) }
        }
        // The repository's own licence counts when it is a data licence: recognised from its full text,
        // or, for a short file the fingerprints cannot recognise, named in it (« Licence Ouverte 2.0 »).
        for detection in try LicenceAnalysis.of(snapshot, data: data).detections {
            if let spdx = detection.match.spdx {
                guard data.policy.data.contains(data.policy.canonical(spdx).lowercased()) else { continue }
                found.append(licence(spdx, path: detection.path, line: nil, source: "repository_licence"))
            } else if let entry = snapshot.entry(at: detection.path), let decoded = try reader.text(of: entry) {
                for (named, line) in names(in: FoldedText(decoded.text)) {
                    found.append(licence(named.id, path: entry.path, line: line, source: "repository_licence"))
                }
            }
        }
        for entry in try readmes() {
            guard let decoded = try reader.text(of: entry) else { continue }
            let bytes = decoded.utf8
            for (licence, line) in names(in: FoldedText(decoded.text)) {
                found.append(self.licence(licence.id, path: entry.path, line: line, source: "readme"))
            }
            let lowered = asciiLowercased(bytes)
            let lines = LineIndex(bytes)
            for candidate in conventions.licences {
                for url in candidate.urls {
                    if let offset = firstOffset(of: Array(url.utf8), in: lowered) {
                        found.append(licence(candidate.id, path: entry.path, line: lines.line(at: offset), source: "readme"))
                    }
                }
            }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert("\($0.id.lowercased()) \($0.path) \($0.source)").inserted }
    }

    func licence(_ id: String, path: String, line: Int?, source: String) -> OpenDataAnalysis.DataLicence {
        let canonical = data.policy.canonical(id)
        return OpenDataAnalysis.DataLicence(
            id: canonical, path: path, line: line, source: source,
            onList: data.policy.data.contains(canonical.lowercased()),
            olderVersion: conventions.licences.first { $0.id.lowercased() == canonical.lowercased() }?.olderVersion ?? false)
    }

    /// A declared name or URL as a licence id: an SPDX id or alias, a known URL, a known name; else the text itself.
    func resolve(_ name: String) -> String {
        let canonical = data.policy.canonical(name.trimmingCharacters(in: .whitespaces))
        if let known = conventions.licences.first(where: { $0.id.lowercased() == canonical.lowercased() }) { return known.id }
        if data.policy.data.contains(canonical.lowercased()) { return canonical }
        if let byURL = conventions.licence(url: name) { return byURL.id }
        if let byName = names(in: FoldedText(name, markup: false)).first { return byName.licence.id }
        return canonical
    }

    /// Licence names in a text; a name inside a longer one already found (more specific, listed first) is not counted again.
    func names(in text: FoldedText) -> [(licence: DataLicenceName, line: Int)] {
        var claimed: [Range<Int>] = []
        var found: [(DataLicenceName, Int, Int)] = []
        for licence in conventions.licences {
            for phrase in licence.names {
                let length = FoldedText.wordCount(of: phrase)
                for index in text.occurrences(of: phrase) {
                    let range = index..<(index + length)
                    guard !claimed.contains(where: { $0.overlaps(range) }) else { continue }
                    claimed.append(range)
                    found.append((licence, index, text.line(ofWord: index)))
                }
            }
        }
        var seen: Set<String> = []
        return found.sorted { $0.1 < $1.1 }.filter { seen.insert($0.0.id).inserted }.map { ($0.0, $0.2) }
    }

    func isDataLicenceFile(_ entry: SnapshotEntry) -> Bool {
        // The name first: it rules out nearly every file, for less than the folder tests cost.
        let name = String(entry.name)
        if entry.isAtRoot { return LicenceAnalysis.hasStem(name, conventions.licenceFilesAtRoot) && conventions.isIncluded(entry) }
        return LicenceAnalysis.hasStem(name, conventions.licenceFilesInDataFolders) && conventions.isIncluded(entry) && conventions.isInDataFolder(entry)
    }

    /// The root README and the READMEs of data folders.
    func readmes() throws -> [SnapshotEntry] {
        var files: [SnapshotEntry] = []
        let readmeStems = data.files.readmeStems
        if let root = try ReadmeAnalysis.of(snapshot, data: data).file { files.append(root) }
        files += snapshot.entries.filter {
            !$0.isAtRoot && LicenceAnalysis.hasStem(String($0.name), readmeStems)
                && conventions.isIncluded($0) && conventions.isInDataFolder($0)
        }
        return files
    }
}
