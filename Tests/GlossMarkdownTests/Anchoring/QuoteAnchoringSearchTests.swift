@testable import GlossMarkdown
import Testing

@Suite("Anchoring: the linear search finds every occurrence")
struct QuoteAnchoringSearchTests {
    @Test("overlapping occurrences, in order")
    func overlapping() {
        #expect(SubsequenceSearch.occurrences(of: [1, 1], in: [1, 1, 1, 1]) == [0, 1, 2])
        #expect(SubsequenceSearch.occurrences(of: [1, 2, 1], in: [1, 2, 1, 2, 1, 3, 1, 2, 1]) == [0, 2, 6])
    }

    @Test("the limit stops the search early")
    func limit() {
        #expect(SubsequenceSearch.occurrences(of: [1], in: [1, 1, 1], limit: 2) == [0, 1])
    }

    @Test("an empty, longer or unknown pattern occurs nowhere")
    func nothing() {
        #expect(SubsequenceSearch.occurrences(of: [], in: [1, 2]).isEmpty)
        #expect(SubsequenceSearch.occurrences(of: [1, 2, 3], in: [1, 2]).isEmpty)
        #expect(SubsequenceSearch.occurrences(of: [FoldedText.unknownKey], in: [FoldedText.unknownKey]).isEmpty)
    }

    @Test("folding maps every unit back to its bytes, whitespace runs and dashes included")
    func unitBytes() {
        let text = RenderedTextFixture.text("a \u{A0} b--c...")
        let folded = FoldedText(text, folding: .exact)
        #expect(folded.bytes == [0..<1, 1..<5, 5..<6, 6..<8, 8..<9, 9..<12])
        #expect(folded.keys(for: "a b\u{2014}c\u{2026}") == folded.keys)
    }
}
