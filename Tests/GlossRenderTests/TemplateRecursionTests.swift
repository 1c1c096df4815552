import Foundation
import GlossModel
@testable import GlossRender
import Testing

/// Templates that would recurse without limit or nest deep enough to exhaust
/// the stack are refused when the theme is compiled.
/// Each test checks that the renderer is never created, so without the check
/// it would fail (or crash when rendering) rather than pass.
@Suite struct TemplateRecursionTests {
    @Test func partialThatIncludesItselfIsACycle() throws {
        let diagnostics = try Fixtures.themeDiagnostics([
            "partials/footer.mustache": "<footer>\n  {{> partials/footer}}\n</footer>\n",
        ])
        #expect(diagnostics.map(\.description) == [
            "Templates/partials/footer.mustache:2:3: error: partial cycle: transcript → base → partials/footer → partials/footer\n"
                + "    note: a template must not include itself, directly or through other templates",
        ])
    }

    @Test func cycleOfPartialsIsNamedFromThePageThatReachesIt() throws {
        let transcript = String(decoding: Theme.builtIn.files["transcript.mustache"]!, as: UTF8.self)
        let diagnostics = try Fixtures.themeDiagnostics([
            "transcript.mustache": transcript.replacingOccurrences(of: "{{> partials/transcript-meta}}", with: "{{> partials/a}}"),
            "partials/a.mustache": "<div>{{> partials/b}}</div>\n",
            "partials/b.mustache": "<p>\n{{#transcript}} {{> partials/a}}{{/transcript}}\n</p>\n",
        ])
        #expect(diagnostics.map(\.message) == ["partial cycle: transcript → partials/a → partials/b → partials/a"])
        #expect(diagnostics.first?.location == SourceLocation(file: "Templates/partials/b.mustache", line: 2, column: 17))
    }

    @Test func parentTemplateCycleIsAnError() throws {
        let diagnostics = try Fixtures.themeDiagnostics([
            "a.mustache": "{{<b}}{{/b}}\n",
            "b.mustache": "{{<a}}{{/a}}\n",
        ])
        #expect(diagnostics.map(\.description) == [
            "Templates/b.mustache:1:1: error: parent template cycle: a → b → a\n"
                + "    note: a template must not include itself, directly or through other templates",
        ])
    }

    @Test func pageThatExtendsItselfIsACycle() throws {
        let diagnostics = try Fixtures.themeDiagnostics(["home.mustache": "{{<home}}{{$content}}x{{/content}}{{/home}}\n"])
        #expect(diagnostics.map(\.message) == ["parent template cycle: home → home"])
    }

    @Test func recursionGuardedBySectionIsRejectedToo() throws {
        // Legitimate Mustache over recursive data, but Gloss's view models have none.
        let diagnostics = try Fixtures.themeDiagnostics([
            "partials/node.mustache": "<li>{{name}}<ul>{{#children}}{{> partials/node}}{{/children}}</ul></li>\n",
        ])
        #expect(diagnostics.map(\.message) == ["partial cycle: partials/node → partials/node"])
        #expect(diagnostics.first?.location?.column == 30)
    }

    @Test func cycleAfterSetDelimiterTagIsFound() throws {
        let diagnostics = try Fixtures.themeDiagnostics([
            "partials/x.mustache": "{{=<% %>=}}\n<%> partials/x %>\n",
        ])
        #expect(diagnostics.map(\.message) == ["partial cycle: partials/x → partials/x"])
        #expect(diagnostics.first?.location == SourceLocation(file: "Templates/partials/x.mustache", line: 2, column: 1))
    }

    @Test func everyTagThatClosesACycleIsReported() throws {
        let diagnostics = try Fixtures.themeDiagnostics([
            "partials/x.mustache": "{{> partials/x}}{{> partials/x}}\n",
        ])
        #expect(diagnostics.compactMap(\.location?.column) == [1, 17])
    }

    @Test func sectionsNestedThousandsDeepAreRejectedBeforeParsing() throws {
        // A tree 5,000 deep could overflow the stack when built or rendered.
        let depth = 5_000
        let diagnostics = try Fixtures.themeDiagnostics([
            "404.mustache": "<p>\n" + String(repeating: "{{#site}}", count: depth) + "x" + String(repeating: "{{/site}}", count: depth) + "\n",
        ])
        #expect(diagnostics.map(\.description) == [
            "Templates/404.mustache:2:901: error: sections nest more than 100 levels deep\n"
                + "    note: Gloss refuses deeper nesting, which could exhaust the stack while rendering",
        ])
    }

    @Test func blocksAndInvertedSectionsCountTowardsTheDepth() throws {
        let text = String(repeating: "{{^a}}{{$b}}", count: 51) + String(repeating: "{{/b}}{{/a}}", count: 51)
        let diagnostics = try Fixtures.themeDiagnostics(["partials/deep.mustache": text + "\n"])
        #expect(diagnostics.map(\.message) == ["sections nest more than 100 levels deep"])
        #expect(diagnostics.first?.location == SourceLocation(file: "Templates/partials/deep.mustache", line: 1, column: 601))
    }

    @Test func nestingThroughAChainOfPartialsIsLimited() throws {
        // Each partial nests only 9 deep, but rendering would go 12 × 10 deep.
        var files: [String: String] = [
            "404.mustache": "{{> partials/p0}}\n",
        ]
        for index in 0..<12 {
            let next = index < 11 ? "{{> partials/p\(index + 1)}}" : "end"
            files["partials/p\(index).mustache"] = String(repeating: "{{#site}}", count: 9) + next + String(repeating: "{{/site}}", count: 9) + "\n"
        }
        let diagnostics = try Fixtures.themeDiagnostics(files)
        #expect(diagnostics.map(\.message) == [
            "templates nest more than 100 levels deep through partials: "
                + "404 → partials/p0 → partials/p1 → partials/p2 → partials/p3 → partials/p4 → … → partials/p7 → partials/p8 → partials/p9 → partials/p10 → partials/p11",
        ])
        #expect(diagnostics.first?.location == SourceLocation(file: "Templates/404.mustache", line: 1, column: 1))
    }

    @Test func unclosedSectionIsReportedAtItsOpeningTag() throws {
        let diagnostics = try Fixtures.themeDiagnostics([
            "partials/footer.mustache": "<footer>\n  {{#site.author}}<p>{{site.author}}</p>\n</footer>\n",
        ])
        #expect(diagnostics.map(\.description) == [
            "Templates/partials/footer.mustache:2:3: error: {{#site.author}} is never closed: expected {{/site.author}}, found the end of the file",
        ])
    }

    @Test func emptyTemplateIsAWarning() throws {
        let diagnostics = try Fixtures.themeDiagnostics(["partials/footer.mustache": "", "home.mustache": " \n"])
        #expect(diagnostics.map(\.description) == [
            "Templates/home.mustache:1:1: warning: template is empty; what it renders will be empty\n"
                + "    note: if that is meant (say, to remove a partial), put a comment in it: {{! left empty }}",
            "Templates/partials/footer.mustache:1:1: warning: template is empty; what it renders will be empty\n"
                + "    note: if that is meant (say, to remove a partial), put a comment in it: {{! left empty }}",
        ])
        #expect(try Fixtures.themeDiagnostics(["partials/footer.mustache": "{{! left empty }}\n"]).isEmpty)
    }

    @Test func templateThatIsNotUTF8IsAnErrorAtTheFirstBadByte() throws {
        let directory = try Fixtures.templatesDirectory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("<footer>\n  café ".utf8 + [0xC3, 0x28] + Array("\n</footer>\n".utf8))
            .write(to: directory.appendingPathComponent("base.mustache"))

        let (theme, diagnostics) = Theme.load(overridesFrom: directory.path, displayPath: "Templates")
        #expect(diagnostics.map(\.description) == ["Templates/base.mustache:2:8: error: template is not valid UTF-8"])
        #expect(theme.files["base.mustache"] == Theme.builtIn.files["base.mustache"], "the default stays")
    }
}

@Suite struct DynamicPartialTests {
    @Test func aDynamicPartialIsAnErrorAtItsTag() throws {
        let diagnostics = try Fixtures.themeDiagnostics(["partials/footer.mustache": "<footer>\n  {{>*site.params.layout}}</footer>\n"])
        let error = try #require(diagnostics.first { $0.message.contains("dynamic partial") })
        #expect(error.location == SourceLocation(file: "Templates/partials/footer.mustache", line: 2, column: 3))
    }

    @Test func aDynamicParentIsAnErrorToo() throws {
        let diagnostics = try Fixtures.themeDiagnostics(["404.mustache": "{{<*site.params.base}}{{/*site.params.base}}\n"])
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("dynamic parent template") })
    }
}
