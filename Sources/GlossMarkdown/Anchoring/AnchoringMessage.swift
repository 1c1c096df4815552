/// How anchoring diagnostics show quotes and the text around occurrences: on
/// one line, whitespace collapsed, long text cut with `…`.
enum AnchoringMessage {
    /// The longest quote a message shows, in characters, `…` included.
    static let quoteLimit = 80
    /// How many occurrences a note lists before saying how many more there are.
    static let occurrenceLimit = 4
    /// Words of context shown on each side of an occurrence.
    static let contextWords = 4

    /// `text` on one line: whitespace runs as one space, trimmed, and cut to
    /// `limit` characters ending with `…`.
    static func shown(_ text: String, limit: Int = quoteLimit) -> String {
        let line = collapsingWhitespace(text).trimmingSpaces()
        guard line.count > limit else { return line }
        return String(line.prefix(max(limit - 1, 0))).trimmingSpaces() + "\u{2026}"
    }

    /// `"…words before ⟨the match⟩ words after…"` for the units `match` of `view`.
    static func occurrence(_ match: Range<Int>, in view: FoldedText, utf8: [UInt8]) -> String {
        var start = match.lowerBound
        var spaces = 0
        while start > 0 {
            if view.keys[start - 1] == FoldedText.spaceKey {
                spaces += 1
                if spaces > contextWords { break }
            }
            start -= 1
        }
        var end = match.upperBound
        spaces = 0
        while end < view.keys.count {
            if view.keys[end] == FoldedText.spaceKey {
                spaces += 1
                if spaces > contextWords { break }
            }
            end += 1
        }
        let before = collapsingWhitespace(text(view.byteRange(of: start..<match.lowerBound), utf8))
        let quote = shown(text(view.byteRange(of: match), utf8), limit: 30)
        let after = collapsingWhitespace(text(view.byteRange(of: match.upperBound..<end), utf8))
        let opening = start > 0 ? "\u{2026}" : ""
        let closing = end < view.keys.count ? "\u{2026}" : ""
        return "\"\(opening)\(before.trimmingLeadingSpaces())\u{27E8}\(quote)\u{27E9}\(after.trimmingTrailingSpaces())\(closing)\""
    }

    /// The first few of `matches` (each a range of units of `view`), shown with
    /// their context and separated by commas.
    static func occurrences(_ matches: [Range<Int>], in view: FoldedText, utf8: [UInt8]) -> String {
        var shown = matches.prefix(occurrenceLimit).map { occurrence($0, in: view, utf8: utf8) }.joined(separator: ", ")
        if matches.count > occurrenceLimit { shown += ", and \(matches.count - occurrenceLimit) more" }
        return shown
    }

    /// "once", "twice", "3 times".
    static func times(_ count: Int) -> String {
        switch count {
        case 1: "once"
        case 2: "twice"
        default: "\(count) times"
        }
    }

    /// The text of `range` of `utf8`.
    static func text(_ range: Range<Int>, _ utf8: [UInt8]) -> String {
        let lower = min(max(range.lowerBound, 0), utf8.count)
        let upper = min(max(range.upperBound, lower), utf8.count)
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    private static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(character)
                inSpace = false
            }
        }
        return result
    }
}

private extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
    func trimmingTrailingSpaces() -> String { String(reversed().drop { $0 == " " }.reversed()) }
    func trimmingSpaces() -> String { trimmingLeadingSpaces().trimmingTrailingSpaces() }
}
