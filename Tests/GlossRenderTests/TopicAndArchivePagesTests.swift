import Foundation
import GlossModel
import GlossRender
import Testing

/// A topic's pages and a year's archive pages list their transcripts newest
/// first, a page at a time, so that no list page grows with the whole site.
@Suite struct TopicAndArchivePagesTests {
    static let transcriptCount = 120

    /// `t000` … `t119`, all in 2024 with the topic, a later number newer;
    /// then three from 2023 without it, so the archive has another year.
    static let documents: [Document] = (0..<transcriptCount).map { number in
        let date = String(format: "2024-%02d-%02d", number / 10 + 1, number % 10 + 1)
        var document = Fixtures.document(slug: slug(number), title: "Remarks number \(number)", date: date)
        document.frontMatter.topics = ["European Security"]
        return document
    } + (1...3).map { Fixtures.document(slug: "old\($0)", title: "Old remarks \($0)", date: "2023-0\($0)-01") }

    static func slug(_ number: Int) -> String { String(format: "t%03d", number) }

    /// Shuffled, so that the renderer must sort.
    static let shuffled = documents.enumerated().sorted { ($0.offset * 37) % 123 < ($1.offset * 37) % 123 }.map(\.element)

    static func titles(_ html: String) -> [String] {
        html.components(separatedBy: "<h2 class=\"item-title\"><a href=\"").dropFirst().compactMap {
            $0.components(separatedBy: "</a>").first?.components(separatedBy: "\">").last
        }
    }

    static let newestFirst = (0..<transcriptCount).reversed().map { "Remarks number \($0)" }

    @Test func aTopicIsPagedFiftyToAPageNewestFirst() throws {
        let pages = try Fixtures.renderer().topicPages(documents: Self.shuffled)
        #expect(PageRenderer.listPageSize == 50)
        #expect(pages.map(\.path) == [
            "topics/european-security/index.html",
            "topics/european-security/page/2/index.html",
            "topics/european-security/page/3/index.html",
        ])
        let titles = pages.map { Self.titles($0.html) }
        #expect(titles.map(\.count) == [50, 50, 20])
        #expect(titles.flatMap { $0 } == Self.newestFirst)
        #expect(pages[1].html.contains("<a href=\"../../../../t069/\">Remarks number 69</a>"), "links from two levels further down")
        #expect(pages[1].html.contains("href=\"../../../../assets/gloss.css\""))
        #expect(try Fixtures.renderer().topicPage(topic: "European Security", documents: Self.shuffled) == pages[0].html)
    }

    @Test func everyTopicPageLinksItsNeighboursAndCountsTheWholeTopic() throws {
        let pages = try Fixtures.renderer().topicPages(documents: Self.shuffled).map(\.html)
        try #require(pages.count == 3)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("<nav class=\"pager\" aria-label=\"Pages of transcripts\">"))
            #expect(page.contains("<span>Page \(index + 1) of 3</span>"))
            #expect(page.contains("<title>European Security · page \(index + 1) of 3 · Contact Group Transcripts</title>"))
            #expect(page.contains("<p class=\"item-meta\">120 transcripts</p>"), "the topic's count, not the page's")
        }
        #expect(!pages[0].contains("rel=\"prev\""))
        #expect(pages[0].contains(#"<a href="page/2/" rel="next">Older</a>"#))
        #expect(pages[1].contains(#"<a href="../../" rel="prev">Newer</a>"#))
        #expect(pages[1].contains(#"<a href="../3/" rel="next">Older</a>"#))
        #expect(pages[2].contains(#"<a href="../2/" rel="prev">Newer</a>"#))
        #expect(!pages[2].contains("rel=\"next\""))
    }

    @Test func aTopicOfExactlyOnePageHasNoPager() throws {
        let fifty = Array(Self.documents.prefix(50))
        let pages = try Fixtures.renderer().topicPages(documents: fifty)
        #expect(pages.map(\.path) == ["topics/european-security/index.html"])
        let html = try #require(pages.first?.html)
        #expect(Self.titles(html).count == 50)
        #expect(html.contains("<p class=\"item-meta\">50 transcripts</p>"))
        #expect(!html.contains("class=\"pager\""))
        #expect(html.contains("<title>European Security · Contact Group Transcripts</title>"))
    }

    @Test func aYearIsPagedFiftyToAPageNewestFirst() throws {
        let pages = try Fixtures.renderer().archivePages(documents: Self.shuffled)
        #expect(pages.map(\.path) == [
            "archive/2024/index.html", "archive/2024/page/2/index.html", "archive/2024/page/3/index.html",
            "archive/2023/index.html",
        ])
        let titles = pages.map { Self.titles($0.html) }
        #expect(titles.map(\.count) == [50, 50, 20, 3])
        #expect(titles.prefix(3).flatMap { $0 } == Self.newestFirst)
        #expect(titles[3] == ["Old remarks 3", "Old remarks 2", "Old remarks 1"])
        #expect(!pages[3].html.contains("class=\"pager\""))
        #expect(pages[3].html.contains("<title>2023 · Contact Group Transcripts</title>"))
    }

    @Test func everyArchivePageLinksItsNeighboursAndEveryYearsFirstPage() throws {
        let pages = try Fixtures.renderer().archivePages(documents: Self.shuffled).prefix(3).map(\.html)
        try #require(pages.count == 3)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("<nav class=\"pager\" aria-label=\"Pages of transcripts\">"))
            #expect(page.contains("<span>Page \(index + 1) of 3</span>"))
            #expect(page.contains("<title>2024 · page \(index + 1) of 3 · Contact Group Transcripts</title>"))
            #expect(page.contains("<h1 class=\"page-title\">Transcripts from 2024</h1>"))
        }
        #expect(!pages[0].contains("rel=\"prev\""))
        #expect(pages[0].contains(#"<a href="page/2/" rel="next">Older</a>"#))
        #expect(pages[1].contains(#"<a href="../../" rel="prev">Newer</a>"#))
        #expect(pages[1].contains(#"<a href="../3/" rel="next">Older</a>"#))
        #expect(pages[2].contains(#"<a href="../2/" rel="prev">Newer</a>"#))
        #expect(!pages[2].contains("rel=\"next\""))
        // The year list, counts of whole years, on every page.
        #expect(pages[0].contains(#"<a href="./" aria-current="page">2024</a> <span class="count">(120)</span>"#))
        #expect(pages[0].contains(#"<a href="../2023/">2023</a> <span class="count">(3)</span>"#))
        #expect(pages[2].contains(#"<a href="../../" aria-current="page">2024</a> <span class="count">(120)</span>"#))
        #expect(pages[2].contains(#"<a href="../../../2023/">2023</a> <span class="count">(3)</span>"#))
    }

    @Test func pageKeysChangeExactlyWhenThePageWould() throws {
        let renderer = try Fixtures.renderer()
        func keys(_ documents: [Document]) -> (topic: [UInt64], archive: [UInt64]) {
            let topic = renderer.planTopicPages(documents: documents, seed: 1).dropFirst().map(\.key)
            let archive = renderer.planArchivePages(documents: documents, seed: 1).map(\.key)
            return (topic, archive)
        }
        let base = keys(Self.documents)
        // Transcript 5 is on the third page (newest first: 119 … 70, 69 … 20, 19 … 0).
        var edited = Self.documents
        edited[5].listingRevision = 1
        let afterEdit = keys(edited)
        // Lists show front matter only: an edit of the words alone keeps every key.
        var reworded = Self.documents
        reworded[5].revision = 1
        #expect(keys(reworded).topic == base.topic && keys(reworded).archive == base.archive)
        #expect(afterEdit.topic[0] == base.topic[0] && afterEdit.topic[1] == base.topic[1] && afterEdit.topic[2] != base.topic[2])
        #expect(afterEdit.archive[0] == base.archive[0] && afterEdit.archive[2] != base.archive[2] && afterEdit.archive[3] == base.archive[3])

        // One more transcript in 2024 changes every count, and shifts every page of the year.
        var added = Self.documents
        var extra = Fixtures.document(slug: "t999", title: "Oldest", date: "2024-01-01")
        extra.frontMatter.topics = ["European Security"]
        added.append(extra)
        let afterAdd = keys(added)
        #expect(afterAdd.topic.count == 3)
        #expect(zip(afterAdd.topic, base.topic).allSatisfy { $0 != $1 }, "the total count is on every page")
        #expect(zip(afterAdd.archive, base.archive).allSatisfy { $0 != $1 }, "the year list is on every page, 2023's too")

        // A 2023 transcript leaving changes the year list on the 2024 pages too.
        let fewer = keys(Array(Self.documents.dropLast()))
        #expect(zip(fewer.archive.prefix(3), base.archive.prefix(3)).allSatisfy { $0 != $1 })
        #expect(fewer.topic == base.topic)
    }
}
