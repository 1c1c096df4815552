import CCmark
import GlossModel

/// Turns cmark node positions into `file:line:column` of the `.md` file.
struct NodeLocator {
    let file: String
    /// Added to cmark's line numbers to turn them into lines of the `.md` file.
    let lineOffset: Int
    private var sourceLines: SourceLines

    init(source: String, file: String, firstLine: Int) {
        self.file = file
        lineOffset = firstLine - 1
        sourceLines = SourceLines(source)
    }

    /// The node's position, `byteOffset` bytes into its text. Nodes cmark
    /// gives no position borrow the nearest enclosing one; raw HTML on a
    /// continuation line is looked up in the source, where cmark's column can be wrong.
    mutating func location(of node: CmarkNode, byteOffset: Int = 0) -> SourceLocation {
        var positioned = node
        while positioned.startLine == 0, let parent = positioned.parent { positioned = parent }
        let line = positioned.startLine
        var column = max(positioned.startColumn, 1)
        var block = node.parent
        while let inline = block, inline.isInline { block = inline.parent }
        if node.type == CMARK_NODE_HTML_INLINE, let block, line > block.startLine {
            let literal = node.literal
            let firstLine = UnsafeBufferPointer(rebasing: literal.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") })
            column = sourceLines.column(of: firstLine, onLine: line, near: column) ?? column
        } else if node.type == CMARK_NODE_LINK || node.type == CMARK_NODE_IMAGE, let block, line > block.startLine {
            // cmark's column for a link on a list item's continuation line can
            // be off too: the nearest opening of a link there is taken instead.
            for var opener in Self.openers(of: node) {
                let found = opener.withUTF8 { sourceLines.column(of: $0, onLine: line, near: column) }
                if let found {
                    column = found
                    break
                }
            }
        }
        column = sourceLines.characterColumn(forByteColumn: column + byteOffset, onLine: line)
        return SourceLocation(file: file, line: max(line, 1) + lineOffset, column: column)
    }

    /// What a link or image starts with in the source: `![` for an image,
    /// `<` then `[` for what may be an autolink (its text is its URL), `[` otherwise.
    private static func openers(of node: CmarkNode) -> [String] {
        if node.type == CMARK_NODE_IMAGE { return ["!["] }
        guard let child = cmark_node_first_child(node.pointer), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_TEXT else { return ["["] }
        let text = String(decoding: CmarkNode(pointer: child).literal, as: UTF8.self)
        let url = String(decoding: node.url, as: UTF8.self)
        return text == url || "mailto:" + text == url ? ["<", "["] : ["["]
    }
}
