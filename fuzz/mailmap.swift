// Fuzz target: `.mailmap`, parsed by libgit2 through VigieGit's Mailmap, then asked to resolve
// identities, including ones taken from the input itself so that entries can match.
import VigieGit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMailmap(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    guard let mailmap = try? Mailmap(bytes) else { return 0 }
    var identities = [("Jane Doe", "jane@example.org"), ("", ""), ("A", "<>")]
    // Each "Name <email>" of the input, as a commit could carry it.
    let text = String(decoding: bytes, as: UTF8.self)
    for line in text.split(separator: "\n").prefix(8) {
        guard let open = line.firstIndex(of: "<"), let close = line[open...].firstIndex(of: ">") else { continue }
        identities.append((String(line[..<open]).trimmingSpaces, String(line[line.index(after: open)..<close])))
    }
    for (name, email) in identities {
        _ = try? mailmap.resolve(name: name, email: email)
    }
    return 0
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
