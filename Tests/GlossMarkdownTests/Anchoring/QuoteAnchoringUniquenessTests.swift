@testable import GlossMarkdown
import GlossModel
import Testing

@Suite("Anchoring: a quote must occur exactly once; prefix and suffix only choose between repeats")
struct QuoteAnchoringUniquenessTests {
    private typealias F = RenderedTextFixture

    private let text = F.text(
        "We will win. And I say it again: we will win.",
        "Heading",
        "They said we will win, but we did not."
    )

    @Test("a repeated quote without prefix or suffix is an error listing each occurrence with its context")
    func repeated() {
        let result = F.anchor([F.annotation("we will win")], in: text)
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics == [.error(
            at: F.location(0), "annotation quote found 2 times: \"we will win\"",
            note: "add \"prefix:\" or \"suffix:\" to choose one (occurrences: "
                + "\"\u{2026}I say it again: \u{27E8}we will win\u{27E9}. Heading They said we\u{2026}\", "
                + "\"\u{2026}win. Heading They said \u{27E8}we will win\u{27E9}, but we did not.\")"
        )])
    }

    @Test("matching is case-sensitive, so a capitalised repeat is another passage")
    func capitalisedRepeatIsDistinct() {
        let result = F.anchor([F.annotation("We will win")], in: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ranges.map(\.range) == [0..<11])
    }

    @Test("a prefix chooses one occurrence, whitespace where it meets the quote ignored")
    func prefixChooses() {
        for prefix in ["I say it again: ", "again:", "  it again:\n"] {
            let result = F.anchor([F.annotation("we will win", prefix: prefix)], in: text)
            #expect(result.diagnostics.isEmpty, "prefix \(prefix.debugDescription)")
            #expect(result.ranges.map(\.range) == [33..<44], "prefix \(prefix.debugDescription)")
        }
    }

    @Test("a suffix chooses one occurrence")
    func suffixChooses() {
        let result = F.anchor([F.annotation("we will win", suffix: ", but")], in: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ranges.first.flatMap { F.covered($0.range, in: text) } == "we will win")
        #expect(result.ranges.first?.range.lowerBound == Array("We will win. And I say it again: we will win.\nHeading\nThey said ".utf8).count)
    }

    @Test("a prefix may reach back into the previous block")
    func prefixAcrossBlocks() {
        let text = F.text("Part one.", "Yes.", "Part two.", "Yes.")
        let result = F.anchor([F.annotation("Yes.", prefix: "two.")], in: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ranges.map(\.range) == [25..<29])
    }

    @Test("prefix and suffix fold like the quote: curly quotes, dashes, NBSP")
    func prefixFolds() {
        let text = F.text("He said \u{201C}no\u{201D} \u{2014} then no\u{A0}again.", "He said \"no\" -- then no more.")
        let result = F.anchor([F.annotation("no", prefix: "\"no\" --- then", suffix: "again")], in: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ranges.map(\.range) == [Array("He said \u{201C}no\u{201D} \u{2014} then ".utf8).count..<Array("He said \u{201C}no\u{201D} \u{2014} then no".utf8).count])
    }

    @Test("a prefix that no occurrence follows is an error, even for a quote that occurs once")
    func wrongPrefix() {
        let result = F.anchor([F.annotation("did not", prefix: "we really")], in: text)
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics == [.error(
            at: F.location(0), "annotation quote not found after its prefix \"we really\": \"did not\"",
            note: "the quote occurs once, and \"prefix:\" must be the text right before it (occurrences: \"\u{2026}will win, but we \u{27E8}did not\u{27E9}.\")"
        )])
    }

    @Test("a suffix that no occurrence precedes is an error")
    func wrongSuffix() {
        let result = F.anchor([F.annotation("we will win", suffix: "today")], in: text)
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics.first?.message == "annotation quote not found before its suffix \"today\": \"we will win\"")
        #expect(result.diagnostics.first?.note?.hasPrefix("the quote occurs twice, and \"suffix:\" must be the text right after it (occurrences: ") == true)
    }

    @Test("a prefix and a suffix that match different occurrences are an error")
    func prefixAndSuffixDisagree() {
        let result = F.anchor([F.annotation("we will win", prefix: "again:", suffix: ", but")], in: text)
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics.first?.message == "annotation quote not found between its prefix and suffix: \"we will win\"")
        #expect(result.diagnostics.first?.note?.hasPrefix("the quote occurs twice; the prefix and the suffix match different occurrences") == true)
    }

    @Test("a prefix that still matches several occurrences is an error asking for a longer one")
    func prefixTooShort() {
        let text = F.text("I said yes. You said yes. They said no.")
        let result = F.anchor([F.annotation("yes", prefix: "said")], in: text)
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics == [.error(
            at: F.location(0), "annotation quote found 2 times and 2 of them match its prefix: \"yes\"",
            note: "lengthen \"prefix:\" or \"suffix:\" to choose one (occurrences: \"I said \u{27E8}yes\u{27E9}. You said yes. They\u{2026}\", \"\u{2026}said yes. You said \u{27E8}yes\u{27E9}. They said no.\")"
        )])
    }

    @Test("an empty prefix or suffix counts as none")
    func emptyPrefix() {
        let result = F.anchor([F.annotation("did not", prefix: "  ", suffix: "")], in: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ranges.count == 1)
    }

    @Test("overlapping occurrences are each counted")
    func overlappingOccurrences() {
        let result = F.anchor([F.annotation("ha ha")], in: F.text("ha ha ha"))
        #expect(result.diagnostics.first?.message == "annotation quote found 2 times: \"ha ha\"")
    }

    @Test("a note lists four occurrences, then how many more there are")
    func manyOccurrences() {
        let result = F.anchor([F.annotation("go")], in: F.text(Array(repeating: "go", count: 6)))
        #expect(result.diagnostics.first?.message == "annotation quote found 6 times: \"go\"")
        #expect(result.diagnostics.first?.note?.hasSuffix(", and 2 more)") == true)
    }
}
