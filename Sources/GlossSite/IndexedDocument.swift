import GlossModel

/// What the site index knows about one transcript: enough to resolve links to
/// it, list it under its topics and speakers, and rank it as related.
public struct IndexedDocument: Hashable, Sendable {
    /// URL path of the page (`2025/hegseth`), written to `2025/hegseth/index.html`.
    public var slug: String
    /// Path relative to `Content/` with `/` separators (`2025/hegseth.md`):
    /// what `[text](hegseth.md)` links are resolved against.
    public var path: String
    /// The front matter's `title`.
    public var title: String
    /// The front matter's `date`, the day of the event.
    public var date: CalendarDate?
    /// Topic names as written in the front matter.
    public var topics: [String]
    /// Ids of the speakers taking part, from the front matter.
    public var speakerIDs: [String]
    /// Every id a link may name after `#` on this page: passages, turns,
    /// headings, notes.
    public var anchors: Set<String>

    public init(slug: String, path: String, title: String, date: CalendarDate? = nil, topics: [String] = [], speakerIDs: [String] = [], anchors: Set<String> = []) {
        self.slug = slug
        self.path = path
        self.title = title
        self.date = date
        self.topics = topics
        self.speakerIDs = speakerIDs
        self.anchors = anchors
    }

    /// The index entry for `document` with the anchor ids its rendering produced.
    public init(_ document: Document, anchors: Set<String>) {
        self.init(
            slug: document.slug,
            path: document.path,
            title: document.frontMatter.title,
            date: document.frontMatter.date,
            topics: document.frontMatter.topics,
            speakerIDs: document.speakers.map(\.id),
            anchors: anchors
        )
    }

    /// Newest first: dated before undated, later dates first, then by slug,
    /// so every list of transcripts comes out in one stable order.
    static func newestFirst(_ a: IndexedDocument, _ b: IndexedDocument) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.slug < b.slug
        }
    }
}
