import GlossModel
import GlossSite

/// Who cites whom and what is related, for the whole site,
/// worked out once between the survey and the rendering passes.
struct SiteRelations: Sendable {
    var index: SiteIndex
    /// Published transcripts by slug.
    var documents: [String: Document]
    /// "Cited by" lists, by the cited transcript's slug.
    var citations: [String: [Citation]]

    /// - Parameter citing: each transcript's links to others, parallel to `transcripts`.
    init(transcripts: [Document], citing: [[Citation]], index: SiteIndex) {
        self.index = index
        documents = Dictionary(transcripts.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        citations = SiteIndex.backlinks(citing.flatMap { $0 })
    }

    /// Transcripts that share speakers or topics with `slug`, most in common first.
    func related(to slug: String, limit: Int = 5) -> [Document] {
        index.related(to: slug, limit: limit).compactMap { documents[$0] }
    }
}
