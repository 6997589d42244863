public import VigieCore

/// The formats a scorecard can be written in. Each case maps to its renderer in one exhaustive
/// `switch`, so a new format without a renderer does not compile.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `sarif`: SARIF 2.1.0 for GitHub code scanning; `gitlab`: GitLab's Code Quality report.
    case text, json, markdown, sarif, gitlab

    /// File extension when written to an output folder.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .markdown: "md"
        case .sarif: "sarif"
        case .gitlab: "codequality.json"
        }
    }

    public func render(_ scorecard: Scorecard, color: Bool = false) throws -> String {
        switch self {
        case .text: TextRenderer(color: color).render(scorecard)
        case .json: try JSONRenderer.render(scorecard)
        case .markdown: MarkdownRenderer.render(scorecard)
        case .sarif: SarifRenderer.render(scorecard)
        case .gitlab: GitLabRenderer.render(scorecard)
        }
    }
}
