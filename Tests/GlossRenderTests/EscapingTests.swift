import GlossModel
import GlossRender
import Testing

@Suite struct EscapingTests {
    static let hostile = #"<script>alert(1)</script>" onmouseover="alert(2)' x='"#

    @Test func hostileTitleSpeakerAndSourceComeOutInert() throws {
        let document = Fixtures.document(
            title: Self.hostile,
            speakers: [SpeakerAppearance(id: "hegseth", role: Self.hostile)],
            source: Source(title: Self.hostile, publisher: Self.hostile, url: "https://example.org/?q=\"><script>")
        )
        let html = try Fixtures.transcriptPage(document)

        #expect(!html.contains("<script>alert"))
        #expect(!html.contains(#"" onmouseover"#))
        #expect(!html.contains("' x='"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)&#39; x=&#39;"))
        // Characters a URL may not hold are percent-encoded, as in Markdown links, so the page stays valid HTML.
        #expect(html.contains(#"href="https://example.org/?q=%22%3E%3Cscript%3E""#))
    }

    @Test(arguments: [
        ("https://example.org/a?x=<y>&z='1'", "https://example.org/a?x=%3Cy%3E&amp;z=&#39;1&#39;"),
        ("https://de.example.org/Überblick#a#b", "https://de.example.org/%C3%9Cberblick#a%23b"),
        ("media/a.mp3?\"x=`y`{|}^", "media/a.mp3?%22x=%60y%60%7B%7C%7D%5E"),
    ])
    func urlsFromFrontMatterArePercentEncoded(url: String, href: String) throws {
        let html = try Fixtures.transcriptPage(Fixtures.document(source: Source(title: "Remarks", url: url)))
        #expect(html.contains(#"<a href="\#(href)" rel="external">Remarks</a>"#), "\(html)")
    }

    @Test func javascriptSourceURLIsNotALink() throws {
        let document = Fixtures.document(source: Source(title: "Read the speech", url: " JavaScript:alert(document.cookie)"))
        let html = try Fixtures.transcriptPage(document)
        #expect(html.contains("Read the speech"))
        #expect(!html.lowercased().contains("javascript:"))
    }

    @Test(arguments: ["https://www.defense.gov/News/Speeches/", "http://example.org/a", "../files/remarks.pdf", "remarks.pdf#page=2"])
    func httpAndRelativeSourceURLsBecomeLinks(url: String) throws {
        let html = try Fixtures.transcriptPage(Fixtures.document(source: Source(title: "Remarks", url: url)))
        #expect(html.contains(#"<a href="\#(url)" rel="external">Remarks</a>"#))
    }

    @Test(arguments: ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "java\tscript:alert(1)", "vbscript:msgbox"])
    func otherSchemesAreShownAsText(url: String) throws {
        let html = try Fixtures.transcriptPage(Fixtures.document(source: Source(title: "Remarks", url: url)))
        #expect(html.contains("<dd>Remarks</dd>"))
    }

    @Test func bodyHTMLIsInsertedAsIs() throws {
        let html = try Fixtures.transcriptPage(Fixtures.document(), body: "<p>The bloodshed <em>must</em> stop.</p>")
        #expect(html.contains("<p>The bloodshed <em>must</em> stop.</p>"))
    }

    @Test("links keep relative and http(s) URLs, percent-encoded, and refuse every other scheme", arguments: [
        ("https://example.org/a?q=1#f", "https://example.org/a?q=1#f"),
        ("HTTPS://Example.org/x", "HTTPS://Example.org/x"),
        ("Http://example.org/", "Http://example.org/"),
        ("../a/?q=1#f", "../a/?q=1#f"),
        ("/path:with:colons", "/path:with:colons"),
        ("https://example.org/\u{00E9}\"<", "https://example.org/%C3%A9%22%3C"),
        ("javascript:alert(1)", nil), ("JavaScript:alert(1)", nil), ("java\tscript:alert(1)", nil),
        ("javascript:\u{301}alert(1)", nil), ("mailto:a@example.org", nil), ("httpx://example.org", nil),
        ("https://example.org/a b", nil), (" https://example.org/", nil), ("data:text/html,x", nil),
    ] as [(String, String?)])
    func safeHref(url: String, href: String?) {
        #expect(URLCharacters.safeHref(url) == href)
    }
}
