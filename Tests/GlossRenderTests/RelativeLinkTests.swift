import GlossModel
import GlossRender
import Testing

@Suite struct RelativeLinkTests {
    @Test func nestedSlugLinksClimbToTheSiteRoot() throws {
        let html = try Fixtures.transcriptPage(Fixtures.document(slug: "a/b"))
        #expect(html.contains(#"<link rel="stylesheet" href="../../assets/gloss.css">"#))
        #expect(html.contains(#"<script src="../../assets/gloss.js" defer></script>"#))
        #expect(html.contains(#"<a class="site-title" href="../../" rel="home">"#))
    }

    @Test func homePageLinksToTranscriptDirectories() throws {
        let html = try Fixtures.renderer().homePage(documents: [Fixtures.document(slug: "2025/hegseth")])
        #expect(html.contains(#"href="2025/hegseth/""#))
        #expect(html.contains(#"href="assets/gloss.css""#))
        #expect(html.contains(#"href="./" rel="home""#))
    }

    @Test func noLinkOnAPageIsRootRelative() throws {
        let renderer = try Fixtures.renderer()
        let pages = [
            try Fixtures.transcriptPage(Fixtures.document(slug: "a/b")),
            renderer.homePage(documents: [Fixtures.document()]),
            renderer.notFoundPage(),
        ]
        for html in pages {
            #expect(!html.contains(#"href="/"#))
            #expect(!html.contains(#"src="/"#))
        }
    }

    @Test func notFoundPageUsesAbsoluteLinksWhenTheSiteHasABaseURL() throws {
        var site = Fixtures.site
        site.baseURL = "https://example.org/archive/"
        let html = try Fixtures.renderer(site: site).notFoundPage()
        #expect(html.contains(#"href="https://example.org/archive/assets/gloss.css""#))
        #expect(html.contains(#"href="https://example.org/archive/" rel="home""#))
    }

    @Test func canonicalLinkIsAbsoluteOnlyWithABaseURL() throws {
        var site = Fixtures.site
        site.baseURL = "https://example.org/archive"
        let input = TranscriptPageInput(document: Fixtures.document(slug: "2025/x"), bodyHTML: "")
        let html = try Fixtures.renderer(site: site).transcriptPage(input)
        #expect(html.contains(#"<link rel="canonical" href="https://example.org/archive/2025/x/">"#))
        #expect(!(try Fixtures.transcriptPage(Fixtures.document())).contains("rel=\"canonical\""))
    }
}
