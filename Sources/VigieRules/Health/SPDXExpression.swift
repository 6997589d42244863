/// An SPDX licence expression as publiccode.yml's `legal.license` holds it (SPDX specification,
/// annex D): ids joined by AND / OR, `WITH` an exception, parentheses, a trailing `+`.
/// Only the syntax is checked, and the licence ids are returned; whether an id exists is not
/// judged here (vigie knows the licences it recognises, not the whole SPDX list).
struct SPDXExpression: Sendable, Equatable {
    /// Licence ids in order of appearance, without `+` and without exceptions.
    let licences: [String]

    enum SyntaxError: Error, Equatable {
        case empty
        case unexpected(String)
        case unbalanced
        /// Parentheses nested deeper than `maxDepth`.
        case tooDeep
    }

    /// The parser recurses once per parenthesis: without a limit, 3,198 "(" overflowed the stack of
    /// the fuzzing build (bench/fuzz.sh, target spdx), and a publiccode.yml may hold 1 MiB of them.
    /// Real expressions nest two or three levels; 64 keeps the recursion a few kilobytes deep.
    static let maxDepth = 64

    static func parse(_ text: String) throws(SyntaxError) -> SPDXExpression {
        var parser = Parser(tokens: tokenize(text))
        guard !parser.tokens.isEmpty else { throw .empty }
        try parser.expression()
        if parser.position < parser.tokens.count {
            throw parser.tokens[parser.position] == ")" ? .unbalanced : .unexpected(parser.tokens[parser.position])
        }
        return SPDXExpression(licences: parser.licences)
    }

    private static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == "(" || character == ")" || character.isWhitespace {
                if !current.isEmpty { tokens.append(current); current = "" }
                if !character.isWhitespace { tokens.append(String(character)) }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private struct Parser {
        let tokens: [String]
        var position = 0
        var depth = 0
        var licences: [String] = []

        init(tokens: [String]) { self.tokens = tokens }

        var next: String? { position < tokens.count ? tokens[position] : nil }

        func isOperator(_ token: String?, _ name: String) -> Bool { token?.uppercased() == name }

        mutating func expression() throws(SyntaxError) {
            try conjunction()
            while isOperator(next, "OR") {
                position += 1
                try conjunction()
            }
        }

        mutating func conjunction() throws(SyntaxError) {
            try withException()
            while isOperator(next, "AND") {
                position += 1
                try withException()
            }
        }

        mutating func withException() throws(SyntaxError) {
            try simple()
            if isOperator(next, "WITH") {
                position += 1
                guard let exception = next, Self.isIdentifier(exception) else { throw next.map { .unexpected($0) } ?? .empty }
                position += 1
            }
        }

        mutating func simple() throws(SyntaxError) {
            guard let token = next else { throw licences.isEmpty ? .empty : .unexpected("") }
            if token == "(" {
                guard depth < SPDXExpression.maxDepth else { throw .tooDeep }
                position += 1
                depth += 1
                defer { depth -= 1 }
                try expression()
                guard next == ")" else { throw .unbalanced }
                position += 1
                return
            }
            guard Self.isIdentifier(token), !["AND", "OR", "WITH"].contains(token.uppercased()) else { throw .unexpected(token) }
            position += 1
            licences.append(token.hasSuffix("+") ? String(token.dropLast()) : token)
        }

        /// SPDX idstring: letters, digits, '.', '-', and a trailing '+'; `DocumentRef-x:LicenseRef-y` has one ':'.
        static func isIdentifier(_ token: String) -> Bool {
            let body = token.hasSuffix("+") ? token.dropLast() : Substring(token)
            return !body.isEmpty && body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":") }
        }
    }
}
