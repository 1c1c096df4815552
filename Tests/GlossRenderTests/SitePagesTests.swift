import Foundation
import GlossModel
import GlossRender
import Testing

/// Speaker, topic, archive and paginated home pages.
@Suite struct SitePagesTests {
    static func document(_ slug: String, _ title: String, _ date: String?, topics: [String] = [], speakers: [String] = ["hegseth"]) -> Document {
        var document = Fixtures.document(slug: slug, title: title, date: date, speakers: speakers.map { SpeakerAppearance(id: $0) })
        document.frontMatter.topics = topics
        return document
    }

    static let documents = [
        document("2024/older", "Older remarks", "2024-11-05", topics: ["Air Defense", "NATO"]),
        document("2025/newer", "Newer remarks", "2025-02-12", topics: ["air defense"], speakers: ["hegseth", "healey"]),
        document("undated", "Undated remarks", nil, speakers: ["healey"]),
    ]

    static let turns = [
        TurnExcerpt(slug: "2024/older", passageID: "t-00-01-00", speakerID: "hegseth", excerpt: "First in older", wordCount: 10, seconds: 60),
        TurnExcerpt(slug: "2025/newer", passageID: "t-00-00-05", speakerID: "hegseth", excerpt: "First in newer", wordCount: 5),
        TurnExcerpt(slug: "2025/newer", passageID: "p-abc", speakerID: "hegseth", excerpt: "Second in newer", wordCount: 7),
        TurnExcerpt(slug: "2025/newer", passageID: "t-00-00-09", speakerID: "healey", excerpt: "Healey speaks", wordCount: 3),
        TurnExcerpt(slug: "draft", passageID: "t-1", speakerID: "hegseth", excerpt: "In a draft", wordCount: 100),
    ]

    static func position(of text: String, in html: String) -> Int {
        html.range(of: text).map { html.distance(from: html.startIndex, to: $0.lowerBound) } ?? -1
    }

    @Test func speakerPageListsTranscriptsNewestFirstWithTheFirstTurnOfEach() throws {
        var speaker = Fixtures.speakers[0]
        speaker.links = ["https://en.wikipedia.org/wiki/Pete_Hegseth", "javascript:alert(1)", "/relative"]
        let bySlug = Dictionary(uniqueKeysWithValues: Self.documents.map { ($0.slug, $0) })
        let html = try Fixtures.renderer().speakerPage(speaker: speaker, turns: Self.turns, documents: bySlug)
        #expect(html.contains("href=\"../../assets/gloss.css\""))
        #expect(html.contains("<h1 class=\"page-title\">Pete Hegseth</h1>"))
        #expect(html.contains("U.S. Secretary of Defense"))
        #expect(html.contains("<span>3 turns</span><span>22 words</span><span>2 transcripts</span>"))
        #expect(html.contains("<h3 class=\"item-title\"><a href=\"../../2025/newer/\">Newer remarks</a></h3>"))
        #expect(html.contains("<time datetime=\"2025-02-12\">12 February 2025</time><span class=\"item-kind\">Speech</span>"))
        #expect(html.contains("<span>2 turns</span><span>12 words</span>"))
        #expect(html.contains("<span>1 turn</span><span>10 words</span>"))
        #expect(html.contains("<p class=\"first-turn\"><a href=\"../../2025/newer/#t-00-00-05\">First in newer</a></p>"))
        #expect(html.contains("<p class=\"first-turn\"><span class=\"turn-time\">00:01:00</span> <a href=\"../../2024/older/#t-00-01-00\">First in older</a></p>"))
        #expect(!html.contains("Second in newer"), "only the first turn of a transcript is shown")
        #expect(!html.contains("In a draft"))
        #expect(!html.contains("Healey speaks"))
        #expect(!html.contains("Undated remarks"))
        #expect(html.contains("href=\"https://en.wikipedia.org/wiki/Pete_Hegseth\" rel=\"external\">en.wikipedia.org/wiki/Pete_Hegseth</a>"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("/relative"))
        let order = ["Newer remarks", "First in newer", "Older remarks", "First in older"].map { Self.position(of: $0, in: html) }
        #expect(order.allSatisfy { $0 >= 0 } && order == order.sorted())
        #expect(html.contains("href=\"../\">Speakers</a>"))
        #expect(!html.contains("class=\"pager\""), "one page needs no pager")
    }

    @Test func speakersIndexCountsTurnsAndTranscripts() throws {
        let html = try Fixtures.renderer().speakersIndexPage(turns: Self.turns, documents: Self.documents)
        #expect(html.contains("href=\"../assets/gloss.css\""))
        #expect(html.contains("<a href=\"hegseth/\">Pete Hegseth</a>"))
        #expect(html.contains("<a href=\"healey/\">John Healey</a>"))
        #expect(html.contains("<span>3 turns</span><span>2 transcripts</span>"))
        #expect(html.contains("<span>1 turn</span><span>2 transcripts</span>"))
        // By name: Healey before Hegseth.
        #expect(Self.position(of: "John Healey", in: html) < Self.position(of: "Pete Hegseth", in: html))
    }

    @Test func speakerPagesCoverTheRegistry() throws {
        let pages = try Fixtures.renderer().speakerPages(turns: Self.turns, documents: Self.documents)
        #expect(pages.map(\.path) == ["speakers/hegseth/index.html", "speakers/healey/index.html"])
    }

    @Test func topicsGroupBySlugAndLinkFromTheirDepth() throws {
        let renderer = try Fixtures.renderer()
        let index = renderer.topicsIndexPage(documents: Self.documents)
        #expect(index.contains("<a href=\"air-defense/\">air defense</a> <span class=\"count\">(2 transcripts)</span>"))
        #expect(index.contains("<a href=\"nato/\">NATO</a> <span class=\"count\">(1 transcript)</span>"))
        let pages = renderer.topicPages(documents: Self.documents)
        #expect(pages.map(\.path) == ["topics/air-defense/index.html", "topics/nato/index.html"])
        let page = try #require(pages.first?.html)
        #expect(page.contains("href=\"../../assets/gloss.css\""))
        #expect(page.contains("<a href=\"../../2025/newer/\">Newer remarks</a>"))
        #expect(Self.position(of: "Newer remarks", in: page) < Self.position(of: "Older remarks", in: page))
        #expect(!page.contains("Undated remarks"))
        #expect(renderer.topicPage(topic: "NATO", documents: Self.documents).contains("Older remarks"))
    }

    @Test func transcriptPageLinksSpeakersAndTopics() throws {
        let html = try Fixtures.renderer().transcriptPage(TranscriptPageInput(document: Self.documents[1], bodyHTML: "<p>x</p>"))
        #expect(html.contains("<a class=\"speaker-name\" href=\"../../speakers/hegseth/\">Pete Hegseth</a>"))
        #expect(html.contains("<li><a href=\"../../topics/air-defense/\">air defense</a></li>"))
        #expect(!html.contains("Cited by"))
        #expect(!html.contains("Related transcripts"))
    }

    @Test func unknownSpeakersAreNotLinked() throws {
        let document = Self.document("x", "X", "2025-01-01", speakers: ["nobody"])
        let html = try Fixtures.renderer().transcriptPage(TranscriptPageInput(document: document, bodyHTML: ""))
        #expect(html.contains("<span class=\"speaker-name\">nobody</span>"))
    }

    @Test func transcriptPageShowsCitedByAndRelated() throws {
        let target = Self.documents[0]
        let citations = [
            Citation(fromSlug: "2025/newer", fromPassageID: "t-00-00-05", toSlug: "2024/older", toPassageID: "t-00-01-00"),
            Citation(fromSlug: "2025/newer", fromPassageID: "p-abc", toSlug: "2024/older", inAnnotation: true),
            Citation(fromSlug: "draft", toSlug: "2024/older"),
            Citation(fromSlug: "2025/newer", toSlug: "elsewhere"),
        ]
        let bySlug = Dictionary(uniqueKeysWithValues: Self.documents.map { ($0.slug, $0) })
        let html = try Fixtures.renderer().transcriptPage(TranscriptPageInput(
            document: target, bodyHTML: "", citations: citations, related: [Self.documents[2]], documents: bySlug
        ))
        #expect(html.contains("<h2 id=\"cited-by\">Cited by</h2>"))
        #expect(html.contains("<a href=\"../../2025/newer/#t-00-00-05\">passage 1</a> (on <a href=\"#t-00-01-00\">this passage</a>)"))
        #expect(html.contains("<a href=\"../../2025/newer/#p-abc\">note 2</a>"))
        #expect(!html.contains("draft"))
        #expect(html.contains("<h2 id=\"related\">Related transcripts</h2>"))
        #expect(html.contains("<a href=\"../../undated/\">Undated remarks</a>"))
    }

    @Test func homeIsPaginatedWithNeighbourLinks() throws {
        let documents = (1...5).map { Self.document("d\($0)", "Doc \($0)", "2025-01-0\($0)") }
        let renderer = try PageRenderer(theme: .builtIn, site: Fixtures.site, speakers: Fixtures.speakers, pageSize: 2)
        let pages = renderer.homePages(documents: documents)
        #expect(pages.map(\.path) == ["index.html", "page/2/index.html", "page/3/index.html"])
        let first = pages[0].html, middle = pages[1].html, last = pages[2].html
        #expect(first.contains("Doc 5") && first.contains("Doc 4") && !first.contains("Doc 3"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("<a href=\"page/2/\" rel=\"next\">Older</a>"))
        #expect(first.contains("Page 1 of 3"))
        #expect(middle.contains("href=\"../../assets/gloss.css\""))
        #expect(middle.contains("<a href=\"../../\" rel=\"prev\">Newer</a>"))
        #expect(middle.contains("<a href=\"../3/\" rel=\"next\">Older</a>"))
        #expect(last.contains("Doc 1") && !last.contains("Doc 2<"))
        #expect(last.contains("<a href=\"../2/\" rel=\"prev\">Newer</a>"))
        #expect(!last.contains("rel=\"next\""))
        #expect(renderer.homePage(documents: documents) == first)
    }

    @Test func exactlyOneFullPageHasNoPager() throws {
        let documents = (1...2).map { Self.document("d\($0)", "Doc \($0)", "2025-01-0\($0)") }
        let renderer = try PageRenderer(theme: .builtIn, site: Fixtures.site, speakers: [], pageSize: 2)
        let pages = renderer.homePages(documents: documents)
        #expect(pages.count == 1)
        #expect(!pages[0].html.contains("class=\"pager\""))
        #expect(renderer.homePages(documents: []).map(\.path) == ["index.html"])
    }

    @Test func archivePagesPerYearAndListedOnHome() throws {
        let renderer = try Fixtures.renderer()
        let home = renderer.homePage(documents: Self.documents)
        #expect(home.contains("<a href=\"archive/2025/\">2025</a> <span class=\"count\">(1)</span>"))
        #expect(home.contains("<a href=\"archive/2024/\">2024</a>"))
        let pages = renderer.archivePages(documents: Self.documents)
        #expect(pages.map(\.path) == ["archive/2025/index.html", "archive/2024/index.html"])
        let page = pages[1].html
        #expect(page.contains("Transcripts from 2024"))
        #expect(page.contains("<a href=\"../../2024/older/\">Older remarks</a>"))
        #expect(!page.contains("Newer remarks"))
        #expect(page.contains("<a href=\"./\" aria-current=\"page\">2024</a>"))
        #expect(page.contains("<a href=\"../2025/\">2025</a>"))
    }

    @Test func everyPageHasACanonicalURLWithABaseURL() throws {
        var site = Fixtures.site
        site.baseURL = "https://example.org/t/"
        let renderer = try Fixtures.renderer(site: site)
        let bySlug = Dictionary(uniqueKeysWithValues: Self.documents.map { ($0.slug, $0) })
        let pages: [(String, String)] = [
            (renderer.speakersIndexPage(turns: Self.turns, documents: Self.documents), "https://example.org/t/speakers/"),
            (renderer.speakerPage(speaker: Fixtures.speakers[0], turns: Self.turns, documents: bySlug), "https://example.org/t/speakers/hegseth/"),
            (renderer.topicsIndexPage(documents: Self.documents), "https://example.org/t/topics/"),
            (renderer.topicPage(topic: "NATO", documents: Self.documents), "https://example.org/t/topics/nato/"),
            (renderer.archivePages(documents: Self.documents)[0].html, "https://example.org/t/archive/2025/"),
            (try PageRenderer(theme: .builtIn, site: site, speakers: [], pageSize: 1).homePages(documents: Self.documents)[1].html, "https://example.org/t/page/2/"),
            (renderer.homePage(documents: []), "https://example.org/t/"),
        ]
        for (html, url) in pages {
            #expect(html.contains("<link rel=\"canonical\" href=\"\(url)\">"), "\(url)")
            #expect(html.contains("type=\"application/atom+xml\""))
        }
        let plain = try Fixtures.renderer().speakersIndexPage(turns: [], documents: [])
        #expect(!plain.contains("rel=\"canonical\""))
        #expect(!plain.contains("application/atom+xml"))
    }

    @Test func headerNavigatesToSpeakersAndTopics() throws {
        let html = try Fixtures.renderer().topicsIndexPage(documents: [])
        #expect(html.contains("<a href=\"../speakers/\">Speakers</a>"))
        #expect(html.contains("<a href=\"./\">Topics</a>"))
        #expect(html.contains("No topics yet."))
    }

    @Test func hostileNamesAreEscapedOnSitePages() throws {
        let hostile = "<script>alert('x')</script>"
        let documents = [Self.document("a", hostile, "2025-01-01", topics: [hostile])]
        let renderer = try PageRenderer(theme: .builtIn, site: Fixtures.site, speakers: [Speaker(id: "x", name: hostile, role: hostile)])
        let pages = [
            renderer.topicsIndexPage(documents: documents),
            renderer.topicPages(documents: documents)[0].html,
            renderer.speakersIndexPage(turns: [], documents: documents),
            renderer.speakerPages(turns: [TurnExcerpt(slug: "a", passageID: "t-1", speakerID: "x", excerpt: hostile, wordCount: 1)], documents: documents)[0].html,
            renderer.archivePages(documents: documents)[0].html,
        ]
        for html in pages {
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        }
        #expect(renderer.topicPages(documents: documents)[0].path == "topics/script-alert-x-script/index.html")
    }

    @Test func noLinkOnASitePageIsRootRelative() throws {
        let renderer = try PageRenderer(theme: .builtIn, site: Fixtures.site, speakers: Fixtures.speakers, pageSize: 1)
        var pages = renderer.homePages(documents: Self.documents).map(\.html)
        pages += renderer.archivePages(documents: Self.documents).map(\.html)
        pages += renderer.speakerPages(turns: Self.turns, documents: Self.documents).map(\.html)
        pages += renderer.topicPages(documents: Self.documents).map(\.html)
        pages.append(renderer.speakersIndexPage(turns: Self.turns, documents: Self.documents))
        pages.append(renderer.topicsIndexPage(documents: Self.documents))
        for html in pages {
            #expect(!html.contains("href=\"/"))
            #expect(!html.contains("src=\"/"))
            #expect(!html.contains("https://"))
        }
    }

    @Test func anOverrideReadingTopicsAsTextStillWorks() throws {
        let directory = try Fixtures.templatesDirectory([
            "partials/transcript-meta.mustache": "<p class=\"t\">{{#topics}}[{{.}}]{{/topics}}</p>",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let (theme, _) = Theme.load(overridesFrom: directory.path, displayPath: "Templates")
        let html = try Fixtures.renderer(theme: theme).transcriptPage(TranscriptPageInput(document: Self.documents[0], bodyHTML: ""))
        #expect(html.contains("<p class=\"t\">[Air Defense][NATO]</p>"))
    }
}
