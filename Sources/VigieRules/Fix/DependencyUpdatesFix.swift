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
            // Dependabot reads the manifests of one folder: the first manifest's (`/` for the root).
            let manifest = found.manifests[0]
            let folder = manifest.contains("/") && found.id != "github-actions"
                ? "/" + manifest.split(separator: "/").dropLast().joined(separator: "/") : "/"
            entries.append((name, folder))
        }
        if !entries.contains(where: { $0.ecosystem == "github-actions" }) { entries.append(("github-actions", "/")) }
        var text = "version: 2\nupdates:\n"
        for entry in entries {
            text += "  - package-ecosystem: \(yamlQuoted(entry.ecosystem))\n    directory: \(yamlQuoted(entry.directory))\n    schedule:\n      interval: \(yamlQuoted(interval))\n"
        }
        return FixPlan(changes: [.create(path: try templates.string("dependency_updates.dependabot_file"), text: text)])
    }
}
