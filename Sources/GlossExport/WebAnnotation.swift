import GlossModel

/// W3C Web Annotation Data Model output (JSON-LD, `http://www.w3.org/ns/anno.jsonld`).
extension TranscriptExport {
    public static let annotationContext = "http://www.w3.org/ns/anno.jsonld"
    public static let annotationsFile = "annotations.jsonld"
    public static let annotationPageFile = "annotation-page.jsonld"
    /// How many code points of text the prefix and suffix carry.
    static let contextLength = 32

    /// The W3C motivation for a kind of note. A translation is `describing`:
    /// the model recognises only its own thirteen motivations, and
    /// `translating` is not one of them (docs/exports.md). The kind itself
    /// goes in a `tagging` body.
    static func motivation(_ kind: String) -> String {
        switch kind {
        case "fact-check": "assessing"
        case "correction": "editing"
        case "translation": "describing"
        default: "commenting"
        }
    }

    /// `annotations.jsonld`: the transcript's notes as one AnnotationCollection
    /// whose first (and only) page is embedded.
    public func annotationCollection() -> [UInt8] {
        let notes = notes
        var json = JSONWriter()
        json.beginObject()
        json.member("@context", Self.annotationContext)
        json.member("id", links.file(Self.annotationsFile))
        json.member("type", "AnnotationCollection")
        json.member("label", "Notes on \(document.frontMatter.title)")
        json.member("total", notes.count)
        if !notes.isEmpty {
            json.key("first")
            json.beginObject()
            json.member("id", links.file(Self.annotationsFile) + "#page-1")
            json.member("type", "AnnotationPage")
            json.member("startIndex", 0)
            json.key("items")
            writeItems(notes, into: &json)
            json.endObject()
        }
        json.endObject()
        json.bytes.append(0x0A)
        return json.bytes
    }

    /// The transcript's page of the site-wide collection: the same
    /// annotations, linked to the pages before and after it.
    public func siteAnnotationPage(previous: String?, next: String?) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("@context", Self.annotationContext)
        json.member("id", links.file(Self.annotationPageFile))
        json.member("type", "AnnotationPage")
        json.member("partOf", links.siteCollection)
        if let previous { json.member("prev", previous) }
        if let next { json.member("next", next) }
        json.key("items")
        writeItems(notes, into: &json)
        json.endObject()
        json.bytes.append(0x0A)
        return json.bytes
    }

    /// The site-wide collection itself, at the top of the site.
    public static func siteCollection(id: String, title: String, first: String?, last: String?) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("@context", annotationContext)
        json.member("id", id)
        json.member("type", "AnnotationCollection")
        json.member("label", "Every note of \(title)")
        if let first { json.member("first", first) }
        if let last { json.member("last", last) }
        json.endObject()
        json.bytes.append(0x0A)
        return json.bytes
    }

    func writeItems(_ notes: [Note], into json: inout JSONWriter) {
        json.beginArray()
        for note in notes {
            json.element()
            writeAnnotation(note, into: &json)
        }
        json.endArray()
    }

    func writeAnnotation(_ note: Note, into json: inout JSONWriter) {
        let annotation = note.annotation
        json.beginObject()
        json.member("id", links.file(Self.annotationsFile) + "#" + note.key)
        json.member("type", "Annotation")
        json.member("motivation", Self.motivation(note.kind))
        if let author = annotation?.author ?? (note.kind == "point" ? nil : site.author), !author.isEmpty {
            json.key("creator")
            json.beginObject()
            json.member("name", author)
            json.endObject()
        }
        if let date = annotation?.date { json.member("created", Self.dateTime(date)) }
        json.key("body")
        json.beginArray()
        json.element()
        json.beginObject()
        json.member("type", "TextualBody")
        json.member("value", note.html)
        json.member("format", "text/html")
        json.member("language", site.language)
        json.member("purpose", Self.motivation(note.kind))
        json.endObject()
        json.element()
        json.beginObject()
        json.member("type", "TextualBody")
        json.member("value", note.kind == "point" ? "note" : note.kind)
        json.member("format", "text/plain")
        json.member("purpose", "tagging")
        json.endObject()
        if let rating = annotation?.rating, !rating.isEmpty {
            json.element()
            json.beginObject()
            json.member("type", "TextualBody")
            json.member("value", rating)
            json.member("format", "text/plain")
            json.member("language", site.language)
            json.member("purpose", "classifying")
            json.endObject()
        }
        for source in annotation?.sources ?? [] {
            guard let url = URLCharacters.safeHref(source.url) else { continue }
            json.element()
            json.beginObject()
            json.member("id", url)
            json.member("type", "Text")
            json.member("purpose", "linking")
            json.endObject()
        }
        json.endArray()
        json.key("target")
        let targets = note.targets.isEmpty ? [nil] : note.targets.map(Optional.some)
        if targets.count > 1 { json.beginArray() }
        for range in targets {
            if targets.count > 1 { json.element() }
            writeTarget(range, into: &json)
        }
        if targets.count > 1 { json.endArray() }
        json.endObject()
    }

    /// The page with its selectors: the words by quote and by position, and
    /// the passage they are in refined by the quote within it.
    func writeTarget(_ range: Range<Int>?, into json: inout JSONWriter) {
        json.beginObject()
        json.member("source", links.page)
        json.member("type", "Text")
        json.member("format", "text/html")
        guard let range, !range.isEmpty else {
            json.endObject()
            return
        }
        json.key("selector")
        json.beginArray()
        json.element()
        writeQuote(range, within: 0..<page.scalars.count, into: &json)
        json.element()
        json.beginObject()
        json.member("type", "TextPositionSelector")
        json.member("start", range.lowerBound)
        json.member("end", range.upperBound)
        json.endObject()
        if let passage = page.passage(containing: range.lowerBound) {
            json.element()
            json.beginObject()
            json.member("type", "FragmentSelector")
            json.member("conformsTo", "http://tools.ietf.org/rfc/rfc3986")
            json.member("value", passage.id)
            json.key("refinedBy")
            writeQuote(range, within: passage.range, into: &json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    func writeQuote(_ range: Range<Int>, within bounds: Range<Int>, into json: inout JSONWriter) {
        json.beginObject()
        json.member("type", "TextQuoteSelector")
        json.member("exact", page.text(range))
        let prefixStart = max(bounds.lowerBound, range.lowerBound - Self.contextLength)
        let suffixEnd = min(bounds.upperBound, range.upperBound + Self.contextLength)
        json.member("prefix", page.text(prefixStart..<max(prefixStart, range.lowerBound)))
        json.member("suffix", page.text(min(range.upperBound, suffixEnd)..<suffixEnd))
        json.endObject()
    }
}
