import GlossModel
@testable import GlossQuotes

/// The quotation finder as it was before it classified lines on bytes
/// (main at 3a67c59), kept only here as the reference the differential test
/// compares the finder against. Do not optimize it: its worth is that it is
/// the old code, unchanged but for names.
enum ReferenceQuoteFinder {
    /// Every quotation in a Markdown body, in reading order, pronouns
    /// resolved: the quote marks of each paragraph and list item, each
    /// block quote as a whole (credited by a last line that opens with `—`
    /// or `--`) and the quote marks inside it.
    ///
    /// Markdown's own syntax is blanked to spaces of the same length before
    /// the text is read, so that offsets are still the file's: link
    /// destinations, `>` markers, HTML tags, timestamps and note markers in
    /// brackets, backslashes. Headings, code blocks and tables are skipped.
    /// A paragraph that ends in `:` lends its words to the attribution of a
    /// quotation opening the next one (`Reuters reported:`).
    static func quotations(inMarkdown body: String, file: String, firstLine: Int, minimumWords: Int = QuoteFinder.minimumWords) -> [LocatedQuotation] {
        // Bodies have `\n` line endings; split as bytes, not as characters.
        var body = body
        let lines = body.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
        var found: [LocatedQuotation] = []
        var fence: String?
        var block: [(line: Int, text: String)] = []
        var quoteBlock: [(line: Int, text: String)] = []
        var previousParagraph = ""
        // A paragraph without a quote mark is not masked unless the next
        // one needs it as a lead: most of a transcript quotes nothing.
        var unmaskedPrevious: [(line: Int, text: String)]?
        func setPrevious(_ text: String) {
            previousParagraph = text
            unmaskedPrevious = nil
        }
        func previousText() -> String {
            guard let unmaskedPrevious else { return previousParagraph }
            return unmaskedPrevious.map { referenceMasked($0.text, blockQuote: false) }.joined(separator: "\n")
        }

        func located(_ text: String, lines: [(line: Int, text: String)], offset: Int) -> SourceLocation {
            // `text` is the lines joined by "\n": find the line holding `offset`.
            var start = 0
            for entry in lines {
                let length = entry.text.utf8.count
                if offset <= start + length {
                    return SourceLocation(file: file, line: firstLine + entry.line, column: offset - start + 1)
                }
                start += length + 1
            }
            return SourceLocation(file: file, line: firstLine + (lines.last?.line ?? 0), column: 1)
        }

        func paragraph(_ lines: [(line: Int, text: String)], depth: Int, credit: Attribution? = nil) {
            guard !lines.isEmpty else { return }
            let text = lines.map(\.text).joined(separator: "\n")
            // Only a paragraph with a quote mark (ASCII, or the first byte
            // of a curly mark or guillemet) can hold a quotation.
            guard referenceMayHoldQuotation(text) else {
                setPrevious(text)
                return
            }
            let previous = previousText()
            let lead = previous.referenceTrimmingSpaces().hasSuffix(":") ? previous : ""
            for var quotation in QuoteFinder.quotations(in: text, lead: lead, minimumWords: minimumWords) {
                quotation.depth += depth
                // Quote marks around a block quote's paragraph are its
                // source's words unless the text credits someone else;
                // quotations inside the paragraph are not.
                let before = String(decoding: Array(text.utf8)[..<quotation.start], as: UTF8.self)
                if quotation.attribution == nil,
                   before.unicodeScalars.allSatisfy({ QuoteText.isSpace($0) || QuoteText.isDoubleQuote($0) || QuoteText.isSingleQuote($0) }) {
                    quotation.attribution = credit
                }
                found.append(LocatedQuotation(quotation: quotation, location: located(text, lines: lines, offset: quotation.start), isBlock: false))
            }
            setPrevious(text)
        }

        func flushParagraph() {
            defer { block = [] }
            guard !block.isEmpty else { return }
            guard block.contains(where: { referenceMayHoldQuotation($0.text) }) else {
                unmaskedPrevious = block
                return
            }
            paragraph(block.map { ($0.line, referenceMasked($0.text, blockQuote: false)) }, depth: 0)
        }

        func flushQuote() {
            guard !quoteBlock.isEmpty else { return }
            // Paragraphs of the block quote, blank `>` lines between them.
            var paragraphs: [[(line: Int, text: String)]] = [[]]
            for entry in quoteBlock {
                if entry.text.referenceTrimmingSpaces().isEmpty {
                    if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
                } else {
                    paragraphs[paragraphs.count - 1].append(entry)
                }
            }
            if paragraphs.last?.isEmpty == true { paragraphs.removeLast() }
            var credit: String?
            var blockCredit: Attribution?
            if let last = paragraphs.last, let first = last.first {
                let opening = first.text.referenceTrimmingSpaces()
                if opening.hasPrefix("\u{2014}") || opening.hasPrefix("--") || opening.hasPrefix("\u{2013}") {
                    credit = String(last.map(\.text).joined(separator: " ").referenceTrimmingSpaces().drop { $0 == "-" || $0 == "\u{2014}" || $0 == "\u{2013}" || $0 == " " })
                    paragraphs.removeLast()
                }
            }
            let whole = paragraphs.flatMap { $0 }
            let text = whole.map(\.text).joined(separator: "\n")
            blockCredit = credit.flatMap { QuoteFinder.name(in: $0) }.map { Attribution(name: $0) }
            if var quotation = referenceBlockQuotation(text.referenceTrimmingSpaces(), attribution: credit, minimumWords: minimumWords) {
                // Located at its first word.
                let leading = text.utf8.count - String(text.drop { QuoteText.isSpace($0.unicodeScalars.first ?? " ") }).utf8.count
                quotation.start += leading
                quotation.end += leading
                found.append(LocatedQuotation(quotation: quotation, location: located(text, lines: whole, offset: quotation.start), isBlock: true))
            }
            setPrevious("")
            for part in paragraphs { paragraph(part, depth: 1, credit: blockCredit) }
            setPrevious("")
            quoteBlock = []
        }

        for (index, raw) in lines.enumerated() {
            // Only the line's start is read, so only its start is trimmed:
            // no new string a line.
            let trimmed = raw.referenceDroppingLeadingSpaces()
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushParagraph(); flushQuote()
                fence = String(trimmed.prefix(3))
                continue
            }
            if trimmed.hasPrefix(">") {
                flushParagraph()
                quoteBlock.append((index, referenceMasked(raw, blockQuote: true)))
                continue
            }
            flushQuote()
            if trimmed.isEmpty {
                flushParagraph()
                continue
            }
            if trimmed.hasPrefix("#") || trimmed.hasPrefix("|") || raw.hasPrefix("    ") && block.isEmpty {
                flushParagraph()
                setPrevious("")
                continue
            }
            // A list item starts a block of its own.
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ "),
               // A marker with nothing after it, trimmed, is not one.
               !trimmed.dropFirst(2).unicodeScalars.allSatisfy(QuoteText.isSpace) {
                flushParagraph()
            }
            block.append((index, raw))
        }
        flushParagraph()
        flushQuote()
        let resolved = QuoteFinder.resolvingPronouns(found.map(\.quotation))
        return zip(found, resolved).map { located, quotation in
            var located = located
            located.quotation = quotation
            return located
        }
    }

    /// `QuoteFinder.blockQuotation` as it was: words counted by a whole `QuotePattern`.
    static func referenceBlockQuotation(_ text: String, attribution: String? = nil, minimumWords: Int) -> FoundQuotation? {
        let count = QuotePattern(text).wordCount
        guard count >= minimumWords else { return nil }
        let credit = attribution.flatMap { QuoteFinder.name(in: $0) }.map { Attribution(name: $0) }
        return FoundQuotation(text: text, start: 0, end: text.utf8.count, attribution: credit, wordCount: count)
    }

    /// Whether `text` has a quote mark that is not an apostrophe: a double
    /// mark (`"`, `“`, `”`, `„`, `«`, `»`), an opening `‘`, or a `'` or `’`
    /// that is not between two ASCII letters (`Ukraine’s`, `don't`, which
    /// the finder never takes for quote marks). Most paragraphs of a
    /// transcript have apostrophes and nothing else, and are not read
    /// further. Read as bytes; when in doubt, true.
    static func referenceMayHoldQuotation(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            func isLetter(_ index: Int) -> Bool {
                guard bytes.indices.contains(index) else { return false }
                let byte = bytes[index] | 0x20
                return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            }
            for index in bytes.indices {
                switch bytes[index] {
                case 0x22: return true
                case 0x27: if !(isLetter(index - 1) && isLetter(index + 1)) { return true }
                case 0xC2:
                    // « and »
                    if index + 1 < bytes.count, bytes[index + 1] == 0xAB || bytes[index + 1] == 0xBB { return true }
                case 0xE2:
                    guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { continue }
                    switch bytes[index + 2] {
                    case 0x98, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xB9, 0xBA: return true  // ‘ ‚ ‛ “ ” „ ‟ ‹ ›
                    case 0x99: if !(isLetter(index - 1) && isLetter(index + 3)) { return true }  // ’
                    default: continue
                    }
                default: continue
                }
            }
            return false
        }
    }

    /// A line with Markdown's syntax blanked, byte for byte.
    static func referenceMasked(_ line: String, blockQuote: Bool) -> String {
        var bytes = Array(line.utf8)
        let space = UInt8(ascii: " ")
        var i = 0
        if blockQuote {
            // Leading spaces, then `>` markers and the space after each.
            while i < bytes.count, bytes[i] == space || bytes[i] == UInt8(ascii: ">") {
                bytes[i] = space
                i += 1
            }
        }
        func blank(_ range: Range<Int>) { for k in range where k < bytes.count { bytes[k] = space } }
        // Where the next `]`, `)` and `>` are from each byte, so that a line
        // of many unclosed brackets is read in one pass, not one per bracket.
        var nextClose = [Int](repeating: -1, count: bytes.count + 1)
        var nextParen = nextClose, nextAngle = nextClose
        for k in stride(from: bytes.count - 1, through: 0, by: -1) {
            nextClose[k] = bytes[k] == UInt8(ascii: "]") ? k : nextClose[k + 1]
            nextParen[k] = bytes[k] == UInt8(ascii: ")") ? k : nextParen[k + 1]
            nextAngle[k] = bytes[k] == UInt8(ascii: ">") ? k : nextAngle[k + 1]
        }
        func found(_ index: Int) -> Int? { index >= 0 ? index : nil }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count {
                bytes[i] = space
                i += 2
                continue
            }
            if byte == UInt8(ascii: "<"), let close = found(nextAngle[i]),
               i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") || bytes[i + 1] == UInt8(ascii: "!") || (bytes[i + 1] >= 0x41 && bytes[i + 1] <= 0x7A) {
                blank(i ..< close + 1)
                i = close + 1
                continue
            }
            if byte == UInt8(ascii: "["), let close = found(nextClose[i + 1]) {
                let inside = bytes[(i + 1) ..< close]
                let next = close + 1 < bytes.count ? bytes[close + 1] : 0
                let isImage = i > 0 && bytes[i - 1] == UInt8(ascii: "!")
                if next == UInt8(ascii: "("), let end = found(nextParen[close + 1]) {
                    // A link: its words stay, the brackets and destination go.
                    if isImage { blank((i - 1) ..< end + 1) } else {
                        bytes[i] = space
                        blank(close ..< end + 1)
                    }
                    i = end + 1
                    continue
                }
                if next == UInt8(ascii: "["), let end = found(nextClose[close + 1]) {
                    bytes[i] = space
                    blank(close ..< end + 1)
                    i = end + 1
                    continue
                }
                // A timestamp `[01:02]`, a note marker `[^1]`: not words of a quotation.
                if inside.first == UInt8(ascii: "^") || (!inside.isEmpty && inside.count <= 12 && inside.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ":") }) {
                    blank(i ..< close + 1)
                    i = close + 1
                    continue
                }
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    func referenceDroppingLeadingSpaces() -> Substring {
        // Most lines start with a letter or a mark: no scalar is looked at.
        if let first = utf8.first, first < 0x80, !Self.referenceIsASCIISpace(first) { return self[...] }
        var scalars = unicodeScalars[...]
        while let first = scalars.first, QuoteText.isSpace(first) { scalars = scalars.dropFirst() }
        return Substring(scalars)
    }

    func referenceTrimmingSpaces() -> String {
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !Self.referenceIsASCIISpace(first), !Self.referenceIsASCIISpace(last) {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.unicodeScalars.first, QuoteText.isSpace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.unicodeScalars.last, QuoteText.isSpace(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// The ASCII bytes `QuoteText.isSpace` holds for: tab to carriage return, and space.
    private static func referenceIsASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09 ... 0x0D).contains(byte)
    }
}
