import GlossContent
import GlossModel
import Testing

@Suite struct SiteConfigTests {
    private func loadSite(_ yaml: String) -> LoadedContent {
        load(InMemoryFileSystem(["Content/site.yaml": yaml]))
    }

    @Test func decodesEveryKnownKeyAndKeepsTheRestAsParams() {
        let loaded = loadSite("""
            title: Transcripts
            base_url: https://example.org/archive/
            language: de
            description: Speeches, annotated.
            author: Newsroom
            options: {unsafe_html: true, smart_punctuation: true}
            analytics: false

            """)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.config == SiteConfig(
            title: "Transcripts", baseURL: "https://example.org/archive/", language: "de",
            description: "Speeches, annotated.", author: "Newsroom",
            options: SiteConfig.Options(unsafeHTML: true, smartPunctuation: true),
            params: ["analytics": .bool(false)]))
    }

    @Test func theLanguageDefaultsToEnglish() {
        #expect(loadSite("title: T\n").config.language == "en")
    }

    @Test func aMissingTitleIsAnError() {
        #expect(loadSite("language: en\n").diagnostics.map(\.message) == [#"site.yaml: "title" is required"#])
    }

    @Test func aRelativeBaseURLIsAnError() {
        let loaded = loadSite("title: T\nbase_url: example.org/archive\n")
        #expect(loaded.diagnostics.map(\.message)
            == [#"site.yaml: "base_url" must be an absolute http(s) URL like https://example.org/, found "example.org/archive""#])
        #expect(loaded.diagnostics.map(\.place) == ["Content/site.yaml:2:11"])
    }

    @Test func anUnknownOptionIsAWarningWithASuggestion() throws {
        let loaded = loadSite("title: T\noptions:\n  smart_punctutation: true\n")
        let warning = try #require(loaded.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == #"site.yaml: unknown key "options.smart_punctutation" is ignored"#)
        #expect(warning.note == #"did you mean "smart_punctuation"?"#)
        #expect(warning.place == "Content/site.yaml:3:3")
    }

    @Test func searchIsOffUnlessTurnedOn() {
        #expect(!loadSite("title: T\n").config.options.search)
        let on = loadSite("title: T\noptions:\n  search: true\n")
        #expect(on.config.options.search)
        let off = loadSite("title: T\noptions:\n  search: false\n")
        #expect(!off.config.options.search)
        #expect(off.diagnostics.isEmpty)
    }

    @Test func aMissingSiteFileIsAnError() {
        let loaded = load(InMemoryFileSystem(["Content/a.md": "---\ntitle: A\n---\n"]))
        #expect(loaded.diagnostics.map(\.message) == ["missing Content/site.yaml: a site needs at least a title"])
        #expect(loaded.documents.map(\.slug) == ["a"])
    }
}
