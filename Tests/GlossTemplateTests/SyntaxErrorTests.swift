import Testing
import GlossTemplate

/// Syntax errors: each at its tag (1-based line and column in characters),
/// saying what was expected and what was found, all of them at once.
@Suite struct SyntaxErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var template: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unclosed section, at its opening tag", template: "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n",
             line: 2, column: 3, message: "{{#items}} is never closed: expected {{/items}}, found the end of the file"),
        Case(name: "unclosed inverted section", template: "{{^a}}x", line: 1, column: 1, message: "{{^a}} is never closed"),
        Case(name: "mismatched close", template: "{{#a}}\n{{/b}}\n{{/a}}", line: 2, column: 1,
             message: "mismatched closing tag: expected {{/a}} to close {{#a}} at line 1, column 1, found {{/b}}"),
        Case(name: "close with nothing open", template: "x {{/a}}", line: 1, column: 3, message: "unexpected closing tag {{/a}}: no section is open"),
        Case(name: "unclosed tag", template: "Hello {{name\n", line: 1, column: 7,
             message: "unclosed tag: expected '}}' to close '{{', found the end of the line"),
        Case(name: "unclosed triple mustache", template: "{{{body}}", line: 1, column: 1,
             message: "unclosed tag: expected '}}}' to close '{{{', found the end of the file"),
        Case(name: "unclosed comment", template: "a\n{{! never", line: 2, column: 1,
             message: "unclosed comment: expected '}}' to close '{{!', found the end of the file"),
        Case(name: "empty tag", template: "a {{ }}", line: 1, column: 3, message: "empty tag: expected a name after '{{'"),
        Case(name: "empty section name", template: "{{#}}{{/}}", line: 1, column: 1, message: "empty tag: expected a name after '{{#'"),
        Case(name: "name with a space", template: "{{first name}}", line: 1, column: 1, message: "invalid tag name 'first name'"),
        Case(name: "empty dotted part", template: "{{a..b}}", line: 1, column: 1, message: "expected a name before and after every '.'"),
        Case(name: "invalid character", template: "{{a*b}}", line: 1, column: 1, message: "invalid character '*' in tag name 'a*b'"),
        Case(name: "transform", template: "{{uppercased(name)}}", line: 1, column: 1, message: "transforms like name(value) are not supported"),
        Case(name: "bad delimiters", template: "x\n {{=<%=}}", line: 2, column: 2, message: "bad delimiters: expected two delimiters"),
        Case(name: "three delimiters", template: "{{=< % >=}}", line: 1, column: 1, message: "bad delimiters"),
        Case(name: "dynamic partial", template: "{{>*name}}", line: 1, column: 1, message: "dynamic partial {{>*name}} is not supported"),
        Case(name: "dynamic parent", template: "{{<*name}}{{/*name}}", line: 1, column: 1, message: "dynamic parent template {{<*name}} is not supported"),
        Case(name: "unknown pragma", template: "{{%LAMBDAS}}", line: 1, column: 1, message: "unknown pragma {{%LAMBDAS}}"),
        Case(name: "unknown content type", template: "{{%CONTENT_TYPE:JSON}}", line: 1, column: 1, message: "unknown content type 'JSON'"),
        Case(name: "tag directly inside a parent", template: "{{<p}}\n  {{title}}\n{{/p}}", line: 2, column: 3,
             message: "only {{$block}} overrides may appear directly inside {{<p}}…{{/p}}; found {{title}}"),
        Case(name: "columns count characters, not bytes", template: "é😀 {{#x}}", line: 1, column: 4, message: "{{#x}} is never closed"),
    ]

    @Test(arguments: cases)
    func reportsAtTheTag(_ example: Case) throws {
        var templates = ["test": example.template]
        templates["p"] = ""
        let errors = compileErrors(templates)
        let error = try #require(errors.first, "expected an error")
        #expect(error.line == example.line)
        #expect(error.column == example.column)
        #expect(error.message.contains(example.message), "\(error.message)")
    }

    @Test func reportsEveryError() {
        let errors = compileErrors("{{#a}}\n{{b c}}\n{{>*d}}\n{{/e}}\n{{x")
        #expect(errors.map(\.line) == [1, 2, 3, 4, 5])
    }

    @Test func sectionsTooDeep() throws {
        let depth = TemplateSet.depthLimit + 1
        let template = String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
        let error = try #require(compileErrors(template).first)
        #expect(error.message == "sections nest more than \(TemplateSet.depthLimit) levels deep")
        #expect(error.column == 1 + 6 * TemplateSet.depthLimit)
    }

    @Test func deepNestingWithinTheLimitRenders() throws {
        let depth = TemplateSet.depthLimit
        let template = String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        #expect(try TemplateSet(templates: ["t": template]).render("t", ["a": true]) == "x")
    }

    @Test func errorsBecomeDiagnosticsAtTheFile() throws {
        do {
            _ = try TemplateSet([TemplateSource(name: "home", text: "\n {{#x}}", path: "Templates/home.mustache")])
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.description == "Templates/home.mustache:2:2: error: {{#x}} is never closed: expected {{/x}}, found the end of the file")
        }
    }
}
