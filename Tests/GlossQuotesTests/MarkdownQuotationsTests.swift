import GlossModel
import GlossQuotes
import Testing

@Suite struct MarkdownQuotationsTests {
    let article = """
        Reuters reported:

        “Speaking at a meeting of Ukraine’s military allies at [NATO headquarters](https://www.nato.int/) in Brussels on Wednesday, Hegseth delivered the clearest statement so far.

        ‘We want, like you, a sovereign and prosperous Ukraine’, Hegseth told the meeting. ‘Chasing this illusionary goal will only prolong the war’, he added.”

        ## A heading with “a quotation of six words or more” in it

        > We will only end this devastating war and establish a durable peace.
        >
        > — Pete Hegseth, 12 February 2025

        ```
        “Code is not quoted, however many words it has”
        ```
        """

    @Test func findsQuotationsWithTheirLinesAndColumns() {
        let found = QuoteFinder.quotations(inMarkdown: article, file: "Content/a.md", firstLine: 5)
        #expect(found.count == 4)
        guard found.count == 4 else { return }
        // The multi-paragraph quotation, credited by the paragraph before it; the link's destination blanked.
        #expect(found[0].location == SourceLocation(file: "Content/a.md", line: 7, column: 4))
        #expect(found[0].quotation.attribution == Attribution(name: "Reuters"))
        #expect(!found[0].quotation.text.contains("nato.int"))
        #expect(found[1].quotation.attribution == Attribution(name: "Hegseth"))
        #expect(found[1].location.line == 9)
        #expect(found[1].location.column == 4)
        // `he added` is the Secretary.
        #expect(found[2].quotation.attribution == Attribution(name: "Hegseth"))
        #expect(found[3].isBlock)
        #expect(found[3].quotation.attribution == Attribution(name: "Pete Hegseth"))
        #expect(found[3].location == SourceLocation(file: "Content/a.md", line: 13, column: 3))
        #expect(found[3].quotation.text == "We will only end this devastating war and establish a durable peace.")
    }

    @Test func timestampsAndNoteMarkersAreNotWords() {
        let found = QuoteFinder.quotations(inMarkdown: "**Pete Hegseth** [00:01:12]: I said “the bloodshed must stop[^1] and this war must end” then.", file: "t.md", firstLine: 1)
        #expect(found.first?.quotation.text == "the bloodshed must stop     and this war must end")
        #expect(found.first.map { QuotePattern($0.quotation.text).elements.contains { if case .slot = $0 { true } else { false } } } == false)
    }

    @Test func speakerNamesResolveSurnamesAliasesAndAmbiguity() {
        let names = SpeakerNames([
            Speaker(id: "hegseth", name: "Pete Hegseth", aliases: ["Secretary of Defense Pete Hegseth", "SECDEF"]),
            Speaker(id: "rubio", name: "Marco Rubio"),
            Speaker(id: "j-smith", name: "Jane Smith"),
            Speaker(id: "a-smith", name: "Adam Smith"),
        ])
        #expect(names.speaker(named: "Hegseth") == "hegseth")
        #expect(names.speaker(named: "Secretary Hegseth") == "hegseth")
        #expect(names.speaker(named: "SECDEF") == "hegseth")
        #expect(names.speaker(named: "Rubio") == "rubio")
        #expect(names.speaker(named: "Smith") == nil)
        #expect(names.speaker(named: "Jane Smith") == "j-smith")
        #expect(names.speaker(named: "Reuters") == nil)
    }

    @Test("a credit by title names the speaker whose role has it, only when no name matches, and never by the role's other words")
    func speakerNamesByRole() {
        let names = SpeakerNames([
            Speaker(id: "hegseth", name: "Pete Hegseth", role: "U.S. Secretary of Defense"),
            Speaker(id: "trump", name: "Donald Trump", role: "President of the United States"),
            Speaker(id: "rubio", name: "Marco Rubio", role: "Secretary of State"),
        ])
        #expect(names.speakers(named: "Secretary") == ["hegseth", "rubio"])
        #expect(names.speaker(named: "Secretary") == nil)
        #expect(names.speaker(named: "Defense Secretary") == "hegseth")
        #expect(names.speaker(named: "Secretary of Defense") == "hegseth")
        #expect(names.speaker(named: "President") == "trump")
        #expect(names.speaker(named: "United States") == nil)
        #expect(names.speaker(named: "Defense") == nil)
        #expect(names.speaker(named: "Rubio") == "rubio")
        #expect(names.speaker(named: "Reuters") == nil)
        // The Reuters way: “…”, the Secretary said, credits the speaker with that title.
        let found = QuoteFinder.quotations(inMarkdown: "“We will never abandon our friends in the region,” the President said.", file: "a.md", firstLine: 1)
        #expect(found.first?.quotation.attribution.map { names.speaker(named: $0.name) } == "trump")
    }

    @Test func quoteMarksAroundABlockQuoteTakeItsCreditAndThoseInsideDoNot() {
        let body = """
            > “He also told Washington’s NATO allies that they would have to step up. He said the U.S. could not be ‘primarily focused on the security of Europe’.”
            >
            > — Reuters
            """
        let found = QuoteFinder.quotations(inMarkdown: body, file: "a.md", firstLine: 1)
        let inner = found.filter { !$0.isBlock }
        #expect(inner.count == 2)
        #expect(inner.first { $0.quotation.text.hasPrefix("He also told") }?.quotation.attribution == Attribution(name: "Reuters"))
        #expect(inner.first { $0.quotation.text == "primarily focused on the security of Europe" }?.quotation.attribution == nil)
    }
}
