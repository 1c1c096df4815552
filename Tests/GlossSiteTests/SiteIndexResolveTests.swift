import Testing
@testable import GlossSite

@Suite struct SiteIndexResolveTests {
    let index = SiteIndexFixture.index

    func page(_ url: String, _ slug: String? = nil, _ anchor: String? = nil) -> ReferenceResolution {
        .page(url: url, slug: slug, anchor: anchor)
    }

    @Test(arguments: [
        "https://example.org/x.md", "http://example.org", "mailto:a@example.org", "tel:+15550100",
        "//cdn.example.org/x.md", "media/a.mp3", "../media/a.mp3", "notes.txt", "2025/x/", "", "?q=1", "#",
    ])
    func nonSiteReferencesAreExternal(destination: String) {
        #expect(index.resolve(destination, from: "2025/hegseth.md") == .external)
    }

    @Test func transcriptLinksResolveRelativeToTheCitingFolder() {
        #expect(index.resolve("vance.md", from: "2025/hegseth.md") == page("../vance/", "2025/vance"))
        #expect(index.resolve("../2024/rutte.md", from: "2025/hegseth.md") == page("../../2024/rutte/", "2024/rutte"))
        #expect(index.resolve("2025/hegseth.md", from: "about.md") == page("../2025/hegseth/", "2025/hegseth"))
        #expect(index.resolve("deep/q-and-a.md", from: "2025/vance.md") == page("../deep/q-and-a/", "2025/deep/q-and-a"))
        #expect(index.resolve("../../about.md", from: "2025/deep/q-and-a.md") == page("../../../about/", "about"))
        #expect(index.resolve("./.././2025//vance.md", from: "2024/rutte.md") == page("../../2025/vance/", "2025/vance"))
        #expect(index.resolve("hegseth.md", from: "2025/hegseth.md") == page("./", "2025/hegseth"))
    }

    @Test func transcriptLinkKeepsQueryAndCheckedFragment() {
        #expect(index.resolve("./vance.md?x=1#t-00-01-00", from: "2025/hegseth.md")
            == page("../vance/?x=1#t-00-01-00", "2025/vance", "t-00-01-00"))
        #expect(index.resolve("../hegseth.md#t-00-12-31", from: "2025/deep/q-and-a.md")
            == page("../../hegseth/#t-00-12-31", "2025/hegseth", "t-00-12-31"))
        #expect(index.resolve("vance.md#", from: "2025/hegseth.md") == page("../vance/#", "2025/vance"))
    }

    @Test func pathsAndAnchorsAreComparedPercentDecoded() {
        #expect(index.resolve("state%20of%20the%20union.md", from: "2025/vance.md")
            == page("../state-of-the-union/", "2025/state-of-the-union"))
        #expect(index.resolve("../about.md#caf%C3%A9", from: "2025/vance.md") == page("../../about/#caf%C3%A9", "about", "café"))
        #expect(index.resolve("#caf%C3%A9", from: "about.md") == page("#caf%C3%A9", "about", "café"))
    }

    @Test func unknownTranscriptIsBrokenWithTheClosestPath() {
        #expect(index.resolve("2024/hegseth.md", from: "about.md")
            == .broken(message: "no transcript \"2024/hegseth.md\"", suggestion: "did you mean \"2025/hegseth.md\"?"))
        // The suggestion is what to write from the citing transcript's folder.
        #expect(index.resolve("hegseth.md", from: "2024/rutte.md")
            == .broken(message: "no transcript \"2024/hegseth.md\"", suggestion: "did you mean \"../2025/hegseth.md\"?"))
        #expect(index.resolve("vanse.md", from: "2025/hegseth.md")
            == .broken(message: "no transcript \"2025/vanse.md\"", suggestion: "did you mean \"vance.md\"?"))
        #expect(index.resolve("Vance.MD", from: "2025/hegseth.md")
            == .broken(message: "no transcript \"2025/Vance.MD\"", suggestion: "did you mean \"vance.md\"?"))
        #expect(index.resolve("completely-unrelated.md", from: "2025/hegseth.md")
            == .broken(message: "no transcript \"2025/completely-unrelated.md\"", suggestion: nil))
    }

    @Test func climbingAboveContentIsBroken() {
        #expect(index.resolve("../../about.md", from: "2025/hegseth.md")
            == .broken(message: "\"../../about.md\" climbs above Content/ from \"2025/hegseth.md\"", suggestion: nil))
        #expect(index.resolve("../about.md", from: "about.md")
            == .broken(message: "\"../about.md\" climbs above Content/ from \"about.md\"", suggestion: nil))
    }

    @Test func missingAnchorNamesAnchorAndTranscript() {
        #expect(index.resolve("vance.md#t-00-01-01", from: "2025/hegseth.md")
            == .broken(message: "no anchor \"#t-00-01-01\" in \"2025/vance.md\"", suggestion: "did you mean \"#t-00-01-00\"?"))
        #expect(index.resolve("vance.md#somewhere-else-entirely", from: "2025/hegseth.md")
            == .broken(message: "no anchor \"#somewhere-else-entirely\" in \"2025/vance.md\"", suggestion: nil))
    }

    @Test func ownAnchors() {
        #expect(index.resolve("#borders", from: "2025/hegseth.md") == page("#borders", "2025/hegseth", "borders"))
        #expect(index.resolve("?print#borders", from: "2025/hegseth.md") == page("?print#borders", "2025/hegseth", "borders"))
        #expect(index.resolve("#border", from: "2025/hegseth.md")
            == .broken(message: "no anchor \"#border\" in \"2025/hegseth.md\"", suggestion: "did you mean \"#borders\"?"))
        #expect(index.resolve("#t-00-12-30", from: "2025/hegseth.md")
            == .broken(message: "no anchor \"#t-00-12-30\" in \"2025/hegseth.md\"", suggestion: "did you mean \"#t-00-12-31\"?"))
    }

    // `about.md` is the page `about/index.html`, one folder down.
    @Test func speakerReferences() {
        #expect(index.resolve("speaker:hegseth", from: "2025/hegseth.md") == page("../../speakers/hegseth/"))
        #expect(index.resolve("speaker:vance", from: "about.md") == page("../speakers/vance/"))
        #expect(index.resolve("Speaker:rutte", from: "about.md") == page("../speakers/rutte/"))
        #expect(index.resolve("speaker:hegset", from: "about.md")
            == .broken(message: "no speaker \"hegset\" in the speaker registry", suggestion: "did you mean \"speaker:hegseth\"?"))
        // A name or alias instead of the id suggests the id.
        #expect(index.resolve("speaker:pete-hegseth", from: "about.md")
            == .broken(message: "no speaker \"pete-hegseth\" in the speaker registry", suggestion: "did you mean \"speaker:hegseth\"?"))
        #expect(index.resolve("speaker:Mark%20Rutte", from: "about.md")
            == .broken(message: "no speaker \"Mark Rutte\" in the speaker registry", suggestion: "did you mean \"speaker:rutte\"?"))
        #expect(index.resolve("speaker:zelensky", from: "about.md")
            == .broken(message: "no speaker \"zelensky\" in the speaker registry", suggestion: nil))
        #expect(index.resolve("speaker:", from: "about.md") == .broken(message: "no speaker id after \"speaker:\"", suggestion: nil))
    }

    @Test func topicReferencesCompareBySlug() {
        #expect(index.resolve("topic:European%20security", from: "about.md") == page("../topics/european-security/"))
        #expect(index.resolve("topic:european-security", from: "2025/hegseth.md") == page("../../topics/european-security/"))
        #expect(index.resolve("topic:NATO", from: "about.md") == page("../topics/nato/"))
        #expect(index.resolve("topic:natto", from: "about.md")
            == .broken(message: "no transcript lists the topic \"natto\"", suggestion: "did you mean \"topic:nato\"?"))
        #expect(index.resolve("topic:weather", from: "about.md")
            == .broken(message: "no transcript lists the topic \"weather\"", suggestion: nil))
        #expect(index.resolve("topic:", from: "about.md") == .broken(message: "no topic name after \"topic:\"", suggestion: nil))
    }

    @Test(arguments: [
        ("/", "../../"),
        ("/index.html", "../../"),
        ("/speakers/", "../../speakers/"),
        ("/speakers", "../../speakers/"),
        ("/speakers/index.html", "../../speakers/"),
        ("/speakers/hegseth/", "../../speakers/hegseth/"),
        ("/topics/", "../../topics/"),
        ("/topics/nato/?q=1#x", "../../topics/nato/?q=1#x"),
        ("/feed.xml", "../../feed.xml"),
        ("/sitemap.xml", "../../sitemap.xml"),
        ("/404.html", "../../404.html"),
        ("/archive/2024/", "../../archive/2024/"),
        ("/page/2/", "../../page/2/"),
        ("/assets/gloss.css?v=2", "../../assets/gloss.css?v=2"),
        ("/assets/fonts/my%20font.woff2", "../../assets/fonts/my%20font.woff2"),
        ("/assets/docs/index.html", "../../assets/docs/index.html"),
    ])
    func siteRelativePathsBecomeRelative(destination: String, url: String) {
        #expect(index.resolve(destination, from: "2025/hegseth.md") == page(url))
    }

    @Test func siteRelativeTranscriptPathsAreCheckedLikeMarkdownLinks() {
        for written in ["/2025/vance/", "/2025/vance", "/2025/vance/index.html", "/2025/deep/../vance/"] {
            #expect(index.resolve(written, from: "2025/hegseth.md") == page("../vance/", "2025/vance"), "\(written)")
        }
        #expect(index.resolve("/2025/vance/#t-00-01-00", from: "about.md") == page("../2025/vance/#t-00-01-00", "2025/vance", "t-00-01-00"))
        #expect(index.resolve("/2025/state-of-the-union/", from: "about.md") == page("../2025/state-of-the-union/", "2025/state-of-the-union"))
        #expect(index.resolve("/2025/vance/#nope", from: "about.md")
            == .broken(message: "no anchor \"#nope\" in \"2025/vance.md\"", suggestion: nil))
    }

    @Test(arguments: [
        ("/2025/vanse/", "no page \"/2025/vanse/\" on the site", "did you mean \"/2025/vance/\"?"),
        ("/2025/hegseth.md", "no page \"/2025/hegseth.md\" on the site", "did you mean \"/2025/hegseth/\"?"),
        ("/speakers/hegseht/", "no page \"/speakers/hegseht/\" on the site", "did you mean \"/speakers/hegseth/\"?"),
        ("/topics/natto", "no page \"/topics/natto\" on the site", "did you mean \"/topics/nato/\"?"),
        ("/archive/2023/", "no page \"/archive/2023/\" on the site", "did you mean \"/archive/2024/\"?"),
        ("/feed.xml/index.html", "no page \"/feed.xml\" on the site", "did you mean \"/feed.xml\"?"),
        ("/sitemap.xm", "no page \"/sitemap.xm\" on the site", "did you mean \"/sitemap.xml\"?"),
    ])
    func unknownSitePathsAreBrokenWithTheClosestKnownPath(destination: String, message: String, suggestion: String) {
        #expect(index.resolve(destination, from: "about.md") == .broken(message: message, suggestion: suggestion))
    }

    @Test(arguments: ["/page/1/", "/page/0/", "/page/02/", "/page/99/", "/page/x/", "/assets/", "/nothing-here-whatsoever/"])
    func unknownSitePathsWithoutCloseMatch(destination: String) {
        guard case .broken(let message, _) = index.resolve(destination, from: "about.md") else {
            Issue.record("\(destination) should be broken")
            return
        }
        #expect(message.hasPrefix("no page \""))
    }

    @Test func siteRelativeClimbAboveRootIsBroken() {
        #expect(index.resolve("/../x/", from: "about.md") == .broken(message: "\"/../x/\" climbs above the site root", suggestion: nil))
    }

    @Test func citingTranscriptMustBeIndexed() {
        #expect(index.resolve("vance.md", from: "2025/missing.md")
            == .broken(message: "the citing transcript \"2025/missing.md\" is not in the site index", suggestion: nil))
        #expect(index.resolve("https://example.org", from: "2025/missing.md") == .external)
    }

    @Test func sourceLinkIsRelativeBetweenContentPaths() {
        #expect(SiteIndex.sourceLink(from: "2024/a.md", to: "2025/b.md") == "../2025/b.md")
        #expect(SiteIndex.sourceLink(from: "a.md", to: "2025/b.md") == "2025/b.md")
        #expect(SiteIndex.sourceLink(from: "2025/x/a.md", to: "2025/b.md") == "../b.md")
        #expect(SiteIndex.sourceLink(from: "2025/a.md", to: "2025/b.md") == "b.md")
    }
}
