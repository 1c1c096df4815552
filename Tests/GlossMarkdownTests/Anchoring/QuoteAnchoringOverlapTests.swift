@testable import GlossMarkdown
import GlossModel
import Testing

@Suite("Anchoring: annotations never share text; the later one is reported")
struct QuoteAnchoringOverlapTests {
    private typealias F = RenderedTextFixture

    private let text = F.text("Returning to Ukraine\u{2019}s pre-2014 borders is an unrealistic objective.")
    private let apart = "nested or overlapping annotations are not supported: shorten one quote so they do not share words, or combine the two notes"

    @Test("partly overlapping quotes: an error at the later annotation naming the earlier one")
    func overlap() {
        let result = F.anchor(F.annotations("Ukraine's pre-2014 borders", "borders is an unrealistic"), in: text)
        #expect(result.ranges.map(\.annotation) == [0])
        #expect(result.diagnostics == [.error(
            at: F.location(1), "annotation overlaps another annotation (\"Ukraine's pre-2014 borders\" at Content/speech.md:3)",
            note: apart
        )])
    }

    @Test("the same passage twice: an error asking to combine the notes")
    func identical() {
        let result = F.anchor(F.annotations("pre-2014 borders", "pre-2014  borders "), in: text)
        #expect(result.ranges.map(\.annotation) == [0])
        #expect(result.diagnostics == [.error(
            at: F.location(1), "annotation marks the same passage as another annotation (\"pre-2014 borders\" at Content/speech.md:3)",
            note: "one note per passage: combine the two into one annotation"
        )])
    }

    @Test("nested quotes are refused, whichever comes first")
    func nested() {
        let inside = F.anchor(F.annotations("pre-2014 borders is an unrealistic objective", "unrealistic"), in: text)
        #expect(inside.ranges.map(\.annotation) == [0])
        #expect(inside.diagnostics == [.error(
            at: F.location(1), "annotation lies inside another annotation (\"pre-2014 borders is an unrealistic obje\u{2026}\" at Content/speech.md:3)",
            note: apart
        )])
        let containing = F.anchor(F.annotations("unrealistic", "an unrealistic objective"), in: text)
        #expect(containing.ranges.map(\.annotation) == [0])
        #expect(containing.diagnostics == [.error(
            at: F.location(1), "annotation contains another annotation (\"unrealistic\" at Content/speech.md:3)",
            note: apart
        )])
    }

    @Test("quotes that touch without sharing a byte both anchor, in annotation order")
    func adjacent() {
        let result = F.anchor(F.annotations("objective.", "Returning to", "Ukraine\u{2019}s"), in: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ranges.map(\.annotation) == [0, 1, 2])
        #expect(result.ranges.map { F.covered($0.range, in: text) } == ["objective.", "Returning to", "Ukraine\u{2019}s"])
    }

    @Test("a rejected annotation does not block later ones, and failures keep annotation order")
    func rejectedDoNotCascade() {
        let result = F.anchor(F.annotations("pre-2014", "Missing words", "2014 borders", "borders is", "objective"), in: text)
        #expect(result.ranges.map(\.annotation) == [0, 3, 4])
        #expect(result.diagnostics.map(\.location) == [F.location(1), F.location(2)])
        #expect(result.diagnostics.map(\.message) == [
            "annotation quote not found: \"Missing words\"",
            "annotation overlaps another annotation (\"pre-2014\" at Content/speech.md:3)",
        ])
    }
}
