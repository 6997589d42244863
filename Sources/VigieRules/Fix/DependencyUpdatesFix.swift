import Foundation
import VigieCore

/// `quality.dependency_updates`'s fix: a Dependabot configuration with one entry per ecosystem the
/// quality analysis detected (the names Dependabot gives them come from health.yml), or a Renovate
/// configuration on GitLab, where Dependabot does not run.
enum DependencyUpdatesFix {
    static func plan(_ context: FixContext) throws -> FixPlan {
        let templates = context.templates
        if context.forge == .gitlab {
            let text = """
            {
              "$schema": "https://docs.renovatebot.com/renovate-schema.json",
              "extends": ["config:recommended"]
            }

            """
            return FixPlan(changes: [.create(path: try templates.string("dependency_updates.renovate_file"), text: text)])
        }
        let interval = try templates.string("dependency_updates.interval")
        let conventions = context.data.health.quality.ecosystems
        var entries: [(ecosystem: String, directory: String)] = []
        for found in QualityAnalysis.of(context.snapshot, data: context.data).ecosystems {
            guard let name = conventions.first(where: { $0.id == found.id })?.dependabot.first else { continue }
            // Dependabot reads the manifests of one folder: the shallowest manifest's (`/` for the root).
            let manifest = found.manifests.min { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) } ?? found.manifests[0]
            let folder = manifest.contains("/") && found.id != "github-actions"
                ? "/" + manifest.split(separator: "/").dropLast().joined(separator: "/") : "/"
            entries.append((name, folder))
        }
        if !entries.contains(where: { $0.ecosystem == "github-actions" }) { entries.append(("github-actions", "/")) }
        let item = { (entry: (ecosystem: String, directory: String)) in
            "  - package-ecosystem: \(yamlQuoted(entry.ecosystem))\n    directory: \(yamlQuoted(entry.directory))\n    schedule:\n      interval: \(yamlQuoted(interval))\n"
        }
        let path = try templates.string("dependency_updates.dependabot_file")
        // A configuration that exists but misses ecosystems is the team's file: say which entries to add.
        if let existing = context.workTree.text(path) {
            let missing = entries.filter { entry in
                !existing.contains("package-ecosystem: \"\(entry.ecosystem)\"") && !existing.contains("package-ecosystem: \(entry.ecosystem)\n")
                    && !existing.contains("package-ecosystem: '\(entry.ecosystem)'")
            }
            guard !missing.isEmpty else {
                return .note(LocalizedText(fr: "\(path) existe et nomme chaque écosystème ; vigie ne le réécrit pas : voyez le message de la vérification",
                                           en: "\(path) exists and names every ecosystem; vigie does not rewrite it: see the check's message"))
            }
            let lines = missing.map(item).joined()
            return .note(LocalizedText(fr: "\(path) existe et vigie ne le réécrit pas : ajoutez sous « updates: » :\n\(lines)",
                                       en: "\(path) exists and vigie does not rewrite it: add under 'updates:':\n\(lines)"))
        }
        return FixPlan(changes: [.create(path: path, text: "version: 2\nupdates:\n" + entries.map(item).joined())])
    }
}
