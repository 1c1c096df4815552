import GlossModel

/// What the Congressional Record prints above each page's text:
/// `[Congressional Record Volume 143, Number 8 (Tuesday, January 28, 1997)]`,
/// `[Senate]`, `[Pages S704-S709]` and the line naming the publisher.
struct RecordHeader: Hashable, Sendable {
    var volume: String?
    var number: String?
    var date: CalendarDate?
    var chamber: String?
    var pages: String?
    var publisher: String?

    /// Whether `line` opens a record: the first of its header lines.
    static func opens(_ line: Substring) -> Bool {
        line.trimmingSpaces.hasPrefix("[Congressional Record Volume ")
    }

    /// Reads the header lines at the start of `lines` and drops them.
    static func read(_ lines: inout ArraySlice<PreformattedLine>) -> RecordHeader? {
        while let first = lines.first, first.text.isEmpty { lines.removeFirst() }
        guard let first = lines.first, opens(Substring(first.text)) else { return nil }
        var header = RecordHeader()
        let facts = first.text.trimmingSpaces.dropFirst().dropLast()
        let words = facts.split(separator: " ").map { String($0).trimmingCharacters(in: ",") }
        if let at = words.firstIndex(of: "Volume"), at + 1 < words.count { header.volume = words[at + 1] }
        if let at = words.firstIndex(of: "Number"), at + 1 < words.count { header.number = words[at + 1] }
        header.date = DateText.find(in: String(facts.filter { $0 != "(" && $0 != ")" }))
        lines.removeFirst()
        // Up to three more lines: the chamber, the pages, the publisher.
        for _ in 0..<3 {
            guard let line = lines.first?.text.trimmingSpaces, !line.isEmpty else { break }
            if line.hasPrefix("[Page"), line.hasSuffix("]") {
                header.pages = String(line.dropFirst(line.hasPrefix("[Pages ") ? 7 : 6).dropLast())
            } else if line.hasPrefix("["), line.hasSuffix("]"), !line.contains(" Page") {
                header.chamber = String(line.dropFirst().dropLast())
            } else if line.hasPrefix("From the "), let through = line.range(of: " through the ") {
                var publisher = line[through.upperBound...]
                if let bracket = publisher.firstIndex(of: "[") { publisher = publisher[..<bracket] }
                header.publisher = publisher.trimmingSpaces
            } else {
                break
            }
            lines.removeFirst()
        }
        return header
    }
}

/// One line of preformatted text: its indentation and its words.
struct PreformattedLine: Hashable, Sendable {
    var indent: Int
    /// The line without its indentation and trailing spaces.
    var text: String
    var number: Int

    init(_ raw: Substring, number: Int) {
        indent = raw.prefix { $0 == " " }.count
        text = raw.dropFirst(indent).trimmingSpaces
        self.number = number
    }
}

/// Preformatted text as the Congressional Record and other official records
/// set it: hard-wrapped lines, a paragraph opening with a two-space indent
/// (or after a blank line), centred titles, inserted material indented
/// further, columns aligned with spaces, and `[[Page S705]]` where a
/// printed page ends. Read into blocks without dropping a word.
enum PreformattedText {
    static func lines(of text: String, firstLine: Int = 1) -> [PreformattedLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, raw in
            // Typesetting codes the publisher leaves in (0x14 before a paragraph) are not text.
            let cleaned = raw.contains(where: { $0.isASCII && ($0.asciiValue ?? 32) < 32 })
                ? String(String.UnicodeScalarView(raw.unicodeScalars.compactMap { $0 == "\t" ? " " : $0.value < 32 ? nil : $0 }))
                : String(raw)
            return PreformattedLine(cleaned[...], number: firstLine + offset)
        }
    }

    /// Whether plain text is laid out this way: it opens with a record
    /// header, or most of its paragraphs open with a two-space indent
    /// followed by unindented wrapped lines.
    static func isRecordLayout(_ text: String) -> Bool {
        let head = text.prefix(4096)
        // Speech texts hold a paragraph to a line: one long line rules the layout out, found on the bytes.
        var length = 0
        var sawHeader = false
        for byte in head.utf8 {
            if byte == 0x0A { length = 0; continue }
            length += 1
            if byte == UInt8(ascii: "["), length <= 8 { sawHeader = true }
            if length > 120, !sawHeader { return false }
        }
        if let first = head.split(separator: "\n").first(where: { !$0.trimmingSpaces.isEmpty }), RecordHeader.opens(first) { return true }
        let lines = head.split(separator: "\n", omittingEmptySubsequences: false).map { PreformattedLine($0, number: 0) }
        guard lines.count >= 10, lines.allSatisfy({ $0.indent + $0.text.count <= 90 }) else { return false }
        var opened = 0
        for (line, next) in zip(lines, lines.dropFirst()) where line.indent == 2 && !line.text.isEmpty && next.indent == 0 && !next.text.isEmpty {
            opened += 1
        }
        return opened >= 3
    }

    /// A transcript from preformatted text: the record's header as front
    /// matter, the first title as the title, the rest read by the
    /// recogniser's record rules.
    static func read(_ text: String, firstLine: Int, into start: ImportedTranscript, input: ImportInput) -> ImportedTranscript {
        var transcript = start
        var lines = lines(of: text, firstLine: firstLine)[...]
        let header = RecordHeader.read(&lines)
        var blocks = blocks(lines)
        // The first title is the transcript's; it leaves the body only when
        // nothing comes before it, since the page shows the title first. A
        // page marker before it stays, and so does the title, below it.
        var titled = false
        if let index = blocks.firstIndex(where: { if case .paragraph(let text, _) = $0 { !text.hasPrefix("\\[\\[Page ") } else { true } }),
           case .heading(_, let heading, _) = blocks[index], !isClock(heading), DateText.parse(MarkdownEscaping.plainText(heading)) == nil {
            let plain = MarkdownEscaping.plainText(heading)
            transcript.title = plain.contains(where: \.isLowercase) ? plain : RecordSpeakers.readable(plain.lowercased().capitalized)
            titled = true
            if index == 0 { blocks.remove(at: index) }
        }
        if let header {
            transcript.date = transcript.date ?? header.date
            // The page's own <title> is the same on every page of a day: the header says more.
            if !titled {
                transcript.title = ["Congressional Record", header.chamber, header.pages.map { ($0.contains("-") ? "Pages " : "Page ") + $0 }].compactMap { $0 }.joined(separator: ", ")
            }
            transcript.source.title = "Congressional Record" + (header.volume.map { ", Volume \($0)" } ?? "") + (header.number.map { ", Number \($0)" } ?? "")
                + (header.chamber.map { ", \($0)" } ?? "") + (header.pages.map { ", \($0.contains("-") ? "Pages" : "Page") \($0)" } ?? "")
            transcript.source.publisher = header.publisher ?? transcript.source.publisher
            transcript.source.url = transcript.source.url ?? recordURL(for: input.stem)
            for (key, value) in [("chamber", header.chamber), ("volume", header.volume), ("number", header.number), ("pages", header.pages)] {
                if let value { transcript.params.append((key, value)) }
            }
        }
        FileNameFacts.apply(to: &transcript, input: input)
        var recognizer = StructureRecognizer(transcript: transcript, file: input.name, style: .record)
        var result = recognizer.recognize(blocks)
        result.kind = result.kind ?? (result.turnCount > 0 ? "debate" : "record")
        return result
    }

    /// Where the Government Publishing Office serves a record page named
    /// as it names them (`CREC-1997-01-28-pt1-PgS693-2`).
    static func recordURL(for stem: String) -> String? {
        guard stem.hasPrefix("CREC-"), stem.count > 15, CalendarDate(iso: String(stem.dropFirst(5).prefix(10))) != nil,
              stem.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return "https://www.govinfo.gov/content/pkg/\(stem.prefix(15))/html/\(stem).htm"
    }

    /// `14:30`, as a `{time}` marker is written.
    static func isClock(_ text: String) -> Bool {
        text.count == 5 && text.dropFirst(2).first == ":" && text.filter(\.isASCIIDigit).count == 4
    }

    /// `[[Page S705]]`: where a page of the printed record begins.
    static func pageMarker(_ line: PreformattedLine) -> String? {
        guard line.text.hasPrefix("[[Page "), line.text.hasSuffix("]]"), line.text.count <= 24 else { return nil }
        return line.text
    }

    /// `{time}  1430`: the clock time the House reached at this point.
    static func clockMarker(_ text: String) -> String? {
        guard text.hasPrefix("{time}") else { return nil }
        let digits = text.dropFirst(6).trimmingSpaces
        guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return digits.prefix(2) + ":" + digits.suffix(2)
    }

    /// The blocks of the text after any header.
    static func blocks(_ lines: ArraySlice<PreformattedLine>) -> [SourceBlock] {
        var blocks: [SourceBlock] = []
        for group in groups(lines) { blocks += read(group) }
        return mergedQuotes(blocks)
    }

    /// Runs of lines between blank lines. A page marker stays inside the
    /// sentence it interrupts: it joins the line before it, and the lines
    /// after join the same run when that line did not end a sentence.
    static func groups(_ lines: ArraySlice<PreformattedLine>) -> [[PreformattedLine]] {
        var groups: [[PreformattedLine]] = []
        var current: [PreformattedLine] = []
        var pendingMarker: String?
        var joinNext = false
        for line in lines {
            if line.text.isEmpty {
                if !joinNext, !current.isEmpty { groups.append(current); current = [] }
                continue
            }
            if let marker = pageMarker(line) {
                let escaped = MarkdownEscaping.escapeInline(marker)
                // Back into the run the blank line before the marker closed, unless that was a title.
                if current.isEmpty, let last = groups.last, !(last.count == 1 && last[0].indent >= 8) { current = groups.removeLast() }
                if var last = current.popLast() {
                    let words = last.text
                    last.text += " " + escaped
                    current.append(last)
                    joinNext = !(words.hasSuffix(".") || words.hasSuffix(":") || words.hasSuffix(";") || words.hasSuffix("''"))
                    if !joinNext { groups.append(current); current = [] }
                } else {
                    pendingMarker = (pendingMarker.map { $0 + " " } ?? "") + escaped
                }
                continue
            }
            joinNext = false
            if let marker = pendingMarker {
                // Kept as a run of its own, so the next line's indent still tells what it is.
                groups.append([line.with(text: marker, indent: line.indent)])
                pendingMarker = nil
            }
            current.append(line)
        }
        if !current.isEmpty { groups.append(current) }
        if let marker = pendingMarker { groups.append([PreformattedLine(Substring(marker), number: lines.last?.number ?? 1)]) }
        return groups
    }

    private static func read(_ group: [PreformattedLine]) -> [SourceBlock] {
        guard let first = group.first else { return [] }
        let line = first.number
        if group.count == 1 {
            let text = first.text
            if text.allSatisfy({ $0 == "_" || $0 == "-" }) && text.count >= 3 { return [.verbatim("---", line: line)] }
            if let clock = clockMarker(text) { return [.heading(level: 3, text: clock, line: line)] }
            if text.hasPrefix("\\[\\[Page ") { return [.paragraph(text, line: line)] }
            // A centred line is a title unless it is punctuated like a letter's address or signature.
            let punctuated = [",", ".", ";", ":"].contains { text.hasSuffix($0) }
            if first.indent >= 8 && text.count <= 80 && (!punctuated || isCapitalTitle(text)) || isCapitalTitle(text) && first.indent < 8 {
                return [.heading(level: 2, text: MarkdownEscaping.escape(text), line: line)]
            }
        }
        // A title in capitals wrapped over two or three lines.
        if (2...3).contains(group.count), group.allSatisfy({ isCapitalTitle($0.text) }), group.dropFirst().allSatisfy({ $0.indent >= 8 }) {
            return [.heading(level: 2, text: MarkdownEscaping.escape(group.map(\.text).joined(separator: " ")), line: line)]
        }
        let runs = levelRuns(group)
        if runs.count > 1 { return runs.flatMap(read) }
        if isTable(group) {
            let base = group.map(\.indent).min() ?? 0
            let body = group.map { String(repeating: " ", count: $0.indent - base) + MarkdownEscaping.unescapingMarker($0.text) }
            return [.verbatim(fenced(body), line: line)]
        }
        // Speech opens its paragraphs two spaces in from a margin of zero;
        // inserted material sets its own margin.
        let lowest = group.map(\.indent).min() ?? 0
        let base = lowest <= 3 ? 0 : lowest
        var paragraphs: [(text: String, line: Int)] = []
        for member in group {
            let opens = paragraphs.isEmpty || (member.indent > base && member.indent <= base + 3)
            if opens {
                paragraphs.append((member.text, member.number))
            } else {
                paragraphs[paragraphs.count - 1].text += " " + member.text
            }
        }
        let escaped = paragraphs.map { (MarkdownEscaping.escapePreservingMarkers($0.text), $0.line) }
        // Material the record inserts (bill text, letters) is indented past the speech.
        if base >= 4 { return [.quote(escaped.map(\.0), line: line)] }
        return escaped.map { .paragraph($0.0, line: $0.1) }
    }

    /// A run of lines split where it passes between the speech's margin and
    /// an insert's (indented four to seven spaces): the record often goes
    /// from a letter back to the floor without a blank line. A line indented
    /// further still is a hanging line of the run it is in.
    static func levelRuns(_ group: [PreformattedLine]) -> [[PreformattedLine]] {
        var runs: [[PreformattedLine]] = []
        var inserted: Bool?
        for line in group {
            let level: Bool
            if line.indent <= 3 { level = false } else if (4...7).contains(line.indent) { level = true } else { level = inserted ?? true }
            if level != inserted || runs.isEmpty { runs.append([line]) } else { runs[runs.count - 1].append(line) }
            inserted = level
        }
        return runs
    }

    /// Consecutive inserted passages are one block quote.
    private static func mergedQuotes(_ blocks: [SourceBlock]) -> [SourceBlock] {
        var out: [SourceBlock] = []
        for block in blocks {
            if case .quote(let more, _) = block, case .quote(let earlier, let line)? = out.last {
                out[out.count - 1] = .quote(earlier + more, line: line)
            } else {
                out.append(block)
            }
        }
        return out
    }

    /// `TITLE I--ENFORCEMENT`: a short line in capitals.
    static func isCapitalTitle(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return text.count <= 80 && letters.count >= 3 && !letters.contains(where: \.isLowercase) && !text.hasPrefix("\\[")
    }

    /// Columns set with runs of spaces inside most of the lines: a table or a list of names.
    static func isTable(_ group: [PreformattedLine]) -> Bool {
        guard group.count >= 2 else { return false }
        let columned = group.filter { $0.text.contains("   ") }.count
        return columned * 2 >= group.count
    }

    private static func fenced(_ lines: [String]) -> String {
        var fence = "```"
        while lines.contains(where: { $0.contains(fence) }) { fence += "`" }
        return fence + "\n" + lines.joined(separator: "\n") + "\n" + fence
    }
}

extension PreformattedLine {
    func with(text: String, indent: Int) -> PreformattedLine {
        var copy = self
        copy.text = text
        copy.indent = indent
        return copy
    }
}

extension MarkdownEscaping {
    /// Escapes a line that may already hold an escaped page marker
    /// (`\[\[Page S705\]\]`), leaving the marker as it is.
    static func escapePreservingMarkers(_ text: String) -> String {
        let pieces = text.components(separatedBy: "\\[\\[Page ")
        guard pieces.count > 1 else { return escape(text) }
        var out = escape(pieces[0])
        for piece in pieces.dropFirst() {
            guard let close = piece.range(of: "\\]\\]") else { out += escapeInline("[[Page " + piece); continue }
            out += "\\[\\[Page " + piece[..<close.upperBound] + escapeInline(String(piece[close.upperBound...]))
        }
        if pieces[0].isEmpty { return out }
        return out
    }

    /// A page marker in a table goes back to the characters it stands for.
    static func unescapingMarker(_ text: String) -> String {
        text.replacingOccurrences(of: "\\[\\[Page ", with: "[[Page ").replacingOccurrences(of: "\\]\\]", with: "]]")
    }
}
