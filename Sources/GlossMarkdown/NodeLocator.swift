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
        }
        column = sourceLines.characterColumn(forByteColumn: column + byteOffset, onLine: line)
        return SourceLocation(file: file, line: max(line, 1) + lineOffset, column: column)
    }
}
