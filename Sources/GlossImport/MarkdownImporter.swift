import GlossModel
import Yams

/// Markdown, with or without front matter of its own: briefing-room pages
/// (`title`, `date`, `source_url`, `tags`), podcast transcripts with
/// `**Speaker:**` turns.
enum MarkdownImporter {
    static func read(_ text: String, input: ImportInput) throws(ImportFailure) -> ImportedTranscript {
        var transcript = ImportedTranscript(title: "", suggestedName: input.stem)
        var body = text
        var bodyLine = 1
        if text.hasPrefix("---\n") {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingSpaces == "---" || lines[$0].trimmingSpaces == "..." }) else {
                throw .at(input.name, "front matter is not closed: expected a line \"---\" after the opening one")
            }
            try readFrontMatter(lines[1..<close].joined(separator: "\n"), into: &transcript, file: input.name)
            body = lines[(close + 1)...].joined(separator: "\n")
            bodyLine = close + 2
        }
        let blocks = MarkdownBlocks.split(body, firstLine: bodyLine)
        if transcript.title.isEmpty, let index = blocks.firstIndex(where: { if case .heading(1, _, _) = $0 { true } else { false } }),
           case .heading(_, let heading, _) = blocks[index] {
            transcript.title = MarkdownEscaping.plainText(heading)
        }
        FileNameFacts.apply(to: &transcript, input: input)
        var recognizer = StructureRecognizer(transcript: transcript, file: input.name)
        return recognizer.recognize(blocks)
    }

    /// Maps the source's own keys onto Gloss's: `source_url` → `source.url`,
    /// `tags` → `topics` and `kind`, `published_time` → `date` when there is no `date`.
    private static func readFrontMatter(_ yaml: String, into transcript: inout ImportedTranscript, file: String) throws(ImportFailure) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            var line = 1
            var column = 1
            if case .scanner(_, _, let mark, _) = error { line = mark.line + 1; column = mark.column }
            if case .parser(_, _, let mark, _) = error { line = mark.line + 1; column = mark.column }
            throw .at(file, line: line, column: column, "front matter is not valid YAML")
        } catch {
            throw .at(file, line: 2, "front matter is not valid YAML")
        }
        guard let mapping = node?.mapping else { return }
        func text(_ keys: String...) -> String? {
            for key in keys {
                if let value = mapping[Node(key)], let string = value.string?.trimmingSpaces, !string.isEmpty { return string }
            }
            return nil
        }
        transcript.title = text("title", "headline", "name") ?? ""
        transcript.date = text("date", "published_time", "published", "pubDate", "date_published").flatMap(DateText.parse)
        if let url = text("source_url", "url", "link", "canonical_url", "permalink", "source"), WebURL.isAbsolute(url) {
            transcript.source.url = url
        }
        transcript.source.publisher = text("publisher", "site_name", "site")
        transcript.place = text("place", "location")
        readMedia(mapping, into: &transcript, file: file)
        var tags: [String] = []
        for key in ["tags", "categories", "topics"] {
            guard let value = mapping[Node(key)] else { continue }
            if let list = value.sequence { tags += list.compactMap(\.string) } else if let one = value.string { tags.append(one) }
        }
        transcript.topics = tags.filter { !$0.isEmpty }
        let kinds = ["press-briefings": "press-briefing", "speeches-remarks": "speech", "interviews": "interview", "statements-releases": "statement"]
        transcript.kind = tags.compactMap { kinds[$0] }.first
    }
}

extension MarkdownImporter {
    private static let mediaKeys = ["media", "audio", "video", "media_url", "audio_url", "video_url", "enclosure"]

    /// The recording: `media: URL`, `media: {audio: URL}`, `audio_url: URL`…
    /// A URL the build would refuse (`file:`, `javascript:`, spaces) is left
    /// out with a warning naming its line, rather than silently dropped.
    static func readMedia(_ mapping: Node.Mapping, into transcript: inout ImportedTranscript, file: String) {
        for key in mediaKeys {
            guard let value = mapping[Node(key)] else { continue }
            var candidates: [(key: String, node: Node)] = []
            if let nested = value.mapping {
                for (inner, node) in nested { if let name = inner.string, ["audio", "video", "url"].contains(name) { candidates.append((name, node)) } }
            } else {
                candidates.append((key, value))
            }
            for candidate in candidates {
                guard let url = candidate.node.string?.trimmingSpaces, !url.isEmpty else { continue }
                let mark = candidate.node.mark
                guard ImportedMedia.isUsable(url) else {
                    transcript.warnings.append(.warning(
                        at: SourceLocation(file: file, line: (mark?.line ?? 0) + 1, column: mark?.column ?? 1),
                        "media URL \"\(url)\" cannot be used, so it was left out",
                        note: "expected an http(s) URL or a relative path like media/briefing.mp3; fix it in the front matter's `media:`"
                    ))
                    continue
                }
                if transcript.media == nil { transcript.media = ImportedMedia(kind: ImportedMedia.kind(key: candidate.key == "url" ? key : candidate.key, url: url), url: url) }
            }
        }
    }
}

/// Markdown's blocks, read just far enough to keep code, quotes, lists and
/// HTML as they are and to re-flow hard-wrapped paragraphs.
enum MarkdownBlocks {
    static func split(_ body: String, firstLine: Int) -> [SourceBlock] {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [SourceBlock] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let number = firstLine + index
            if line.trimmingSpaces.isEmpty { index += 1; continue }
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let fence = String(trimmed.prefix(3))
                var end = index + 1
                while end < lines.count, !lines[end].trimmingSpaces.hasPrefix(fence) { end += 1 }
                blocks.append(.verbatim(lines[index...min(end, lines.count - 1)].joined(separator: "\n"), line: number))
                index = end + 1
                continue
            }
            // The rest of the block: up to the next blank line.
            var end = index
            while end < lines.count, !lines[end].trimmingSpaces.isEmpty { end += 1 }
            let block = Array(lines[index..<end])
            index = end
            if line.hasPrefix("    ") || line.hasPrefix("\t") || trimmed.hasPrefix("<") && !trimmed.hasPrefix("<s>") {
                blocks.append(.verbatim(block.joined(separator: "\n"), line: number))
            } else if let level = headingLevel(trimmed), block.count == 1 {
                blocks.append(.heading(level: level, text: String(trimmed.dropFirst(level)).trimmingSpaces, line: number))
            } else if trimmed.hasPrefix(">") {
                let inner = block.map { String($0.trimmingSpaces.dropFirst().drop { $0 == " " }) }.joined(separator: "\n")
                blocks.append(.quote(PlainParagraphs.split(inner).map(\.text), line: number))
            } else if isListItem(trimmed) {
                blocks.append(.verbatim(block.joined(separator: "\n"), line: number))
            } else {
                for paragraph in PlainParagraphs.split(block.joined(separator: "\n"), firstLine: number) {
                    blocks.append(.paragraph(paragraph.text, line: paragraph.line))
                }
            }
        }
        return blocks
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private static func isListItem(_ line: String) -> Bool {
        if ["- ", "* ", "+ "].contains(where: { line.hasPrefix($0) }) { return true }
        let digits = line.prefix { $0.isASCIIDigit }
        return !digits.isEmpty && (line.dropFirst(digits.count).hasPrefix(". ") || line.dropFirst(digits.count).hasPrefix(") "))
    }
}
