public import VigieCore

/// Tests exist, by each language's convention (test_*.py, *.test.ts, src/test/, *_test.go…). A
/// language with many files and no test beside tested ones is a warning.
public struct QualityTestsRule: BuiltInRule {
    public static let description = RuleMetadata(
        id: "quality.tests",
        category: RuleCategory.named("quality")!,
        defaultWeight: 2,
        title: LocalizedText(fr: "Le code a des tests", en: "The code has tests"),
        rationale: LocalizedText(
            fr: "Les tests sont le 7ᵉ degré d'ouverture du guide des EIG : sans eux, personne ne peut modifier le code en confiance, ni l'équipe qui reprend le projet, ni un contributeur extérieur.",
            en: "Tests are the 7th openness degree of the EIG guide: without them nobody can change the code with confidence, neither the team taking the project over nor an outside contributor."),
        remediation: LocalizedText(
            fr: "Ajoutez des tests selon la convention du langage (tests/test_*.py pour pytest, *.test.ts pour Jest ou Vitest, src/test/ pour Maven, *_test.go) et lancez-les dans l'intégration continue.",
            en: "Add tests following the language's convention (tests/test_*.py for pytest, *.test.ts for Jest or Vitest, src/test/ for Maven, *_test.go) and run them in continuous integration.")
    )

    public static let parameters = [
        RuleParameter("min_source_files", default: .int(10), LocalizedText(
            fr: "Nombre de fichiers d'un langage à partir duquel l'absence de tests dans ce langage donne un avertissement.",
            en: "Files of a language from which the absence of tests in that language gives a warning.")),
    ]

    static let pythonApp: [String: String] = ["app/main.py": "print()\n", "app/models.py": "x = 1\n", "tests/test_main.py": "def test(): pass\n"]
    static let frontEnd: [String: String] = Dictionary(uniqueKeysWithValues: (1...10).map { ("front/src/component\($0).ts", "export {}\n") })

    public static let examples: [RuleExample] = [
        RuleExample("pytest files pass", files: pythonApp, expect: .pass),
        RuleExample("Go tests pass", files: ["main.go": "package main\n", "main_test.go": "package main\n"], expect: .pass),
        RuleExample("Maven tests pass", files: ["src/main/java/App.java": "class App {}\n", "src/test/java/AppTest.java": "class AppTest {}\n"],
                    expect: .pass),
        RuleExample("a tested back end beside an untested front end warns", files: pythonApp.merging(frontEnd) { $1 }, expect: .warn),
        RuleExample("the threshold comes from the rule set", files: pythonApp.merging(frontEnd) { $1 }, expect: .pass,
                    parameters: ["min_source_files": .int(11)]),
        RuleExample("vendored files do not count", files: ["main.go": "package main\n", "vendor/lib/lib_test.go": "package lib\n"], expect: .fail),
        RuleExample("code without tests fails", files: ["app/main.py": "print()\n"], expect: .fail),
        RuleExample("a repository without code skips", files: ["README.md": "# Données\n", "data/communes.csv": "code,nom\n"], expect: .skip),
    ]

    let minSourceFiles: Int
    let data: RuleData

    public init(parameters: RuleParameters, data: RuleData) {
        minSourceFiles = parameters.int("min_source_files")
        self.data = data
    }

    public func evaluate(_ snapshot: RepositorySnapshot, context: AuditContext) throws -> RuleOutcome {
        let quality = QualityAnalysis.of(snapshot, data: data)
        guard !quality.languages.isEmpty else {
            return .skip(LocalizedText(fr: "Aucun fichier de code dans un langage connu : rien à tester.",
                                       en: "No code file in a known language: nothing to test."))
        }
        let tested = quality.languages.filter { $0.testFiles > 0 }
        guard !tested.isEmpty else {
            let languages = LocalizedText.series(quality.languages.map { "\($0.name) (\($0.sourceFiles))" })
            return .fail(LocalizedText(fr: "Aucun fichier de test pour le code : \(languages.fr).",
                                       en: "No test file for the code: \(languages.en)."))
        }
        let evidence = tested.flatMap { $0.examples.map { Finding(path: $0) } }
        let counts = LocalizedText.series(tested.map { "\($0.name) \($0.testFiles)" })
        let total = LocalizedText.quantity(quality.testFiles, fr: ("fichier de test", "fichiers de test"), en: ("test file", "test files"))
        let untested = quality.languages.filter { $0.testFiles == 0 && $0.sourceFiles >= minSourceFiles }
        if !untested.isEmpty {
            let names = LocalizedText.series(untested.map { "\($0.name) (\($0.sourceFiles))" })
            return .warn(LocalizedText(fr: "\(total.fr) (\(counts.fr)), mais aucun pour \(names.fr).",
                                       en: "\(total.en) (\(counts.en)), but none for \(names.en)."), evidence)
        }
        return .pass(LocalizedText(fr: "\(total.fr) : \(counts.fr).", en: "\(total.en): \(counts.en)."),
                     evidence)
    }
}
