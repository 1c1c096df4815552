import GlossContent
import GlossModel
import Testing
@testable import GlossImport

/// Inputs the importer fuzz targets found (docs/fuzzing.md): each imported
/// without complaint, but the file written then failed to load.
struct FuzzRegressionTests {
    /// The file `gloss import` would write for `text`, loaded as `gloss build` loads it.
    func loadBack(_ text: String, name: String, format: ImportFormat) throws -> (markdown: String, parsed: ParsedDocument) {
        let written = try markdown(text, name: name, format: format)
        return (written, ContentLoader.parseDocument(Array(written.utf8), path: "x.md", displayPath: "Content/x.md"))
    }

    @Test func threeTimesOfDayGiveOneStartAndOneEndTime() throws {
        let text = "MS. SPEAKER: Hello.\n\n12:43 P.M. MDT\n\nMS. SPEAKER: Welcome.\n\n12:50 P.M. MDT\n\nQ: A question.\n\n12:59 P.M. MDT\n"
        let (written, parsed) = try loadBack(text, name: "gaggle.md", format: .markdown)
        #expect(!parsed.diagnostics.hasErrors, "\(parsed.diagnostics)")
        #expect(written.components(separatedBy: "end_time:").count == 2)
        #expect(written.contains("start_time: \"12:43 P.M. MDT\""))
        #expect(written.contains("end_time: \"12:59 P.M. MDT\""))
    }

    @Test func aFeedLinkThatIsNotAWebURLIsNotWrittenAsTheSource() throws {
        let feed = """
            <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><title>Plain</title><link href="httpsm//example.org/plain"/><updated>2024-02-15T10:00:00Z</updated>
            <content type="text">Some text.</content></entry></feed>
            """
        let (written, parsed) = try loadBack(feed, name: "feed.atom", format: .atom)
        #expect(!parsed.diagnostics.hasErrors, "\(parsed.diagnostics)")
        #expect(!written.contains("httpsm"))
    }

    @Test func aCanonicalLinkWithSpacesInsideIsNotWrittenAsTheSource() throws {
        let page = """
            <html><head><title>Remarks</title><link rel="canonical" href="https://news.example\nother words">
            </head><body><article><h1>Remarks</h1><p>HEGSETH: Thank you.</p></article></body></html>
            """
        let (written, parsed) = try loadBack(page, name: "page.html", format: .html)
        #expect(!parsed.diagnostics.hasErrors, "\(parsed.diagnostics)")
        #expect(!written.contains("url:"))
    }

    /// The link of a feed item's "The post … appeared first on" footer is
    /// the source only when the loader takes it; the footer still names
    /// the publisher.
    @Test(arguments: [
        ("https://wire.example.org/remarks", "https://wire.example.org/remarks"),
        ("https:///02/brussels", nil), ("/2025/02/brussels", nil), ("javascript:alert(1)", nil),
    ] as [(String, String?)])
    func aFeedItemsAppearedFirstOnLinkIsTheSourceOnlyWhenTheLoaderTakesIt(link: String, source: String?) throws {
        let feed = """
            <?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>W</title>
            <item><title>Remarks</title><link>https:///bad</link><pubDate>Wed, 12 Feb 2025 18:30:00 +0000</pubDate>
            <content:encoded><![CDATA[<p>The Secretary spoke.</p><p>The post <a href="\(link)">Remarks</a> appeared first on <a href="https://wire.example.org">The Wire</a>.</p>]]></content:encoded>
            </item></channel></rss>
            """
        let (written, parsed) = try loadBack(feed, name: "feed.rss", format: .rss)
        #expect(!parsed.diagnostics.hasErrors, "\(parsed.diagnostics)")
        #expect(written.contains("publisher: \"The Wire\""))
        if let source {
            #expect(written.contains("url: \"\(source)\""))
        } else {
            #expect(!written.contains("url: \"\(link)\""))
        }
    }

    @Test(arguments: ["http://", "https:///path", "https://example.org/a b"])
    func aMarkdownSourceURLTheLoaderWouldRefuseIsDropped(url: String) throws {
        let text = "---\ntitle: A briefing\nsource_url: \"\(url)\"\n---\n\nQ: A question.\n"
        let (written, parsed) = try loadBack(text, name: "briefing.md", format: .markdown)
        #expect(!parsed.diagnostics.hasErrors, "\(parsed.diagnostics)")
        #expect(!written.contains("url:"))
    }
}

/// The writer's YAML strings, read back by the loader's YAML parser: every
/// character YAML does not allow raw in a stream is escaped, and comes back.
struct QuotedScalarRegressionTests {
    @Test(arguments: ["WEBVTT - v\u{97}p", "a\u{80}b\u{9F}c", "del\u{7F}", "bom\u{FEFF}x", "not\u{FFFE}\u{FFFF}chars", "nel\u{85}ok"])
    func aTitleWithAnyControlCharacterLoadsBackUnchanged(title: String) throws {
        let written = "---\ntitle: \(TranscriptWriter.quoted(title))\n---\n\nText.\n"
        let parsed = ContentLoader.parseDocument(Array(written.utf8), path: "x.md", displayPath: "Content/x.md")
        #expect(!parsed.diagnostics.hasErrors, "\(parsed.diagnostics)")
        #expect(parsed.document?.frontMatter.title == title)
    }
}
