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
