import Foundation
import GlossMarkdown
import Testing

@Suite("CommonMark spec examples render exactly as cmark renders them")
struct ConformanceTests {
    static let expectedCount = 652

    private func examples() throws -> [SpecExample] {
        guard let file = SpecExample.specFile() else {
            try Test.cancel("commonmark-spec-0.30.txt not found beside the project; set GLOSS_CONFORMANCE_DIR to run")
        }
        let examples = SpecExample.parse(try String(contentsOf: file, encoding: .utf8))
        #expect(examples.count == Self.expectedCount, "read \(examples.count) examples from \(file.path)")
        return examples
    }

    @Test("every spec example, in each mode", arguments: CmarkReference.modes)
    func specExamples(options: MarkdownOptions) throws {
        let inputs = try examples().map { (label: "example \($0.number) (\($0.section))", markdown: $0.markdown) }
        let difference = CmarkReference.firstDifference(among: inputs, options: options)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("every spec example with Windows line endings")
    func specExamplesWithCRLF() throws {
        let inputs = try examples().map {
            (label: "example \($0.number) with CRLF", markdown: $0.markdown.replacingOccurrences(of: "\n", with: "\r\n"))
        }
        let difference = CmarkReference.firstDifference(among: inputs, options: MarkdownOptions())
        #expect(difference == nil, "\(difference ?? "")")
    }
}
