import Foundation
import GlossModel
import GlossRender
import Testing

@Suite struct ThemeOverrideTests {
    @Test func siteFileReplacesTheDefaultOfTheSamePath() throws {
        let directory = try Fixtures.templatesDirectory([
            "partials/footer.mustache": "<footer class=\"site-footer\">Our own footer for {{site.title}}</footer>\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }

        let (theme, diagnostics) = Theme.load(overridesFrom: directory.path, displayPath: "Templates")
        let html = try Fixtures.renderer(theme: theme).homePage(documents: [])

        #expect(diagnostics.isEmpty)
        #expect(html.contains("Our own footer for Contact Group Transcripts"))
        #expect(!html.contains("Published with Gloss"))
        #expect(html.contains("class=\"site-header\""), "templates the site does not override stay the default")
    }

    @Test func missingDirectoryMeansTheBuiltInTheme() {
        let (theme, diagnostics) = Theme.load(overridesFrom: "/nonexistent/gloss/Templates", displayPath: "Templates")
        #expect(diagnostics.isEmpty)
        #expect(theme.files == Theme.builtIn.files)
    }

    @Test func hiddenFilesAreIgnored() throws {
        let directory = try Fixtures.templatesDirectory([".DS_Store": "junk", "partials/.footer.mustache.swp": "junk"])
        defer { try? FileManager.default.removeItem(at: directory) }

        let (theme, diagnostics) = Theme.load(overridesFrom: directory.path, displayPath: "Templates")
        #expect(diagnostics.isEmpty)
        #expect(theme.files == Theme.builtIn.files)
    }

    @Test func templateThatIsNotUTF8IsAnError() throws {
        let directory = try Fixtures.templatesDirectory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data([0x3C, 0xFF, 0xFE]).write(to: directory.appendingPathComponent("home.mustache"))

        let (_, diagnostics) = Theme.load(overridesFrom: directory.path, displayPath: "Templates")
        #expect(diagnostics.map(\.description) == ["Templates/home.mustache:1:2: error: template is not valid UTF-8"])
    }
}
