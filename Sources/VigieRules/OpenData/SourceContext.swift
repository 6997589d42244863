/// Whether a link in documentation credits data the project *uses*, judged from where it stands: its
/// own line ("Source : …"), the Markdown table that holds it ("| Dataset | usage |") or the section it
/// is in ("## Sources", "## Fichiers mis à disposition par l'INSEE"). A README that lists its inputs
/// links to data.gouv.fr as often as one that publishes; only the words around the link tell them apart.
struct SourceContext {
    let bytes: [UInt8]
    /// Each line with the offset it starts at, split once per file.
    let lines: [(start: Int, text: ArraySlice<UInt8>)]

    init(_ lowered: [UInt8]) {
        bytes = lowered
        var found: [(Int, ArraySlice<UInt8>)] = []
        var start = 0
        while start < lowered.count {
            var stop = start
            while stop < lowered.count && lowered[stop] != 0x0A { stop += 1 }
            found.append((start, lowered[start..<stop]))
            start = stop + 1
        }
        lines = found
    }

    func credits(at offset: Int, conventions: OpenDataConventions) -> Bool {
        let line = OpenDataAnalysis.line(around: offset, in: bytes)
        if OpenDataAnalysis.firstMarker(conventions.attributionWords, in: line) != nil { return true }
        if let header = tableHeader(above: offset),
           OpenDataAnalysis.firstMarker(conventions.sourceColumns, in: header) != nil { return true }
        guard let heading = heading(above: offset) else { return false }
        if conventions.sourceHeadings.contains(where: { Self.startsWithWord(heading, $0) }) { return true }
        // "source(s)" inside a heading is too common to mean "what we use" ("Mise à disposition des
        // sources sous forme de tuiles"): heading words count at the start only.
        let anywhere = conventions.attributionWords.filter { !conventions.sourceHeadings.contains($0) }
        return OpenDataAnalysis.firstMarker(anywhere, in: heading) != nil
    }

    /// Whether `offset` is inside a fenced code block (an example command or response), or on a line
    /// that says it is an example ("Example: https://schema.data.gouv.fr/schemas/schemas.json").
    func isExample(at offset: Int, conventions: OpenDataConventions) -> Bool {
        if OpenDataAnalysis.firstMarker(conventions.exampleWords, in: OpenDataAnalysis.line(around: offset, in: bytes)) != nil { return true }
        var inFence = false
        for (start, text) in lines {
            guard start <= offset else { break }
            let trimmed = text.drop { $0 == 0x20 }
            if trimmed.starts(with: Array("```".utf8)) || trimmed.starts(with: Array("~~~".utf8)) { inFence.toggle() }
        }
        return inFence
    }

    /// The text of the last Markdown heading (`#`…`######`) before `offset`, outside fenced code
    /// blocks (where `#` starts a shell comment), without its marks.
    func heading(above offset: Int) -> [UInt8]? {
        var heading: [UInt8]?
        var inFence = false
        for (start, text) in lines {
            guard start <= offset else { break }
            let trimmed = text.drop { $0 == 0x20 }
            if trimmed.starts(with: Array("```".utf8)) || trimmed.starts(with: Array("~~~".utf8)) {
                inFence.toggle()
                continue
            }
            guard !inFence, trimmed.first == UInt8(ascii: "#"), text.count - trimmed.count < 4 else { continue }
            let marks = trimmed.prefix { $0 == UInt8(ascii: "#") }
            let rest = trimmed.dropFirst(marks.count)
            guard marks.count <= 6, rest.first == 0x20 else { continue }
            heading = Array(rest.drop { $0 == 0x20 || $0 == 0x09 })
        }
        return heading
    }

    /// The first row of the Markdown table (lines starting with `|`) that holds `offset`, if any.
    func tableHeader(above offset: Int) -> [UInt8]? {
        let isRow = { (text: ArraySlice<UInt8>) in text.drop { $0 == 0x20 }.first == UInt8(ascii: "|") }
        let all = lines
        guard let index = all.lastIndex(where: { $0.start <= offset }), isRow(all[index].text) else { return nil }
        var first = index
        while first > 0 && isRow(all[first - 1].text) { first -= 1 }
        return first < index ? Array(all[first].text) : nil
    }

    /// True when `text` starts with `word`, followed by the end or a byte that is not a letter or digit.
    static func startsWithWord(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard text.starts(with: word) else { return false }
        guard text.count > word.count else { return true }
        let next = text[word.count]
        return !((0x30...0x39).contains(next) || (0x61...0x7A).contains(next) || (0x41...0x5A).contains(next) || next == 0x5F || next >= 0x80)
    }
}
