import GlossContent
import GlossModel
import Testing

@Suite struct SpeakerRegistryTests {
    @Test func decodesSpeakersInOrderWithTheirPositions() {
        let loaded = load(content([:], speakers: """
            hegseth:
              name: Pete Hegseth
              role: U.S. Secretary of Defense
              aliases: [HEGSETH, Secretary Hegseth]
              links: [https://www.defense.gov/]
            vance:
              name: JD Vance

            """))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.speakers == [
            Speaker(id: "hegseth", name: "Pete Hegseth", role: "U.S. Secretary of Defense",
                    aliases: ["HEGSETH", "Secretary Hegseth"], links: ["https://www.defense.gov/"],
                    location: SourceLocation(file: "Content/speakers.yaml", line: 1, column: 1)),
            Speaker(id: "vance", name: "JD Vance", location: SourceLocation(file: "Content/speakers.yaml", line: 6, column: 1)),
        ])
    }

    @Test func aMissingRegistryIsAnEmptyOne() {
        let loaded = load(InMemoryFileSystem(["Content/site.yaml": "title: T\n"]))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.speakers.isEmpty)
    }

    @Test func badIdsMissingNamesAndBadLinksAreErrors() {
        let loaded = load(content([:], speakers: """
            Pete Hegseth:
              name: Pete Hegseth
            vance:
              role: Vice President
            rubio:
              name: Marco Rubio
              links: [state.gov]

            """))
        #expect(loaded.speakers.isEmpty)
        #expect(loaded.diagnostics.map(\.message) == [
            #"speakers.yaml: speaker id "Pete Hegseth" must use only a-z, 0-9, "-" and "_""#,
            #"speakers.yaml: "vance.name" is required"#,
            #"speakers.yaml: "rubio.links[0]" must be an absolute http(s) URL like https://example.org/, found "state.gov""#,
        ])
        #expect(loaded.diagnostics.map(\.place) == [
            "Content/speakers.yaml:1:1", "Content/speakers.yaml:3:1", "Content/speakers.yaml:7:11",
        ])
    }

    @Test func anUnknownSpeakerInATranscriptIsAnErrorWithASuggestion() throws {
        let loaded = load(content(["a.md": "---\ntitle: A\nspeakers: [vance, hegseht]\n---\n"]))
        #expect(loaded.documents.isEmpty)
        let error = try #require(loaded.diagnostics.first)
        #expect(error.message == #"front matter: "speakers" names unknown speaker "hegseht""#)
        #expect(error.note == #"did you mean "hegseth"?"#)
        #expect(error.place == "Content/a.md:3:19")
    }

    @Test func aSpeakerNamedByAliasInsteadOfIdGetsTheId() {
        let loaded = load(content(["a.md": "---\ntitle: A\nspeakers: [Secretary Hegseth]\n---\n"]))
        #expect(loaded.diagnostics.map(\.note) == [#""Secretary Hegseth" is a name of speaker "hegseth"; list speakers by id"#])
    }
}
