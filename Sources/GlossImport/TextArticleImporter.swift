import GlossModel

/// Plain text: a news article as syndicated (headline, paragraphs, quotes,
/// a copied post, the feed footer) or a speech text (`President: NAME`,
/// then one paragraph a line).
enum TextArticleImporter {
    static func read(_ text: String, input: ImportInput) -> ImportedTranscript {
        if PreformattedText.isRecordLayout(text) {
            return PreformattedText.read(text, firstLine: 1, into: ImportedTranscript(title: "", suggestedName: input.stem), input: input)
        }
        var paragraphs = PlainParagraphs.split(text)
        var transcript = ImportedTranscript(title: "", suggestedName: input.stem)
        var header: ImportedSpeaker?
        if let first = paragraphs.first?.text, let speaker = headerSpeaker(first) {
            header = speaker
            paragraphs.removeFirst()
        }
        if header == nil, paragraphs.count > 1, let first = paragraphs.first, isHeadline(first.text) {
            transcript.title = first.text
            paragraphs.removeFirst()
        }
        FileNameFacts.apply(to: &transcript, input: input)
        if header != nil, transcript.kind == nil { transcript.kind = "speech" }
        var recognizer = StructureRecognizer(transcript: transcript, file: input.name, headerSpeaker: header)
        return recognizer.recognize(paragraphs.map { .paragraph(EventMarks.marked(MarkdownEscaping.escape($0.text)), line: $0.line) })
    }

    /// `President: Harry S. Truman`, the speech texts' first line.
    static func headerSpeaker(_ line: String) -> ImportedSpeaker? {
        for role in ["President", "Speaker", "Vice President", "First Lady", "Governor", "Senator"] {
            let prefix = role + ": "
            guard line.hasPrefix(prefix) else { continue }
            let name = String(line.dropFirst(prefix.count)).trimmingSpaces
            guard !name.isEmpty, name.count <= 60, name.split(separator: " ").count <= 5,
                  name.allSatisfy({ $0.isLetter || " .'-\u{2019}".contains($0) }) else { return nil }
            return ImportedSpeaker(id: SpeakerBook.slug(name), name: name, role: role)
        }
        return nil
    }

    /// A first line that reads as a headline rather than as a paragraph of the story.
    static func isHeadline(_ line: String) -> Bool {
        line.count <= 300 && !line.hasSuffix(":") && SpeakerLabel.parse(line) == nil
            && !Quotation.opens(line) && !line.hasPrefix("\u{201C}")
    }
}

/// What a file name like `1952-10-22-rear-platform-remarks.txt` says: the
/// date and, failing anything better, the title.
enum FileNameFacts {
    static func apply(to transcript: inout ImportedTranscript, input: ImportInput) {
        let stem = input.stem
        var words = Substring(stem)
        if stem.count >= 10, let date = CalendarDate(iso: String(stem.prefix(10))) {
            if transcript.date == nil {
                transcript.date = date
                transcript.warnings.append(.warning(at: SourceLocation(file: input.name), "date \(date) taken from the file name"))
            }
            words = stem.dropFirst(10).drop { $0 == "-" || $0 == "_" }
        }
        if transcript.title.isEmpty {
            let title = words.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).map { word in
                word.first.map { String($0).uppercased() + word.dropFirst() } ?? ""
            }.joined(separator: " ")
            transcript.title = title.isEmpty ? (stem.isEmpty || stem == "-" ? "Imported transcript" : stem) : title
            transcript.warnings.append(.warning(at: SourceLocation(file: input.name), "title \"\(transcript.title)\" made from the file name",
                                                note: "the source has no title of its own; edit it in the front matter"))
        }
    }
}
