import Foundation
public import VigieCore

extension FixContext {
    /// A plan writing the template `templates/<lang>/<template>` at `path`, placeholders filled.
    public func create(_ path: String, template: String, _ values: [String: String] = [:]) throws -> FixPlan {
        let text = FixTemplates.fill(try templates.template(template, language), values)
        return FixPlan(changes: [.create(path: path, text: text)])
    }

    /// Where issues are reported: the forge's issue page, else a phrase.
    public var issueTracker: String {
        if let remote { return remote.issues(forge) }
        return LocalizedText(fr: "le gestionnaire de tickets du projet", en: "the project's issue tracker")[language]
    }

    /// A plan that writes nothing and says why.
    public func nothing(_ why: LocalizedText) -> FixPlan { .note(why) }
}

extension LocalizedText {
    /// "give --option VALUE" notes, shared by the fixes that need an option.
    static func needsOption(_ option: String, value: String, for what: LocalizedText) -> LocalizedText {
        LocalizedText(fr: "rien écrit : donnez \(option) \(value) pour \(what.fr)", en: "nothing written: give \(option) \(value) for \(what.en)")
    }
}
