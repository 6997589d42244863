internal import CCmarkGFM
internal import Foundation

/// GitHub's own Markdown parser, cmark-gfm, with its table, autolink and strikethrough extensions.
/// The only importer of CCmarkGFM: every cmark pointer is created, read and freed inside `outline(of:)`;
/// what leaves is a `MarkdownOutline` of values.
public enum CommonMark {
    /// The extensions GitHub renders READMEs with (tasklists and tag filtering change nothing we read).
    static let extensionNames = ["table", "autolink", "strikethrough"]

    /// cmark-gfm's registry of extensions is a process global without a lock: filled exactly once,
    /// by Swift's thread-safe lazy initialisation of this constant, then only read.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm 0.29 keeps the table of characters that start an inline construct in a process
    /// global: attaching an extension adds its characters (`:` and `w` for autolinks) and freeing a
    /// parser removes them (`cmark_manage_extensions_special_characters`). Two parses at once (a
    /// fleet, parallel tests) would see autolinks come and go; one parse at a time keeps every
    /// outline the same. A README parses in well under a millisecond.
    private static let parsing = NSLock()

    /// The outline of a Markdown text; `.empty` when cmark cannot allocate its parser.
    public static func outline(of text: String) -> MarkdownOutline {
        _ = extensionsRegistered
        parsing.lock()
        defer { parsing.unlock() }
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return .empty }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                _ = cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { start in
                cmark_parser_feed(parser, start, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return .empty }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return .empty }
        defer { cmark_iter_free(iterator) }
        var builder = OutlineBuilder()
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            builder.visit(Node(node), entering: event == CMARK_EVENT_ENTER)
        }
        return builder.outline
    }
}

/// What the builder needs from one cmark node, read while the document is alive.
struct Node {
    private let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    /// "table", "table_row", "table_cell"… for extension nodes, which have no fixed enum value.
    var typeName: String { cmark_node_get_type_string(pointer).map { String(cString: $0) } ?? "" }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    /// A code block opened by a fence (``` or ~~~), not by indentation.
    var isFenced: Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(pointer, &length, &offset, &character) != 0
    }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
}
