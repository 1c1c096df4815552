import Testing
import GlossTemplate

/// The Mustache spec's interpolation cases (specs/interpolation.yml).
/// Decimals are `.text`: Gloss's values have no decimal numbers.
@Suite struct SpecInterpolationTests {
    static let cases: [RenderCase] = [
        RenderCase("No Interpolation", "Hello from {Mustache}!\n", expected: "Hello from {Mustache}!\n"),
        RenderCase("Basic Interpolation", "Hello, {{subject}}!\n", data: ["subject": "world"], expected: "Hello, world!\n"),
        RenderCase("HTML Escaping", "These characters should be HTML escaped: {{forbidden}}\n", data: ["forbidden": "& \" < >"],
                   expected: "These characters should be HTML escaped: &amp; &quot; &lt; &gt;\n"),
        RenderCase("Triple Mustache", "These characters should not be HTML escaped: {{{forbidden}}}\n", data: ["forbidden": "& \" < >"],
                   expected: "These characters should not be HTML escaped: & \" < >\n"),
        RenderCase("Ampersand", "These characters should not be HTML escaped: {{&forbidden}}\n", data: ["forbidden": "& \" < >"],
                   expected: "These characters should not be HTML escaped: & \" < >\n"),
        RenderCase("Basic Integer Interpolation", "\"{{mph}} miles an hour!\"", data: ["mph": 85], expected: "\"85 miles an hour!\""),
        RenderCase("Triple Mustache Integer Interpolation", "\"{{{mph}}} miles an hour!\"", data: ["mph": 85], expected: "\"85 miles an hour!\""),
        RenderCase("Ampersand Integer Interpolation", "\"{{&mph}} miles an hour!\"", data: ["mph": 85], expected: "\"85 miles an hour!\""),
        RenderCase("Negative Integer Interpolation", "{{n}}", data: ["n": -1205], expected: "-1205"),
        RenderCase("Basic Decimal Interpolation", "\"{{power}} jiggawatts!\"", data: ["power": "1.21"], expected: "\"1.21 jiggawatts!\""),
        RenderCase("Basic Context Miss Interpolation", "I ({{cannot}}) be seen!", expected: "I () be seen!"),
        RenderCase("Triple Mustache Context Miss Interpolation", "I ({{{cannot}}}) be seen!", expected: "I () be seen!"),
        RenderCase("Ampersand Context Miss Interpolation", "I ({{&cannot}}) be seen!", expected: "I () be seen!"),
        RenderCase("Dotted Names - Basic Interpolation", "\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\"",
                   data: ["person": ["name": "Joe"]], expected: "\"Joe\" == \"Joe\""),
        RenderCase("Dotted Names - Triple Mustache Interpolation", "\"{{{person.name}}}\" == \"{{#person}}{{{name}}}{{/person}}\"",
                   data: ["person": ["name": "Joe"]], expected: "\"Joe\" == \"Joe\""),
        RenderCase("Dotted Names - Ampersand Interpolation", "\"{{&person.name}}\" == \"{{#person}}{{&name}}{{/person}}\"",
                   data: ["person": ["name": "Joe"]], expected: "\"Joe\" == \"Joe\""),
        RenderCase("Dotted Names - Arbitrary Depth", "\"{{a.b.c.d.e.name}}\" == \"Phil\"",
                   data: ["a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]]], expected: "\"Phil\" == \"Phil\""),
        RenderCase("Dotted Names - Broken Chains", "\"{{a.b.c}}\" == \"\"", data: ["a": [:]], expected: "\"\" == \"\""),
        RenderCase("Dotted Names - Broken Chain Resolution", "\"{{a.b.c.name}}\" == \"\"",
                   data: ["a": ["b": [:]], "c": ["name": "Jim"]], expected: "\"\" == \"\""),
        RenderCase("Dotted Names - Initial Resolution", "\"{{#a}}{{b.c.d.e.name}}{{/a}}\" == \"Phil\"",
                   data: ["a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]], "b": ["c": ["d": ["e": ["name": "Wrong"]]]]],
                   expected: "\"Phil\" == \"Phil\""),
        RenderCase("Dotted Names - Context Precedence", "{{#a}}{{b.c}}{{/a}}", data: ["a": ["b": [:]], "b": ["c": "ERROR"]], expected: ""),
        RenderCase("Implicit Iterators - Basic Interpolation", "Hello, {{.}}!\n", data: "world", expected: "Hello, world!\n"),
        RenderCase("Implicit Iterators - HTML Escaping", "{{.}} / {{{.}}} / {{&.}}", data: "& \" < >",
                   expected: "&amp; &quot; &lt; &gt; / & \" < > / & \" < >"),
        RenderCase("Implicit Iterators - Basic Integer Interpolation", "\"{{.}} miles an hour!\"", data: 85, expected: "\"85 miles an hour!\""),
        RenderCase("Interpolation - Surrounding Whitespace", "| {{string}} |", data: ["string": "---"], expected: "| --- |"),
        RenderCase("Triple Mustache - Surrounding Whitespace", "| {{{string}}} |", data: ["string": "---"], expected: "| --- |"),
        RenderCase("Ampersand - Surrounding Whitespace", "| {{&string}} |", data: ["string": "---"], expected: "| --- |"),
        RenderCase("Interpolation - Standalone", "  {{string}}\n", data: ["string": "---"], expected: "  ---\n"),
        RenderCase("Triple Mustache - Standalone", "  {{{string}}}\n", data: ["string": "---"], expected: "  ---\n"),
        RenderCase("Ampersand - Standalone", "  {{&string}}\n", data: ["string": "---"], expected: "  ---\n"),
        RenderCase("Interpolation With Padding", "|{{ string }}|", data: ["string": "---"], expected: "|---|"),
        RenderCase("Triple Mustache With Padding", "|{{{ string }}}|", data: ["string": "---"], expected: "|---|"),
        RenderCase("Ampersand With Padding", "|{{& string }}|", data: ["string": "---"], expected: "|---|"),
    ]

    @Test(arguments: cases)
    func interpolation(_ spec: RenderCase) throws {
        #expect(try spec.render() == spec.expected)
    }
}
