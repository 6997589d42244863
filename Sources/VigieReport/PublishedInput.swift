import Foundation
public import VigieCore

/// What `vigie site`, `vigie badge` and `vigie diff` read: a fleet output folder (its `index.json`
/// and the scorecards it lists), an `index.json` file, a scorecard file, or a folder holding a single
/// scorecard (`vigie audit --output`). Files named by an index are only looked up inside its folder.
public enum PublishedInput: Sendable {
    case scorecard(Scorecard, path: String)
    /// A fleet index and the scorecards found for its entries, by entry name.
    case fleet(FleetIndex, scorecards: [String: Scorecard], folder: String)

    public enum Failure: Error, Sendable, Equatable {
        case notFound(path: String)
        /// The path exists but is not vigie's: why, in both languages.
        case invalid(path: String, reason: LocalizedText)
    }

    public static func load(_ path: String) throws(Failure) -> PublishedInput {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path: path) }
        if !isDirectory.boolValue { return try loadFile(path) }
        let index = (path as NSString).appendingPathComponent("index.json")
        if FileManager.default.fileExists(atPath: index) { return try loadFile(index) }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        let cards = names.compactMap { name -> (String, Scorecard)? in
            let file = (path as NSString).appendingPathComponent(name)
            return (try? decode(Scorecard.self, file)).map { (file, $0) }
        }
        guard cards.count == 1, let (file, card) = cards.first else {
            throw .invalid(path: path, reason: LocalizedText(
                fr: "ni index.json de flotte ni une seule fiche JSON dans ce dossier (\(cards.count) fiches trouvées)",
                en: "neither a fleet index.json nor a single JSON scorecard in this folder (\(cards.count) scorecards found)"))
        }
        return .scorecard(card, path: file)
    }

    static func loadFile(_ path: String) throws(Failure) -> PublishedInput {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalid(path: path, reason: LocalizedText(fr: "lecture impossible", en: "cannot be read"))
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw .invalid(path: path, reason: LocalizedText(fr: "ce n'est pas du JSON", en: "not JSON"))
        }
        do {
            if value["repositories"] != nil, value["fleet"] != nil {
                let index = try JSONDecoder().decode(FleetIndex.self, from: data)
                let folder = (path as NSString).deletingLastPathComponent
                return .fleet(index, scorecards: scorecards(of: index, in: folder.isEmpty ? "." : folder), folder: folder.isEmpty ? "." : folder)
            }
            return .scorecard(try JSONDecoder().decode(Scorecard.self, from: data), path: path)
        } catch {
            throw .invalid(path: path, reason: LocalizedText(fr: "ni une fiche vigie ni un index de flotte (\(describe(error)))",
                                                             en: "neither a vigie scorecard nor a fleet index (\(describe(error)))"))
        }
    }

    /// The scorecards an index lists. A `scorecard` value that is not a plain file name of the
    /// folder (a path, `..`) is ignored: an index cannot make vigie read outside its folder.
    static func scorecards(of index: FleetIndex, in folder: String) -> [String: Scorecard] {
        var cards: [String: Scorecard] = [:]
        for entry in index.repositories {
            guard let name = entry.scorecard, isPlainFileName(name) else { continue }
            if let card = try? decode(Scorecard.self, (folder as NSString).appendingPathComponent(name)) { cards[entry.name] = card }
        }
        return cards
    }

    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.contains("\\") && name != "." && name != ".."
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        return try JSONDecoder().decode(type, from: data)
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .keyNotFound(let key, let context): return "missing key \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

extension PublishedInput.Failure {
    /// One line naming the input.
    public var line: LocalizedText {
        switch self {
        case .notFound(let path):
            LocalizedText(fr: "\(path) : chemin introuvable", en: "\(path): no such file or folder")
        case .invalid(let path, let reason):
            LocalizedText(fr: "\(path) : \(reason.fr)", en: "\(path): \(reason.en)")
        }
    }
}
