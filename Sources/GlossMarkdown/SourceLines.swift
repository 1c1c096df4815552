/// The Markdown source split into lines on demand, to correct positions
/// cmark gets wrong.
///
/// cmark 0.30 numbers the columns of inlines on a paragraph's continuation
/// lines as if each line started at the paragraph's first column, ignoring
/// indentation and block quote markers it stripped. Looking the text up in
/// the real line gives the true column.
struct SourceLines {
    private let markdown: String
    /// The source's bytes and the offset at which each line starts, built on
    /// first use: most documents never need them.
    private var index: (source: [UInt8], lineStarts: [Int])?
    /// Where the last character count stopped: line, byte offset, characters so far.
    private var characterCursor: (line: Int, offset: Int, characters: Int)?

    init(_ markdown: String) {
        self.markdown = markdown
    }

    /// The 1-based byte column, on 1-based `line`, of the occurrence of
    /// `text` nearest to `column`; nil when there is none near it.
    ///
    /// cmark's column is off by no more than the width of the container
    /// markers it stripped, so only a window around it is searched: a long
    /// line with many tags must not cost a scan of the whole line per tag.
    mutating func column(of text: UnsafeBufferPointer<UInt8>, onLine line: Int, near column: Int) -> Int? {
        let (source, starts) = indexed()
        guard !text.isEmpty, line >= 1, line <= starts.count else { return nil }
        let start: Int = starts[line - 1]
        let end: Int = line < starts.count ? starts[line] : source.count
        let low = max(start, start + column - 1 - Self.searchWindow)
        let high = min(end - text.count, start + column - 1 + Self.searchWindow)
        guard low <= high else { return nil }
        var best: Int?
        for offset in low...high where source[offset..<(offset + text.count)].elementsEqual(text) {
            let candidate = offset - start + 1
            if best.map({ abs($0 - column) > abs(candidate - column) }) ?? true { best = candidate }
        }
        return best
    }

    /// How far from cmark's column a tag is looked for, in bytes: deeper than
    /// any realistic nesting of list items and block quotes.
    private static let searchWindow = 512

    /// The 1-based column counted in Unicode characters (code points) for a
    /// 1-based byte column on 1-based `line`: cmark counts bytes, while the
    /// front matter's diagnostics, like most editors, count characters.
    mutating func characterColumn(forByteColumn column: Int, onLine line: Int) -> Int {
        let (source, starts) = indexed()
        guard line >= 1, line <= starts.count, column > 1 else { return column }
        let lineStart = starts[line - 1]
        let end = min(lineStart + column - 1, source.count)
        // Warnings arrive in reading order, so continue counting from the last
        // one on the same line: a long line with many warnings stays linear.
        var (offset, characters) = (lineStart, 1)
        if let cursor = characterCursor, cursor.line == line, cursor.offset <= end {
            (offset, characters) = (cursor.offset, cursor.characters)
        }
        while offset < end {
            // Every UTF-8 byte but a continuation byte (10xxxxxx) starts a character.
            if source[offset] & 0xC0 != 0x80 { characters += 1 }
            offset += 1
        }
        characterCursor = (line, offset, characters)
        return characters
    }

    private mutating func indexed() -> (source: [UInt8], lineStarts: [Int]) {
        if let index { return index }
        let bytes = Array(markdown.utf8)
        let built = (source: bytes, lineStarts: Self.lineStarts(of: bytes))
        index = built
        return built
    }

    /// cmark ends lines at `\n`, `\r\n` and a lone `\r`.
    private static func lineStarts(of source: [UInt8]) -> [Int] {
        source.withUnsafeBufferPointer { bytes in
            var starts = [0]
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                // Most bytes are above both line endings.
                guard byte <= UInt8(ascii: "\r") else { continue }
                if byte == UInt8(ascii: "\n") {
                    starts.append(index)
                } else if byte == UInt8(ascii: "\r") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                    starts.append(index)
                }
            }
            return starts
        }
    }
}
