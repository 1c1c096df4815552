@testable import GlossQuotes
import Testing

/// The byte-level look that spares the finder most paragraphs: it may only
/// say "no quotation here" when the finder would find none.
@Suite struct QuotationPrefilterTests {
    @Test("apostrophes between letters alone hold no quotation")
    func apostrophes() {
        #expect(!QuoteFinder.mayHoldQuotation("Ukraine\u{2019}s allies don't waver \u{2014} it\u{2019}s settled."))
        #expect(!QuoteFinder.mayHoldQuotation("No marks at all, not even a dash."))
        #expect(!QuoteFinder.mayHoldQuotation(""))
    }

    @Test("every mark the finder reads makes the paragraph worth reading", arguments: [
        "He said \"we will stay\".", "\u{201C}We will stay\u{201D}", "\u{201E}Wir bleiben\u{201C}", "\u{00AB}Nous restons\u{00BB}",
        "\u{2018}We stay\u{2019}", "he said 'we stay'", "the allies' plan", "'Tis", "rock 'n' roll", "x\u{2019} y", "\u{2019}90s",
        "don'", "'d", "caf\u{00E9}\u{2019}s",
    ])
    func marks(_ text: String) {
        #expect(QuoteFinder.mayHoldQuotation(text))
    }

    @Test("a paragraph of apostrophes is passed over, and a quotation beside one still found")
    func finderAgrees() {
        let body = "It\u{2019}s the allies\u{2019} day, and Ukraine's too.\n\nThe Secretary said \u{201C}we will never abandon our friends in the east\u{201D} today.\n"
        let found = QuoteFinder.quotations(inMarkdown: body, file: "a.md", firstLine: 1)
        #expect(found.map(\.quotation.text) == ["we will never abandon our friends in the east"])
        #expect(found.first?.location.line == 3)
    }
}

/// The line trimming the finder does per line reads ASCII bytes first; it
/// must trim exactly the scalars `QuoteText.isSpace` calls spaces.
@Suite struct LineTrimmingTests {
    static let samples = [
        "", "a", " a", "\ta b\t", "\u{1C}x\u{1F}", "\u{00A0}quoted\u{00A0}", "\u{2003}\u{200B}“Yes”", "x\u{FEFF}",
        "> quote", "   ", "\u{0085}next", "é ", " é", "Ukraine’s", "\r\n",
    ]

    static func reference(dropping text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.drop(while: QuoteText.isSpace)))
    }

    static func reference(trimming text: String) -> String {
        let scalars = Array(text.unicodeScalars.drop(while: QuoteText.isSpace))
        let end = scalars.lastIndex { !QuoteText.isSpace($0) }.map { $0 + 1 } ?? 0
        return String(String.UnicodeScalarView(scalars[..<end]))
    }

    @Test("leading spaces, and spaces at both ends, are those of the scalar rule", arguments: samples)
    func trimsLikeTheScalarRule(_ text: String) {
        #expect(String(text.droppingLeadingSpaces()) == Self.reference(dropping: text))
        #expect(text.trimmingSpaces() == Self.reference(trimming: text))
    }
}
