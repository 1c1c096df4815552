import GlossModel

/// `transcript.gloss.json`: the whole transcript as Gloss knows it (schema in docs/exports.md).
extension TranscriptExport {
    public static let glossJSONFile = "transcript.gloss.json"

    public func glossJSON() -> [UInt8] {
        let front = document.frontMatter
        var json = JSONWriter(capacity: page.scalars.count * 2 + 1024)
        json.beginObject()
        json.member("format", "gloss-transcript")
        json.member("version", 1)
        json.member("url", links.page)
        json.member("slug", document.slug)
        json.member("title", front.title)
        json.optional("date", front.date?.iso)
        json.optional("kind", front.kind)
        json.optional("event", front.event)
        json.optional("place", front.place)
        json.optional("summary", front.summary)
        json.member("language", site.language)
        json.key("topics")
        json.beginArray()
        for topic in front.topics { json.element(); json.value(topic) }
        json.endArray()
        if let source = front.source {
            json.key("source")
            json.beginObject()
            json.optional("title", source.title)
            json.optional("publisher", source.publisher)
            json.optional("url", source.url.flatMap(URLCharacters.safeHref))
            json.optional("retrieved", source.retrieved?.iso)
            json.endObject()
        }
        if let media = front.media, let url = URLCharacters.safeHref(media.url) {
            json.key("media")
            json.beginObject()
            json.member("kind", media.kind.rawValue)
            json.member("url", url)
            json.member("offset", seconds: media.offset)
            json.endObject()
        }
        json.key("params")
        Self.write(.dictionary(front.params), into: &json)
        json.key("speakers")
        json.beginArray()
        for appearance in front.speakers {
            json.element()
            json.beginObject()
            json.member("id", appearance.id)
            json.member("name", speakers[appearance.id]?.name ?? appearance.name ?? appearance.id)
            json.optional("role", role(ofSpeaker: appearance.id))
            json.endObject()
        }
        json.endArray()
        json.member("text", page.text(0..<page.scalars.count))
        json.key("passages")
        json.beginArray()
        for passage in page.passages {
            json.element()
            json.beginObject()
            json.member("id", passage.id)
            let turn = passage.turn.map { page.turns[$0] }
            let isTurn = turn?.id == passage.id
            json.member("type", isTurn ? "turn" : "block")
            if let turn, !isTurn { json.member("turn", turn.id) }
            if let speaker = turn?.speakerID { json.member("speaker", speaker) }
            if isTurn, let seconds = turn?.seconds { json.member("seconds", seconds: seconds) }
            json.member("start", passage.range.lowerBound)
            json.member("end", passage.range.upperBound)
            if !isTurn { json.member("text", page.collapsed(passage.range)) }
            json.endObject()
        }
        json.endArray()
        json.key("notes")
        json.beginArray()
        for note in notes {
            json.element()
            json.beginObject()
            json.member("id", note.key)
            if let number = note.number { json.member("number", number) }
            json.member("kind", note.kind)
            if let annotation = note.annotation {
                json.member("quote", annotation.quote)
                json.optional("rating", annotation.rating)
                json.optional("author", annotation.author)
                json.optional("date", annotation.date?.iso)
            }
            json.member("html", note.html)
            json.key("targets")
            json.beginArray()
            for range in note.targets {
                json.element()
                json.beginObject()
                if let passage = page.passage(containing: range.lowerBound) { json.member("passage", passage.id) }
                json.member("start", range.lowerBound)
                json.member("end", range.upperBound)
                json.member("exact", page.text(range))
                json.endObject()
            }
            json.endArray()
            json.key("sources")
            json.beginArray()
            for source in note.annotation?.sources ?? [] {
                guard let url = URLCharacters.safeHref(source.url) else { continue }
                json.element()
                json.beginObject()
                json.optional("title", source.title)
                json.member("url", url)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.bytes.append(0x0A)
        return json.bytes
    }

    /// A front matter value, dictionaries with their keys sorted.
    static func write(_ value: Value, into json: inout JSONWriter) {
        switch value {
        case .null: json.null()
        case .bool(let flag): json.value(flag)
        case .int(let number): json.value(number)
        case .double(let number): json.value(seconds: number)
        case .string(let text): json.value(text)
        case .array(let items):
            json.beginArray()
            for item in items { json.element(); write(item, into: &json) }
            json.endArray()
        case .dictionary(let entries):
            json.beginObject()
            for key in entries.keys.sorted() {
                json.key(key)
                if let item = entries[key] { write(item, into: &json) }
            }
            json.endObject()
        }
    }
}
