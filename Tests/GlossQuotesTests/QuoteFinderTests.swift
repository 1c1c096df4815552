import GlossQuotes
import Testing

@Suite struct QuoteFinderTests {
    /// The second paragraph of the Reuters report as the seed article carries it.
    let reuters = "‘We want, like you, a sovereign and prosperous Ukraine. But we must start by recognizing that returning to Ukraine’s pre-2014 borders is an unrealistic objective’, Hegseth told the meeting of Ukrainian officials and more than 40 allies. ‘Chasing this illusionary goal will only prolong the war and cause more suffering’, he added.”"

    @Test func findsSingleQuotesWithAttributionsAfterThem() {
        let found = QuoteFinder.resolvingPronouns(QuoteFinder.quotations(in: reuters))
        #expect(found.count == 2)
        #expect(found.first?.text.hasPrefix("We want, like you") == true)
        #expect(found.first?.text.hasSuffix("unrealistic objective") == true)
        #expect(found.first?.attribution == Attribution(name: "Hegseth"))
        #expect(found.last?.text == "Chasing this illusionary goal will only prolong the war and cause more suffering")
        // `he added` takes the name credited before it.
        #expect(found.last?.attribution == Attribution(name: "Hegseth"))
        // The offsets point at the quotation in the block.
        if let first = found.first {
            #expect(String(decoding: Array(reuters.utf8)[first.start ..< first.end], as: UTF8.self) == first.text)
        }
    }

    @Test func nestedSingleInsideDoubleAndStraightQuotes() {
        let text = "“He said ‘stark strategic realities’, such as threats posed by China, prevented the U.S. from being ‘primarily focused on the security of Europe’.” Then: \"we will never abandon our friends and allies\" said Secretary Hegseth."
        let found = QuoteFinder.quotations(in: text, minimumWords: 3)
        let texts = found.map(\.text)
        #expect(texts.contains("primarily focused on the security of Europe"))
        #expect(texts.contains("stark strategic realities"))
        #expect(texts.contains("we will never abandon our friends and allies"))
        #expect(found.first { $0.text == "stark strategic realities" }?.depth == 1)
        #expect(found.first { $0.text == "we will never abandon our friends and allies" }?.attribution == Attribution(name: "Secretary Hegseth"))
    }

    @Test func attributionBeforeAndByDash() {
        let before = QuoteFinder.quotations(in: "Hegseth said: “The bloodshed must stop and this war must end.”")
        #expect(before.first?.attribution == Attribution(name: "Hegseth"))
        let dash = QuoteFinder.quotations(in: "“The bloodshed must stop and this war must end.” — Reuters, 12 February 2025")
        #expect(dash.first?.attribution == Attribution(name: "Reuters"))
        let none = QuoteFinder.quotations(in: "The phrase “a durable peace for Ukraine must include” appears twice.")
        #expect(none.count == 1 && none.first?.attribution == nil)
    }

    @Test func shortQuotationsAndApostrophesAreNotChecked() {
        #expect(QuoteFinder.quotations(in: "He called it “Minsk 3.0” twice.").isEmpty)
        #expect(QuoteFinder.quotations(in: "The allies’ troops and Ukraine’s borders, as the ’90s showed, are a long story.").isEmpty)
        #expect(QuoteFinder.minimumWords == 6)
    }

    @Test func anUnclosedDoubleQuoteRunsToTheEndOfTheBlock() {
        let found = QuoteFinder.quotations(in: "“Speaking at a meeting of Ukraine’s military allies at NATO headquarters in Brussels on Wednesday, Hegseth delivered the clearest statement.")
        #expect(found.count == 1)
        #expect(found.first?.text.hasSuffix("clearest statement.") == true)
    }

    @Test func blockQuotationTakesTheCreditLine() {
        let block = QuoteFinder.blockQuotation("We will only end this devastating war and establish a durable peace.", attribution: "Pete Hegseth, 12 February 2025")
        #expect(block?.attribution == Attribution(name: "Pete Hegseth"))
        #expect(QuoteFinder.blockQuotation("Too short.") == nil)
    }

    @Test func strayMarksInBulkAreBounded() {
        let opens = String(repeating: "“a b c d e f ", count: 5000)
        let found = QuoteFinder.quotations(in: opens)
        #expect(found.count <= QuoteFinder.maximumQuotations)
        #expect(found.allSatisfy { $0.text.unicodeScalars.count <= QuoteFinder.maximumLength })
        let brackets = QuoteFinder.quotations(inMarkdown: "Open " + String(repeating: "[", count: 20000) + " “and " + String(repeating: "![", count: 2000) + " six words in quote marks”", file: "b.md", firstLine: 1)
        #expect(brackets.count == 1)
    }
}
