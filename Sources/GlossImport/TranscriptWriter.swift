import GlossModel

/// Writes an `ImportedTranscript` as Gloss Markdown with YAML front matter.
///
/// Output depends only on the transcript: keys in a fixed order, every
/// string double-quoted and escaped, no clock, so importing the same input
/// twice gives the same bytes.
public enum TranscriptWriter {
    public static func markdown(for transcript: ImportedTranscript) -> String {
        frontMatter(for: transcript) + "\n" + body(for: transcript)
    }

    // MARK: Front matter

    static func frontMatter(for transcript: ImportedTranscript) -> String {
        var yaml = "---\n"
        yaml += "title: \(quoted(transcript.title))\n"
        if let date = transcript.date { yaml += "date: \(date)\n" }
        if let kind = transcript.kind { yaml += "kind: \(quoted(kind))\n" }
        if let place = transcript.place { yaml += "place: \(quoted(place))\n" }
        if !transcript.speakers.isEmpty {
            yaml += "speakers:\n"
            for speaker in transcript.speakers {
                yaml += "  - id: \(speaker.id)\n"
                yaml += "    name: \(quoted(speaker.name))\n"
                if let role = speaker.role { yaml += "    role: \(quoted(role))\n" }
                if !speaker.aliases.isEmpty { yaml += "    aliases: \(list(speaker.aliases))\n" }
            }
        }
        let source = transcript.source
        if !source.isEmpty {
            yaml += "source:\n"
            if let title = source.title { yaml += "  title: \(quoted(title))\n" }
            if let publisher = source.publisher { yaml += "  publisher: \(quoted(publisher))\n" }
            if let url = source.url { yaml += "  url: \(quoted(url))\n" }
        }
        if let media = transcript.media { yaml += "media:\n  \(media.kind.rawValue): \(quoted(media.url))\n" }
        if !transcript.topics.isEmpty { yaml += "topics: \(list(transcript.topics))\n" }
        if !transcript.corrections.isEmpty {
            yaml += "annotations:\n"
            for correction in transcript.corrections {
                yaml += "  - quote: \(quoted(correction.quote))\n"
                if let prefix = correction.prefix { yaml += "    prefix: \(quoted(prefix))\n" }
                yaml += "    kind: correction\n"
                yaml += "    note: \(quoted(correction.note))\n"
            }
        }
        if !transcript.related.isEmpty {
            yaml += "related_links:\n"
            for link in transcript.related {
                yaml += "  - title: \(quoted(link.title))\n"
                if let url = link.url { yaml += "    url: \(quoted(url))\n" }
            }
        }
        for param in transcript.params { yaml += "\(param.key): \(quoted(param.value))\n" }
        return yaml + "---\n"
    }

    /// A YAML double-quoted scalar: safe for any text, since nothing in it
    /// (`: `, `#`, a leading `-` or `*`, `yes`, `1984`) can change its meaning.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{00A0}": out += "\\_"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                // YAML allows no C0 or C1 control character, DEL, or
                // U+FFFE and U+FFFF in a stream, even inside quotes.
                let value = scalar.value
                // A byte order mark is kept, escaped, as it is text's.
                if value < 0x20 || (0x7F ... 0x9F).contains(value) {
                    out += "\\x" + hex(value, digits: 2)
                } else if value == 0xFEFF || value == 0xFFFE || value == 0xFFFF {
                    out += "\\u" + hex(value, digits: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    // MARK: Body

    static func body(for transcript: ImportedTranscript) -> String {
        var parts: [String] = []
        for block in transcript.blocks {
            switch block {
            case .paragraph(let text): parts.append(text)
            case .turn(let turn):
                parts.append(labelled(turn))
                parts += turn.paragraphs.dropFirst()
            case .quote(let quote): parts.append(quoteMarkdown(quote))
            case .heading(let level, let text): parts.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + text)
            case .list(let items): parts.append(items.map { "- " + $0 }.joined(separator: "\n"))
            case .timeOfDay(let time): parts.append("## " + time)
            case .verbatim(let markdown): parts.append(markdown)
            case .separator: parts.append("---")
            }
        }
        return parts.map { $0 + "\n" }.joined(separator: "\n")
    }

    static func quoteMarkdown(_ quote: ImportedBlock.Quote) -> String {
        var lines = quote.paragraphs.map { paragraph in
            paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        }
        if let attribution = quote.attribution { lines.append("> \u{2014} " + attribution) }
        return lines.joined(separator: "\n>\n")
    }

    /// The first paragraph of a turn with its label: newsroom style
    /// (`HEGSETH: …`) when the label is one the dialect reads unadorned,
    /// bold (`**Mat Ryer:** …`) otherwise.
    static func labelled(_ turn: ImportedBlock.Turn) -> String {
        let first = turn.paragraphs.first ?? ""
        let time = turn.timestamp.map { " [\($0)]" } ?? ""
        let text = first.isEmpty ? "" : " " + first
        if turn.label == "Q" && time.isEmpty { return "Q:" + text }
        if SpeakerLabel.isPlainLabel(turn.label) { return turn.label + time + ":" + text }
        return time.isEmpty ? "**\(MarkdownEscaping.escape(turn.label)):**" + text : "**\(MarkdownEscaping.escape(turn.label))**\(time):" + text
    }
}
