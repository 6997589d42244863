/// One pass over every string of a scorecard, for what must apply to all of them whatever the
/// format that renders it (secret masking, terminal safety): every renderer, the fleet index, the
/// site and the badges start from the scorecard, so transforming it once covers them all.
extension Scorecard {
    public func mappingStrings(_ transform: (String) -> String) -> Scorecard {
        var card = self
        card.repository.name = transform(repository.name)
        card.repository.source = transform(repository.source)
        card.repository.ref = transform(repository.ref)
        card.repository.branch = repository.branch.map(transform)
        card.categories = categories.map { category in
            var category = category
            category.title = transform(category.title)
            return category
        }
        card.checks = checks.map { $0.mappingStrings(transform) }
        card.facts = facts.reduce(into: [:]) { result, member in result[transform(member.key)] = member.value.mappingStrings(transform) }
        return card
    }
}

extension CheckResult {
    func mappingStrings(_ transform: (String) -> String) -> CheckResult {
        var check = self
        check.title = transform(title)
        check.message = transform(message)
        check.remediation = transform(remediation)
        check.evidence = evidence.map { Evidence(path: transform($0.path), line: $0.line, message: $0.message.map(transform)) }
        check.exemption = exemption.map { AppliedExemption(reason: transform($0.reason), until: $0.until, grantedBy: transform($0.grantedBy)) }
        return check
    }
}

extension JSONValue {
    public func mappingStrings(_ transform: (String) -> String) -> JSONValue {
        switch self {
        case .string(let text): .string(transform(text))
        case .array(let items): .array(items.map { $0.mappingStrings(transform) })
        case .object(let members): .object(members.reduce(into: [:]) { $0[transform($1.key)] = $1.value.mappingStrings(transform) })
        case .null, .bool, .int, .double: self
        }
    }
}
