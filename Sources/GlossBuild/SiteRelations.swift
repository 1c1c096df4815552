import GlossModel
import GlossSite

/// Who cites whom and what is related, for the whole site,
/// worked out once between the survey and the rendering passes.
struct SiteRelations: Sendable {
    let index: SiteIndex
    /// Published transcripts by slug.
    let documents: [String: Document]
    /// "Cited by" lists, by the cited transcript's slug.
    let citations: [String: [Citation]]

    init(transcripts: [Document], surveys: [TranscriptSurvey], index: SiteIndex) {
        self.index = index
        documents = Dictionary(transcripts.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var all: [Citation] = []
        for (document, survey) in zip(transcripts, surveys) {
            all += index.citations(from: document, survey: survey)
        }
        citations = SiteIndex.backlinks(all)
    }

    /// Transcripts that share speakers or topics with `slug`, most in common first.
    func related(to slug: String, limit: Int = 5) -> [Document] {
        index.related(to: slug, limit: limit).compactMap { documents[$0] }
    }
}
