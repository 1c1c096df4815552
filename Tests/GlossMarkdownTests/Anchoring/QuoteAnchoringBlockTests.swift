@testable import GlossMarkdown
import GlossModel
import Testing

@Suite("Anchoring: a quote lies within one block")
struct QuoteAnchoringBlockTests {
    private typealias F = RenderedTextFixture

    @Test("a quote that would match only across two paragraphs is reported as crossing the boundary")
    func crossing() {
        let text = F.text("We will not retreat.", "Not one step.")
        let result = F.anchor([F.annotation("not retreat. Not one")], in: text)
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics == [.error(
            at: F.location(0), "annotation quote crosses a paragraph boundary: \"not retreat. Not one\"",
            note: "split it into one annotation per paragraph"
        )])
    }

    @Test("a quote written with a line break between the paragraphs is reported the same way")
    func crossingWithNewline() {
        let text = F.text("We will not retreat.", "Not one step.")
        let result = F.anchor([F.annotation("retreat.\n\nNot")], in: text)
        #expect(result.diagnostics.first?.message == "annotation quote crosses a paragraph boundary: \"retreat. Not\"")
    }

    @Test("an occurrence inside a block anchors even when another would cross a boundary")
    func crossingIgnoredWhenAnotherFits() {
        let text = F.text("We hold", "the line. We hold the line.")
        let result = F.anchor([F.annotation("We hold the line")], in: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ranges.first.flatMap { F.covered($0.range, in: text) } == "We hold the line")
        #expect(result.ranges.first?.range.lowerBound == Array("We hold\nthe line. ".utf8).count)
    }

    @Test("a quote at the very start or end of a block anchors")
    func blockEdges() {
        let text = F.text("Alpha beta.", "Gamma delta.")
        let result = F.anchor(F.annotations("Alpha", "beta.", "Gamma", "delta."), in: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ranges.map(\.range) == [0..<5, 6..<11, 12..<17, 18..<24])
    }

    @Test("text outside every block is never matched")
    func outsideBlocks() {
        var text = F.text("inside")
        text.utf8 += Array("\noutside".utf8)
        let result = F.anchor([F.annotation("outside")], in: text)
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics.first?.message == "annotation quote not found: \"outside\"")
    }
}
