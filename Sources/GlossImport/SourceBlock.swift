/// A block of the source as an importer read it, before its structure is
/// recognised. Text is inline Markdown: escaped already when it came from
/// plain text or HTML.
enum SourceBlock: Hashable, Sendable {
    case paragraph(String, line: Int)
    case heading(level: Int, text: String, line: Int)
    case quote([String], line: Int)
    case list([String], line: Int)
    /// Markdown kept as written: code, HTML blocks, nested structure.
    case verbatim(String, line: Int)

    var paragraphText: String? {
        if case .paragraph(let text, _) = self { return text }
        return nil
    }

    var line: Int {
        switch self {
        case .paragraph(_, let line), .heading(_, _, let line), .quote(_, let line), .list(_, let line), .verbatim(_, let line):
            return line
        }
    }
}

/// A plain-text file's paragraphs: blank lines separate them; inside a
/// block, lines ending in two spaces or long lines are paragraphs of their
/// own, and short hard-wrapped lines are joined back into one.
enum PlainParagraphs {
    static func split(_ text: String, firstLine: Int = 1) -> [(text: String, line: Int)] {
        var result: [(String, Int)] = []
        var block: [(Substring, Int)] = []
        func flush() {
            defer { block.removeAll(keepingCapacity: true) }
            guard !block.isEmpty else { return }
            let lines = block.map(\.0)
            let separateLines = lines.count > 1 && (
                lines.dropLast().allSatisfy { $0.hasSuffix("  ") }
                    || lines.dropLast().contains { $0.utf8.count > 200 && $0.trimmingSpaces.count > 200 }
            )
            if separateLines {
                for (line, number) in block where !isBlank(line) { result.append((line.trimmingSpaces, number)) }
            } else {
                result.append((lines.map(\.trimmingSpaces).joined(separator: " "), block[0].1))
            }
        }
        // Lines are cut on the bytes: a newline is never part of another character in UTF-8.
        for (offset, bytes) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = Substring(bytes)
            if isBlank(line) { flush() } else { block.append((line, firstLine + offset)) }
        }
        flush()
        return result
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
    }
}
