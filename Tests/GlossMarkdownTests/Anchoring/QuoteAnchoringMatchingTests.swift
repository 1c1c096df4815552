@testable import GlossMarkdown
import GlossModel
import Testing

@Suite("Anchoring: quotes match the rendered text across whitespace and typographic punctuation, exactly")
struct QuoteAnchoringMatchingTests {
    private typealias F = RenderedTextFixture

    private func covered(_ quote: String, in blocks: String...) -> String? {
        try? F.covered(by: F.annotation(quote), in: F.text(blocks)).get()
    }

    @Test("a quote written over several lines matches the text whose line breaks are spaces")
    func lineBreaksAndRuns() {
        #expect(covered("we must start\n  by recognizing", in: "First, we must start by recognizing that.") == "we must start by recognizing")
    }

    @Test("whitespace runs, tabs, NBSP and narrow NBSP in the text compare as one space, and the range covers them")
    func whitespaceInText() {
        #expect(covered("pre-2014 borders are", in: "returning to pre-2014\u{A0}borders \t are unrealistic") == "pre-2014\u{A0}borders \t are")
        #expect(covered("10 000 troops", in: "some 10\u{202F}000 troops") == "10\u{202F}000 troops")
        #expect(covered("a\u{A0}\u{A0}b", in: "x a b y") == "a b")
    }

    @Test("leading and trailing whitespace of the quote is ignored; the range covers exactly the words")
    func trimmedQuote() {
        let text = F.text("Say it plainly: we will win. Then stop.")
        let result = F.anchor([F.annotation("  \n we will win.\t ")], in: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ranges.map(\.range) == [16..<28])
        #expect(result.ranges.first.flatMap { F.covered($0.range, in: text) } == "we will win.")
    }

    @Test("curly and straight apostrophes and quotation marks compare equal, both ways")
    func quotes() {
        #expect(covered("Ukraine's pre-2014 borders", in: "returning to Ukraine\u{2019}s pre-2014 borders") == "Ukraine\u{2019}s pre-2014 borders")
        #expect(covered("Ukraine\u{2019}s", in: "returning to Ukraine's borders") == "Ukraine's")
        #expect(covered("it\u{02BC}s", in: "it's") == "it's")
        #expect(covered("5\u{2032}", in: "he is 5' tall") == "5'")
        #expect(covered("\"peace through strength\"", in: "he said \u{201C}peace through strength\u{201D} twice") == "\u{201C}peace through strength\u{201D}")
        #expect(covered("\u{201C}peace\u{201D}", in: "\"peace\"") == "\"peace\"")
    }

    @Test("-- and --- match the en and em dashes smart punctuation makes of them, and any dash matches any other")
    func dashes() {
        #expect(covered("war -- and peace", in: "war \u{2013} and peace") == "war \u{2013} and peace")
        #expect(covered("war --- and peace", in: "war \u{2014} and peace") == "war \u{2014} and peace")
        #expect(covered("war \u{2014} and", in: "war -- and peace") == "war -- and")
        #expect(covered("war\u{2014}and", in: "war---and") == "war---and")
        #expect(covered("war \u{2013} and", in: "war \u{2014} and") == "war \u{2014} and")
        // cmark renders ---- as two en dashes.
        #expect(covered("a ---- b", in: "a \u{2013}\u{2013} b") == "a \u{2013}\u{2013} b")
    }

    @Test("a hyphen is not a dash")
    func hyphenIsNotDash() {
        let result = F.anchor([F.annotation("pre\u{2013}2014")], in: F.text("the pre-2014 borders"))
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics == [.error(
            at: F.location(0), "annotation quote not found: \"pre\u{2013}2014\"",
            note: "found with different punctuation in Content/speech.md: \"pre-2014\""
        )])
        #expect(covered("pre - 2014", in: "pre -- 2014") == nil)
    }

    @Test("... matches the ellipsis character, and a fourth dot stays a dot")
    func ellipsis() {
        #expect(covered("and so...", in: "and so\u{2026} we go") == "and so\u{2026}")
        #expect(covered("and so\u{2026} we", in: "and so... we go") == "and so... we")
        #expect(covered("so....", in: "so\u{2026}. we go") == "so\u{2026}.")
        #expect(covered("so\u{2026}.", in: "so.... we go") == "so....")
    }

    @Test("matching is case-sensitive: another capitalisation is only a hint")
    func caseSensitive() {
        let text = F.text("Returning to Ukraine\u{2019}s pre-2014 borders is an unrealistic objective.")
        let result = F.anchor([F.annotation("returning to Ukraine's pre-2014 borders")], in: text)
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics == [.error(
            at: F.location(0), "annotation quote not found: \"returning to Ukraine's pre-2014 borders\"",
            note: "found with different capitalisation in Content/speech.md: \"Returning to Ukraine\u{2019}s pre-2014 borders\""
        )])
    }

    @Test("offsets are UTF-8 bytes: multi-byte letters, emoji and CJK are covered exactly")
    func multiByte() {
        let text = F.text("Ein Café in Zürich 🇺🇦", "東京で「平和」と言った。 naïve résumé")
        let result = F.anchor(F.annotations("Zürich 🇺🇦", "「平和」", "naïve"), in: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ranges.map { F.covered($0.range, in: text) } == ["Zürich 🇺🇦", "「平和」", "naïve"])
        let zurich = Array("Ein Café in ".utf8).count
        #expect(result.ranges.first?.range == zurich..<(zurich + Array("Zürich 🇺🇦".utf8).count))
        #expect(result.ranges.map(\.annotation) == [0, 1, 2])
    }

    @Test("composed and decomposed accents compare equal; a quote never ends inside a character")
    func canonicalEquivalence() {
        #expect(covered("caf\u{E9}", in: "un cafe\u{301} noir") == "cafe\u{301}")
        #expect(covered("cafe", in: "un cafe\u{301} noir") == nil)
    }

    @Test("bytes that are not UTF-8 do not shift the offsets of what follows")
    func invalidUTF8() {
        var text = F.text("ab")
        text.utf8 = [0x61, 0xFF, 0xFE, 0x20] + Array("we will win".utf8)
        text.blocks = [0..<text.utf8.count]
        let result = F.anchor([F.annotation("will")], in: text)
        #expect(result.ranges.map(\.range) == [7..<11])
    }

    @Test("a long document with many annotations anchors each of them")
    func largeDocument() {
        let paragraphs = (0..<2_000).map { "Paragraph \($0) says that the number \($0) is \($0 % 2 == 0 ? "even" : "odd") \u{2014} indeed." }
        let text = F.text(paragraphs)
        let quotes = stride(from: 0, to: 2_000, by: 50).map { "number \($0) is even --- indeed." }
        let result = F.anchor(quotes.enumerated().map { F.annotation($1, at: $0) }, in: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ranges.count == quotes.count)
        #expect(result.ranges.first.flatMap { F.covered($0.range, in: text) } == "number 0 is even \u{2014} indeed.")
    }
}
