public import VigieCore
import Foundation

/// Whether a repository ships a user-facing web interface, and what says so.
public struct InterfaceDetection: Sendable, Equatable {
    public struct Signal: Sendable, Equatable {
        /// `templates`, `framework_file`, `dependency` or `dsfr`.
        public let kind: String
        public let path: String
        /// The dependency name, or how many template files there are.
        public let detail: String
    }

    public let signals: [Signal]
    /// The root package.json when it publishes a library (kind `library`, detail: the keys that say so):
    /// its components are for its users' sites, which owe the statements (codegouvfr/react-dsfr).
    public let library: Signal?
    /// Files looked at (outside the excluded folders).
    public let filesExamined: Int

    public var applicable: Bool { !signals.isEmpty }

    /// Why the rules do not apply to a library that holds no statement of its own.
    var libraryReason: LocalizedText? {
        guard let library else { return nil }
        return LocalizedText(
            fr: "Une bibliothèque : \(library.path) publie des points d'entrée (\(library.detail)) ; ce sont les sites qui l'utilisent qui doivent une déclaration d'accessibilité.",
            en: "A library: \(library.path) publishes entry points (\(library.detail)); the sites that use it owe an accessibility statement.")
    }

    /// Why the accessibility rules apply, or why they do not.
    public var reason: LocalizedText {
        guard applicable else {
            return LocalizedText(
                fr: "Pas d'interface web : ni gabarit HTML, ni composant (JSX, TSX, Vue, Svelte, Angular…), ni modèle (ERB, Django, Jinja, Twig…), ni site statique, ni DSFR parmi \(filesExamined) fichiers.",
                en: "No web interface: no HTML template, no component (JSX, TSX, Vue, Svelte, Angular…), no server template (ERB, Django, Jinja, Twig…), no static site and no DSFR among \(filesExamined) files.")
        }
        let fr = signals.prefix(3).map { signal -> String in
            switch signal.kind {
            case "templates": "\(signal.detail) gabarit(s) ou composant(s) web (dont \(signal.path))"
            case "dependency": "\(signal.path) dépend de \(signal.detail)"
            case "dsfr": "le DSFR (\(signal.path))"
            default: "la configuration \(signal.path)"
            }
        }
        let en = signals.prefix(3).map { signal -> String in
            switch signal.kind {
            case "templates": "\(signal.detail) web template(s) or component(s) (including \(signal.path))"
            case "dependency": "\(signal.path) depends on \(signal.detail)"
            case "dsfr": "the DSFR (\(signal.path))"
            default: "the configuration \(signal.path)"
            }
        }
        return LocalizedText(fr: "Interface web : " + fr.joined(separator: " ; ") + ".",
                             en: "Web interface: " + en.joined(separator: "; ") + ".")
    }

    /// Looks for templates, components, framework configurations, front-end dependencies and the DSFR.
    /// `package.json` files are read through `reader` (so within the scan's budget).
    static func detect(in snapshot: RepositorySnapshot, conventions: AccessibilityConventions, reader: BudgetedReader) throws -> InterfaceDetection {
        var templates: [String] = []
        var signals: [Signal] = []
        var library: Signal?
        var examined = 0
        // Folders of generated output (a Doxygen site): every file below one is left out.
        let generated = snapshot.entries.filter { conventions.generatedMarkers.contains($0.name.lowercased()) }.map { $0.folder + "/" }
        for entry in snapshot.entries where entry.isRegularFile && !conventions.interfaceExclusions.excludes(entry.path) {
            if generated.contains(where: { entry.path.hasPrefix($0) || ($0 == "/" && !entry.path.contains("/")) }) { continue }
            examined += 1
            let lower = entry.path.lowercased()
            let name = entry.name.lowercased()
            if let ext = entry.lowercasedExtension, conventions.templateExtensions.contains(ext),
               !conventions.excludedNameWords.contains(where: { name.contains($0) }) {
                templates.append(entry.path)
            }
            if conventions.frameworkFiles.contains(where: { lower == $0 || lower.hasSuffix("/" + $0) }) {
                signals.append(Signal(kind: "framework_file", path: entry.path, detail: String(entry.name)))
            }
            if conventions.dsfrFiles.contains(name) { signals.append(Signal(kind: "dsfr", path: entry.path, detail: String(entry.name))) }
            if name == "package.json", let bytes = try reader.text(of: entry)?.utf8,
               let manifest = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] {
                for dependency in Self.dependencies(in: manifest) where conventions.frameworkDependencies.contains(dependency) {
                    let isDSFR = dependency.contains("dsfr")
                    signals.append(Signal(kind: isDSFR ? "dsfr" : "dependency", path: entry.path, detail: dependency))
                }
                if entry.path == "package.json", manifest["private"] as? Bool != true {
                    let keys = conventions.libraryManifestKeys.filter { manifest[$0] != nil }
                    if !keys.isEmpty { library = Signal(kind: "library", path: entry.path, detail: keys.joined(separator: ", ")) }
                }
            }
        }
        if let first = templates.min() {
            signals.insert(Signal(kind: "templates", path: first, detail: String(templates.count)), at: 0)
        }
        return InterfaceDetection(signals: signals, library: library, filesExamined: examined)
    }

    /// The names in a package.json's dependency lists, sorted.
    static func dependencies(in manifest: [String: Any]) -> [String] {
        var names: Set<String> = []
        for key in ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] {
            if let list = manifest[key] as? [String: Any] { names.formUnion(list.keys) }
        }
        return names.sorted()
    }
}
