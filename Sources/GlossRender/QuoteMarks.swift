import GlossSite

/// The quote check's verdicts marked in a transcript's body, where the
/// reader meets the words (docs/quotes.md, "Where the verdicts show"):
///
/// - after each checked quotation of the page, its verdict as a small link
///   to its entry in the page's "Quotations checked" list;
/// - at the end of each passage other pages quote, a "Quoted in" note
///   linking to each of them, with the verdict.
///
/// The body's HTML is made before the check (and kept in the body store),
/// so the marks go into it when the page is rendered. A quotation's place is
/// found by its last words in the body's text (tags and whitespace between
/// them skipped): when they occur more often than the page has quotations
/// ending in them, the quotation is left unmarked rather than marked in a
/// guessed place; its entry in the list is still there.
enum QuoteMarks {
    /// The id of the `index`th entry (from 0) of the page's list.
    static func anchor(ofCheckedQuote index: Int) -> String {
        "quote-\(index + 1)"
    }

    /// `html` with the marks of `quotes` in it; `html` itself when there is
    /// nothing to mark.
    static func marking(_ html: String, quotes: PageQuotes, page: String) -> String {
        guard !quotes.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var insertions: [(offset: Int, order: Int, text: String)] = []

        // Quotations that end in the same words take the places where those
        // words occur, in order, if there are exactly as many.
        var byTail: [[String]: [Int]] = [:]
        var tails: [[String]] = []
        for (index, quote) in quotes.checked.enumerated() {
            let tail = Self.tail(of: quote.text)
            guard !tail.isEmpty else { continue }
            if byTail[tail] == nil { tails.append(tail) }
            byTail[tail, default: []].append(index)
        }
        for tail in tails {
            let indices = byTail[tail] ?? []
            let ends = Self.ends(of: tail.map { Array(escape($0).utf8) }, in: bytes)
            guard ends.count == indices.count else { continue }
            for (end, index) in zip(ends, indices) {
                let offset = Self.afterClosingMarks(end, in: bytes)
                // A link inside a link is not HTML: a quotation that ends
                // inside a link's text keeps only its entry in the list.
                if Self.isInsideLink(offset, in: bytes) { continue }
                let quote = quotes.checked[index]
                let mark = "<sup class=\"quote-verdict\"><a href=\"#\(anchor(ofCheckedQuote: index))\">\(escape(quote.verdict))</a></sup>"
                insertions.append((offset, index, mark))
            }
        }

        // Each quoted passage once, its quoting pages in the list's order.
        var byPassage: [String: [QuotedPassage]] = [:]
        var passages: [String] = []
        for quoted in quotes.quotedIn {
            if byPassage[quoted.passageID] == nil { passages.append(quoted.passageID) }
            if byPassage[quoted.passageID]?.contains(where: { $0.fromSlug == quoted.fromSlug && $0.verdict == quoted.verdict }) == true { continue }
            byPassage[quoted.passageID, default: []].append(quoted)
        }
        for (order, passage) in passages.enumerated() {
            guard let close = Self.paragraphEnd(id: passage, in: bytes) else { continue }
            let links = (byPassage[passage] ?? []).map { quoted in
                "<a href=\"\(escape(SiteURL.relative(from: page, to: SiteURL.pageDirectory(forSlug: quoted.fromSlug))))\">\(escape(quoted.fromTitle))</a> (\(escape(quoted.verdict)))"
            }
            insertions.append((close, quotes.checked.count + order, " <small class=\"quoted-in-note\">Quoted in " + links.joined(separator: "; ") + "</small>"))
        }

        guard !insertions.isEmpty else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + insertions.count * 96)
        var copied = 0
        for insertion in insertions.sorted(by: { ($0.offset, $0.order) < ($1.offset, $1.order) }) {
            output.append(contentsOf: bytes[copied ..< insertion.offset])
            output.append(contentsOf: Array(insertion.text.utf8))
            copied = insertion.offset
        }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// The quotation's last three words as written (Markdown's syntax is
    /// already blanked out of the quotation's text).
    static func tail(of text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).suffix(3).map(String.init)
    }

    /// The offsets just past each place in the text of `html` (not inside a
    /// tag) where `words` occur in order, with only whitespace and tags
    /// between them.
    static func ends(of words: [[UInt8]], in html: [UInt8]) -> [Int] {
        guard let first = words.first, !first.isEmpty else { return [] }
        var found: [Int] = []
        var inTag = false
        var index = 0
        while index < html.count {
            let byte = html[index]
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "<") {
                inTag = true
                index += 1
                continue
            }
            if byte == first[0], !isWord(before: index, in: html), let end = match(words, in: html, at: index) {
                found.append(end)
                index = end
                continue
            }
            index += 1
        }
        return found
    }

    private static func match(_ words: [[UInt8]], in html: [UInt8], at start: Int) -> Int? {
        var position = start
        for (number, word) in words.enumerated() {
            if number > 0 {
                // Whitespace and tags between words.
                while position < html.count {
                    if html[position] == UInt8(ascii: " ") || html[position] == UInt8(ascii: "\n") || html[position] == UInt8(ascii: "\t") {
                        position += 1
                    } else if html[position] == UInt8(ascii: "<"), let close = html[position...].firstIndex(of: UInt8(ascii: ">")) {
                        position = close + 1
                    } else {
                        break
                    }
                }
            }
            guard position + word.count <= html.count, html[position ..< position + word.count].elementsEqual(word) else { return nil }
            position += word.count
        }
        // The last word must end there, not run on (`us` in `used`).
        if isWord(at: position, in: html), let last = words.last?.last, isWord(at: 0, in: [last]) { return nil }
        return position
    }

    /// Closing tags of the inline elements a quotation may end inside; a
    /// block's closing tag ends the search, so a mark stays in its block.
    static let inlineClosingTags: [[UInt8]] = ["</em>", "</strong>", "</a>", "</code>", "</span>", "</i>", "</b>", "</mark>", "</q>", "</cite>"]
        .map { Array($0.utf8) }

    /// Past the inline closing tags and closing quote marks that end a quotation
    /// (`”`, `’`, `»`, `"`), so that the mark follows them.
    static func afterClosingMarks(_ offset: Int, in html: [UInt8]) -> Int {
        let marks: [[UInt8]] = ["\u{201D}", "\u{2019}", "\u{00BB}", "&quot;", "'"].map { Array($0.utf8) }
        var position = offset
        var moved = true
        while moved {
            moved = false
            if let tag = inlineClosingTags.first(where: { html[position...].starts(with: $0) }) {
                position += tag.count
                moved = true
                continue
            }
            for mark in marks where html[position...].starts(with: mark) {
                position += mark.count
                moved = true
                break
            }
        }
        return position
    }

    /// Whether `offset` is inside an `<a>` element's content.
    static func isInsideLink(_ offset: Int, in html: [UInt8]) -> Bool {
        let before = html[..<offset]
        let opening = lastIndex(of: Array("<a ".utf8), in: before) ?? lastIndex(of: Array("<a>".utf8), in: before)
        guard let opening else { return false }
        guard let closing = lastIndex(of: Array("</a>".utf8), in: before) else { return true }
        return opening > closing
    }

    private static func lastIndex(of needle: [UInt8], in html: ArraySlice<UInt8>) -> Int? {
        var index = html.endIndex - needle.count
        while index >= html.startIndex {
            if html[index] == needle[0], html[index ..< index + needle.count].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    /// The offset of the `</p>` that closes `<p id="id">`, or nil when the
    /// id is not a paragraph's.
    static func paragraphEnd(id: String, in html: [UInt8]) -> Int? {
        let opening = Array("<p id=\"\(id)\"".utf8)
        guard let start = firstIndex(of: opening, in: html, from: 0) else { return nil }
        // A paragraph holds no paragraph: the first `</p>` after it closes it.
        return firstIndex(of: Array("</p>".utf8), in: html, from: start + opening.count)
    }

    private static func firstIndex(of needle: [UInt8], in html: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, html.count >= needle.count else { return nil }
        var index = from
        while index + needle.count <= html.count {
            if html[index] == needle[0], html[index ..< index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Whether the character starting at `offset` is a letter or digit
    /// (so that a word found there runs on).
    static func isWord(at offset: Int, in html: [UInt8]) -> Bool {
        guard offset >= 0, offset < html.count else { return false }
        var end = offset + 1
        while end < html.count, end - offset < 4, html[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: html[offset ..< end], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether the character just before `offset` is a letter or digit.
    static func isWord(before offset: Int, in html: [UInt8]) -> Bool {
        var start = offset - 1
        while start > 0, offset - start < 4, html[start] & 0xC0 == 0x80 { start -= 1 }
        return isWord(at: start, in: html)
    }

    /// Text escaped as the body's writer escapes it.
    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }
}
