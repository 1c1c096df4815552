import GlossModel

/// WebVTT and SRT captions: cues in order, the speaker of each from a
/// voice span (`<v Mat Ryer>`) or a `Name:` prefix, consecutive cues of one
/// speaker merged into one turn timed by its first cue.
enum CaptionImporter {
    struct Cue {
        var start: Timecode
        var speaker: String?
        var text: String
        var line: Int
    }

    static func readVTT(_ text: String, input: ImportInput) throws(ImportFailure) -> ImportedTranscript {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.hasPrefix("WEBVTT"), first.count == 6 || [" ", "\t"].contains(first.dropFirst(6).first) else {
            throw .at(input.name, "not a WebVTT file: expected \"WEBVTT\" on the first line, found \"\(String((lines.first ?? "").prefix(40)))\"")
        }
        var cues: [Cue] = []
        for block in blocks(of: lines).dropFirst() {
            let head = block.lines.first ?? ""
            if head.hasPrefix("NOTE") || head.hasPrefix("STYLE") || head.hasPrefix("REGION") { continue }
            guard let timingOffset = block.lines.firstIndex(where: { $0.contains("-->") }) else {
                throw .at(input.name, line: block.line, "broken cue: expected a timing line like 00:00:01.000 --> 00:00:04.000, found \"\(head.prefix(60))\"")
            }
            let timingLine = block.line + timingOffset
            let start = try timing(block.lines[timingOffset], line: timingLine, file: input.name, separator: ".")
            var body = block.lines[(timingOffset + 1)...].joined(separator: " ")
            var speaker: String?
            if let voice = voiceSpan(in: body) { speaker = voice.name; body = voice.rest }
            body = decodeEntities(stripTags(body)).collapsingWhitespace
            if speaker == nil, let prefixed = namePrefix(body) { speaker = prefixed.name; body = prefixed.rest }
            cues.append(Cue(start: start, speaker: speaker, text: body, line: timingLine))
        }
        return transcript(from: cues, input: input, title: String(first.dropFirst(6)).trimmingSpaces.drop { $0 == "-" }.trimmingSpaces)
    }

    static func readSRT(_ text: String, input: ImportInput) throws(ImportFailure) -> ImportedTranscript {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cues: [Cue] = []
        for block in blocks(of: lines) {
            var body = block.lines[...]
            if let index = body.first, index.trimmingSpaces.allSatisfy(\.isASCIIDigit) { body = body.dropFirst() }
            guard let timingLine = body.first, timingLine.contains("-->") else {
                throw .at(input.name, line: block.line, "broken subtitle: expected a number and a timing line like 00:00:01,000 --> 00:00:04,000, found \"\(String((block.lines.first ?? "").prefix(60)))\"")
            }
            let line = block.line + (block.lines.count - body.count)
            let start = try timing(timingLine, line: line, file: input.name, separator: ",")
            var text = decodeEntities(stripTags(body.dropFirst().joined(separator: " "))).collapsingWhitespace
            var speaker: String?
            if let prefixed = namePrefix(text.hasPrefix(">> ") ? String(text.dropFirst(3)) : text) { speaker = prefixed.name; text = prefixed.rest }
            cues.append(Cue(start: start, speaker: speaker, text: text, line: line))
        }
        guard !cues.isEmpty else { throw .at(input.name, "no subtitles found: expected numbered cues with timings") }
        return transcript(from: cues, input: input, title: "")
    }

    /// Blocks of non-blank lines with the line number of each block's first line.
    private static func blocks(of lines: [String]) -> [(lines: [String], line: Int)] {
        var out: [(lines: [String], line: Int)] = []
        var current: [String] = []
        var start = 1
        for (offset, line) in lines.enumerated() {
            if line.trimmingSpaces.isEmpty {
                if !current.isEmpty { out.append((current, start)) }
                current = []
            } else {
                if current.isEmpty { start = offset + 1 }
                current.append(line)
            }
        }
        if !current.isEmpty { out.append((current, start)) }
        return out
    }

    /// The start time of `00:00:01.000 --> 00:00:04.000 align:start`, after
    /// checking both times and their order.
    private static func timing(_ line: String, line number: Int, file: String, separator: Character) throws(ImportFailure) -> Timecode {
        let parts = line.components(separatedBy: "-->")
        let startText = parts[0].trimmingSpaces
        let endText = parts.count > 1 ? String(parts[1].trimmingSpaces.prefix { $0 != " " && $0 != "\t" }) : ""
        func parse(_ text: String, column: Int) throws(ImportFailure) -> Timecode {
            guard let dot = text.lastIndex(of: separator), text[text.index(after: dot)...].count == 3, let time = Timecode(Substring(text)) else {
                let example = separator == "." ? "00:01:02.500" : "00:01:02,500"
                throw .at(file, line: number, column: column, "broken cue timing: expected a time like \(example), found \"\(text)\"")
            }
            return time
        }
        let start = try parse(startText, column: 1 + (line.count - line.drop { $0 == " " }.count))
        let endColumn = (line.range(of: "-->").map { line.distance(from: line.startIndex, to: $0.upperBound) } ?? 0) + 2
        let end = try parse(endText, column: endColumn)
        guard start <= end else {
            throw .at(file, line: number, column: endColumn, "broken cue timing: the cue ends (\(endText)) before it starts (\(startText))")
        }
        return start
    }

    private static func voiceSpan(in text: String) -> (name: String, rest: String)? {
        guard let open = text.range(of: "<v"), let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let inside = text[open.upperBound..<close]
        guard inside.first == " " || inside.first == "." || inside.first == "\t" else { return nil }
        // `<v.loud Mat Ryer>`: classes first, then the name.
        let afterClasses = inside.first == "." ? inside.drop { $0 != " " } : inside
        let name = afterClasses.trimmingSpaces
        guard !name.isEmpty else { return nil }
        return (name, String(text[text.index(after: close)...]))
    }

    /// `Mat Ryer: text` or `MAT RYER: text` in a caption.
    private static func namePrefix(_ text: String) -> (name: String, rest: String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon].trimmingSpaces
        let words = name.split(separator: " ")
        guard (1...4).contains(words.count), name.count <= 40, words.allSatisfy({ $0.first?.isUppercase == true }),
              name.allSatisfy({ $0.isLetter || " .'-\u{2019}".contains($0) }),
              !StructureRecognizer.isSalutationOrLeadIn(name)
        else { return nil }
        return (name, text[text.index(after: colon)...].trimmingSpaces)
    }

    private static func stripTags(_ text: String) -> String {
        var out = ""
        var inTag = false
        var inBrace = false
        for character in text {
            switch character {
            case "<": inTag = true
            case ">" where inTag: inTag = false
            case "{" where !inTag: inBrace = true
            case "}" where inBrace: inBrace = false
            default: if !inTag && !inBrace { out.append(character) }
            }
        }
        return out
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{00A0}").replacingOccurrences(of: "&lrm;", with: "")
            .replacingOccurrences(of: "&rlm;", with: "").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Consecutive cues of one speaker become one turn; a cue with no
    /// speaker continues the turn before it.
    private static func transcript(from cues: [Cue], input: ImportInput, title: String) -> ImportedTranscript {
        var transcript = ImportedTranscript(title: title, suggestedName: input.stem)
        var book = SpeakerBook(header: nil)
        for cue in cues { if let speaker = cue.speaker { book.add(speaker) } }
        var current: ImportedBlock.Turn?
        var narration: [String] = []
        func flush() {
            if let turn = current { transcript.blocks.append(.turn(turn)) }
            current = nil
            if !narration.isEmpty { transcript.blocks.append(.paragraph(narration.joined(separator: " "))) }
            narration = []
        }
        for cue in cues where !cue.text.isEmpty || cue.speaker != nil {
            let text = MarkdownEscaping.escapeInline(cue.text)
            if let speaker = cue.speaker, current?.label != speaker {
                flush()
                current = ImportedBlock.Turn(speakerID: book.id(for: speaker), label: speaker, timestamp: cue.start.dialectForm, paragraphs: [text])
            } else if var turn = current {
                turn.paragraphs[0] += text.isEmpty ? "" : (turn.paragraphs[0].isEmpty ? "" : " ") + text
                current = turn
            } else {
                narration.append(text)
            }
        }
        flush()
        transcript.blocks = transcript.blocks.map { block in
            guard case .paragraph(let text) = block else { return block }
            return .paragraph(MarkdownEscaping.escapingLineStart(text))
        }
        transcript.speakers = book.finished(used: Set(transcript.blocks.compactMap { if case .turn(let turn) = $0 { turn.speakerID } else { nil } }))
        transcript.kind = nil
        FileNameFacts.apply(to: &transcript, input: input)
        return transcript
    }
}
