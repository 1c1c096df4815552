import GlossModel

/// schema.org JSON-LD for a transcript's page: the transcript itself, and a
/// ClaimReview for every fact-check that has a rating.
public enum StructuredData {
    /// Whether the document has a fact-check a ClaimReview would be written for.
    public static func hasRatedFactChecks(_ document: Document) -> Bool {
        document.annotations.contains { $0.kind == .factCheck && !($0.rating ?? "").isEmpty }
    }

    /// The numeric scale `site.yaml` may define under `ratings:` (a mapping
    /// from a rating's word to a number), lowercased.
    public static func ratingScale(_ site: SiteConfig) -> [String: Double] {
        guard case .dictionary(let entries)? = site.params["ratings"] else { return [:] }
        var scale: [String: Double] = [:]
        for (word, value) in entries {
            switch value {
            case .int(let number): scale[word.lowercased()] = Double(number)
            case .double(let number): scale[word.lowercased()] = number
            default: continue
            }
        }
        return scale
    }

    /// The JSON-LD, safe to put between `<script type="application/ld+json">` tags.
    ///
    /// - Parameters:
    ///   - pageURL: the page's URL, absolute when the site has a `base_url`.
    ///   - page: the page's text, to find each claim's passage and speaker;
    ///     only read when the document has rated fact-checks.
    public static func json(document: Document, site: SiteConfig, speakers: [String: Speaker], page: PageText?, pageURL: String) -> String {
        let front = document.frontMatter
        let publisher = site.author.flatMap { $0.isEmpty ? nil : $0 } ?? site.title
        // Escaped for HTML too: it goes into the page.
        var json = JSONWriter(htmlSafe: true)
        json.beginObject()
        json.member("@context", "https://schema.org")
        json.key("@graph")
        json.beginArray()
        json.element()
        json.beginObject()
        json.member("@type", "CreativeWork")
        json.member("@id", pageURL + "#transcript")
        json.member("url", pageURL)
        json.member("name", front.title)
        json.member("genre", "transcript")
        json.optional("additionalType", front.kind)
        json.optional("description", front.summary)
        json.member("inLanguage", site.language)
        json.optional("dateCreated", front.date?.iso)
        if !front.topics.isEmpty {
            json.member("keywords", front.topics.joined(separator: ", "))
        }
        if !front.speakers.isEmpty {
            json.key("author")
            json.beginArray()
            for appearance in front.speakers {
                json.element()
                writePerson(appearance.id, document: document, speakers: speakers, into: &json)
            }
            json.endArray()
        }
        json.key("publisher")
        json.beginObject()
        json.member("@type", "Organization")
        json.member("name", publisher)
        json.endObject()
        if let event = front.event ?? front.place {
            json.key("recordedAt")
            json.beginObject()
            json.member("@type", "Event")
            json.member("name", event)
            json.optional("startDate", front.date?.iso)
            if let place = front.place, !place.isEmpty {
                json.key("location")
                json.beginObject()
                json.member("@type", "Place")
                json.member("name", place)
                json.endObject()
            }
            json.endObject()
        }
        if let source = front.source {
            json.key("isBasedOn")
            json.beginObject()
            json.member("@type", "CreativeWork")
            json.optional("name", source.title)
            json.optional("url", source.url.flatMap(URLCharacters.safeHref))
            if let name = source.publisher, !name.isEmpty {
                json.key("publisher")
                json.beginObject()
                json.member("@type", "Organization")
                json.member("name", name)
                json.endObject()
            }
            json.endObject()
        }
        json.endObject()
        let scale = ratingScale(site)
        for (index, annotation) in document.annotations.enumerated() {
            guard annotation.kind == .factCheck, let rating = annotation.rating, !rating.isEmpty else { continue }
            let key = "a\(index + 1)"
            let range = page?.marks[key]
            let passage = range.flatMap { page?.passage(containing: $0.lowerBound) }
            let speakerID = passage?.turn.flatMap { page?.turns[$0].speakerID } ?? (front.speakers.count == 1 ? front.speakers.first?.id : nil)
            json.element()
            json.beginObject()
            json.member("@type", "ClaimReview")
            json.member("url", pageURL + "#note-" + key)
            json.member("claimReviewed", range.flatMap { page?.text($0) } ?? annotation.quote)
            if let date = annotation.date ?? front.date { json.member("datePublished", date.iso) }
            json.key("author")
            json.beginObject()
            json.member("@type", "Organization")
            json.member("name", annotation.author.flatMap { $0.isEmpty ? nil : $0 } ?? publisher)
            json.endObject()
            json.key("reviewRating")
            json.beginObject()
            json.member("@type", "Rating")
            json.member("alternateName", rating.prefix(1).uppercased() + rating.dropFirst())
            if let value = scale[rating.lowercased()], let best = scale.values.max(), let worst = scale.values.min() {
                json.key("ratingValue"); json.value(seconds: value)
                json.key("bestRating"); json.value(seconds: best)
                json.key("worstRating"); json.value(seconds: worst)
            }
            json.endObject()
            json.key("itemReviewed")
            json.beginObject()
            json.member("@type", "Claim")
            if let speakerID {
                json.key("author")
                writePerson(speakerID, document: document, speakers: speakers, into: &json)
            }
            json.optional("datePublished", front.date?.iso)
            json.key("appearance")
            json.beginObject()
            json.member("@type", "CreativeWork")
            json.member("url", pageURL + (passage.map { "#" + $0.id } ?? ""))
            json.member("name", front.title)
            json.endObject()
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.string
    }

    static func writePerson(_ id: String, document: Document, speakers: [String: Speaker], into json: inout JSONWriter) {
        let appearance = document.frontMatter.speakers.first { $0.id == id }
        json.beginObject()
        json.member("@type", "Person")
        json.member("name", speakers[id]?.name ?? appearance?.name ?? id)
        json.optional("jobTitle", appearance?.role ?? speakers[id]?.role)
        json.endObject()
    }
}
