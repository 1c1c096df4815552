import GlossModel
import GlossRender
import Testing

@Suite struct HomePageTests {
    @Test func listsTranscriptsNewestFirstAndUndatedLast() throws {
        let documents = [
            Fixtures.document(slug: "older", title: "Older", date: "2024-11-05"),
            Fixtures.document(slug: "undated", title: "Undated", date: nil),
            Fixtures.document(slug: "newest", title: "Newest", date: "2025-02-12"),
            Fixtures.document(slug: "middle", title: "Middle", date: "2025-01-20"),
        ]
        let html = try Fixtures.renderer().homePage(documents: documents)
        let positions = ["Newest", "Middle", "Older", "Undated"].map { title in
            html.range(of: ">\(title)</a>").map { html.distance(from: html.startIndex, to: $0.lowerBound) } ?? -1
        }
        #expect(positions.allSatisfy { $0 >= 0 })
        #expect(positions == positions.sorted())
    }

    @Test func sayIsEmptyWhenThereAreNoTranscripts() throws {
        let html = try Fixtures.renderer().homePage(documents: [])
        #expect(html.contains("No transcripts yet."))
        #expect(!html.contains("<ol"))
    }
}
