import GlossTemplate
import GlossModel
import GlossSite

/// `{{#transcript}}` on a transcript page, and each entry of `{{#home.transcripts}}`.
struct TranscriptViewModel: TemplateObject {
    var title: String
    /// Link to the transcript's page, relative to the page being rendered.
    var url: String
    var date: DateViewModel?
    /// As written in front matter (`press-conference`), e.g. for a CSS class.
    var kind: String?
    /// For reading (`Press conference`).
    var kindLabel: String?
    var event: String?
    var place: String?
    var summary: String?
    var speakers: [SpeakerViewModel]
    var hasSpeakers: Bool
    var source: SourceViewModel?
    /// The recording, when the front matter has a `media:` with a safe URL.
    var media: MediaViewModel?
    /// Each renders as its name; `name`, `url`.
    var topics: [TopicViewModel]
    var hasTopics: Bool
    /// True when the front matter says `draft: true` (shown only in draft builds).
    var isDraft: Bool
    /// The rendered transcript: HTML Gloss produced, so the one value read with `{{{…}}}`.
    /// Absent on the home page.
    var body: String?
    /// Front matter keys Gloss does not know (`{{params.producer}}`).
    var params: TemplateDictionary
    /// Transcripts that link to this one; only on its own page.
    var citedBy: [CitingTranscriptViewModel]
    var hasCitedBy: Bool
    /// Related transcripts, in the order given; only on its own page.
    var related: [TranscriptViewModel]
    var hasRelated: Bool
    /// The quotations this page makes, with their verdicts (docs/quotes.md); only on its own page.
    var checkedQuotes: [CheckedQuoteViewModel] = []
    var hasCheckedQuotes: Bool { !checkedQuotes.isEmpty }
    /// Passages of this page that other pages quote; only on its own page.
    var quotedIn: [QuotedInViewModel] = []
    var hasQuotedIn: Bool { !quotedIn.isEmpty }
    /// The transcript's data files (docs/exports.md); only on its own page.
    var dataLinks: [DataLinkViewModel] = []
    var hasDataLinks: Bool { !dataLinks.isEmpty }
    /// schema.org JSON-LD that Gloss wrote, for `<script type="application/ld+json">{{{…}}}`; only on its own page.
    var structuredData: String?

    /// - Parameters:
    ///   - page: the output file being rendered, which links are relative to.
    ///   - body: the rendered body, for the transcript's own page.
    ///   - citedBy: transcripts linking to this one, for its own page.
    ///   - related: related transcripts, for its own page.
    init(
        _ document: Document, page: String, speakers registry: [String: Speaker], body: String? = nil,
        citedBy: [CitingTranscriptViewModel] = [], related: [TranscriptViewModel] = []
    ) {
        // Field by field from the document: a copy of the front matter
        // retains every field, and list pages build one of these per entry.
        title = document.title
        url = SiteURL.relative(from: page, to: SiteURL.pageDirectory(forSlug: document.slug))
        date = document.date.map(DateViewModel.init)
        kind = document.kind.nonEmpty
        kindLabel = kind.map(Self.label(forKind:))
        event = document.event.nonEmpty
        place = document.place.nonEmpty
        summary = document.summary.nonEmpty
        speakers = document.speakers.map { SpeakerViewModel($0, registry: registry, page: page) }
        hasSpeakers = !speakers.isEmpty
        source = document.source.flatMap(SourceViewModel.init)
        media = document.media.flatMap(MediaViewModel.init)
        topics = Topics.unique(document.topics).map { TopicViewModel(name: $0, page: page) }
        hasTopics = !topics.isEmpty
        isDraft = document.isDraft
        self.body = body
        params = TemplateDictionary(document.params.mapValues { TemplateValue($0) })
        self.citedBy = citedBy
        hasCitedBy = !citedBy.isEmpty
        self.related = related
        hasRelated = !related.isEmpty
    }

    /// `press-conference` → `Press conference`.
    /// Runs for every entry of every list page, so the usual kind (ASCII,
    /// starting with a lowercase letter) is done on its bytes.
    static func label(forKind kind: String) -> String {
        var bytes = Array(kind.utf8)
        for index in bytes.indices where bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "_") {
            bytes[index] = UInt8(ascii: " ")
        }
        guard let first = bytes.first, first < 0x80 else {
            let words = String(decoding: bytes, as: UTF8.self)
            return words.prefix(1).uppercased() + words.dropFirst()
        }
        if first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { bytes[0] = first - 32 }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension TranscriptViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "title": title.templateValue
        case "url": url.templateValue
        case "date": date.templateValue
        case "kind": kind.templateValue
        case "kindLabel": kindLabel.templateValue
        case "event": event.templateValue
        case "place": place.templateValue
        case "summary": summary.templateValue
        case "speakers": speakers.templateValue
        case "hasSpeakers": hasSpeakers.templateValue
        case "source": source.templateValue
        case "media": media.templateValue
        case "topics": topics.templateValue
        case "hasTopics": hasTopics.templateValue
        case "isDraft": isDraft.templateValue
        case "body": body.templateValue
        case "params": params.templateValue
        case "citedBy": citedBy.templateValue
        case "hasCitedBy": hasCitedBy.templateValue
        case "related": related.templateValue
        case "hasRelated": hasRelated.templateValue
        case "checkedQuotes": checkedQuotes.templateValue
        case "hasCheckedQuotes": hasCheckedQuotes.templateValue
        case "quotedIn": quotedIn.templateValue
        case "hasQuotedIn": hasQuotedIn.templateValue
        case "dataLinks": dataLinks.templateValue
        case "hasDataLinks": hasDataLinks.templateValue
        case "structuredData": structuredData.templateValue
        default: nil
        }
    }
}
