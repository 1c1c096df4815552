import GlossModel
import Testing
@testable import GlossSite

@Suite struct SiteIndexRelationsTests {
    let index = SiteIndexFixture.index

    @Test(arguments: [
        ("European security", "european-security"),
        ("NATO", "nato"),
        ("Défense  & NATO", "defense-nato"),
        ("U.S.–China trade", "u-s-china-trade"),
        ("  -- ", "topic"),
        ("日本", "日本"),
        ("ai_policy", "ai_policy"),
    ])
    func topicSlug(name: String, slug: String) {
        #expect(SiteIndex.topicSlug(name) == slug)
    }

    @Test func topicsMergeBySlugKeepFirstWrittenNameAndListNewestFirst() {
        #expect(index.topics == [
            TopicSummary(name: "European security", slug: "european-security", documentSlugs: ["2025/vance", "2025/hegseth"]),
            TopicSummary(name: "NATO", slug: "nato", documentSlugs: ["2025/deep/q-and-a", "2025/hegseth", "2024/rutte"]),
        ])
    }

    @Test func topicNameComesFromTheEarliestTranscriptWhateverTheInputOrder() {
        let reversed = SiteIndex(documents: SiteIndexFixture.documents.reversed(), speakers: SiteIndexFixture.speakers)
        #expect(reversed.topics == index.topics)
    }

    @Test func aTopicListedTwiceByOneTranscriptCountsOnce() {
        let site = SiteIndex(documents: [IndexedDocument(slug: "a", path: "a.md", title: "A", topics: ["NATO", "nato"])], speakers: [])
        #expect(site.topics == [TopicSummary(name: "NATO", slug: "nato", documentSlugs: ["a"])])
    }

    @Test func relatedRanksBySharedSpeakersAndTopicsThenNewest() {
        // rutte: hegseth + NATO = 2; q-and-a (2025-03-01): NATO = 1; vance (2025-02-14): European security = 1.
        #expect(index.related(to: "2025/hegseth", limit: 10) == ["2024/rutte", "2025/deep/q-and-a", "2025/vance"])
        #expect(index.related(to: "2025/hegseth", limit: 2) == ["2024/rutte", "2025/deep/q-and-a"])
        #expect(index.related(to: "about", limit: 5) == [])
        #expect(index.related(to: "nope", limit: 5) == [])
        #expect(index.related(to: "2025/hegseth", limit: 0) == [])
    }

    @Test func duplicatePathsOrSlugsDoNotTrap() {
        let one = IndexedDocument(slug: "a", path: "a.md", title: "first")
        let site = SiteIndex(documents: [one, IndexedDocument(slug: "a", path: "a.md", title: "second")], speakers: [])
        #expect(site.document(forSlug: "a")?.title == "first")
        #expect(site.resolve("a.md", from: "a.md") == .page(url: "./", slug: "a", anchor: nil))
    }

    @Test func backlinksGroupByTargetSortedAndWithoutSelfCitations() {
        let citations = [
            Citation(fromSlug: "b", fromPassageID: "p-2", toSlug: "x"),
            Citation(fromSlug: "a", fromPassageID: "p-9", toSlug: "x", toPassageID: "t-1"),
            Citation(fromSlug: "x", fromPassageID: "p-1", toSlug: "x"),
            Citation(fromSlug: "b", fromPassageID: nil, toSlug: "x", inAnnotation: true),
            Citation(fromSlug: "a", fromPassageID: "p-1", toSlug: "y"),
            Citation(fromSlug: "b", fromPassageID: "p-2", toSlug: "x"),
            Citation(fromSlug: "a", fromPassageID: "p-3", toSlug: "x"),
        ]
        let backlinks = SiteIndex.backlinks(citations)
        #expect(backlinks.keys.sorted() == ["x", "y"])
        #expect(backlinks["x"] == [
            Citation(fromSlug: "a", fromPassageID: "p-3", toSlug: "x"),
            Citation(fromSlug: "a", fromPassageID: "p-9", toSlug: "x", toPassageID: "t-1"),
            Citation(fromSlug: "b", fromPassageID: nil, toSlug: "x", inAnnotation: true),
            Citation(fromSlug: "b", fromPassageID: "p-2", toSlug: "x"),
        ])
        #expect(backlinks["y"] == [Citation(fromSlug: "a", fromPassageID: "p-1", toSlug: "y")])
        #expect(SiteIndex.backlinks([Citation(fromSlug: "x", toSlug: "x")]).isEmpty)
    }

    @Test func resolvingScalesWithLinksNotSiteSize() {
        let count = 20_000
        let documents = (0..<count).map { n in
            IndexedDocument(slug: "d/\(n)", path: "d/\(n).md", title: "\(n)", topics: ["t\(n % 50)"], speakerIDs: ["s\(n % 30)"], anchors: ["p-\(n)"])
        }
        let speakers = (0..<30).map { Speaker(id: "s\($0)", name: "S \($0)") }
        let site = SiteIndex(documents: documents, speakers: speakers)
        let start = ContinuousClock.now
        var pages = 0
        for n in 0..<count {
            let from = "d/\(n).md"
            for link in ["\((n + 1) % count).md#p-\((n + 1) % count)", "speaker:s\(n % 30)", "topic:t\(n % 50)", "/d/\(n / 2)/", "#p-\(n)"] {
                if case .page = site.resolve(link, from: from) { pages += 1 }
            }
        }
        #expect(pages == count * 5)
        #expect(ContinuousClock.now - start < .seconds(20))
    }
}
