@testable import GlossMarkdown
import GlossModel
import Testing

@Suite("Anchoring: quotes that cannot anchor are errors at the annotation, with a hint")
struct QuoteAnchoringErrorTests {
    private typealias F = RenderedTextFixture

    private let text = F.text("The talks, he said, were \u{201C}very productive\u{201D} \u{2014} and would go on.")

    @Test("an empty or blank quote is an error")
    func empty() {
        let result = F.anchor([F.annotation(""), F.annotation(" \n\t", at: 1)], in: text)
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics == [0, 1].map {
            .error(at: F.location($0), "annotation quote is empty", note: "give the exact words of the transcript the note is about")
        })
    }

    @Test("a quote found nowhere, even loosely, asks to check the wording")
    func notFound() {
        let result = F.anchor([F.annotation("extremely productive")], in: text)
        #expect(result.diagnostics == [.error(
            at: F.location(0), "annotation quote not found: \"extremely productive\"",
            note: "check the wording against the transcript"
        )])
        #expect(result.diagnostics.first?.description == """
            Content/speech.md:3:5: error: annotation quote not found: "extremely productive"
                note: check the wording against the transcript
            """)
    }

    @Test("a quote with other punctuation is only suggested, never anchored")
    func punctuationHint() {
        let result = F.anchor([F.annotation("The talks he said were")], in: text)
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics.first?.note == "found with different punctuation in Content/speech.md: \"The talks, he said, were\"")
    }

    @Test("a quote with other capitalisation and punctuation is only suggested")
    func bothHint() {
        let result = F.anchor([F.annotation("Very Productive and")], in: text)
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics.first?.note
            == "found with different capitalisation and punctuation in Content/speech.md: \"very productive\u{201D} \u{2014} and\"")
    }

    @Test("messages cut a long quote at 80 characters with an ellipsis, on one line")
    func longQuote() {
        let quote = String(repeating: "word ", count: 30) + "\nend"
        let result = F.anchor([F.annotation(quote)], in: text)
        let shown = String(repeating: "word ", count: 16)
        #expect(result.diagnostics.first?.message == "annotation quote not found: \"\(shown.dropLast())\u{2026}\"")
        #expect(AnchoringMessage.shown(quote).count <= 80)
    }

    @Test("each error is at its own annotation's location, in annotation order")
    func locations() {
        let annotations = [
            Annotation(quote: "nope", note: "a", location: SourceLocation(file: "Content/speech.annotations.yaml", line: 2, column: 3)),
            Annotation(quote: "very productive", note: "b", location: SourceLocation(file: "Content/speech.md", line: 9, column: 5)),
            Annotation(quote: "", note: "c", location: SourceLocation(file: "Content/speech.md", line: 14, column: 5)),
        ]
        let result = F.anchor(annotations, in: text)
        #expect(result.ranges.map(\.annotation) == [1])
        #expect(result.diagnostics.map(\.location) == [annotations[0].location, annotations[2].location])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test("no annotations, or an empty text, anchor nothing and report only what is wrong")
    func emptyInputs() {
        #expect(F.anchor([], in: text).ranges.isEmpty)
        #expect(F.anchor([], in: text).diagnostics.isEmpty)
        let result = F.anchor([F.annotation("word")], in: RenderedText())
        #expect(result.ranges.isEmpty)
        #expect(result.diagnostics.map(\.message) == ["annotation quote not found: \"word\""])
    }
}
