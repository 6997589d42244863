import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// A reader that records which files were read, to prove a budget keeps files unopened.
final class ScanRecordingReader: SnapshotReader {
    let files: [String: [UInt8]]
    let sizes: [String: Int64]
    private(set) var reads: [String] = []

    init(_ files: [String: [UInt8]], sizes: [String: Int64]) {
        self.files = files
        self.sizes = sizes
    }

    func inventory() -> [UnreadableEntry] { [] }
    func state(of entry: SnapshotEntry) -> EntryState { .readable(size: sizes[entry.path] ?? Int64(files[entry.path]?.count ?? 0)) }
    func contents(of entry: SnapshotEntry, cap: Int64) throws -> [UInt8] {
        reads.append(entry.path)
        return files[entry.path] ?? []
    }
    func walkHistory(_ body: (HistoryCommit) throws -> Void) throws -> [HistoryGap] { [] }
    func tags() throws -> [SnapshotTag] { [] }
}

/// A snapshot whose entries may claim sizes their contents do not have (a "1 GB" file that is never read).
func scanSnapshot(_ files: [String: [UInt8]], sizes: [String: Int64] = [:], readCap: Int64 = 1 << 20) -> (RepositorySnapshot, ScanRecordingReader) {
    let reader = ScanRecordingReader(files, sizes: sizes)
    let entries = files.keys.sorted().map { SnapshotEntry(path: $0) }
    return (RepositorySnapshot(name: "test", entries: entries, reader: reader, readCap: readCap), reader)
}

func scanFiles(_ files: [String: String]) -> [String: [UInt8]] { files.mapValues { Array($0.utf8) } }

@Suite("Accessibility analysis: applicability, budgets, facts")
struct AccessibilityAnalysisTests {
    let budget = AccessibilityScanDefaults.budget
    let context = AuditContext(asOf: Day(iso: "2026-01-01")!, language: .en)

    func analysis(_ files: [String: String]) throws -> AccessibilityAnalysis {
        try AccessibilityAnalysis.of(scanSnapshot(scanFiles(files)).0, data: ruleData, budget: budget)
    }

    @Test("web interfaces are recognised", arguments: [
        ["app/views/pages/accessibilite.html.erb": "<h1>Accessibilité</h1>"],
        ["templates/base.html": "{% block content %}{% endblock %}"],
        ["src/App.vue": "<template></template>"],
        ["src/routes/+page.svelte": "<h1>Bonjour</h1>"],
        ["angular.json": "{}"],
        ["site/_layouts/default.liquid": "{{ content }}"],
        ["static/css/dsfr.min.css": ".fr-header{}"],
        ["package.json": #"{"dependencies": {"@gouvfr/dsfr": "1.11.0"}}"#],
    ])
    func applicable(_ files: [String: String]) throws {
        #expect(try analysis(files).applicable)
    }

    @Test("libraries, pipelines and CLIs are not, and the reason says so", arguments: [
        ["src/outil/__init__.py": "x = 1", "pyproject.toml": "[project]"],
        ["main.go": "package main", "README.md": "# CLI\n"],
        ["tests/fixtures/page.html": "<p>fixture</p>", "lib/parse.py": "x = 1"],
        ["docs/_build/html/index.html": "<p>sphinx</p>", "lib/parse.py": "x = 1"],
        ["package.json": #"{"dependencies": {"lodash": "4.17.21"}}"#, "index.js": "module.exports = 1"],
        // Real repositories (bench/accuracy): a library's examples, a documentation site, a Rails
        // mailer layout, a Django admin override, Doxygen's generated HTML.
        ["examples/auth/views/head.ejs": "<title>x</title>", "lib/express.js": "module.exports = 1"],
        ["docs/_layouts/default.html": "{{ content }}", "docs/_config.yml": "theme: x", "cwalk.c": "int x;"],
        ["app/views/layouts/mailer.html.erb": "<%= yield %>", "app/controllers/api_controller.rb": "class A; end"],
        ["src/lasuite/admin/templates/admin/base_site.html": "{% extends 'admin/base.html' %}", "src/lasuite/__init__.py": ""],
        ["html/doxygen.css": "body{}", "html/index.html": "<p>doc</p>", "html/annotated.html": "<p>doc</p>", "src/circe.c": "int x;"],
        // A search server's configuration set: Solr's admin page extension (etalab/sirene_as_api).
        ["solr/configsets/sunspot/conf/admin-extra.html": "<!-- admin -->", "app/models/etablissement.rb": "class E; end"],
    ])
    func notApplicable(_ files: [String: String]) throws {
        let found = try analysis(files)
        #expect(!found.applicable)
        #expect(found.interface.reason.en.hasPrefix("No web interface"))
        #expect(found.statements.isEmpty && found.filesRead <= 1)
    }

    @Test("a file over the per-file budget is listed as unread and never opened")
    func perFileBudget() throws {
        let page = AccessibilityScanDefaults.maxFileBytes + 1
        let bundle = "var s=\"Déclaration d'accessibilité\";" + String(repeating: "x", count: page)
        let (snap, reader) = scanSnapshot(scanFiles(["index.html": "<p>Bonjour</p>", "static/app.js": bundle]))
        let found = try AccessibilityAnalysis.of(snap, data: ruleData, budget: budget)
        #expect(!reader.reads.contains("static/app.js"))
        #expect(found.unread.map(\.path) == ["static/app.js"])
        #expect(found.unread.first?.reason == .overFileBudget)
        #expect(found.statement == nil)
    }

    @Test("a 1 GB file is never read, and the snapshot's own read cap also limits the budget")
    func hugeFile() throws {
        let (snap, reader) = scanSnapshot(scanFiles(["index.html": "<p>Bonjour</p>", "public/declaration.html": "<h1>Déclaration d'accessibilité</h1>"]),
                                      sizes: ["public/declaration.html": 1 << 30], readCap: 1 << 10)
        let found = try AccessibilityAnalysis.of(snap, data: ruleData, budget: ScanBudget(perFile: 1 << 20, total: 1 << 30))
        #expect(reader.reads == ["index.html"])
        #expect(found.unread.first?.limit == 1 << 10)
    }

    @Test("the total budget stops the scan, likely files first")
    func totalBudget() throws {
        let statement = AccessibilityStatementTestsSupport.statement
        let files = ["a/one.md": String(repeating: "a", count: 600), "b/two.md": String(repeating: "b", count: 600),
                     "pages/accessibilite.html": statement]
        let (snap, reader) = scanSnapshot(scanFiles(files))
        let found = try AccessibilityAnalysis.of(snap, data: ruleData, budget: ScanBudget(perFile: 4096, total: statement.utf8.count + 700))
        #expect(found.statement?.path == "pages/accessibilite.html")
        #expect(reader.reads.first == "pages/accessibilite.html")
        #expect(found.unread.map(\.path) == ["b/two.md"])
        #expect(found.unread.first?.reason == .overTotalBudget)
    }

    @Test("build output and minified files are not scanned")
    func exclusions() throws {
        let statement = AccessibilityStatementTestsSupport.statement
        let found = try analysis(["index.html": "<p></p>", "dist/accessibilite.html": statement, "public/app.min.js": statement,
                                  "node_modules/x/accessibilite.md": statement])
        #expect(found.statement == nil)
        #expect(found.filesRead == 1)
    }

    @Test("mentions: one status per file, the footer first, ambiguous files apart")
    func mentions() throws {
        let found = try analysis([
            "src/components/Footer.jsx": "<a href=\"/accessibilite\">Accessibilité : non conforme</a>",
            "src/a/Other.jsx": "<p>Accessibilité : non conforme</p>",
            "src/b/Switch.jsx": "{full ? 'Accessibilité : totalement conforme' : 'Accessibilité : non conforme'}",
        ])
        #expect(found.mentions.map(\.path) == ["src/components/Footer.jsx", "src/a/Other.jsx"])
        #expect(found.mentions.allSatisfy { $0.status == .nonCompliant })
        #expect(found.ambiguousMentionFiles == ["src/b/Switch.jsx"])
    }

    @Test("the facts use the default budget; a rule set's own budget gives the rule its own scan")
    func factsUseDefaults() throws {
        let (snap, _) = scanSnapshot(scanFiles(["index.html": "<p>Bonjour</p>", "big.html": String(repeating: "é", count: 3000)]))
        let facts = try AccessibilityFacts(data: ruleData).facts(snap, context: context)
        #expect(facts["unread"] == .array([]))
        let rule = AccessibilityStatementRule.make(["max_file_bytes": .int(1000)], data: ruleData)
        let outcome = try rule.evaluate(snap, context: context)
        #expect(outcome.status == .fail)
        #expect(outcome.findings.map(\.path) == ["big.html"])
        let shared = AccessibilityStatementRule.make([:], data: ruleData)
        #expect(try shared.evaluate(snap, context: context).findings.isEmpty)
    }

    @Test("facts of a statement: status, rate, version, date, sections")
    func facts() throws {
        let (snap, _) = scanSnapshot(scanFiles(["pages/accessibilite.html": AccessibilityStatementTestsSupport.statement]))
        let facts = try AccessibilityFacts(data: ruleData).facts(snap, context: context)
        let statement = try #require(facts["statement"])
        #expect(statement["status"] == .string("partial"))
        #expect(statement["rate"] == .double(72.5))
        #expect(statement["rgaa_version"] == .string("4.1.2"))
        #expect(statement["date"] == .string("2024-06-01"))
        #expect(statement["language"] == .string("fr"))
        #expect(facts["applicable"] == .bool(true))
    }
}


/// Corpus findings of issue 12 (bench/accuracy): component libraries and the RGAA 3 statement model.
@Suite("Accessibility applicability and statements in the wild")
struct AccessibilityInTheWildTests {
    func analysis(_ files: [String: String]) throws -> AccessibilityAnalysis {
        try AccessibilityAnalysis.of(scanSnapshot(scanFiles(files)).0, data: ruleData, budget: AccessibilityScanDefaults.budget)
    }

    static let libraryManifest = #"{"name": "@codegouvfr/react-dsfr", "main": "dist/index.js", "module": "dist/index.js", "types": "dist/index.d.ts", "dependencies": {"@gouvfr/dsfr": "1.13.0"}, "devDependencies": {"next": "14.0.0"}}"#

    @Test("a component library (a public package.json with module or types) owes no statement; its users' sites do (codegouvfr/react-dsfr)")
    func componentLibrary() throws {
        let found = try analysis(["package.json": Self.libraryManifest, "src/Accordion.tsx": "export const A = () => <div/>;"])
        #expect(found.interface.applicable)
        #expect(!found.applicable)
        #expect(found.reason.en.hasPrefix("A library: package.json publishes entry points (module, types)"))
        #expect(found.reason.fr.hasPrefix("Une bibliothèque"))
        let facts = try AccessibilityFacts(data: ruleData).facts(scanSnapshot(scanFiles(["package.json": Self.libraryManifest, "src/A.tsx": "<div/>"])).0,
                                                                 context: AuditContext(asOf: Day(iso: "2026-01-01")!, language: .en))
        guard case .object(let object) = facts else { Issue.record("facts.accessibility is not an object"); return }
        #expect(object["applicable"] == .bool(false))
    }

    @Test("a private package.json, or one naming only its main file, is an application, not a library")
    func applicationsStayApplicable() throws {
        let app = #"{"name": "site", "private": true, "types": "x.d.ts", "dependencies": {"next": "14.0.0"}}"#
        #expect(try analysis(["package.json": app, "pages/index.tsx": "<main/>"]).applicable)
        let server = #"{"name": "api", "main": "server.js", "dependencies": {"vue": "3.0.0"}}"#
        #expect(try analysis(["package.json": server, "src/App.vue": "<template/>"]).applicable)
    }

    @Test("a library that holds its own statement is a service too (anct-cartographie-nationale/cartographie)")
    func libraryWithStatement() throws {
        let found = try analysis(["package.json": Self.libraryManifest, "src/pages/accessibilite.html": AccessibilityStatementTestsSupport.statement])
        #expect(found.applicable)
        #expect(found.statements.map(\.path) == ["src/pages/accessibilite.html"])
    }

    @Test("the RGAA 3 model « Déclaration de conformité RGAA » is a statement; « mise en conformité totale » is an aim, not its status (incubateur-territoires/incubateur.anct.gouv.fr)")
    func rgaa3Statement() throws {
        let page = """
            <template><Layout><PageTitle>Accessibilité</PageTitle>
            <h2>Identité du déclarant</h2><p>Agence nationale de la cohésion des territoires</p>
            <h2>Déclaration de conformité - RGAA 4.0</h2>
            <p><em>Vérification de conformité en cours</em></p>
            <h2>Droit à compensation</h2>
            <p>Dans l’attente d’une mise en conformité totale, vous pouvez obtenir une version accessible des documents.</p>
            </Layout></template>
            """
        let found = try analysis(["src/pages/Accessibilité.vue": page, "src/App.vue": "<template/>"])
        let statement = try #require(found.statements.first)
        #expect(statement.path == "src/pages/Accessibilité.vue")
        #expect(statement.reading.status == .unknown)
        // Without the aim, the same wording is a status.
        let declared = page.replacingOccurrences(of: "<em>Vérification de conformité en cours</em>", with: "Le site est en conformité totale avec le RGAA.")
        #expect(try analysis(["src/pages/Accessibilité.vue": declared, "src/App.vue": "<template/>"]).statements.first?.reading.status == .full)
    }

    @Test("« Déclaration de non-conformité au RGAA » titles a statement (betagouv/ma-cantine)")
    func nonConformityTitle() throws {
        let page = """
            <template><section><h2>Engagements</h2><p>Le ministère s'engage à rendre accessibles ses sites web.</p></section>
            <section><h2>Déclaration de non-conformité au RGAA</h2>
            <p>Cette déclaration s'applique au site « ma-cantine.agriculture.gouv.fr ».</p>
            <p>Ce présent site est partiellement conforme avec le RGAA.</p></section></template>
            """
        let statement = try #require(try analysis(["src/views/Accessibilite.vue": page, "src/App.vue": "<template/>"]).statements.first)
        #expect(statement.reading.status == .partial)
    }
}

enum AccessibilityStatementTestsSupport {
    static let statement = """
        <h1>Déclaration d’accessibilité</h1>
        <p>L’agence s’engage à rendre son site accessible conformément à l’article 47 de la loi n° 2005-102.</p>
        <h2>État de conformité</h2>
        <p>Le site est partiellement conforme avec le RGAA version 4.1.2.</p>
        <h3>Résultats des tests</h3>
        <p>L’audit révèle que 72,5 % des critères du RGAA sont respectés.</p>
        <h2>Établissement de cette déclaration</h2>
        <p>Cette déclaration a été établie le 1er juin 2024.</p>
        <h2>Voies de recours</h2>
        """
}
