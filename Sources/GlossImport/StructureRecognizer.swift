import GlossModel

/// Finds a transcript's structure in the blocks an importer read: speaker
/// turns, time-of-day headers, a speech quoted inside an article, wire-service
/// quotes, social posts, "Read more" links, the feed footer and editorial
/// corrections. Shared by every importer, so a page and a feed item are read
/// the same way as a text file.
///
/// It only regroups and labels: every word of the blocks it is given ends up
/// in the transcript, in order, except the feed footer it turns into
/// `source.publisher`.
struct StructureRecognizer {
    var transcript: ImportedTranscript
    let file: String
    /// A speaker named before the body (`President: Harry S. Truman`), who
    /// speaks every unlabelled paragraph when nobody else is labelled.
    var headerSpeaker: ImportedSpeaker?
    /// Which rules read the blocks: those of articles, speeches and
    /// briefings, or those of an official record set in preformatted text.
    let style: Style

    enum Style: Sendable {
        case prose
        /// The Congressional Record's labels (`Mr. LOTT.`), stage directions and inserts.
        case record
    }

    init(transcript: ImportedTranscript, file: String, headerSpeaker: ImportedSpeaker? = nil, style: Style = .prose) {
        self.transcript = transcript
        self.file = file
        self.headerSpeaker = headerSpeaker
        self.style = style
    }

    mutating func recognize(_ input: [SourceBlock]) -> ImportedTranscript {
        if style == .record { return recognizeRecord(input) }
        var blocks = input
        readFooter(&blocks)
        let related = readRelated(&blocks)
        readPlace(&blocks)
        let labels = acceptedLabels(in: blocks)
        var speakers = SpeakerBook(header: headerSpeaker)
        for block in blocks {
            guard case .paragraph(let text, _) = block, let label = labels[text] else { continue }
            speakers.add(label.name)
        }
        var book = speakers
        transcript.blocks = build(blocks, labels: labels, speakers: &book)
        transcript.blocks += transcript.blocks.last == .separator ? Array(related.drop { $0 == .separator }) : related
        transcript.speakers = book.finished(used: Set(transcript.blocks.compactMap {
            if case .turn(let turn) = $0 { return turn.speakerID } else { return nil }
        }))
        for merge in book.merges {
            warn("speaker labels \(merge.map { "\"\($0)\"" }.joined(separator: ", ")) taken for one person", note: "split them in the front matter's `speakers:` if they are different people")
        }
        readCorrections()
        return transcript
    }

    private mutating func warn(_ message: String, line: Int? = nil, note: String? = nil) {
        transcript.warnings.append(.warning(at: SourceLocation(file: file, line: line ?? 1, column: 1), message, note: note))
    }

    // MARK: Before the body

    /// WordPress feeds end each item with "The post TITLE appeared first on
    /// PUBLISHER.": the publisher goes to the front matter, the line away.
    private mutating func readFooter(_ blocks: inout [SourceBlock]) {
        guard let index = blocks.lastIndex(where: { $0.paragraphText != nil }), let text = blocks[index].paragraphText else { return }
        let plain = MarkdownEscaping.plainText(text)
        guard plain.hasPrefix("The post "), plain.hasSuffix("."), let on = plain.range(of: " appeared first on ", options: .backwards) else { return }
        let title = String(plain[plain.index(plain.startIndex, offsetBy: 9)..<on.lowerBound]).trimmingSpaces
        let publisher = String(plain[on.upperBound...].dropLast()).trimmingSpaces
        guard !publisher.isEmpty else { return }
        transcript.source.publisher = publisher
        if transcript.source.title == nil, !title.isEmpty { transcript.source.title = title }
        // Only a URL the content loader takes for `source.url`.
        if let url = MarkdownEscaping.firstLinkURL(in: text), WebURL.isAbsolute(url), transcript.source.url == nil {
            transcript.source.url = url
        }
        blocks.remove(at: index)
    }

    /// "Read more:" and the short lines after it, to the end: related links.
    private mutating func readRelated(_ blocks: inout [SourceBlock]) -> [ImportedBlock] {
        let headers: Set<String> = ["read more", "related", "see also", "more", "read also", "related articles"]
        guard let index = blocks.lastIndex(where: { block in
            block.paragraphText.map { text in
                guard text.utf8.count <= 48, text.utf8.last == UInt8(ascii: ":") else { return false }
                let plain = MarkdownEscaping.plainText(text).trimmingSpaces
                return plain.hasSuffix(":") && headers.contains(String(plain.dropLast()).lowercased())
            } ?? false
        }), let header = blocks[index].paragraphText else { return [] }
        let after = blocks[(index + 1)...]
        var items: [String] = []
        for block in after {
            switch block {
            case .paragraph(let text, _) where text.count <= 300: items.append(text)
            case .list(let listed, _): items += listed
            default: return []
            }
        }
        guard !items.isEmpty, items.count <= 12 else { return [] }
        blocks.removeSubrange(index...)
        transcript.related = items.map { item in
            RelatedLink(title: MarkdownEscaping.plainText(item).trimmingSpaces, url: MarkdownEscaping.firstLinkURL(in: item))
        }
        return [.separator, .paragraph(header), .list(items)]
    }

    /// White House pages open with where it happened, then the time:
    /// `Old Post Office / Chicago, Illinois / 11:58 A.M. CDT`.
    private mutating func readPlace(_ blocks: inout [SourceBlock]) {
        guard transcript.place == nil,
              let time = blocks.prefix(4).firstIndex(where: { $0.paragraphText.map(TimeOfDay.matches) ?? false }),
              time > 0
        else { return }
        let lines = blocks[..<time].compactMap(\.paragraphText)
        guard lines.count == time, lines.allSatisfy({ line in
            line.count <= 80 && !line.hasSuffix(".") && SpeakerLabel.parse(line) == nil && line.first?.isUppercase == true
        }) else { return }
        transcript.place = lines.flatMap { $0.components(separatedBy: "\\\n") }.map { MarkdownEscaping.plainText($0).trimmingSpaces }.joined(separator: ", ")
        blocks.removeSubrange(..<time)
    }

    // MARK: Labels

    /// Which paragraphs open with a label that is really a speaker's: a
    /// colon in prose, a salutation (`GENTLEMEN:`) or a lone lead-in
    /// (`Note:`) is not.
    private func acceptedLabels(in blocks: [SourceBlock]) -> [String: SpeakerLabel] {
        var candidates: [(text: String, label: SpeakerLabel)] = []
        for block in blocks {
            guard let text = block.paragraphText, let label = SpeakerLabel.parse(text), !Self.isSegmentMarker(label),
                  !Self.isSalutationOrLeadIn(label.name) else { continue }
            candidates.append((text, label))
        }
        let counts = Dictionary(candidates.map { ($0.label.name, 1) }, uniquingKeysWith: +)
        let strong = candidates.filter { [.bold, .timed].contains($0.label.style) || ($0.label.style == .mixedCase && counts[$0.label.name, default: 0] >= 2) }
        let capitals = candidates.filter { $0.label.style == .capitals }
        let questions = candidates.filter { $0.label.style == .question }
        let labelled = strong.count + capitals.count + questions.count
        var accepted: [String: SpeakerLabel] = [:]
        for candidate in candidates {
            let label = candidate.label
            let keep: Bool
            switch label.style {
            case .bold, .timed: keep = true
            case .mixedCase: keep = counts[label.name, default: 0] >= 2
            case .question: keep = questions.count >= 2 || labelled - questions.count >= 1
            case .capitals: keep = labelled >= 2 || SpeakerBook.hasHonorific(label.name) || headerSpeaker != nil
            }
            if keep { accepted[candidate.text] = label }
        }
        return accepted
    }

    /// `**Break:** [33:51]` in a podcast transcript marks a pause, not a speaker.
    static func isSegmentMarker(_ label: SpeakerLabel) -> Bool {
        guard label.style == .bold, label.timestamp != nil else { return false }
        var rest = Substring(label.rest)
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            if rest.hasPrefix("to ") { rest = rest.dropFirst(3); continue }
            let (time, after) = SpeakerLabel.readTime(rest)
            guard time != nil else { return false }
            rest = after
        }
        return true
    }

    private static let notSpeakers: Set<String> = [
        "gentlemen", "ladies", "ladies and gentlemen", "sir", "sirs", "madam", "dear sir", "my fellow americans",
        "fellow citizens", "friends", "note", "editor's note", "editor’s note", "update", "correction", "watch",
        "read more", "source", "sources", "photo", "video", "related", "see also", "p.s", "ps", "n.b", "nb",
        "warning", "breaking", "exclusive", "opinion", "analysis", "background", "summary", "transcript",
    ]

    static func isSalutationOrLeadIn(_ name: String) -> Bool {
        let lowered = name.lowercased().trimmingCharacters(in: ".")
        if notSpeakers.contains(lowered) { return true }
        let first = lowered.split(separator: " ").first.map(String.init) ?? lowered
        return ["to", "gentlemen", "fellow", "my", "dear", "ladies", "citizens", "friends"].contains(first)
    }

    // MARK: The body

    private mutating func build(_ blocks: [SourceBlock], labels: [String: SpeakerLabel], speakers: inout SpeakerBook) -> [ImportedBlock] {
        var out: [ImportedBlock] = []
        var turn: ImportedBlock.Turn?
        var wireSource: String?
        /// A speech announced ("… saying:"), to be read from the next quoted paragraphs.
        var pendingSpeaker: ImportedSpeaker?
        var sawTime = false
        func flush() {
            if let open = turn { out.append(.turn(open)) }
            turn = nil
        }
        let headerID = speakers.headerID()
        if let header = headerSpeaker, let headerID, labels.isEmpty {
            turn = ImportedBlock.Turn(speakerID: headerID, label: header.name, paragraphs: [])
        }
        var index = blocks.startIndex
        while index < blocks.endIndex {
            let block = blocks[index]
            index += 1
            guard case .paragraph(let text, let line) = block else {
                // Turns hold paragraphs only: a quote, list or heading ends one.
                flush()
                switch block {
                case .heading(let level, let text, _): out.append(.heading(level: level, text: text))
                case .quote(let paragraphs, _): out.append(.quote(Self.attributedQuote(paragraphs)))
                case .list(let items, _): out.append(.list(items))
                case .verbatim(let markdown, _): out.append(.verbatim(markdown))
                case .paragraph: break
                }
                continue
            }
            if TimeOfDay.matches(text) {
                flush()
                let time = MarkdownEscaping.plainText(text).trimmingSpaces
                // The first time is the start, the last the end: a key
                // written twice would make the file's front matter invalid.
                let key = sawTime ? "end_time" : "start_time"
                transcript.params.removeAll { $0.key == key }
                transcript.params.append((key, time))
                sawTime = true
                out.append(.timeOfDay(text.trimmingSpaces))
                if let header = headerSpeaker, let headerID, labels.isEmpty { turn = ImportedBlock.Turn(speakerID: headerID, label: header.name, paragraphs: []) }
                continue
            }
            if let label = labels[text] {
                if text.hasPrefix("**"), let marker = SpeakerLabel.parse(text), Self.isSegmentMarker(marker) { continue }
                flush()
                let id = speakers.id(for: label.name)
                var first = label.rest
                if first.isEmpty, index < blocks.endIndex, let next = blocks[index].paragraphText, labels[next] == nil, !TimeOfDay.matches(next) {
                    first = next
                    index += 1
                }
                turn = ImportedBlock.Turn(speakerID: id, label: label.name, timestamp: label.timestamp, paragraphs: [first])
                continue
            }
            // Segment markers are bold: other paragraphs need not be parsed again.
            if text.hasPrefix("**"), let label = SpeakerLabel.parse(text), Self.isSegmentMarker(label) {
                flush()
                out.append(.heading(level: 3, text: text))
                continue
            }
            // A post copied as text: its words, then `— Name (@handle) Date`.
            if index < blocks.endIndex, let next = blocks[index].paragraphText, let post = SocialPost(attribution: next) {
                flush()
                out.append(.quote(ImportedBlock.Quote(paragraphs: [text], attribution: post.attributionMarkdown, isSocialPost: true)))
                if transcript.date == nil, let date = post.date {
                    transcript.date = date
                    warn("date taken from the embedded post (\(date))", line: line, note: "check it against the event")
                }
                index += 1
                continue
            }
            if turn == nil, Quotation.opens(text), let speaker = pendingSpeaker ?? (wireSource == nil ? nil : ImportedSpeaker(id: "", name: "")) {
                let run = Quotation.run(in: blocks, from: index - 1)
                let paragraphs = run.map { blocks[$0].paragraphText ?? "" }
                index = (run.last ?? index - 1) + 1
                if !speaker.id.isEmpty {
                    let id = speakers.declare(speaker)
                    out.append(.turn(ImportedBlock.Turn(speakerID: id, label: speaker.name, paragraphs: paragraphs)))
                    out.append(.separator)
                    warn("the quoted paragraphs after \"…:\" are taken as \(speaker.name)'s speech", line: line)
                    if transcript.kind == nil { transcript.kind = "article" }
                    pendingSpeaker = nil
                } else if let source = wireSource {
                    out.append(.quote(ImportedBlock.Quote(paragraphs: paragraphs, attribution: source)))
                    warn("quoted paragraphs attributed to \(source), the wire service quoted before them", line: line)
                }
                continue
            }
            if turn == nil, let source = WireQuote.source(introducedBy: text), index < blocks.endIndex,
               let next = blocks[index].paragraphText, Quotation.opens(next) {
                out.append(.paragraph(text))
                let run = Quotation.run(in: blocks, from: index)
                out.append(.quote(ImportedBlock.Quote(paragraphs: run.map { blocks[$0].paragraphText ?? "" }, attribution: source)))
                index = (run.last ?? index) + 1
                wireSource = source
                continue
            }
            if var open = turn {
                open.paragraphs.append(text)
                turn = open
                continue
            }
            out.append(.paragraph(text))
            if text.hasSuffix(":"), let speaker = SpeechIntroduction.speaker(of: text, in: blocks.compactMap(\.paragraphText)) {
                pendingSpeaker = speaker
            } else if !Quotation.opens(text) {
                pendingSpeaker = nil
            }
        }
        flush()
        // A header speaker with nothing after the header still speaks once.
        return out.map { block in
            if case .turn(var turn) = block, turn.paragraphs.isEmpty { turn.paragraphs = [""]; return .turn(turn) }
            return block
        }
    }

    // MARK: Records

    /// The record's rules: a paragraph opening with `Mr. LOTT.` starts a
    /// turn; inserted material stays inside the turn that introduced it; a
    /// stage direction ends the turn and stands as narration; `{time}`
    /// markers start the same speaker's turn again after the clock time.
    private mutating func recognizeRecord(_ blocks: [SourceBlock]) -> ImportedTranscript {
        let labels = blocks.compactMap { $0.paragraphText.flatMap { RecordLabel.parse(MarkdownEscaping.plainText($0)) ?? RecordLabel.introduced(MarkdownEscaping.plainText($0)) } }
        var speakers = RecordSpeakers(labels: labels)
        var out: [ImportedBlock] = []
        var turn: ImportedBlock.Turn?
        /// Who spoke last, for speech that goes on after a title or a clock time.
        var last: ImportedBlock.Turn?
        /// `By Mr. KENNEDY:` names who makes the statement after the bill's title.
        var introduced: RecordLabel?
        /// After `… ordered to be printed in the Record, as follows:`, what is printed.
        var inserting = false
        var inferred: [Int] = []
        func flush() {
            if let open = turn { out.append(.turn(open)); last = open }
            turn = nil
        }
        func quote(_ paragraphs: [String]) {
            if case .quote(var earlier)? = out.last, earlier.attribution == nil {
                earlier.paragraphs += paragraphs
                out[out.count - 1] = .quote(earlier)
            } else {
                out.append(.quote(ImportedBlock.Quote(paragraphs: paragraphs)))
            }
        }
        var afterClock = false
        for block in blocks {
            defer { if case .heading(_, let text, _) = block { afterClock = PreformattedText.isClock(text) } else { afterClock = false } }
            switch block {
            case .heading(let level, let text, _):
                flush()
                out.append(.heading(level: level, text: text))
            case .quote(let paragraphs, _):
                let marked = paragraphs.map(EventMarks.marked)
                if var open = turn {
                    open.paragraphs.append(TranscriptWriter.quoteMarkdown(ImportedBlock.Quote(paragraphs: marked)))
                    turn = open
                } else {
                    quote(marked)
                }
            case .verbatim(let markdown, _):
                if markdown == "---" {
                    flush()
                    out.append(.separator)
                    last = nil
                    inserting = false
                } else if var open = turn {
                    open.paragraphs.append(markdown)
                    turn = open
                } else {
                    out.append(.verbatim(markdown))
                }
            case .list(let items, _):
                flush()
                out.append(.list(items))
            case .paragraph(let text, let line):
                let plain = MarkdownEscaping.plainText(text)
                let marked = EventMarks.marked(text)
                if let label = RecordLabel.parse(plain) {
                    flush()
                    inserting = false
                    introduced = nil
                    let (id, written) = speakers.speaker(for: label)
                    turn = ImportedBlock.Turn(speakerID: id, label: written, paragraphs: [EventMarks.marked(MarkdownEscaping.escape(label.rest))])
                } else if let label = RecordLabel.introduced(plain) {
                    flush()
                    inserting = false
                    last = nil
                    introduced = label
                    out.append(.paragraph(marked))
                } else if StageDirection.matches(plain) {
                    if turn != nil {
                        flush()
                        out.append(.separator)
                    }
                    inserting = plain.hasSuffix("as follows:")
                    speakers.readChair(from: plain)
                    out.append(.paragraph(marked))
                } else if var open = turn {
                    open.paragraphs.append(marked)
                    turn = open
                } else if inserting {
                    quote([marked])
                } else if let speaker = introduced.map({ speakers.speaker(for: $0) }) ?? last.map({ (id: $0.speakerID, label: $0.label) }) {
                    // Speech with no label of its own: the statement of the member
                    // who introduced the bill, or speech going on after a title
                    // or a clock time (which the record prints mid-speech).
                    turn = ImportedBlock.Turn(speakerID: speaker.id, label: speaker.label, paragraphs: [marked])
                    if !afterClock { inferred.append(line) }
                    introduced = nil
                } else {
                    out.append(.paragraph(marked))
                }
            }
        }
        flush()
        if let first = inferred.first {
            warn("\(inferred.count) paragraph\(inferred.count == 1 ? "" : "s") without a label taken as the speech of the member named before \(inferred.count == 1 ? "it" : "them") (after `By Mr. …:` or a title)",
                 line: first, note: "check the turns' labels against the record")
        }
        // A label with nothing after it (`Mr. LOTT.` at a page's end) still opens its turn.
        transcript.blocks = out.map { block in
            if case .turn(var open) = block, open.paragraphs.allSatisfy(\.isEmpty) { open.paragraphs = [""]; return .turn(open) }
            return block
        }
        transcript.speakers = speakers.speakers
        return transcript
    }

    /// A block quote whose last paragraph starts with a dash names its source.
    static func attributedQuote(_ paragraphs: [String]) -> ImportedBlock.Quote {
        guard paragraphs.count >= 2, let last = paragraphs.last,
              let dash = ["\u{2014}", "\u{2013}", "--"].first(where: { last.hasPrefix($0) })
        else { return ImportedBlock.Quote(paragraphs: paragraphs) }
        let attribution = last.dropFirst(dash.count).trimmingSpaces
        let social = SocialPost(attribution: last)
        return ImportedBlock.Quote(paragraphs: Array(paragraphs.dropLast()), attribution: social?.attributionMarkdown ?? attribution,
                                   isSocialPost: social != nil || paragraphs.contains { $0.contains("pic.twitter.com") })
    }

    // MARK: After the body

    /// `<s>Golden</s> \[Arvada\]`: the struck word stays, unstruck, and a
    /// correction note says what the editor changed.
    private mutating func readCorrections() {
        var found: [(quote: String, before: String, note: String)] = []
        transcript.blocks = transcript.blocks.map { block in
            Corrections.rewrite(block) { struck, inserted, before in
                let quote = inserted.map { "\(struck) [\($0)]" } ?? struck
                let note = inserted.map { "The source strikes out “\(struck)” and puts “\($0)” in its place." }
                    ?? "The source strikes out “\(struck)”."
                found.append((quote, before, note))
            }
        }
        let counts = Dictionary(found.map { ($0.quote, 1) }, uniquingKeysWith: +)
        // A quote written more than once is told apart by the words before it.
        transcript.corrections = found.map { item in
            Correction(quote: item.quote, prefix: counts[item.quote, default: 0] > 1 && !item.before.isEmpty ? item.before : nil, note: item.note)
        }
    }
}

/// `12:43 P.M. MDT`, `1:13 p.m. EDT`, `11:58 AM`.
enum TimeOfDay {
    static func matches(_ text: String) -> Bool {
        // Runs on every paragraph: a time of day is a short line that starts with a digit or markup.
        guard text.utf8.count <= 48, let first = text.utf8.first, (0x30...0x39).contains(first) || first == 0x2A || first == 0x5C else { return false }
        let plain = MarkdownEscaping.plainText(text).trimmingSpaces
        let parts = plain.split(separator: " ")
        guard (2...3).contains(parts.count), let clock = parts.first else { return false }
        let hm = clock.split(separator: ":")
        guard hm.count == 2, let hour = Int(hm[0]), let minute = Int(hm[1]), (1...12).contains(hour), (0...59).contains(minute), hm[1].count == 2 else { return false }
        let meridiem = parts[1].lowercased().replacingOccurrences(of: ".", with: "")
        guard meridiem == "am" || meridiem == "pm" else { return false }
        return parts.count == 2 || (parts[2].count <= 5 && parts[2].allSatisfy { $0.isUppercase })
    }
}
