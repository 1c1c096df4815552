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
        var block: [(String, Int)] = []
        func flush() {
            defer { block = [] }
            guard !block.isEmpty else { return }
            let lines = block.map(\.0)
            let separateLines = lines.count > 1 && (
                lines.dropLast().allSatisfy { $0.hasSuffix("  ") }
                    || lines.dropLast().contains { $0.trimmingSpaces.count > 200 }
            )
            if separateLines {
                for (line, number) in block where !line.trimmingSpaces.isEmpty { result.append((line.trimmingSpaces, number)) }
            } else {
                result.append((lines.map(\.trimmingSpaces).joined(separator: " "), block[0].1))
            }
        }
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.trimmingSpaces.isEmpty { flush() } else { block.append((String(line), firstLine + offset)) }
        }
        flush()
        return result
    }
}
