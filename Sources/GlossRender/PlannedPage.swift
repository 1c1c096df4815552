import GlossModel

/// One output file of the site, not yet rendered: where it goes, a key for
/// everything it is made from, and how to make it.
///
/// Equal keys promise equal bytes, so a rebuild renders and writes only the
/// pages whose key changed. A key hashes the build's seed (theme, site
/// configuration, speaker registry, settings), the page's own parameters and
/// the revision of every transcript the page shows anything of: it may
/// change when the page would not (a body edit changes the key of a list
/// that shows only titles), never the other way round.
public struct PlannedPage: Sendable {
    public var path: String
    public var key: UInt64
    /// The file's bytes.
    public var make: @Sendable () -> [UInt8]

    public init(path: String, key: UInt64, make: @escaping @Sendable () -> [UInt8]) {
        self.path = path
        self.key = key
        self.make = make
    }
}

/// The key of one planned page, built up from its inputs.
struct PageKey {
    private var hasher = StableHasher()

    init(seed: UInt64, _ family: String) {
        hasher.combine(seed)
        hasher.combine(family)
    }

    mutating func add(_ value: Int) { hasher.combine(value) }

    mutating func add(_ text: String?) { hasher.combine(text) }

    /// A transcript the page lists: its entry, which shows only its front
    /// matter. A page that shows more of it adds its ``Document/revision``.
    mutating func add(_ document: Document) {
        hasher.combine(document.slug)
        hasher.combine(document.listingRevision)
    }

    mutating func add(_ value: UInt64) { hasher.combine(value) }

    mutating func add(_ documents: some Sequence<Document>) {
        for document in documents { add(document) }
    }

    /// A transcript on a speaker's page, with everything its entry shows:
    /// its front matter by listing revision, its turns as counted. A
    /// document made in code has no listing revision (0): its entry's
    /// fields from the front matter are hashed instead.
    mutating func add(_ entry: SpeakerTranscript) {
        let document = entry.document
        add(document)
        if document.listingRevision == 0 {
            add(document.frontMatter.title)
            add(document.frontMatter.date?.iso)
            add(document.frontMatter.kind)
            add(document.frontMatter.draft ? 1 : 0)
        }
        add(entry.turnCount)
        add(entry.wordCount)
        add(entry.firstTurn?.passageID)
        add(entry.firstTurn?.excerpt)
        add(entry.firstTurn?.seconds.map(\.bitPattern) ?? UInt64.max)
    }

    var value: UInt64 { hasher.value }
}
