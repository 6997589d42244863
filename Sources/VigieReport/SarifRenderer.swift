public import VigieCore

/// SARIF 2.1.0 (OASIS), for GitHub code scanning and any SARIF viewer: the rules that ran with their
/// help text, and one result per check that fails (level `error`) or warns (level `warning`), located
/// at the files its evidence names (with the line when known). Validated against the official schema
/// (docs/schema/sarif-schema-2.1.0.json) in SarifTests. Strings are JSON-escaped by `JSONRenderer`;
/// file paths become percent-encoded relative URIs.
public enum SarifRenderer {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// Results are relative to the root of the audited repository.
    static let sourceRoot = "%SRCROOT%"

    public static func render(_ card: Scorecard) -> String {
        JSONRenderer.render(document(card))
    }

    static func document(_ card: Scorecard) -> JSONValue {
        let l = card.lang
        // One rule per check that ran, in the scorecard's order; results point at them by index.
        var ruleIndex: [String: Int] = [:]
        var rules: [JSONValue] = []
        for check in card.checks where ruleIndex[check.id] == nil {
            ruleIndex[check.id] = rules.count
            rules.append(rule(check, l))
        }
        let results = ForgeFinding.findings(in: card).map { result($0, index: ruleIndex[$0.check.id] ?? 0, l) }
        var run: [String: JSONValue] = [
            "tool": .object(["driver": .object([
                "name": .string(card.tool.name),
                "version": .string(card.tool.version),
                "semanticVersion": .string(card.tool.version),
                "language": .string(l.rawValue),
                "rules": .array(rules),
            ])]),
            "language": .string(l.rawValue),
            "columnKind": .string("unicodeCodePoints"),
            "originalUriBaseIds": .object([sourceRoot: .object([
                "description": .object(["text": .string(LocalizedText(fr: "La racine du dépôt audité.", en: "The root of the audited repository.")[l])]),
            ])]),
            "results": .array(results),
            "properties": .object([
                "repository": .string(card.repository.name),
                "ref": .string(card.repository.ref),
                "commit": card.repository.commit.map(JSONValue.string) ?? .null,
                "asOf": .string(card.asOf.iso),
                "ruleset": .string("\(card.ruleset.id) \(card.ruleset.version)"),
                "score": card.score.map(JSONValue.int) ?? .null,
                "grade": card.grade.map { .string($0.rawValue) } ?? .null,
            ]),
        ]
        if let commit = card.repository.commit, isRemoteURL(card.repository.source) {
            var provenance: [String: JSONValue] = [
                "repositoryUri": .string(card.repository.source),
                "revisionId": .string(commit),
                "mappedTo": .object(["uriBaseId": .string(sourceRoot)]),
            ]
            if let branch = card.repository.branch { provenance["branch"] = .string(branch) }
            run["versionControlProvenance"] = .array([.object(provenance)])
        }
        return .object([
            "$schema": .string(schemaURI),
            "version": .string("2.1.0"),
            "runs": .array([.object(run)]),
        ])
    }

    static func rule(_ check: CheckResult, _ l: Language) -> JSONValue {
        let category = RuleCategory.named(check.category)?.title[l] ?? check.category
        return .object([
            "id": .string(check.id),
            "shortDescription": .object(["text": .string(check.title)]),
            "fullDescription": .object(["text": .string("\(check.title) (\(category))")]),
            "help": .object([
                "text": .string("\(ForgeStrings.fix[l]) : \(check.remediation)".replacingSpaceBeforeColon(for: l)),
            ]),
            "defaultConfiguration": .object(["level": .string("error")]),
            "properties": .object([
                "category": .string(check.category),
                "weight": .int(check.weight),
                "source": .string(check.source),
                "tags": .array([.string("vigie"), .string(check.category)]),
            ]),
        ])
    }

    static func result(_ finding: ForgeFinding, index: Int, _ l: Language) -> JSONValue {
        let check = finding.check
        let locations: [JSONValue] = finding.locations.map { location in
            var physical: [String: JSONValue] = [
                "artifactLocation": .object(["uri": .string(uriReference(location.path)), "uriBaseId": .string(sourceRoot)]),
            ]
            if let line = location.line { physical["region"] = .object(["startLine": .int(line)]) }
            var object: [String: JSONValue] = ["physicalLocation": .object(physical)]
            if finding.repositoryLevel {
                object["message"] = .object(["text": .string(ForgeStrings.repositoryLevel[l])])
            } else if let message = location.message, !message.isEmpty {
                object["message"] = .object(["text": .string(message)])
            }
            return .object(object)
        }
        return .object([
            "ruleId": .string(check.id),
            "ruleIndex": .int(index),
            "kind": .string("fail"),
            "level": .string(check.status == .fail ? "error" : "warning"),
            "message": .object(["text": .string(finding.description)]),
            "locations": .array(locations),
            "partialFingerprints": .object(["vigieFinding/v1": .string(finding.fingerprint)]),
            "properties": .object([
                "weight": .int(check.weight),
                "repositoryLevel": .bool(finding.repositoryLevel),
                "remediation": .string(check.remediation),
            ]),
        ])
    }

    /// A repository path as a relative URI reference (RFC 3986): unreserved characters and `/` kept,
    /// every other byte of its UTF-8 form percent-encoded, so `<`, spaces or `#` stay part of the path.
    static func uriReference(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        // A first segment with ':' would read as a scheme; it is encoded above, so none can appear.
        return out
    }

    static func isRemoteURL(_ source: String) -> Bool {
        source.hasPrefix("https://") || source.hasPrefix("http://") || source.hasPrefix("ssh://")
    }
}
