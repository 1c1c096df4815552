/// Splits a template's source into its tags, following set-delimiter tags.
///
/// Text is not copied here: it is whatever lies between the tags, which the
/// parser takes once it knows which lines standalone tags remove.
struct Lexer {
    private let source: SourceText
    private(set) var tags: [Tag] = []
    private(set) var errors: [SourceError] = []

    init(_ source: SourceText) {
        self.source = source
        scan()
    }

    private var bytes: [UInt8] { source.bytes }

    private mutating func scan() {
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var position = 0
        // The end of the line the last tag was on: one line can hold thousands
        // of tags (minified HTML), and searching its end for each was quadratic.
        var lineEnd = -1
        while let start = find(open, from: position, before: bytes.count) {
            var cursor = start + open.count
            let sigil = cursor < bytes.count ? bytes[cursor] : 0
            let kind = Self.kind(forSigil: sigil)
            if kind != .variable { cursor += 1 }
            let opening = String(decoding: open, as: UTF8.self) + (kind == .variable ? "" : String(UnicodeScalar(sigil)))
            let isTriple = sigil == UInt8(ascii: "{")
            let terminator = isTriple ? Array("}".utf8) + close : kind == .delimiters ? Array("=".utf8) + close : close
            // Only a comment may span lines: a tag left open is reported on its own line.
            if kind != .comment, lineEnd < cursor {
                lineEnd = bytes[cursor...].firstIndex(of: .newline) ?? bytes.count
            }
            let limit = kind == .comment ? bytes.count : lineEnd
            guard cursor <= limit, let end = find(terminator, from: cursor, before: limit) else {
                let found = limit == bytes.count ? "the end of the file" : "the end of the line"
                let what = kind == .comment ? "comment" : "tag"
                errors.append(SourceError(
                    offset: start,
                    message: "unclosed \(what): expected '\(String(decoding: terminator, as: UTF8.self))' to close '\(opening)', found \(found)"
                ))
                if kind == .comment { return }
                position = limit
                continue
            }
            let content = source.text(cursor..<end).trimmingWhitespace()
            var tag = Tag(kind: kind, name: content, range: start..<(end + terminator.count), opening: opening)
            position = tag.range.upperBound
            switch kind {
            case .comment:
                tag.name = ""
            case .delimiters:
                if let delimiters = Self.delimiters(content) {
                    (open, close) = delimiters
                } else {
                    errors.append(SourceError(
                        offset: start,
                        message: "bad delimiters: expected two delimiters separated by a space, without '=', as in {{=<% %>=}}; found '\(content)'"
                    ))
                }
            default:
                if let problem = NameRules.problem(with: tag) {
                    errors.append(SourceError(offset: start, message: problem.message, note: problem.note))
                }
            }
            tags.append(tag)
        }
    }

    private static func kind(forSigil sigil: UInt8) -> Tag.Kind {
        switch sigil {
        case UInt8(ascii: "#"): .section
        case UInt8(ascii: "^"): .invertedSection
        case UInt8(ascii: "/"): .close
        case UInt8(ascii: "!"): .comment
        case UInt8(ascii: ">"): .partial
        case UInt8(ascii: "<"): .parent
        case UInt8(ascii: "$"): .block
        case UInt8(ascii: "="): .delimiters
        case UInt8(ascii: "%"): .pragma
        case UInt8(ascii: "&"), UInt8(ascii: "{"): .unescaped
        default: .variable
        }
    }

    /// The two delimiters of a `{{=open close=}}` tag, or nil when malformed.
    private static func delimiters(_ content: String) -> (open: [UInt8], close: [UInt8])? {
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else { return nil }
        return (Array(parts[0].utf8), Array(parts[1].utf8))
    }

    private func find(_ needle: [UInt8], from start: Int, before end: Int) -> Int? {
        guard let first = needle.first, end - start >= needle.count else { return nil }
        var index = start
        let last = end - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
