import Testing
import GlossTemplate

/// The Mustache spec's partial cases (specs/partials.yml). "Failed Lookup" and
/// "Recursion" are compile errors in Gloss; ``ReferenceErrorTests`` covers them.
@Suite struct SpecPartialTests {
    static let cases: [RenderCase] = [
        RenderCase("Basic Behavior", "\"{{>text}}\"", partials: ["text": "from partial"], expected: "\"from partial\""),
        RenderCase("Context", "\"{{>partial}}\"", data: ["text": "content"], partials: ["partial": "*{{text}}*"], expected: "\"*content*\""),
        RenderCase("Nested", "{{>outer}}", data: ["a": "hello", "b": "world"],
                   partials: ["outer": "*{{a}} {{>inner}}*", "inner": "{{b}}!"], expected: "*hello world!*"),
        RenderCase("Surrounding Whitespace", "| {{>partial}} |", partials: ["partial": "\t|\t"], expected: "| \t|\t |"),
        RenderCase("Inline Indentation", "  {{data}}  {{> partial}}\n", data: ["data": "|"], partials: ["partial": ">\n>"],
                   expected: "  |  >\n>\n"),
        RenderCase("Standalone Line Endings", "|\r\n{{>partial}}\r\n|", partials: ["partial": ">"], expected: "|\r\n>|"),
        RenderCase("Standalone Without Previous Line", "  {{>partial}}\n>", partials: ["partial": ">\n>"], expected: "  >\n  >>"),
        RenderCase("Standalone Without Newline", ">\n  {{>partial}}", partials: ["partial": ">\n>"], expected: ">\n  >\n  >"),
        RenderCase("Standalone Indentation", "\\\n {{>partial}}\n/\n", data: ["content": "<\n->"],
                   partials: ["partial": "|\n{{{content}}}\n|\n"], expected: "\\\n |\n <\n->\n |\n/\n"),
        RenderCase("Padding Whitespace", "|{{> partial }}|", data: ["boolean": true], partials: ["partial": "[]"], expected: "|[]|"),
        RenderCase("Nested Indentation", "  {{>outer}}\n", partials: ["outer": "a\n  {{>inner}}\nb\n", "inner": "x\ny\n"],
                   expected: "  a\n    x\n    y\n  b\n"),
        RenderCase("Indented Blank Lines", " {{>partial}}\n", partials: ["partial": "a\n\nb\n"], expected: " a\n \n b\n"),
        RenderCase("Names With Slashes", "{{> partials/header}}", partials: ["partials/header": "<h1>"], expected: "<h1>"),
    ]

    @Test(arguments: cases)
    func partial(_ spec: RenderCase) throws {
        #expect(try spec.render() == spec.expected)
    }
}
