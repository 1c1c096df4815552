import GlossMarkdown
import GlossModel
import Testing

@Suite("Safe mode reports what it leaves out, where it is in the file")
struct DiagnosticTests {
    private let rawHTMLNote = "set \"options: {unsafe_html: true}\" in site.yaml to allow raw HTML"

    @Test("raw HTML blocks and inline tags are reported at their file position")
    func rawHTML() {
        let body = "Intro text.\n\n<div class=\"x\">\nhello\n</div>\n\nSome <b>bold</b> text.\n"
        let result = MarkdownRenderer.render(body, options: MarkdownOptions(), file: "Content/a.md", firstLine: 8)
        #expect(result.diagnostics == [
            .warning(at: SourceLocation(file: "Content/a.md", line: 10, column: 1), "raw HTML omitted: \"<div class=\"x\">…\"", note: rawHTMLNote),
            .warning(at: SourceLocation(file: "Content/a.md", line: 14, column: 6), "raw HTML omitted: \"<b>\"", note: rawHTMLNote),
            .warning(at: SourceLocation(file: "Content/a.md", line: 14, column: 13), "raw HTML omitted: \"</b>\"", note: rawHTMLNote),
        ])
        #expect(result.diagnostics.first?.description.hasPrefix("Content/a.md:10:1: warning: raw HTML omitted") == true)
    }

    @Test("inline HTML on a continuation line inside a block quote points at that line")
    func nested() {
        let result = MarkdownRenderer.render("> quoted\n> more <span>x</span>\n", options: MarkdownOptions(), file: "a.md", firstLine: 3)
        #expect(result.diagnostics.map(\.location) == [
            SourceLocation(file: "a.md", line: 4, column: 8),
            SourceLocation(file: "a.md", line: 4, column: 15),
        ])
    }

    @Test("raw HTML on an indented or quoted continuation line gets its real column")
    func continuationColumns() {
        let body = "para\n   x <b>y</b>\n\n- > a\n  >   b <u>\n\n- c\nlazy *<i>*\n"
        let result = MarkdownRenderer.render(body, options: MarkdownOptions(), file: "a.md", firstLine: 1)
        #expect(result.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["2:6", "2:10", "5:9", "8:7"])
    }

    @Test("columns count characters, not bytes, like the front matter's diagnostics")
    func columnsCountCharacters() {
        let result = MarkdownRenderer.render("Ukraine’s café — <b>x</b>\n", options: MarkdownOptions(), file: "a.md", firstLine: 1)
        // "Ukraine’s café — " is 17 characters but 23 bytes.
        #expect(result.diagnostics.first?.location?.column == 18)
    }

    @Test("dangerous links and image sources are emptied and reported")
    func dangerousLinks() {
        let body = "[click](javascript:alert(1)) and ![i](data:text/html,x) but ![ok](data:image/png;base64,AA)\n"
        let result = MarkdownRenderer.render(body, options: MarkdownOptions(), file: "a.md", firstLine: 5)
        #expect(result.html == "<p><a href=\"\">click</a> and <img src=\"\" alt=\"i\" /> but <img src=\"data:image/png;base64,AA\" alt=\"ok\" /></p>\n")
        #expect(result.diagnostics.map(\.message) == [
            "unsafe link omitted: \"javascript:alert(1)\"",
            "unsafe image source omitted: \"data:text/html,x\"",
        ])
        #expect(result.diagnostics.map(\.location?.line) == [5, 5])
        #expect(result.diagnostics.map(\.location?.column) == [1, 34])
    }

    @Test("a long HTML excerpt is cut to one short line")
    func excerpt() {
        let long = "<p title=\"" + String(repeating: "x", count: 100) + "\">\n"
        let message = MarkdownRenderer.render(long, options: MarkdownOptions(), file: "a.md").diagnostics.first?.message
        #expect(message == "raw HTML omitted: \"<p title=\"" + String(repeating: "x", count: 50) + "…\"")
    }

    @Test("unsafe mode passes HTML and links through without warnings")
    func unsafe() {
        let result = MarkdownRenderer.render("<b>x</b> [a](javascript:x)\n", options: MarkdownOptions(unsafeHTML: true), file: "a.md")
        #expect(result.html == "<p><b>x</b> <a href=\"javascript:x\">a</a></p>\n")
        #expect(result.diagnostics.isEmpty)
    }
}
