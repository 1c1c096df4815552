import GlossContent
import GlossModel
import Testing

/// Speakers a transcript declares itself, as `gloss import` writes them.
@Suite struct DeclaredSpeakerTests {
    @Test func aTranscriptCanDeclareASpeakerMissingFromTheRegistry() {
        let loaded = load(content(["a.md": """
            ---
            title: A
            speakers:
              - {id: kennedy, name: John F. Kennedy, role: Senator, aliases: [MR. KENNEDY, SENATOR KENNEDY]}
              - hegseth
            ---
            Text.
            """]))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.documents.count == 1)
        let kennedy = loaded.speakers.first { $0.id == "kennedy" }
        #expect(kennedy?.name == "John F. Kennedy")
        #expect(kennedy?.aliases == ["MR. KENNEDY", "SENATOR KENNEDY"])
        #expect(loaded.documents.first?.frontMatter.speakers.first?.role == "Senator")
    }

    @Test func theRegistryWinsAndAliasesFromEveryDeclarationAreKept() {
        let loaded = load(content([
            "a.md": "---\ntitle: A\nspeakers: [{id: hegseth, name: Someone Else, aliases: [PETE]}, {id: q, name: Q}]\n---\nText.\n",
            "b.md": "---\ntitle: B\nspeakers: [{id: q, name: Reporter, aliases: [REPORTER]}]\n---\nText.\n",
        ]))
        #expect(loaded.diagnostics.isEmpty)
        let hegseth = loaded.speakers.first { $0.id == "hegseth" }
        #expect(hegseth?.name == "Pete Hegseth")
        #expect(hegseth?.aliases == ["HEGSETH", "Secretary Hegseth", "PETE"])
        let q = loaded.speakers.first { $0.id == "q" }
        #expect(q?.name == "Q")
        #expect(q?.aliases == ["REPORTER"])
    }

    @Test func aDeclaredSpeakerNeedsAValidID() {
        let loaded = load(content(["a.md": "---\ntitle: A\nspeakers: [{id: Mr Kennedy, name: Kennedy}]\n---\nText.\n"]))
        #expect(loaded.diagnostics.errors.map(\.message) == [
            "front matter: speaker id \"Mr Kennedy\" must use only a-z, 0-9, \"-\" and \"_\"",
        ])
        #expect(loaded.documents.isEmpty)
    }

    @Test func aliasesWithoutANameDeclareNoOne() {
        let loaded = load(content(["a.md": "---\ntitle: A\nspeakers: [{id: smith, aliases: [SMITH]}]\n---\nText.\n"]))
        #expect(loaded.diagnostics.errors.map(\.message) == ["front matter: \"speakers\" names unknown speaker \"smith\""])
    }
}
