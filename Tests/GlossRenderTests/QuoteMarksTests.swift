import GlossModel
import Testing
@testable import GlossRender

/// The verdicts marked in a transcript's body: after each checked quotation,
/// and at the end of each quoted passage.
@Suite struct QuoteMarksTests {
    static let page = "2025/article/index.html"

    @Test("a quotation's verdict follows its closing quote mark and links to its entry in the list")
    func markAfterTheQuotation() {
        let html = "<p id=\"p-1\">She said: “We will never abandon our friends, whatever it costs us.” Then she left.</p>\n"
        let quotes = PageQuotes(checked: [CheckedQuote(text: "We will never abandon our friends, whatever it costs us.", verdict: "verbatim")])
        #expect(QuoteMarks.marking(html, quotes: quotes, page: Self.page)
            == "<p id=\"p-1\">She said: “We will never abandon our friends, whatever it costs us.”<sup class=\"quote-verdict\"><a href=\"#quote-1\">verbatim</a></sup> Then she left.</p>\n")
    }

    @Test("formatting and line breaks between the last words do not hide the quotation; nested marks are passed")
    func acrossTagsAndBreaks() {
        let html = "<p>“‘We will never abandon our friends whatever it <em>costs</em>\nus’” he said.</p>"
        let quotes = PageQuotes(checked: [CheckedQuote(text: "We will never abandon our friends whatever it  costs \nus", verdict: "not found")])
        #expect(QuoteMarks.marking(html, quotes: quotes, page: Self.page)
            == "<p>“‘We will never abandon our friends whatever it <em>costs</em>\nus’”<sup class=\"quote-verdict\"><a href=\"#quote-1\">not found</a></sup> he said.</p>")
    }

    @Test("a quotation whose last words occur more often than quotations end in them is not marked: the check never guesses a place")
    func ambiguousTailIsLeftUnmarked() {
        let html = "<p>“One two three four five six.” And later: six.</p><p>Again four five six.</p>"
        let quotes = PageQuotes(checked: [CheckedQuote(text: "One two three four five six.", verdict: "verbatim")])
        #expect(QuoteMarks.marking(html, quotes: quotes, page: Self.page) == html)
    }

    @Test("two quotations ending in the same words take their places in order")
    func repeatedTails() {
        let html = "<p>“Alpha beta gamma delta epsilon zeta.”</p><p>“Eta theta iota delta epsilon zeta.”</p>"
        let quotes = PageQuotes(checked: [
            CheckedQuote(text: "Alpha beta gamma delta epsilon zeta.", verdict: "verbatim"),
            CheckedQuote(text: "Eta theta iota delta epsilon zeta.", verdict: "altered"),
        ])
        #expect(QuoteMarks.marking(html, quotes: quotes, page: Self.page)
            == "<p>“Alpha beta gamma delta epsilon zeta.”<sup class=\"quote-verdict\"><a href=\"#quote-1\">verbatim</a></sup></p><p>“Eta theta iota delta epsilon zeta.”<sup class=\"quote-verdict\"><a href=\"#quote-2\">altered</a></sup></p>")
    }

    @Test("words inside a tag's attributes are not the text")
    func attributesAreNotText() {
        let html = "<p><a title=\"it costs us.\" href=\"x\">link</a> whatever it costs us.</p>"
        let quotes = PageQuotes(checked: [CheckedQuote(text: "we said so whatever it costs us.", verdict: "trimmed")])
        #expect(QuoteMarks.marking(html, quotes: quotes, page: Self.page)
            == "<p><a title=\"it costs us.\" href=\"x\">link</a> whatever it costs us.<sup class=\"quote-verdict\"><a href=\"#quote-1\">trimmed</a></sup></p>")
    }

    @Test("a quoted passage ends with a note naming each page that quotes it, escaped, once each")
    func quotedInNote() {
        let html = "<p id=\"p-203f56\">We will never abandon our friends.</p>\n<p id=\"p-999999\">Other.</p>\n"
        let quotes = PageQuotes(quotedIn: [
            QuotedPassage(passageID: "p-203f56", fromSlug: "2025/article", fromTitle: "Smith & the <pledge>", verdict: "verbatim"),
            QuotedPassage(passageID: "p-203f56", fromSlug: "2025/article", fromTitle: "Smith & the <pledge>", verdict: "verbatim"),
            QuotedPassage(passageID: "p-203f56", fromSlug: "2025/other", fromTitle: "Other", verdict: "altered"),
            QuotedPassage(passageID: "p-gone", fromSlug: "2025/other", fromTitle: "Other", verdict: "altered"),
        ])
        #expect(QuoteMarks.marking(html, quotes: quotes, page: "2025/speech/index.html")
            == "<p id=\"p-203f56\">We will never abandon our friends. <small class=\"quoted-in-note\">Quoted in <a href=\"../article/\">Smith &amp; the &lt;pledge&gt;</a> (verbatim); <a href=\"../other/\">Other</a> (altered)</small></p>\n<p id=\"p-999999\">Other.</p>\n")
    }

    @Test("nothing to mark leaves the body as it is")
    func nothingToMark() {
        let html = "<p>“We will never abandon our friends.”</p>"
        #expect(QuoteMarks.marking(html, quotes: PageQuotes(), page: Self.page) == html)
    }
}

extension QuoteMarksTests {
    @Test("a quotation that ends inside a link's text is not marked: a link may not hold a link")
    func insideALink() {
        let html = "<p><a href=\"https://example.org/\">“We will never abandon our friends, whatever it costs us.” she said</a></p>"
        let quotes = PageQuotes(checked: [CheckedQuote(text: "We will never abandon our friends, whatever it costs us.", verdict: "verbatim")])
        #expect(QuoteMarks.marking(html, quotes: quotes, page: Self.page) == html)
    }
}
