/// Separates a transcript's YAML front matter from its Markdown body.
///
/// Front matter exists only when the very first line is a `---` fence; it
/// ends at the next line that is `---` or `...` on its own (trailing spaces
/// and tabs allowed). Anything later, such as a `---` thematic break in the
/// body, is body. The text is expected with `\n` line endings.
public enum FrontMatterSplitter {
    /// The two halves of a file, with the lines they start on so positions
    /// inside either can be reported as positions in the file.
    public struct Split: Hashable, Sendable {
        /// The lines between the fences, or nil when the file has no front matter.
        public var yaml: String?
        /// File line of the first YAML line (1-based).
        public var yamlFirstLine: Int
        public var body: String
        /// File line on which `body` starts (1-based).
        public var bodyFirstLine: Int

        public init(yaml: String?, yamlFirstLine: Int, body: String, bodyFirstLine: Int) {
            self.yaml = yaml
            self.yamlFirstLine = yamlFirstLine
            self.body = body
            self.bodyFirstLine = bodyFirstLine
        }
    }

    /// The opening fence has no closing fence after it.
    public struct UnterminatedFrontMatter: Error, Hashable, Sendable {
        /// Line of the opening fence.
        public var line: Int

        public init(line: Int) {
            self.line = line
        }
    }

    public static func split(_ text: String) -> Result<Split, UnterminatedFrontMatter> {
        let utf8 = text.utf8
        let firstLineEnd = utf8.firstIndex(of: newline) ?? utf8.endIndex
        guard isFence(utf8[utf8.startIndex..<firstLineEnd], allowingDots: false) else {
            return .success(Split(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        guard firstLineEnd < utf8.endIndex else { return .failure(UnterminatedFrontMatter(line: 1)) }
        let yamlStart = utf8.index(after: firstLineEnd)
        var lineStart = yamlStart
        var lineNumber = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: newline) ?? utf8.endIndex
            if isFence(utf8[lineStart..<lineEnd], allowingDots: true) {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return .success(Split(
                    yaml: String(text[yamlStart..<lineStart]),
                    yamlFirstLine: 2,
                    body: String(text[bodyStart...]),
                    bodyFirstLine: lineNumber + 1))
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        return .failure(UnterminatedFrontMatter(line: 1))
    }

    private static let newline = UInt8(ascii: "\n")

    /// `---` (or `...` when closing) followed only by spaces or tabs.
    private static func isFence(_ line: Substring.UTF8View, allowingDots: Bool) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            bytes = bytes.dropLast()
        }
        guard bytes.count == 3, let mark = bytes.first else { return false }
        guard mark == UInt8(ascii: "-") || (allowingDots && mark == UInt8(ascii: ".")) else { return false }
        return bytes.allSatisfy { $0 == mark }
    }
}
