import Testing
import GlossTemplate

/// Arbitrary template text never crashes the compiler or the renderer: it
/// compiles and renders, or it is reported.
@Suite struct RobustnessTests {
    /// Fragments that combine into every kind of tag, broken tag and line shape.
    static let fragments = [
        "{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{$c}}", "{{/c}}", "{{<p}}", "{{/p}}",
        "{{>q}}", "{{!x}}", "{{=<% %>=}}", "<%", "%>", "<%/a%>", "{{%CONTENT_TYPE:TEXT}}", "{{.}}", "{{a.b}}",
        "\n", "\r\n", "  ", "\t", "x", "é", "=", "{", "}", "{{&a}}", "{{=| |=}}", "|", "{{ }}",
    ]

    @Test func randomTemplatesCompileOrReport() {
        var generator = SplitMix(seed: 42)
        let data: TemplateValue = ["a": [["b": "<1>"], ["b": 2]], "b": false, "c": "c"]
        var compiled = 0
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 12) + 1
            let text = (0..<count).map { _ in Self.fragments[Int(generator.next() % UInt64(Self.fragments.count))] }.joined()
            do {
                let set = try TemplateSet(templates: ["t": text, "p": "[{{$c}}d{{/c}}]", "q": "  {{a}}\n"])
                _ = set.render("t", data)
                compiled += 1
            } catch {
                #expect(!error.errors.isEmpty)
                #expect(error.errors.allSatisfy { $0.line >= 1 && $0.column >= 1 })
            }
        }
        #expect(compiled > 100)
    }

    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
