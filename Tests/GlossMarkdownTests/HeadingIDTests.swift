import GlossMarkdown
import Testing

@Suite("Headings get ids made from their text")
struct HeadingIDTests {
    private func render(_ markdown: String, ids: Bool = true) -> RenderedMarkdown {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(headingIDs: ids), file: "t.md", firstLine: 1)
    }

    @Test("the id is the lowercased text with runs of other characters as one dash")
    func slug() {
        #expect(render("## Opening Remarks: Q&A -- Part 2!\n").html == "<h2 id=\"opening-remarks-q-a-part-2\">Opening Remarks: Q&amp;A -- Part 2!</h2>\n")
    }

    @Test("formatting is dropped, code kept, raw HTML left out of the id")
    func formatting() {
        let result = render("# *Hello* `World` <b>now</b>\n")
        #expect(result.headings.map(\.id) == ["hello-world-now"])
        #expect(result.headings.map(\.text) == ["Hello World now"])
    }

    @Test("letters and digits of any script are kept")
    func unicode() {
        #expect(render("# Ελληνικά Straße 日本語 2025\n").headings.map(\.id) == ["ελληνικά-straße-日本語-2025"])
        #expect(render("# Cafe\u{0301} — ÉTÉ ½\n").headings.map(\.id) == ["cafe\u{0301}-été-½"])
    }

    @Test("a heading with no letters or digits gets 'section'")
    func empty() {
        #expect(render("# ***\n\n#\n\n## --!--\n").headings.map(\.id) == ["section", "section-1", "section-2"])
    }

    @Test("duplicates get -1, -2 and skip ids already taken")
    func duplicates() {
        let ids = render("# Q\n\n# Q\n\n# Q-1\n\n# Q\n\nQ\n===\n").headings.map(\.id)
        #expect(ids == ["q", "q-1", "q-1-1", "q-2", "q-3"])
    }

    @Test("every level and setext headings carry ids")
    func levels() {
        let result = render("# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\nSeven\n-----\n")
        #expect(result.headings.map(\.level) == [1, 2, 3, 4, 5, 6, 2])
        #expect(result.html.contains("<h6 id=\"six\">Six</h6>"))
        #expect(result.html.contains("<h2 id=\"seven\">Seven</h2>"))
    }

    @Test("headings report their line in the file")
    func lines() {
        let result = MarkdownRenderer.render("intro\n\n# A\n\ntext\n\nB\n-\n", options: MarkdownOptions(), file: "t.md", firstLine: 8)
        #expect(result.headings.map(\.line) == [10, 14])
    }

    @Test("ids can be turned off; headings are still listed")
    func off() {
        let result = render("# Title\n", ids: false)
        #expect(result.html == "<h1>Title</h1>\n")
        #expect(result.headings == [Heading(level: 1, text: "Title", id: "title", line: 1)])
    }

    @Test("ids the page around the body uses are left to it")
    func reservedIDs() {
        let options = MarkdownOptions(reservedIDs: ["main", "transcript-title"])
        let html = MarkdownRenderer.render("# Main\n\n## Transcript title\n", options: options, file: "a.md").html
        #expect(html == "<h1 id=\"main-1\">Main</h1>\n<h2 id=\"transcript-title-1\">Transcript title</h2>\n")
    }
}
