import Foundation
import VigieCore

/// `quality.ci`'s fix: a pipeline that runs the tests of each ecosystem detected (the steps of
/// fixes.yml `ci.ecosystems`) and audits the repository with vigie, failing under `ci.fail_under`:
/// a GitHub Actions workflow, or a `.gitlab-ci.yml` including vigie's GitLab template on GitLab.
enum ContinuousIntegrationFix {
    static func plan(_ context: FixContext) throws -> FixPlan {
        let templates = context.templates
        let failUnder = templates.node("ci.fail_under")?.int ?? 60
        let found = QualityAnalysis.of(context.snapshot, data: context.data).ecosystems.map(\.id)
        let steps = found.compactMap { id in templates.node("ci.ecosystems.\(id)").map { (id, $0) } }
        if context.forge == .gitlab {
            var text = "include:\n  - remote: \(yamlQuoted(try templates.string("ci.gitlab_include")))\n\nvariables:\n"
            text += "  VIGIE_GIT_URL: \(yamlQuoted(try templates.string("ci.gitlab_vigie_git_url")))\n"
            text += "  VIGIE_REF: \(yamlQuoted(try templates.string("ci.gitlab_vigie_ref")))\n"
            text += "  VIGIE_FAIL_UNDER: \"\(failUnder)\"\n"
            for (id, node) in steps {
                guard let image = node["gitlab"]?["image"]?.string, let script = node["gitlab"]?["script"]?.sequence?.compactMap(\.string) else { continue }
                text += "\ntest-\(id):\n  image: \(yamlQuoted(image))\n  script:\n" + script.map { "    - \(yamlQuoted($0))\n" }.joined()
            }
            return FixPlan(changes: [.create(path: try templates.string("ci.gitlab_file"), text: text)])
        }
        var text = "name: CI\n\non:\n  push:\n  pull_request:\n\njobs:\n"
        for (id, node) in steps {
            guard let lines = node["github"]?.sequence?.compactMap(\.string) else { continue }
            text += "  test-\(id):\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
            text += lines.map { "      - \($0)\n" }.joined()
            text += "\n"
        }
        text += "  vigie:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n"
        text += "      - uses: \(try templates.string("ci.github_action"))\n        with:\n          fail-under: \(failUnder)\n          lang: \(context.language.rawValue)\n"
        return FixPlan(changes: [.create(path: try templates.string("ci.github_file"), text: text)])
    }
}
