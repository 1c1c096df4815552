@testable import GlossMarkdown
import GlossModel
import Testing

@Suite("The transcript dialect: point notes, range notes, attributed quotes")
struct TranscriptNoteTests {
    @Test("a point note: marker, aside after the block, endnote")
    func pointNote() {
        let result = TranscriptFixtures.render("HEGSETH: The borders[^borders] are set.\n\n[^borders]: See *the map*.\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.html.contains("The borders<a class=\"note-ref\" id=\"ref-borders\" href=\"#note-borders\" aria-describedby=\"note-borders\">1</a> are set.</p>\n<aside class=\"note note-point\" id=\"note-borders\" aria-label=\"Note 1: Note\">\n<details class=\"note-details\">\n<summary><span class=\"note-number\">1</span> <span class=\"note-kind\">Note</span></summary>\n<div class=\"note-text\"><p>See <em>the map</em>.</p></div>\n</details>\n</aside>\n</div>\n"))
        #expect(result.html.hasSuffix("<section class=\"endnotes\" aria-label=\"Notes\"><h2>Notes</h2><ol>\n<li id=\"endnote-borders\"><div class=\"note-text\"><p>See <em>the map</em>.</p></div>\n</li>\n</ol></section>\n"))
        #expect(!result.html.contains("[^borders]:"))
    }

    @Test("undefined markers are errors, unused definitions warnings, duplicates errors")
    func noteDiagnostics() {
        let body = "Text[^missing] here.\n\n[^a]: One.\n\n[^a]: Two.\n"
        let result = TranscriptFixtures.render(body, firstLine: 10)
        #expect(result.diagnostics.map(\.description) == [
            "t.md:10:5: error: undefined note \"[^missing]\"\n    note: define it in a paragraph of its own: [^missing]: The note…",
            "t.md:12:1: warning: note \"[^a]\" is defined but never referenced\n    note: add \"[^a]\" where the note belongs, or remove the definition",
            "t.md:14:1: error: note \"[^a]\" is defined twice\n    note: first defined at line 12",
        ])
    }

    @Test("a range note marks its quote across formatting and shares numbering with point notes")
    func rangeNote() {
        let annotation = Annotation(
            quote: "returning to Ukraine’s pre-2014 borders", kind: .factCheck, rating: "misleading",
            note: "Most **analysts** agree.", sources: [SourceLink(title: "Map", url: "https://example.org/map")],
            author: "Jane Editor", date: CalendarDate(year: 2025, month: 2, day: 13),
            location: SourceLocation(file: "t.md", line: 3)
        )
        let body = "HEGSETH: First[^one].\n\nWe must stop returning to *Ukraine’s* pre-2014 borders now.\n\n[^one]: A note.\n"
        let result = TranscriptFixtures.render(body, annotations: [annotation])
        #expect(result.diagnostics.isEmpty)
        #expect(result.html.contains("stop <mark class=\"annotation\" id=\"mark-a1\" aria-details=\"note-a1\">returning to </mark><em><mark class=\"annotation\" aria-details=\"note-a1\">Ukraine’s</mark></em><mark class=\"annotation\" aria-details=\"note-a1\"> pre-2014 borders</mark><a class=\"note-ref\" id=\"ref-a1\" href=\"#note-a1\" aria-label=\"Note 2\">2</a> now.</p>"))
        #expect(result.html.contains("<aside class=\"note note-fact-check\" id=\"note-a1\" aria-label=\"Note 2: Fact-check\">\n<details class=\"note-details\">\n<summary><span class=\"note-number\">2</span> <span class=\"note-kind\">Fact-check</span> <span class=\"note-rating rating-misleading\">Misleading</span></summary>\n<div class=\"note-text\"><p>Most <strong>analysts</strong> agree.</p>\n</div>\n<ul class=\"note-sources\"><li><a href=\"https://example.org/map\" rel=\"external\">Map</a></li></ul>\n<p class=\"note-byline\">Jane Editor, <time datetime=\"2025-02-13\">"))
    }

    @Test("a note marker in a heading is not part of its id")
    func markerInHeading() {
        let result = TranscriptFixtures.render("# Opening remarks[^h]\n\n[^h]: As prepared.\n")
        #expect(result.html.contains("<h1 id=\"opening-remarks\">"))
    }

    @Test("a quote that reaches into a code span is an error, not a half-marked note")
    func quoteInCode() {
        let annotation = Annotation(quote: "Run gloss", note: "n", location: SourceLocation(file: "t.md", line: 4, column: 5))
        let result = TranscriptFixtures.render("Run `gloss check` first.\n", annotations: [annotation])
        #expect(result.diagnostics.map(\.description) == [
            "t.md:4:5: error: annotation quote reaches into code, which cannot be highlighted: \"Run gloss\"\n    note: quote only the words around the `code`",
        ])
        #expect(!result.html.contains("<mark"))
        #expect(!result.html.contains("<aside"))
    }

    @Test("the rendered text leaves out labels, timestamps and markers, one range per block")
    func renderedText() {
        let captured = Captured()
        var options = MarkdownOptions()
        options.transcript = TranscriptContext(speakers: [TranscriptFixtures.hegseth], annotations: [
            Annotation(quote: "x", note: "n", location: SourceLocation(file: "t.md")),
        ])
        _ = MarkdownRenderer.render("**Pete Hegseth** [00:00:05]: Hello *big*\nworld[^n].\n\n# Head &amp; more\n\n[^n]: note\n", options: options, file: "t.md", firstLine: 1) { text, _ in
            captured.set(text)
            return ([], [])
        }
        let text = captured.get()
        #expect(String(decoding: text.utf8, as: UTF8.self) == "Hello big world.\nHead & more")
        #expect(text.blocks == [0..<16, 17..<28])
    }

    @Test("an attributed quote becomes a figure with a caption and a cite")
    func attributedQuote() {
        let body = "> They met.\n>\n> — [Reuters](https://reuters.com/x), 12 February 2025\n"
        let result = TranscriptFixtures.render(body)
        #expect(result.html == "<figure class=\"quote\">\n<blockquote cite=\"https://reuters.com/x\">\n<p>They met.</p>\n</blockquote>\n<figcaption>— <cite><a href=\"https://reuters.com/x\">Reuters</a></cite>, 12 February 2025</figcaption>\n</figure>\n")
        let post = TranscriptFixtures.render("> Big news.\n>\n> -- [@someone](https://x.com/someone/status/1)\n")
        #expect(post.html.hasPrefix("<figure class=\"quote social-post\">"))
    }

    @Test("an attribution without a link still cites its source by name")
    func attributedQuoteWithoutLink() {
        let result = TranscriptFixtures.render("> They met.\n>\n> — Reuters, 12 February 2025\n")
        #expect(result.html.contains("<figcaption>— <cite>Reuters</cite>, 12 February 2025</figcaption>"))
        let nameOnly = TranscriptFixtures.render("> They met.\n>\n> — Reuters\n")
        #expect(nameOnly.html.contains("<figcaption>— <cite>Reuters</cite></figcaption>"))
    }
}

/// Carries the rendered text out of the `@Sendable` matcher in a test.
private final class Captured: @unchecked Sendable {
    private var text = RenderedText()
    func set(_ value: RenderedText) { text = value }
    func get() -> RenderedText { text }
}
