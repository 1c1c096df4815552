import Testing
@testable import GlossQuotes

/// The scan that picks candidate transcripts from their Markdown: it must
/// find every pair of the quotation's words that the rendered passages hold,
/// or say that it cannot.
@Suite struct QuoteScanTests {
    let quotation = "we will build the bridge across the river before the winter comes"

    /// The quotation's pair numbers that the text holds, cut as the check cuts passages.
    func exactPairs(_ probe: QuoteProbe, _ passages: [String]) -> Set<Int32> {
        Set(probe.scan(passages: passages).pairs)
    }

    @Test("markup between or around words hides no pair: emphasis, links, labels, events, headings, line breaks")
    func markupHidesNothing() throws {
        let probe = QuoteProbe(quotations: [quotation])
        let all = Set(probe.quotationPairs[0].map(\.pair))
        #expect(all.count == 11)
        let cases: [(markdown: String, rendered: String)] = [
            ("**Hale Speaker** [00:01:16]: We will *build* the **bridge** across the river before the winter comes.",
             "We will build the bridge across the river before the winter comes."),
            ("We will build [the bridge](https://example.org/a-b_c(d) \"across the title\") across the river before the winter comes.",
             "We will build the bridge across the river before the winter comes."),
            ("We will build the bridge [across](<../speech/> 'x y') the river\nbefore the winter comes [applause].",
             "We will build the bridge across the river before the winter comes [applause]."),
            ("## Heading words\n\nWe will build the bridge across\nthe river before the ~~winter~~ winter comes.",
             "We will build the bridge across the river before the winter winter comes."),
            ("We will build the bridge across the river before the winter comes\\\nnow, at [[Page S705]] 10:30.",
             "We will build the bridge across the river before the winter comes now, at [[Page S705]] 10:30."),
        ]
        for item in cases {
            let markdown = try #require(probe.scan(markdown: item.markdown), "\(item.markdown)")
            #expect(markdown.exact == false)
            let exact = exactPairs(probe, [item.rendered])
            #expect(exact.isSubset(of: Set(markdown.pairs)), "\(item.markdown)")
        }
        // Every pair of the first case is there, the quotation being whole.
        #expect(Set(try #require(probe.scan(markdown: cases[0].markdown)).pairs) == all)
    }

    @Test("markup whose removal could join or replace words sends the transcript to its passages")
    func riskyMarkupIsRead() {
        let probe = QuoteProbe(quotations: [quotation])
        for markdown in [
            "We will build the bri*dge* across the river.",          // emphasis inside a word
            "We will build the bridge&nbsp;across the river.",        // an entity
            "We will build the <span>bridge</span> across the river.", // inline HTML
            "We will build the bridge[^1] across the river.",         // a point note's marker
            "We will build [the bridge][ref] across the river.",      // a reference link
            "We will build ![the bridge](b.png) across the river.",   // an image's text is not read
            "[ref]: https://example.org\n\nWe will build [the bridge] across.", // a definition
            "We will build the bridge across the [river](broken",     // a destination not closed
            "We will build snake_case across the river.",             // `_` between letters
        ] {
            #expect(probe.scan(markdown: markdown) == nil, "\(markdown)")
        }
        // A timestamp before a label's colon is no definition.
        #expect(probe.scan(markdown: "[00:01:16]: We will build the bridge.") != nil)
    }

    @Test("a blank line ends the pairs, as a passage does; a soft line break does not")
    func paragraphsEndPairs() throws {
        let probe = QuoteProbe(quotations: ["the river before the winter comes"])
        let split = try #require(probe.scan(markdown: "the river\n\nbefore the winter comes"))
        let joined = try #require(probe.scan(markdown: "the river\nbefore the winter comes"))
        #expect(split.pairs.count == joined.pairs.count - 1)
        #expect(exactPairs(probe, ["the river", "before the winter comes"]) == Set(split.pairs))
    }

    @Test("words fold as QuoteText folds them: case, diacritics, apostrophes, digit groups")
    func folding() throws {
        let probe = QuoteProbe(quotations: ["Zoë’s plan costs 1,000 dollars, don't you know"])
        let hits = try #require(probe.scan(markdown: "ZOE'S PLAN costs 1000 Dollars; dont you know"))
        #expect(Set(hits.pairs) == Set(probe.quotationPairs[0].map(\.pair)))
        #expect(hits.words.count == QuoteText.words("Zoë’s plan costs 1,000 dollars, don't you know").count)
        // Two words where the quotation has one are not its pair.
        let apart = try #require(probe.scan(markdown: "zoe s plan"))
        #expect(!apart.pairs.contains(probe.quotationPairs[0][0].pair))
    }

    @Test("quotations of many distinct words (a filter and a table, no pair matrix) find the same pairs as few do")
    func manyWordsFindTheSamePairs() throws {
        // Enough made-up words that the probe leaves its dense matrix for the
        // filter and the hash table; the quotation under test comes last.
        let filler = (0 ..< QuoteProbe.densePairWords + 40).map { "w\($0)x" }
        let many = stride(from: 0, to: filler.count, by: 8).map { filler[$0 ..< min($0 + 8, filler.count)].joined(separator: " ") }
        let large = QuoteProbe(quotations: many + [quotation])
        let small = QuoteProbe(quotations: [quotation])
        #expect(large.wordCount > QuoteProbe.densePairWords)
        #expect(small.wordCount <= QuoteProbe.densePairWords)
        let text = "**Hale Speaker** [00:01:16]: We will *build* the bridge across the river, w3x w4x w5x before the winter comes. The river, then winter."
        let largeHits = try #require(large.scan(markdown: text))
        let smallHits = try #require(small.scan(markdown: text))
        // Each found pair of the quotation by its place in the quotation,
        // the same in both probes whatever its number.
        func places(_ probe: QuoteProbe, _ hits: QuoteProbe.Hits, quotation: Int) -> Set<Int> {
            let own = probe.quotationPairs[quotation].map(\.pair)
            return Set(hits.pairs.compactMap { own.firstIndex(of: $0) })
        }
        let found = places(small, smallHits, quotation: 0)
        // All but river-before: we-will … the-river, before-the, the-winter, winter-comes.
        #expect(found == Set(0 ..< 11).subtracting([7]))
        #expect(places(large, largeHits, quotation: many.count) == found)
        // And the filler's pairs the text holds: w3x-w4x, w4x-w5x.
        #expect(largeHits.pairs.count == found.count + 2)
    }

    @Test("pairs across an ellipsis or an insertion are not the quotation's")
    func gaps() {
        let probe = QuoteProbe(quotations: ["we will build … the river before [the Secretary] said"])
        let pairs = probe.quotationPairs[0]
        // we-will, will-build, the-river, river-before: nothing across the gaps.
        #expect(pairs.count == 4)
    }
}
