import GlossQuotes
import Testing

@Suite struct QuoteTextTests {
    @Test func normalizesMarksDashesAndSpaces() {
        #expect(QuoteText.normalized("“We want,\u{00A0}like you” —\nthe\t ‘Secretary’") == "\"we want, like you\" - the 'secretary'")
        #expect(QuoteText.normalized("  Zoë – Björn  ") == "zoe - bjorn")
        #expect(QuoteText.normalized("a\r\n\r\nb") == "a b")
    }

    @Test func wordsIgnoreCaseQuoteMarksAndDiacritics() {
        #expect(QuoteText.words("Ukraine’s pre-2014 borders") == QuoteText.words("ukraine's pre‑2014 BORDERS"))
        #expect(QuoteText.words("you’re") == ["youre"])
        #expect(QuoteText.words("1,000 troops, 1.2 billion") == ["1000", "troops", "12", "billion"])
        #expect(QuoteText.words("Café—Zoë") == ["cafe", "zoe"])
        #expect(QuoteText.words("“…” — !") == [])
    }

    @Test func tokensKnowWhereSentencesStartAndEnd() {
        let tokens = QuoteText.tokens("The war must end. And now, we act: Today")
        #expect(tokens.map(\.word) == ["the", "war", "must", "end", "and", "now", "we", "act", "today"])
        #expect(tokens.map(\.startsSentence) == [true, false, false, false, true, false, false, false, true])
        #expect(tokens.map(\.endsSentence) == [false, false, false, true, false, false, false, false, false])
        #expect(tokens[0].capitalized && !tokens[1].capitalized)
        // Offsets are UTF-8 offsets into the text.
        let text = "“Zoë’s” war"
        let zoe = QuoteText.tokens(text)[0]
        #expect(String(decoding: Array(text.utf8)[zoe.start ..< zoe.end], as: UTF8.self) == "Zoë’s")
    }
}

@Suite struct QuotePatternTests {
    @Test func ellipsesOfEveryFormAreGaps() {
        for text in ["we want … prosperous Ukraine", "we want ... prosperous Ukraine", "we want. . . prosperous Ukraine", "we want […] prosperous Ukraine"] {
            let pattern = QuotePattern(text)
            #expect(pattern.elements.contains(.gap), "\(text)")
            #expect(pattern.wordCount == 4, "\(text)")
        }
    }

    @Test func bracketsAreSlotsSicOrPartOfAWord() {
        let slot = QuotePattern("[the President] intends to end this war")
        #expect(slot.elements.first == .slot("[the President]"))
        #expect(slot.wordCount == 5)
        let sic = QuotePattern("illusionary [sic] goal")
        #expect(!sic.elements.contains { if case .slot = $0 { true } else { false } })
        #expect(sic.wordCount == 2)
        let inWord = QuotePattern("[T]he bloodshed must stop")
        #expect(inWord.elements.first == .word("the", surface: "The"))
    }
}
