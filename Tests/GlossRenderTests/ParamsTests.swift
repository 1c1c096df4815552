import Foundation
import GlossModel
import GlossRender
import Testing

@Suite struct ParamsTests {
    @Test func unknownFrontMatterKeysReachTemplatesAsParams() throws {
        let directory = try Fixtures.templatesDirectory([
            "partials/transcript-meta.mustache":
                "<p class=\"producer\">{{params.producer}}</p>{{#params.embargo}}<p>Embargoed</p>{{/params.embargo}}"
                + "{{#params.credits}}<i>{{.}}</i>{{/params.credits}}<p>{{site.params.desk}}</p>\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        var document = Fixtures.document()
        document.frontMatter.params = [
            "producer": .string("Defense desk <b>"),
            "embargo": .null,
            "credits": .array([.string("AP"), .string("Reuters")]),
        ]
        var site = Fixtures.site
        site.params = ["desk": .string("Europe")]

        let (theme, _) = Theme.load(overridesFrom: directory.path, displayPath: "Templates")
        let renderer = try PageRenderer(theme: theme, site: site, speakers: [])
        let html = renderer.transcriptPage(TranscriptPageInput(document: document, bodyHTML: ""))

        #expect(html.contains("<p class=\"producer\">Defense desk &lt;b&gt;</p>"))
        #expect(!html.contains("Embargoed"), "a null param is false in a section")
        #expect(html.contains("<i>AP</i><i>Reuters</i>"))
        #expect(html.contains("<p>Europe</p>"))
    }
}
