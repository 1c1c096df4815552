/// One Markdown file from `Content/`, split and decoded but not yet rendered.
///
/// A value with its fields in one shared box: a site passes each transcript
/// through many lists (sorted, grouped by speaker and topic, related), and
/// copying a document should cost one reference, not one per field. Writing
/// to a shared document copies the box first, so it behaves as a plain struct.
public struct Document: Hashable, Sendable {
    private final class Storage: @unchecked Sendable {
        // Only mutated through `Document`'s accessors after `isKnownUniquelyReferenced`.
        var path: String
        var displayPath: String
        var slug: String
        var frontMatter: FrontMatter
        var body: String
        var bodyStartLine: Int
        var annotations: [Annotation]
        var revision: UInt64
        var listingRevision: UInt64
        var bodyElided = false

        init(path: String, displayPath: String, slug: String, frontMatter: FrontMatter, body: String, bodyStartLine: Int, annotations: [Annotation], revision: UInt64, listingRevision: UInt64) {
            self.path = path
            self.displayPath = displayPath
            self.slug = slug
            self.frontMatter = frontMatter
            self.body = body
            self.bodyStartLine = bodyStartLine
            self.annotations = annotations
            self.revision = revision
            self.listingRevision = listingRevision
        }

        func copy() -> Storage {
            let copy = Storage(path: path, displayPath: displayPath, slug: slug, frontMatter: frontMatter, body: body,
                               bodyStartLine: bodyStartLine, annotations: annotations, revision: revision, listingRevision: listingRevision)
            copy.bodyElided = bodyElided
            return copy
        }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public init(
        path: String, displayPath: String, slug: String, frontMatter: FrontMatter, body: String, bodyStartLine: Int,
        annotations: [Annotation] = [], revision: UInt64 = 0, listingRevision: UInt64 = 0
    ) {
        storage = Storage(path: path, displayPath: displayPath, slug: slug, frontMatter: frontMatter, body: body,
                          bodyStartLine: bodyStartLine, annotations: annotations, revision: revision, listingRevision: listingRevision)
    }

    /// Path relative to the content directory, with `/` separators (`2025/hegseth.md`).
    public var path: String {
        get { storage.path }
        set { unique().path = newValue }
    }

    /// Path for diagnostics, as the user would type it (`Content/2025/hegseth.md`).
    public var displayPath: String {
        get { storage.displayPath }
        set { unique().displayPath = newValue }
    }

    /// URL path segment(s) of the page: `2025/hegseth` is written to `2025/hegseth/index.html`.
    public var slug: String {
        get { storage.slug }
        set { unique().slug = newValue }
    }

    public var frontMatter: FrontMatter {
        _read { yield storage.frontMatter }
        _modify { yield &unique().frontMatter }
    }

    /// The front matter's speakers, kind and date: read without copying the
    /// rest of the front matter, which passes over thousands of transcripts
    /// would do (a coroutine yielding the front matter of a class's field
    /// copies it whole).
    public var speakers: [SpeakerAppearance] { storage.frontMatter.speakers }

    public var kind: String? { storage.frontMatter.kind }

    public var date: CalendarDate? { storage.frontMatter.date }

    public var quoteOverrides: [QuoteOverride] { storage.frontMatter.quoteOverrides }

    // The rest of the fields a list entry shows, read the same way: every
    // list page reads them for each of its entries.
    public var title: String { storage.frontMatter.title }

    public var event: String? { storage.frontMatter.event }

    public var place: String? { storage.frontMatter.place }

    public var summary: String? { storage.frontMatter.summary }

    public var source: Source? { storage.frontMatter.source }

    public var media: Media? { storage.frontMatter.media }

    public var topics: [String] { storage.frontMatter.topics }

    public var isDraft: Bool { storage.frontMatter.draft }

    public var params: [String: Value] { storage.frontMatter.params }

    /// The Markdown after the front matter, with line endings normalised to `\n`.
    public var body: String {
        get { storage.body }
        set {
            let storage = unique()
            storage.body = newValue
            storage.bodyElided = false
        }
    }

    /// Whether ``body`` was left out (``withoutBody()``): whatever needs the
    /// Markdown again reads it from the file.
    public var isBodyElided: Bool {
        storage.bodyElided
    }

    /// Line of the `.md` file on which `body` starts (1-based), so positions in
    /// the body can be reported as positions in the file.
    public var bodyStartLine: Int {
        get { storage.bodyStartLine }
        set { unique().bodyStartLine = newValue }
    }

    /// Range notes from the front matter's `annotations:` and from a sidecar
    /// `NAME.annotations.yaml`, in that order.
    public var annotations: [Annotation] {
        _read { yield storage.annotations }
        _modify { yield &unique().annotations }
    }

    /// A stable hash of the files the document was read from (the `.md` and
    /// its sidecar): equal revisions, equal documents. What a rebuild compares
    /// to tell which pages to write again; 0 for a document made in code.
    public var revision: UInt64 {
        get { storage.revision }
        set { unique().revision = newValue }
    }

    /// A stable hash of what lists of transcripts show of this one: its path
    /// and its front matter's bytes, not its body or sidecar. Equal listing
    /// revisions, equal entries on the home, archive, topic and feed pages,
    /// so editing a transcript's words re-renders none of them. 0 for a
    /// document made in code.
    public var listingRevision: UInt64 {
        get { storage.listingRevision }
        set { unique().listingRevision = newValue }
    }

    /// The same document with its body left out: what a build keeps once
    /// the body is rendered, so that the Markdown can be freed, and what a
    /// cache keeps of a transcript.
    public func withoutBody() -> Document {
        var copy = self
        copy.body = ""
        copy.unique().bodyElided = true
        return copy
    }

    public static func == (a: Document, b: Document) -> Bool {
        a.storage === b.storage || (a.path == b.path && a.displayPath == b.displayPath && a.slug == b.slug
            && a.frontMatter == b.frontMatter && a.body == b.body && a.bodyStartLine == b.bodyStartLine
            && a.annotations == b.annotations && a.revision == b.revision && a.listingRevision == b.listingRevision
            && a.isBodyElided == b.isBodyElided)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(slug)
        hasher.combine(revision)
        hasher.combine(body)
    }
}

/// The typed front matter of a transcript. Unknown keys go to `params`.
public struct FrontMatter: Hashable, Sendable {
    public var title: String
    public var date: CalendarDate?
    /// speech, interview, press-conference, debate, hearing, article …
    public var kind: String?
    public var event: String?
    public var place: String?
    public var speakers: [SpeakerAppearance]
    public var source: Source?
    public var media: Media?
    public var topics: [String]
    public var summary: String?
    public var draft: Bool
    /// Set when the front matter names the slug instead of the file path.
    public var slug: String?
    /// The editor's rulings on the page's quotations (`quotes:`), which the
    /// quote check follows instead of searching (docs/quotes.md).
    public var quoteOverrides: [QuoteOverride] = []
    public var params: [String: Value]

    public init(
        title: String,
        date: CalendarDate? = nil,
        kind: String? = nil,
        event: String? = nil,
        place: String? = nil,
        speakers: [SpeakerAppearance] = [],
        source: Source? = nil,
        media: Media? = nil,
        topics: [String] = [],
        summary: String? = nil,
        draft: Bool = false,
        slug: String? = nil,
        params: [String: Value] = [:]
    ) {
        self.title = title
        self.date = date
        self.kind = kind
        self.event = event
        self.place = place
        self.speakers = speakers
        self.source = source
        self.media = media
        self.topics = topics
        self.summary = summary
        self.draft = draft
        self.slug = slug
        self.params = params
    }
}

/// A speaker taking part in one transcript, optionally in a role particular to that event.
public struct SpeakerAppearance: Hashable, Sendable {
    public var id: String
    public var role: String?
    public var location: SourceLocation?
    /// Set when the transcript declares the speaker itself (`{id:, name:}`),
    /// as an imported transcript does, instead of relying on `speakers.yaml`.
    public var name: String?
    /// Labels that name this speaker, declared with the transcript.
    public var aliases: [String]

    public init(id: String, role: String? = nil, location: SourceLocation? = nil, name: String? = nil, aliases: [String] = []) {
        self.id = id
        self.role = role
        self.location = location
        self.name = name
        self.aliases = aliases
    }
}

/// Where the words were published: every transcript should say where it came from.
public struct Source: Hashable, Sendable {
    public var title: String?
    public var publisher: String?
    public var url: String?
    public var retrieved: CalendarDate?

    public init(title: String? = nil, publisher: String? = nil, url: String? = nil, retrieved: CalendarDate? = nil) {
        self.title = title
        self.publisher = publisher
        self.url = url
        self.retrieved = retrieved
    }
}

/// A recording of the event that timestamps can point into.
public struct Media: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case audio, video }
    public var kind: Kind
    public var url: String
    /// Seconds into the recording at which the transcript's `00:00` falls.
    public var offset: Double

    public init(kind: Kind, url: String, offset: Double = 0) {
        self.kind = kind
        self.url = url
        self.offset = offset
    }
}
