import GlossMarkdown
import Testing

@Suite("Generated documents render exactly as cmark renders them")
struct GeneratedDocumentTests {
    static let documentCount = 3000

    @Test("seeded random documents, in each mode", arguments: CmarkReference.modes)
    func generatedDocuments(options: MarkdownOptions) {
        var generator = MarkdownGenerator(seed: 0x6C05_5000)
        let inputs = (1...Self.documentCount).map { number in
            (label: "generated document \(number) (seed 0x6C055000)", markdown: generator.document())
        }
        let difference = CmarkReference.firstDifference(among: inputs, options: options)
        #expect(difference == nil, "\(difference ?? "")")
    }
}
