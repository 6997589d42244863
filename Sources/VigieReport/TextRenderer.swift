public import VigieCore

/// The terminal verdict: score and grade, then each category with its checks, and under every check
/// that does not pass, what is wrong and how to fix it. Colour only adds to symbols and words.
public struct TextRenderer {
    let color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ card: Scorecard) -> String {
        let l = card.lang
        var out: [String] = []
        let repo = card.repository
        let where_ = repo.branch.map { "\(repo.ref) → \($0)" } ?? "\(repo.ref) (\(ReportStrings.detached[l]))"
        if let commit = repo.commit, let date = repo.commitDate {
            out.append(bold("vigie · \(sanitize(repo.name))") + "  \(sanitize(where_)) @ \(commit.prefix(12)) · \(date.prefix(10))")
        } else {
            out.append(bold("vigie · \(sanitize(repo.name))") + "  \(sanitize(where_)) · \(ReportStrings.empty[l])")
        }
        let headline = card.score.map { "\($0)/100" } ?? ReportStrings.notScored[l]
        let grade = card.grade.map { paint(color ? " \($0.rawValue) " : $0.rawValue, gradeColor($0)) } ?? ""
        out.append("\(ReportStrings.score[l]) \(bold(headline))  \(ReportStrings.grade[l]) \(grade)   "
                   + "(\(card.ruleset.id) \(card.ruleset.version), \(ReportStrings.asOf[l].lowercased()) \(card.asOf.iso))")
        if repo.shallow { out.append("⚠ \(ReportStrings.shallow[l])") }
        if repo.partial { out.append("⚠ \(ReportStrings.partialNote[l])") }
        for category in card.categories {
            out.append("")
            let checks = card.checks.filter { $0.category == category.id }
            let informative = !checks.isEmpty && checks.allSatisfy { $0.weight == 0 }
            let score = category.score.map { "\($0)/100" } ?? (informative ? ReportStrings.informative : ReportStrings.noVerdict)[l]
            out.append(bold("\(category.title)") + "  \(score)")
            // A whole family that does not apply (no web interface, no data) says so once.
            if checks.count > 1, checks.allSatisfy({ $0.status == .skip }), Set(checks.map(\.message)).count == 1 {
                out.append("  \(paint(ReportStrings.statusSymbol(.skip), statusColor(.skip))) \(dim(ReportStrings.statusName(.skip)[l])) \(sanitize(checks[0].message))")
                continue
            }
            for check in checks {
                let symbol = paint(ReportStrings.statusSymbol(check.status), statusColor(check.status))
                out.append("  \(symbol) \(check.title)  [\(check.id)] \(dim(ReportStrings.statusName(check.status)[l]))")
                guard check.status != .pass else { continue }
                out.append("      \(sanitize(check.message))")
                if let exemption = check.exemption {
                    let until = exemption.until.map { LocalizedText(fr: " jusqu'au \($0.iso)", en: " until \($0.iso)")[l] } ?? ""
                    out.append("      ◌ " + LocalizedText(fr: "exemptée\(until) : \(sanitize(exemption.reason))", en: "exempted\(until): \(sanitize(exemption.reason))")[l])
                }
                for evidence in check.evidence.prefix(5) {
                    let note = evidence.message.map { " — \(sanitize($0))" } ?? ""
                    out.append("      · \(sanitize(evidence.path))\(evidence.line.map { ":\($0)" } ?? "")\(note)")
                }
                if check.status == .fail || check.status == .warn {
                    out.append("      → \(ReportStrings.fix[l]) : \(check.remediation)".replacingSpaceBeforeColon(for: l))
                    if let command = check.fix {
                        out.append("      → \(ReportStrings.automaticFix[l]) : \(sanitize(command))".replacingSpaceBeforeColon(for: l))
                    }
                }
            }
        }
        out.append("")
        out.append(ReportStrings.summary(card.summary)[l])
        return out.joined(separator: "\n") + "\n"
    }

    /// Terminal control characters from a repository could rewrite the screen: drop them.
    func sanitize(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "?" : scalar
        }))
    }

    private enum Colour: String { case green = "32", yellow = "33", red = "31", grey = "90", blue = "34", magenta = "35" }

    private func paint(_ text: String, _ colour: Colour) -> String { color ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func dim(_ text: String) -> String { color ? "\u{1B}[2m\(text)\u{1B}[0m" : "(\(text))" }

    private func statusColor(_ status: CheckStatus) -> Colour {
        switch status {
        case .pass: .green
        case .warn: .yellow
        case .fail: .red
        case .skip: .grey
        case .error: .magenta
        case .exempt: .blue
        }
    }

    private func gradeColor(_ grade: Grade) -> Colour {
        switch grade {
        case .A, .B: .green
        case .C: .yellow
        case .D, .E: .red
        }
    }
}
