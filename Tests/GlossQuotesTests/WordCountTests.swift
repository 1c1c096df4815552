@testable import GlossQuotes
import Testing

/// The finder counts a quotation's words without building its pattern:
/// the counts must be the pattern's, on random text of words, marks,
/// brackets, dots, ellipses and the pattern's own stand-in scalars.
@Suite struct WordCountTests {
    @Test func wordCountsAreThePatternsAndTheTokens() {
        var g = FinderDifferentialTests.SplitMix(state: 16)
        var plain = 0
        for _ in 0 ..< 20000 {
            var text = ""
            for _ in 0 ..< Int.random(in: 0 ... 14, using: &g) {
                text += [" ", " ", "", "\u{00A0}", "\n"].randomElement(using: &g) ?? " "
                text += FinderDifferentialTests.words.randomElement(using: &g) ?? ""
            }
            let pattern = QuotePattern(text).wordCount
            #expect(QuotePattern.wordCount(of: text) == pattern, "\(text.debugDescription)")
            #expect(QuoteText.wordCount(text) == QuoteText.tokens(text).count, "\(text.debugDescription)")
            if pattern == QuoteText.tokens(text).count { plain += 1 }
        }
        #expect(plain > 5000)
    }
}
