@testable import GlossMarkdown
import Testing

@Suite("Odd and extreme input renders without crashing")
struct RobustnessTests {
    @Test("10,000 nested block quotes render without exhausting the stack")
    func deepBlockQuotes() {
        let markdown = String(repeating: ">", count: 10_000) + " deep\n"
        let html = MarkdownRenderer.render(markdown, options: MarkdownOptions(), file: "a.md").html
        #expect(html == CmarkReference.html(markdown, options: MarkdownOptions()))
        #expect(html.hasPrefix(String(repeating: "<blockquote>\n", count: 10_000) + "<p>deep</p>\n"))
    }

    @Test("10,000 nested list items and emphasis render")
    func deepListsAndEmphasis() {
        let lists = (0..<10_000).map { String(repeating: " ", count: $0 * 2) + "- x" }.joined(separator: "\n")
        let emphasis = String(repeating: "*a ", count: 10_000) + String(repeating: " b*", count: 10_000)
        let links = String(repeating: "![", count: 5_000) + "x" + String(repeating: "](u)", count: 5_000)
        for markdown in [lists, emphasis, links] {
            let ours = MarkdownRenderer.render(markdown, options: MarkdownOptions(headingIDs: false), file: "a.md").html
            #expect(ours == CmarkReference.html(markdown, options: MarkdownOptions()))
        }
    }

    @Test("a 1 MB line renders")
    func longLine() {
        let markdown = String(repeating: "word *em* <i>&amp; [l](u) ", count: 40_000)
        #expect(markdown.utf8.count > 1_000_000)
        let result = MarkdownRenderer.render(markdown, options: MarkdownOptions(), file: "a.md")
        #expect(result.html == CmarkReference.html(markdown, options: MarkdownOptions()))
        #expect(result.diagnostics.count == MarkdownRenderer.warningLimit + 1)
        #expect(result.diagnostics.last?.message == "39980 more places in this file where raw HTML or an unsafe link was omitted")
    }

    @Test("empty input, NUL characters and lone line endings")
    func oddInput() {
        #expect(MarkdownRenderer.render("", options: MarkdownOptions(), file: "a.md").html == "")
        #expect(MarkdownRenderer.render("a\u{0}b", options: MarkdownOptions(), file: "a.md").html == "<p>a\u{FFFD}b</p>\n")
        for markdown in ["\r", "\n\n\n", "\r\n", "\t", "\u{FEFF}# x", "\u{FFFF}", "\\"] {
            let ours = MarkdownRenderer.render(markdown, options: MarkdownOptions(headingIDs: false), file: "a.md").html
            #expect(ours == CmarkReference.html(markdown, options: MarkdownOptions()), "\(markdown.debugDescription)")
        }
    }

    @Test("documents render in parallel with the same result as one at a time")
    func parallel() async {
        var generator = MarkdownGenerator(seed: 7)
        let documents = (0..<200).map { _ in generator.document() }
        let expected = documents.map { MarkdownRenderer.render($0, options: MarkdownOptions(), file: "a.md").html }
        let rendered = await withTaskGroup(of: (Int, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, MarkdownRenderer.render(document, options: MarkdownOptions(), file: "a.md").html) }
            }
            var results = [String](repeating: "", count: documents.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        #expect(rendered == expected)
    }
}
