import GlossModel
import GlossRender
import Testing

@Suite struct TemplateDiagnosticsTests {
    @Test func syntaxErrorNamesTemplateFileLineAndColumn() throws {
        let diagnostics = try Fixtures.themeDiagnostics([
            "partials/footer.mustache": "<footer>\n  <p>{{#site.author}}{{site.author}}{{/site.title}}</p>\n</footer>\n",
        ])
        // The wrong closing tag leaves the section open: both are reported, in reading order.
        #expect(diagnostics.map(\.description) == [
            "Templates/partials/footer.mustache:2:6: error: {{#site.author}} is never closed: expected {{/site.author}}, found the end of the file",
            "Templates/partials/footer.mustache:2:37: error: mismatched closing tag: expected {{/site.author}} to close {{#site.author}} at line 2, column 6, found {{/site.title}}",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func missingPartialIsAnErrorAtTheTag() throws {
        let diagnostics = try Fixtures.themeDiagnostics([
            "partials/footer.mustache": "<footer>\n  {{> partials/colophon}}\n</footer>\n",
        ])
        #expect(diagnostics.map(\.description) == [
            "Templates/partials/footer.mustache:2:3: error: partial \"partials/colophon\" not found\n"
                + "    note: templates are named by their path without .mustache, e.g. \"partials/header\"",
        ])
    }

    @Test func missingParentTemplateIsAnError() throws {
        let diagnostics = try Fixtures.themeDiagnostics([
            "404.mustache": "{{<layout}}{{$content}}Not here{{/content}}{{/layout}}\n",
        ])
        #expect(diagnostics.map(\.message) == ["parent template \"layout\" not found"])
        #expect(diagnostics.first?.location == SourceLocation(file: "Templates/404.mustache", line: 1, column: 1))
    }

    @Test func partialAddedBySiteResolves() throws {
        let diagnostics = try Fixtures.themeDiagnostics([
            "partials/footer.mustache": "<footer>{{> partials/colophon}}</footer>\n",
            "partials/colophon.mustache": "<p>Set in the default theme.</p>\n",
        ])
        #expect(diagnostics.isEmpty)
    }

    @Test func builtInThemeCompilesCleanly() throws {
        #expect(try Fixtures.themeDiagnostics([:]).isEmpty)
    }
}
