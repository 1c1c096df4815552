/// A template's text as UTF-8 bytes, with the positions of its lines, so that
/// byte offsets found while lexing become the line and column an editor shows.
struct SourceText {
    let bytes: [UInt8]
    /// Offset of the first byte of each line.
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == .newline {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// 1-based line and column of `offset`; the column counts characters, as
    /// editors do, not bytes.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let prefix = String(decoding: bytes[lineStarts[low]..<clamped], as: UTF8.self)
        return (low + 1, prefix.count + 1)
    }

    /// The text of `range`, for messages.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }

    // MARK: Lines, as the standalone rules see them

    func isInlineSpace(_ offset: Int) -> Bool {
        bytes[offset] == .space || bytes[offset] == .tab
    }

    /// Where the run of spaces and tabs ending at `offset` starts.
    func startOfSpaces(before offset: Int) -> Int {
        var start = offset
        while start > 0, isInlineSpace(start - 1) { start -= 1 }
        return start
    }

    /// Whether `offset` is the first byte of a line.
    func isLineStart(_ offset: Int) -> Bool {
        offset == 0 || bytes[offset - 1] == .newline
    }

    /// When only spaces and tabs follow `offset` up to the end of its line,
    /// the offset just past that line's `\n` or `\r\n` (or the end of the text).
    func endOfBlankRest(from offset: Int) -> Int? {
        var end = offset
        while end < bytes.count, isInlineSpace(end) { end += 1 }
        if end == bytes.count { return end }
        if bytes[end] == .newline { return end + 1 }
        if bytes[end] == .carriageReturn, end + 1 < bytes.count, bytes[end + 1] == .newline { return end + 2 }
        return nil
    }

    /// The number of spaces and tabs at `offset`.
    func spaces(at offset: Int) -> Int {
        var end = offset
        while end < bytes.count, isInlineSpace(end) { end += 1 }
        return end - offset
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
}
