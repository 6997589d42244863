/// The unified diff `vigie fix --dry-run` prints, in git's format so that `git apply` takes it
/// (`diff --git`, `new file mode` for a new file, three lines of context, "\ No newline at end of
/// file" where a side has no final newline). Only the shapes fixes make: a new file, or text added
/// after an existing file's content.
public enum UnifiedDiff {
    public static func file(_ path: String, old: String?, new: String) -> String {
        // git quotes the whole name, prefix included ("a/é.md" → "a/\303\251.md" in quotes).
        let a = quote("a/" + path), b = quote("b/" + path)
        var out = "diff --git \(a) \(b)\n"
        if old == nil { out += "new file mode 100644\n--- /dev/null\n" } else { out += "--- \(a)\n" }
        out += "+++ \(b)\n"
        let before = lines(old ?? ""), after = lines(new)
        var common = 0
        while common < before.count && common < after.count && before[common] == after[common] { common += 1 }
        let context = max(0, common - 3)
        let kept = Array(before[context..<common])
        let removed = Array(before[common...]), added = Array(after[common...])
        guard !removed.isEmpty || !added.isEmpty else { return "" }
        let oldCount = kept.count + removed.count, newCount = kept.count + added.count
        out += "@@ -\(range(context, oldCount)) +\(range(context, newCount)) @@\n"
        for line in kept { out += " " + body(line) }
        for line in removed { out += "-" + body(line) }
        for line in added { out += "+" + body(line) }
        return out
    }

    /// `start,count` of a hunk side, 1-based; an empty side starts at the line before (0 for an empty file).
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : "\(start + 1),\(count)"
    }

    /// Lines with their final newline, the last one without when the text has none.
    private static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text[start...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            result.append(text[start..<end])
            start = end
        }
        return result
    }

    private static func body(_ line: Substring) -> String {
        line.hasSuffix("\n") ? String(line) : String(line) + "\n\\ No newline at end of file\n"
    }

    /// git's quoting of a path with special characters ("a\"b"), else the path as is.
    private static func quote(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c || $0 >= 0x7f }) else { return path }
        var out = "\""
        for byte in path.utf8 {
            switch byte {
            case 0x22: out += "\\\""
            case 0x5c: out += "\\\\"
            case 0x0a: out += "\\n"
            case 0x09: out += "\\t"
            case ..<0x20, 0x7f...: out += "\\" + String(byte, radix: 8).leftPadded(3)
            default: out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
