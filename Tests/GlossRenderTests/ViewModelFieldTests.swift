import GlossModel
import GlossTemplate
import Testing
@testable import GlossRender

/// View models answer template lookups through a hand-written `switch`; these
/// tests keep that switch in step with the stored properties it describes.
@Suite struct ViewModelFieldTests {
    static let registry = Dictionary(uniqueKeysWithValues: Fixtures.speakers.map { ($0.id, $0) })

    static var models: [any TemplateObject] {
        let document = Fixtures.document(source: Source(title: "DoD", publisher: "DoD", url: "https://example.org", retrieved: CalendarDate(iso: "2025-02-13")))
        let transcript = TranscriptViewModel(document, page: "index.html", speakers: registry, body: "<p>x</p>")
        let citing = CitingTranscriptViewModel(document, citations: [Citation(fromSlug: "a", fromPassageID: "p-1", toSlug: "b", toPassageID: "t-1")], page: "b/index.html")
        let pagination = PaginationViewModel(number: 2, total: 3, page: "page/2/index.html")
        let year = ArchiveYearViewModel(year: 2025, count: 2, page: "index.html")
        let summary = SpeakerSummaryViewModel(Fixtures.speakers[0], turnCount: 2, transcriptCount: 1, page: "speakers/index.html")
        let appearance = SpeakerAppearances(
            speaker: Fixtures.speakers[0],
            turns: [TurnExcerpt(slug: document.slug, passageID: "t-1", speakerID: "hegseth", excerpt: "x", wordCount: 1, seconds: 3)],
            documents: [document.slug: document]
        ).transcripts[0]
        let speakerTranscript = SpeakerTranscriptViewModel(appearance, page: "speakers/hegseth/index.html")
        let turn = TurnViewModel(TurnExcerpt(slug: "a", passageID: "t-1", speakerID: "hegseth", excerpt: "x", wordCount: 1, seconds: 3), transcriptURL: "../../a/")
        let topic = TopicViewModel(name: "Air Defense", page: "index.html", count: 2)
        let feed = FeedViewModel(site: Fixtures.site, baseURL: "https://example.org/", documents: [document], now: .init(timeIntervalSince1970: 0))
        return [
            transcript,
            TranscriptViewModel(document, page: "index.html", speakers: registry, citedBy: [citing], related: [transcript]),
            citing,
            citing.citations[0],
            DateViewModel(CalendarDate(year: 2025, month: 2, day: 12)!),
            HomeViewModel(transcripts: [transcript], pagination: pagination, archive: [year]),
            pagination,
            year,
            ArchivePageViewModel(year: 2025, transcripts: [transcript], years: [year], pagination: pagination),
            summary,
            SpeakersIndexViewModel(speakers: [summary]),
            SpeakerProfileViewModel(summary, links: ["https://example.org/x"], wordCount: 3, transcripts: [speakerTranscript], pagination: PaginationViewModel(number: 1, total: 2, page: "speakers/x/index.html")),
            ExternalLinkViewModel("https://example.org/x")!,
            speakerTranscript,
            turn,
            topic,
            TopicsIndexViewModel(topics: [topic]),
            TopicPageViewModel(name: "Air Defense", count: 3, transcripts: [transcript], pagination: pagination),
            feed,
            feed.entries[0],
            SitemapViewModel(urls: [SitemapURLViewModel(loc: "https://example.org/")]),
            SitemapURLViewModel(loc: "https://example.org/"),
            RobotsViewModel(sitemapURL: nil),
            LinksViewModel(page: "a/index.html"),
            PageViewModel(site: SiteViewModel(Fixtures.site), links: LinksViewModel(page: "index.html")),
            SiteViewModel(Fixtures.site),
            SourceViewModel(Source(title: "t"))!,
            MediaViewModel(Media(kind: .video, url: "https://example.org/v.mp4", offset: 2))!,
            SpeakerViewModel(SpeakerAppearance(id: "hegseth"), registry: registry, page: "index.html"),
        ]
    }

    @Test func everyStoredPropertyIsAFieldTemplatesCanRead() {
        for model in Self.models {
            for case let (label?, _) in Mirror(reflecting: model).children {
                #expect(model.value(named: label) != nil, "\(type(of: model)).\(label) is not readable from templates")
            }
        }
    }

    @Test func namesAViewModelDoesNotHaveFallThroughToOuterContexts() {
        for model in Self.models {
            #expect(model.value(named: "noSuchField") == nil)
        }
    }

    @Test func anEmptyOptionalFieldIsAbsentRatherThanMissing() throws {
        let speaker = SpeakerViewModel(SpeakerAppearance(id: "unknown"), registry: [:], page: "index.html")
        let role = try #require(speaker.value(named: "role"))
        guard case .absent = role else {
            Issue.record("role is \(role), not .absent")
            return
        }
    }

    @Test func aTopicRendersAsItsName() {
        #expect(TopicViewModel(name: "Air Defense", page: "index.html").renderedText == "Air Defense")
    }

    @Test("a kind reads as words with a capital", arguments: [
        ("press-conference", "Press conference"), ("town_hall", "Town hall"), ("Q-and-A", "Q and A"),
        ("élection-débat", "Élection débat"), ("1-on-1", "1 on 1"), ("", ""),
    ])
    func kindLabel(kind: String, label: String) {
        #expect(TranscriptViewModel.label(forKind: kind) == label)
    }
}
