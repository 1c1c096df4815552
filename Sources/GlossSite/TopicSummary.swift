/// One topic of the site, for `/topics/` and `/topics/SLUG/`.
public struct TopicSummary: Hashable, Sendable {
    /// The name as the earliest transcript listing it wrote it (`European security`).
    public var name: String
    /// `SiteIndex.topicSlug(name)`: the page is `topics/SLUG/`.
    public var slug: String
    /// Slugs of the transcripts listing the topic, newest first.
    public var documentSlugs: [String]

    public init(name: String, slug: String, documentSlugs: [String]) {
        self.name = name
        self.slug = slug
        self.documentSlugs = documentSlugs
    }
}
