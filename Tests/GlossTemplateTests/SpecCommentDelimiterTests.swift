import Testing
import GlossTemplate

/// The Mustache spec's comment and set-delimiter cases (specs/comments.yml, delimiters.yml).
@Suite struct SpecCommentDelimiterTests {
    static let comments: [RenderCase] = [
        RenderCase("Inline", "12345{{! Comment Block! }}67890", expected: "1234567890"),
        RenderCase("Multiline", "12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", expected: "1234567890\n"),
        RenderCase("Standalone", "Begin.\n{{! Comment Block! }}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        RenderCase("Indented Standalone", "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        RenderCase("Standalone Line Endings", "|\r\n{{! Standalone Comment }}\r\n|", expected: "|\r\n|"),
        RenderCase("Standalone Without Previous Line", "  {{! I'm Still Standalone }}\n!", expected: "!"),
        RenderCase("Standalone Without Newline", "!\n  {{! I'm Still Standalone }}", expected: "!\n"),
        RenderCase("Multiline Standalone", "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        RenderCase("Indented Multiline Standalone", "Begin.\n  {{!\n    Something's going on here...\n  }}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        RenderCase("Indented Inline", "  12 {{! 34 }}\n", expected: "  12 \n"),
        RenderCase("Surrounding Whitespace", "12345 {{! Comment Block! }} 67890", expected: "12345  67890"),
        RenderCase("Variable Name Collision", "comments never render, even if the data has a key called '! comment': {{! comment }}",
                   data: ["! comment": 1, "!": 2], expected: "comments never render, even if the data has a key called '! comment': "),
    ]

    static let delimiters: [RenderCase] = [
        RenderCase("Pair Behavior", "{{=<% %>=}}(<%text%>)", data: ["text": "Hey!"], expected: "(Hey!)"),
        RenderCase("Special Characters", "({{=[ ]=}}[text])", data: ["text": "It worked!"], expected: "(It worked!)"),
        RenderCase("Sections", "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n",
                   data: ["section": true, "data": "I got interpolated."],
                   expected: "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n"),
        RenderCase("Inverted Sections", "[\n{{^section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|^section|\n  {{data}}\n  |data|\n|/section|\n]\n",
                   data: ["section": false, "data": "I got interpolated."],
                   expected: "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n"),
        RenderCase("Partial Inheritence", "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n", data: ["value": "yes"],
                   partials: ["include": ".{{value}}."], expected: "[ .yes. ]\n[ .yes. ]\n"),
        RenderCase("Post-Partial Behavior", "[ {{>include}} ]\n[ .{{value}}.  .|value|. ]\n", data: ["value": "yes"],
                   partials: ["include": ".{{value}}. {{= | | =}} .|value|."], expected: "[ .yes.  .yes. ]\n[ .yes.  .|value|. ]\n"),
        RenderCase("Surrounding Whitespace", "| {{=@ @=}} |", expected: "|  |"),
        RenderCase("Outlying Whitespace (Inline)", " | {{=@ @=}}\n", expected: " | \n"),
        RenderCase("Standalone Tag", "Begin.\n{{=@ @=}}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        RenderCase("Indented Standalone Tag", "Begin.\n  {{=@ @=}}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        RenderCase("Standalone Line Endings", "|\r\n{{= @ @ =}}\r\n|", expected: "|\r\n|"),
        RenderCase("Standalone Without Previous Line", "  {{=@ @=}}\n=", expected: "="),
        RenderCase("Standalone Without Newline", "=\n  {{=@ @=}}", expected: "=\n"),
        RenderCase("Pair with Padding", "|{{= @   @ =}}|", expected: "||"),
        RenderCase("Triple Mustache after a change", "{{=<% %>=}}<%{text}%> <%&text%>", data: ["text": "<b>"], expected: "<b> <b>"),
    ]

    @Test(arguments: comments)
    func comment(_ spec: RenderCase) throws {
        #expect(try spec.render() == spec.expected)
    }

    @Test(arguments: delimiters)
    func delimiter(_ spec: RenderCase) throws {
        #expect(try spec.render() == spec.expected)
    }
}
