import Testing
import GlossModel
import GlossTemplate

/// The value model's rules, which Gloss's pages rely on.
@Suite struct SemanticsTests {
    struct Source: TemplateObject {
        var title: String?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "title": title.templateValue
            default: nil
            }
        }
    }

    struct Topic: TemplateObject {
        var name: String
        var renderedText: String? { name }
        func value(named name: String) -> TemplateValue? { name == "name" ? self.name.templateValue : nil }
    }

    private func render(_ template: String, _ data: TemplateValue) throws -> String? {
        try TemplateSet(templates: ["t": template]).render("t", data)
    }

    @Test func absentStopsTheLookup() throws {
        let data: TemplateValue = ["title": "Outer", "source": .object(Source(title: nil))]
        #expect(try render("{{#source}}[{{title}}]{{/source}}", data) == "[]")
        #expect(try render("{{^source.title}}none{{/source.title}}", data) == "none")
    }

    @Test func aMissingFieldFallsThrough() throws {
        let data: TemplateValue = ["title": "Outer", "source": ["other": 1]]
        #expect(try render("{{#source}}[{{title}}]{{/source}}", data) == "[Outer]")
    }

    @Test func truthinessMatchesSwiftMustache() throws {
        let template = "{{#v}}yes{{/v}}{{^v}}no{{/v}}"
        #expect(try render(template, ["v": ""]) == "yes")
        #expect(try render(template, ["v": 0]) == "yes")
        #expect(try render(template, ["v": [:]]) == "yes")
        #expect(try render(template, ["v": false]) == "no")
        #expect(try render(template, ["v": nil]) == "no")
        #expect(try render(template, ["v": []]) == "no")
        #expect(try render(template, [:]) == "no")
    }

    @Test func trueRendersOnceWithoutANewContext() throws {
        #expect(try render("{{#flag}}{{name}}{{/flag}}", ["flag": true, "name": "x"]) == "x")
    }

    @Test func escapesLikeSwiftMustache() throws {
        #expect(try render("{{v}}|{{{v}}}", ["v": "é<'\">&ü 😀"]) == "é&lt;&#39;&quot;&gt;&amp;ü 😀|é<'\">&ü 😀")
    }

    @Test func htmlIsWrittenAsIs() throws {
        #expect(try render("{{v}}", ["v": .html("<p>a &amp; b</p>")]) == "<p>a &amp; b</p>")
    }

    @Test func scalarsAsText() throws {
        #expect(try render("{{a}} {{b}} {{c}} {{d}}", ["a": true, "b": false, "c": .number(Int.min), "d": ["x"]]) == "true false -9223372036854775808 ")
    }

    @Test func objectsRenderTheirText() throws {
        let data: TemplateValue = ["topics": [Topic(name: "A&B"), Topic(name: "C")].templateValue]
        #expect(try render("{{#topics}}<{{.}}>{{/topics}}", data) == "<A&amp;B><C>")
    }

    @Test func textContentTypeStopsEscapingForTheRestOfTheTemplate() throws {
        let set = try TemplateSet(templates: [
            "robots": "{{v}}\n{{%CONTENT_TYPE:TEXT}}\nSitemap: {{v}}\n{{>p}}",
            "p": "{{v}}",
        ])
        #expect(set.render("robots", ["v": "a&b"]) == "a&amp;b\nSitemap: a&b\na&amp;b")
    }

    @Test func frontMatterValues() throws {
        let params = TemplateValue(Value.dictionary(["n": .null, "d": .double(1.5), "l": .array([.int(1), .string("<")])]))
        #expect(try render("{{^p.n}}none{{/p.n}} {{p.d}} {{#p.l}}{{.}}{{/p.l}}", ["p": params]) == "none 1.5 1&lt;")
    }

    @Test func unknownTemplateRendersNil() throws {
        #expect(try TemplateSet(templates: ["t": "x"]).render("u", [:]) == nil)
    }

    @Test func rendersIntoAnExistingBuffer() throws {
        var output = Array("<!-- -->".utf8)
        #expect(try TemplateSet(templates: ["t": "{{x}}"]).render("t", ["x": "y"], into: &output))
        #expect(String(decoding: output, as: UTF8.self) == "<!-- -->y")
    }

    @Test func rendersFromManyTasksAtOnce() async throws {
        let set = try TemplateSet(templates: ["t": "{{#items}}{{.}},{{/items}}", "u": "[{{>t}}]"])
        let data: TemplateValue = ["items": .list((0..<100).map { .number($0) })]
        let expected = "[" + (0..<100).map { "\($0)," }.joined() + "]"
        let outputs = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<32 { group.addTask { set.render("u", data) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outputs.allSatisfy { $0 == expected })
    }
}
