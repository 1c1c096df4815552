import GlossModel

/// A quotation found in a Markdown file, with where it starts.
public struct LocatedQuotation: Sendable, Hashable {
    public var quotation: FoundQuotation
    /// The first word's line and column (1-based, columns in bytes, as
    /// the Markdown parser counts them).
    public var location: SourceLocation
    /// A block quote as a whole, rather than words in quote marks.
    public var isBlock: Bool

    public init(quotation: FoundQuotation, location: SourceLocation, isBlock: Bool) {
        self.quotation = quotation
        self.location = location
        self.isBlock = isBlock
    }
}

extension QuoteFinder {
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
    public static func quotations(inMarkdown body: String, file: String, firstLine: Int, minimumWords: Int = minimumWords) -> [LocatedQuotation] {
        // Bodies have `\n` line endings. Lines are byte ranges of the body:
        // most lines of a transcript are read only at their start, and most
        // paragraphs only for a quote mark, so a String is made only for a
        // paragraph that may hold a quotation and for block quote lines.
        var body = body
        return body.withUTF8 { bytes in
            var scan = MarkdownQuoteScan(bytes: bytes, file: file, firstLine: firstLine, minimumWords: minimumWords)
            return scan.quotations()
        }
    }

    /// Whether `text` has a quote mark that is not an apostrophe: a double
    /// mark (`"`, `“`, `”`, `„`, `«`, `»`), an opening `‘`, or a `'` or `’`
    /// that is not between two ASCII letters (`Ukraine’s`, `don't`, which
    /// the finder never takes for quote marks). Most paragraphs of a
    /// transcript have apostrophes and nothing else, and are not read
    /// further. Read as bytes; when in doubt, true.
    static func mayHoldQuotation(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayHoldQuotation($0) }
    }

    static func mayHoldQuotation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isLetter(_ index: Int) -> Bool {
            guard bytes.indices.contains(index) else { return false }
            let byte = bytes[index] | 0x20
            return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
        }
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
        /// Whether a byte of `word` is `byte` (the classic test for a zero byte).
        func has(_ word: UInt64, _ byte: UInt8) -> Bool {
            let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
            return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
        }
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time past ASCII with no `"` or `'`: most of a
            // paragraph, and no byte of it can answer.
            while index + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 || has(word, 0x22) || has(word, 0x27) { break }
                index += 8
            }
            guard index < bytes.count else { break }
            defer { index += 1 }
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

    /// A line with Markdown's syntax blanked, byte for byte.
    static func masked(_ line: String, blockQuote: Bool) -> String {
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBufferPointer { mask($0, blockQuote: blockQuote) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Blanks a line's Markdown syntax in place (`bytes` is the line alone,
    /// no `\n`); its length and every other byte stay.
    static func mask(_ bytes: UnsafeMutableBufferPointer<UInt8>, blockQuote: Bool) {
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
    }
}

extension String {
    func droppingLeadingSpaces() -> Substring {
        // Most lines start with a letter or a mark: no scalar is looked at.
        if let first = utf8.first, first < 0x80, !Self.isASCIISpace(first) { return self[...] }
        var scalars = unicodeScalars[...]
        while let first = scalars.first, QuoteText.isSpace(first) { scalars = scalars.dropFirst() }
        return Substring(scalars)
    }

    func trimmingSpaces() -> String {
        // On bytes when the text left starts and ends with an ASCII byte:
        // then every space trimmed is an ASCII one with ASCII on its inner
        // side, so a character of its own (a combining mark after it, or a
        // prepended scalar before it, would have joined it to another).
        // Block quote lines start with the spaces their `>`s were blanked to.
        let fast = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var lo = 0, hi = bytes.count
            while lo < hi, Self.isASCIISpace(bytes[lo]) { lo += 1 }
            while hi > lo, Self.isASCIISpace(bytes[hi - 1]) { hi -= 1 }
            guard lo == hi || (bytes[lo] < 0x80 && bytes[hi - 1] < 0x80) else { return nil }
            if lo == 0, hi == bytes.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo ..< hi]), as: UTF8.self)
        }
        if let fast = fast, let trimmed = fast { return trimmed }
        var scalars = Substring(self)
        while let first = scalars.unicodeScalars.first, QuoteText.isSpace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.unicodeScalars.last, QuoteText.isSpace(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// The ASCII bytes `QuoteText.isSpace` holds for: tab to carriage return, and space.
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09 ... 0x0D).contains(byte)
    }
}

/// One pass over a Markdown body's lines for ``QuoteFinder/quotations(inMarkdown:file:firstLine:minimumWords:)``.
///
/// Lines are classified on their bytes: a line whose start (its leading
/// ASCII spaces, then four bytes) is all ASCII is read byte by byte, since
/// there an ASCII byte is a whole character. Any other line is classified
/// as Strings classify it (`hasPrefix` compares characters, and a
/// combining mark after `>` or a no-break space before it changes the
/// answer), so that both ways agree on every input.
private struct MarkdownQuoteScan {
    typealias Line = (line: Int, range: Range<Int>)
    /// A paragraph's text and the lengths of its lines, to locate offsets.
    typealias Lines = [(line: Int, length: Int)]

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let firstLine: Int
    let minimumWords: Int

    var found: [LocatedQuotation] = []
    /// The open code fence's first three characters.
    var fence: String?
    /// The paragraph being read: consecutive lines, so one range of the body.
    var block: [Line] = []
    var quoteBlock: [(line: Int, text: String)] = []
    /// The paragraph before, as text, or as lines not yet masked: most
    /// paragraphs quote nothing and are needed only as a lead (`Reuters
    /// reported:`) for one that does.
    enum Previous { case text(String), lines([Line]) }
    var previous = Previous.text("")

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int, minimumWords: Int) {
        self.bytes = bytes
        self.file = file
        self.firstLine = firstLine
        self.minimumWords = minimumWords
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The lines of `lines` masked, joined by their own `\n`s.
    func maskedText(_ lines: [Line]) -> String {
        guard let first = lines.first, let last = lines.last else { return "" }
        let start = first.range.lowerBound
        var text = Array(UnsafeBufferPointer(rebasing: bytes[start ..< last.range.upperBound]))
        text.withUnsafeMutableBufferPointer { text in
            for line in lines {
                let range = (line.range.lowerBound - start) ..< (line.range.upperBound - start)
                QuoteFinder.mask(UnsafeMutableBufferPointer(rebasing: text[range]), blockQuote: false)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    func previousText() -> String {
        switch previous {
        case .text(let text): text
        case .lines(let lines): maskedText(lines)
        }
    }

    func located(lines: Lines, offset: Int) -> SourceLocation {
        // The text is the lines joined by "\n": find the line holding `offset`.
        var start = 0
        for entry in lines {
            if offset <= start + entry.length {
                return SourceLocation(file: file, line: firstLine + entry.line, column: offset - start + 1)
            }
            start += entry.length + 1
        }
        return SourceLocation(file: file, line: firstLine + (lines.last?.line ?? 0), column: 1)
    }

    mutating func paragraph(_ text: String, lines: Lines, depth: Int, credit: Attribution? = nil) {
        guard !lines.isEmpty else { return }
        // Only a paragraph with a quote mark (ASCII, or the first byte
        // of a curly mark or guillemet) can hold a quotation.
        guard QuoteFinder.mayHoldQuotation(text) else {
            previous = .text(text)
            return
        }
        let previousText = previousText()
        let lead = previousText.trimmingSpaces().hasSuffix(":") ? previousText : ""
        for var quotation in QuoteFinder.quotations(in: text, lead: lead, minimumWords: minimumWords) {
            quotation.depth += depth
            // Quote marks around a block quote's paragraph are its
            // source's words unless the text credits someone else;
            // quotations inside the paragraph are not.
            if let credit, quotation.attribution == nil,
               String(decoding: text.utf8.prefix(quotation.start), as: UTF8.self).unicodeScalars.allSatisfy({ QuoteText.isSpace($0) || QuoteText.isDoubleQuote($0) || QuoteText.isSingleQuote($0) }) {
                quotation.attribution = credit
            }
            found.append(LocatedQuotation(quotation: quotation, location: located(lines: lines, offset: quotation.start), isBlock: false))
        }
        previous = .text(text)
    }

    mutating func flushParagraph() {
        guard let first = block.first, let last = block.last else { return }
        defer { block.removeAll(keepingCapacity: true) }
        // One look for a quote mark over the paragraph's bytes, `\n`s and
        // all: a `\n` is no letter, so this is each line's look at once.
        guard QuoteFinder.mayHoldQuotation(UnsafeBufferPointer(rebasing: bytes[first.range.lowerBound ..< last.range.upperBound])) else {
            previous = .lines(block)
            return
        }
        paragraph(maskedText(block), lines: block.map { ($0.line, $0.range.count) }, depth: 0)
    }

    mutating func flushQuote() {
        guard !quoteBlock.isEmpty else { return }
        // Paragraphs of the block quote, blank `>` lines between them.
        var paragraphs: [[(line: Int, text: String)]] = [[]]
        for entry in quoteBlock {
            if entry.text.trimmingSpaces().isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(entry)
            }
        }
        if paragraphs.last?.isEmpty == true { paragraphs.removeLast() }
        var credit: String?
        if let last = paragraphs.last, let first = last.first {
            let opening = first.text.trimmingSpaces()
            if opening.hasPrefix("\u{2014}") || opening.hasPrefix("--") || opening.hasPrefix("\u{2013}") {
                credit = String(last.map(\.text).joined(separator: " ").trimmingSpaces().drop { $0 == "-" || $0 == "\u{2014}" || $0 == "\u{2013}" || $0 == " " })
                paragraphs.removeLast()
            }
        }
        let whole = paragraphs.flatMap { $0 }
        let wholeLines = whole.map { ($0.line, $0.text.utf8.count) }
        let text = whole.map(\.text).joined(separator: "\n")
        let blockCredit = credit.flatMap { QuoteFinder.name(in: $0) }.map { Attribution(name: $0) }
        if var quotation = QuoteFinder.blockQuotation(text.trimmingSpaces(), attribution: credit, minimumWords: minimumWords) {
            // Located at its first word.
            let leading = text.utf8.count - String(text.drop { QuoteText.isSpace($0.unicodeScalars.first ?? " ") }).utf8.count
            quotation.start += leading
            quotation.end += leading
            found.append(LocatedQuotation(quotation: quotation, location: located(lines: wholeLines, offset: quotation.start), isBlock: true))
        }
        previous = .text("")
        for part in paragraphs {
            paragraph(part.map(\.text).joined(separator: "\n"), lines: part.map { ($0.line, $0.text.utf8.count) }, depth: 1, credit: blockCredit)
        }
        previous = .text("")
        quoteBlock = []
    }

    /// What a line is, as far as finding quotations goes.
    enum Kind {
        case fence(String)
        case quote
        case blank
        /// A heading or a table row: skipped, and no lead for what follows.
        case headingOrTable
        /// Text: a list item starts a paragraph of its own; four spaces
        /// start code unless they continue a paragraph.
        case text(listItem: Bool, indented: Bool)
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09 ... 0x0D).contains(byte)
    }

    /// Where the line's leading spaces end, if they are ASCII and the four
    /// bytes from there (or the rest of the line) are too: then every
    /// `hasPrefix` the finder asks of the line reads the same on bytes.
    func asciiStart(_ range: Range<Int>) -> Int? {
        var start = range.lowerBound
        while start < range.upperBound, Self.isASCIISpace(bytes[start]) { start += 1 }
        for index in start ..< min(start + 4, range.upperBound) where bytes[index] >= 0x80 { return nil }
        return start
    }

    func has(_ prefix: StaticString, at start: Int, in range: Range<Int>) -> Bool {
        guard range.upperBound - start >= prefix.utf8CodeUnitCount else { return false }
        return (0 ..< prefix.utf8CodeUnitCount).allSatisfy { bytes[start + $0] == prefix.utf8Start[$0] }
    }

    /// Whether the open fence `open` closes on this line.
    func closes(_ open: String, _ range: Range<Int>) -> Bool {
        if let start = asciiStart(range), open == "```" || open == "~~~", open.utf8.count == 3 {
            return open.utf8.elementsEqual(UnsafeBufferPointer(rebasing: bytes[start ..< min(start + 3, range.upperBound)]))
        }
        return string(range).droppingLeadingSpaces().hasPrefix(open)
    }

    func kind(_ range: Range<Int>) -> Kind {
        guard let start = asciiStart(range) else { return Self.kind(ofLine: string(range)) }
        guard start < range.upperBound else { return .blank }
        if has("```", at: start, in: range) { return .fence("```") }
        if has("~~~", at: start, in: range) { return .fence("~~~") }
        switch bytes[start] {
        case UInt8(ascii: ">"): return .quote
        case UInt8(ascii: "#"), UInt8(ascii: "|"): return .headingOrTable
        default: break
        }
        let indented = has("    ", at: range.lowerBound, in: range)
        var listItem = false
        if has("- ", at: start, in: range) || has("* ", at: start, in: range) || has("+ ", at: start, in: range) {
            // A marker with nothing after it, trimmed, is not one.
            for index in (start + 2) ..< range.upperBound where !Self.isASCIISpace(bytes[index]) {
                listItem = bytes[index] < 0x80 || !string(index ..< range.upperBound).unicodeScalars.allSatisfy(QuoteText.isSpace)
                break
            }
        }
        return .text(listItem: listItem, indented: indented)
    }

    /// A line classified as Strings, for a line whose start is not ASCII.
    static func kind(ofLine raw: String) -> Kind {
        // Only the line's start is read, so only its start is trimmed.
        let trimmed = raw.droppingLeadingSpaces()
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { return .fence(String(trimmed.prefix(3))) }
        if trimmed.hasPrefix(">") { return .quote }
        if trimmed.isEmpty { return .blank }
        if trimmed.hasPrefix("#") || trimmed.hasPrefix("|") { return .headingOrTable }
        let listItem = (trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ "))
            && !trimmed.dropFirst(2).unicodeScalars.allSatisfy(QuoteText.isSpace)
        return .text(listItem: listItem, indented: raw.hasPrefix("    "))
    }

    mutating func quotations() -> [LocatedQuotation] {
        var index = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            read(line: index, start ..< end)
            index += 1
            start = end + 1
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

    mutating func read(line index: Int, _ range: Range<Int>) {
        if let open = fence {
            if closes(open, range) { fence = nil }
            return
        }
        switch kind(range) {
        case .fence(let open):
            flushParagraph(); flushQuote()
            fence = open
        case .quote:
            flushParagraph()
            quoteBlock.append((index, QuoteFinder.masked(string(range), blockQuote: true)))
        case .blank:
            flushQuote()
            flushParagraph()
        case .headingOrTable:
            flushQuote()
            flushParagraph()
            previous = .text("")
        case .text(let listItem, let indented):
            flushQuote()
            if indented && block.isEmpty {
                flushParagraph()
                previous = .text("")
                return
            }
            if listItem { flushParagraph() }
            block.append((index, range))
        }
    }
}
