import VigieCore

/// `accessibility.statement`'s fix: the official statement model, its blanks marked, as a page at
/// the place the framework found serves (fixes.yml `accessibility_statement.places`). The model's
/// blanks are the template markers of accessibility.yml, so the rule reports "the official model with
/// its blanks: not a statement" until the team fills them in: the fix is honest, not a pass.
enum AccessibilityStatementFix {
    static func plan(_ context: FixContext) throws -> FixPlan {
        let templates = context.templates
        var path = try templates.string("accessibility_statement.default")
        for place in templates.node("accessibility_statement.places")?.sequence ?? [] {
            let configs = place["config"]?.sequence?.compactMap(\.string) ?? []
            if configs.contains(where: { context.snapshot.entry(at: $0) != nil }), let found = place["path"]?.string {
                path = found
                break
            }
        }
        let ecosystems = QualityAnalysis.of(context.snapshot, data: context.data).ecosystems.map(\.id)
        let technologies = ecosystems.contains("npm") ? "HTML, CSS, JavaScript" : "HTML, CSS"
        var plan = try context.create(path, template: try templates.string("accessibility_statement.template"), ["technologies": technologies])
        plan.notes.append(LocalizedText(
            fr: "remplissez les champs entre crochets, les dates JJ/MM/AAAA et les taux de \(path) avec les résultats de l'audit RGAA : d'ici là, accessibility.statement continue d'échouer (le modèle n'est pas une déclaration)",
            en: "fill in the bracketed fields, the JJ/MM/AAAA dates and the rates of \(path) with the RGAA audit's results: until then accessibility.statement keeps failing (the model is not a statement)"))
        return plan
    }
}
