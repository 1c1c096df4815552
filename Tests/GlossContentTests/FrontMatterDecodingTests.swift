import GlossContent
import GlossModel
import Testing

@Suite struct FrontMatterDecodingTests {
    @Test func decodesEveryKnownKey() throws {
        let document = try #require(parse("""
            ---
            title: Remarks at NATO
            date: 2025-02-12
            kind: speech
            event: Ukraine Defense Contact Group
            place: Brussels
            speakers: [hegseth, {id: vance, role: moderator}]
            source:
              title: Opening Remarks
              publisher: U.S. Department of Defense
              url: https://www.defense.gov/News/Speeches/
              retrieved: 2025-02-13
            media: {video: https://example.org/v.mp4, offset: "01:30"}
            topics: [nato, ukraine]
            summary: The secretary sets out priorities.
            draft: true
            slug: 2025/nato-remarks
            ---
            Body

            """).document)
        let frontMatter = document.frontMatter
        #expect(frontMatter.title == "Remarks at NATO")
        #expect(frontMatter.date == CalendarDate(year: 2025, month: 2, day: 12))
        #expect(frontMatter.kind == "speech")
        #expect(frontMatter.event == "Ukraine Defense Contact Group")
        #expect(frontMatter.place == "Brussels")
        #expect(frontMatter.speakers.map(\.id) == ["hegseth", "vance"])
        #expect(frontMatter.speakers.map(\.role) == [nil, "moderator"])
        #expect(frontMatter.speakers.first?.location == SourceLocation(file: "Content/x.md", line: 7, column: 12))
        #expect(frontMatter.source == Source(
            title: "Opening Remarks", publisher: "U.S. Department of Defense",
            url: "https://www.defense.gov/News/Speeches/", retrieved: CalendarDate(year: 2025, month: 2, day: 13)))
        #expect(frontMatter.media == Media(kind: .video, url: "https://example.org/v.mp4", offset: 90))
        #expect(frontMatter.topics == ["nato", "ukraine"])
        #expect(frontMatter.summary == "The secretary sets out priorities.")
        #expect(frontMatter.draft)
        #expect(document.slug == "2025/nato-remarks")
        #expect(document.body == "Body\n")
        #expect(document.bodyStartLine == 19)
    }

    @Test func aSourceMayBeJustAURLAndTopicsJustOneString() throws {
        let frontMatter = try #require(parse("---\ntitle: A\nsource: https://example.org/a\ntopics: nato\n---\n").document?.frontMatter)
        #expect(frontMatter.source == Source(url: "https://example.org/a"))
        #expect(frontMatter.topics == ["nato"])
    }

    @Test func unknownKeysBecomeParamsWithTheirYAMLTypes() throws {
        let frontMatter = try #require(parse("""
            ---
            title: A
            editor: Jane Roe
            word_count: 1200
            rating: 4.5
            featured: false
            tags_extra: [a, "1"]
            nothing: ~
            region: no
            ---

            """).document?.frontMatter)
        #expect(frontMatter.params == [
            "editor": .string("Jane Roe"),
            "word_count": .int(1200),
            "rating": .double(4.5),
            "featured": .bool(false),
            "tags_extra": .array([.string("a"), .string("1")]),
            "nothing": .null,
            "region": .string("no"),
        ])
    }

    @Test func anUnknownKeyCloseToAKnownOneGetsAWarningWithASuggestion() throws {
        let parsed = parse("---\ntitle: A\ndtae: 2025-02-12\n---\n")
        #expect(parsed.document?.frontMatter.params["dtae"] == .string("2025-02-12"))
        let warning = try #require(parsed.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.place == "Content/x.md:3:1")
        #expect(warning.note == "did you mean \"date\"?")
    }

    @Test func aMissingTitleIsAnError() {
        let parsed = parse("---\ndate: 2025-02-12\n---\n")
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map(\.message) == ["front matter: \"title\" is required"])
    }

    @Test func aBadDateNamesTheKeyWhatWasExpectedAndWhatWasFound() {
        let parsed = parse("---\ntitle: A\ndate: Feb 12\n---\n")
        #expect(parsed.diagnostics.map(\.message) == [#"front matter: "date" must be a date like 2025-02-12, found "Feb 12""#])
    }

    @Test func aTypeErrorIsReportedAtTheValueLineAndColumnInTheFile() {
        let parsed = parse("""
            ---
            title: A
            source:
              title: Remarks
              url:   [https://example.org]
            ---
            """)
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map(\.place) == ["Content/x.md:5:10"])
        #expect(parsed.diagnostics.map(\.message) == [#"front matter: "source.url" must be a string, found a list"#])
    }

    @Test func everyProblemInAFileIsReportedAtOnce() {
        let parsed = parse("""
            ---
            date: tomorrow
            draft: maybe
            speakers: [hegseth, [x]]
            source: {url: example.org, retrieved: 2025-13-01}
            media: {audio: a.mp3, video: v.mp4}
            ---
            """)
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map(\.message) == [
            #"front matter: "date" must be a date like 2025-02-12, found "tomorrow""#,
            #"front matter: "draft" must be true or false, found "maybe""#,
            #"front matter: "speakers[1]" must be a speaker id or {id:, role:}, found a list"#,
            #"front matter: "source.url" must be an absolute http(s) URL like https://example.org/, found "example.org""#,
            #"front matter: "source.retrieved" must be a date like 2025-02-12, found "2025-13-01""#,
            #"front matter: "media" must have "audio" or "video", not both"#,
            #"front matter: "title" is required"#,
        ])
        #expect(parsed.diagnostics.map(\.place) == [
            "Content/x.md:2:7", "Content/x.md:3:8", "Content/x.md:4:21", "Content/x.md:5:15",
            "Content/x.md:5:39", "Content/x.md:6:8", "Content/x.md:1:1",
        ])
    }

    @Test func aYAMLSyntaxErrorIsReportedAtItsPositionInTheFile() throws {
        let parsed = parse("---\ntitle: A\nevent: \"unclosed\nplace: x\n---\n")
        let error = try #require(parsed.diagnostics.first)
        #expect(parsed.document == nil)
        #expect(error.message.hasPrefix("front matter: invalid YAML: "))
        #expect(error.location?.line == 5)
        let tab = parse("---\ntitle: A\nsource:\n\turl: x\n---\n")
        #expect(tab.diagnostics.map(\.place) == ["Content/x.md:4:1"])
    }

    @Test func aControlCharacterIsAYAMLErrorAtItsPosition() throws {
        let parsed = parse("---\ntitle: A\nevent: bell \u{7}\n---\n")
        let error = try #require(parsed.diagnostics.first)
        #expect(error.message == "front matter: invalid YAML: control characters are not allowed")
        #expect(error.place == "Content/x.md:3:13")
    }

    @Test func aDuplicateKeyInANestedMappingIsAnError() {
        let parsed = parse("---\ntitle: A\nsource:\n  url: https://a.org\n  url: https://b.org\n---\n")
        #expect(parsed.diagnostics.map(\.message) == [#"front matter: duplicate key "url""#])
        #expect(parsed.diagnostics.map(\.place) == ["Content/x.md:5:3"], "at the repeated key")
    }

    @Test func aDuplicateKeyIsAnError() {
        let parsed = parse("---\ntitle: A\ndate: 2025-02-12\ntitle: B\n---\n")
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map(\.message) == [#"front matter: duplicate key "title""#])
        #expect(parsed.diagnostics.map(\.place) == ["Content/x.md:4:1"], "at the repeated key")
    }

    @Test func aDuplicateKeyInAFlowMappingIsReportedAtTheMapping() {
        let parsed = parse("---\ntitle: A\nsource: {url: a, url: b}\n---\n")
        #expect(parsed.diagnostics.map(\.message) == [#"front matter: duplicate key "url""#])
        #expect(parsed.diagnostics.map(\.place) == ["Content/x.md:3:10"], "inside the braces")
    }

    @Test func parametersThatExpandToMillionsOfValuesAreRefused() {
        var yaml = "---\ntitle: A\nextra:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml += "  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let parsed = parse(yaml + "---\n")
        #expect(parsed.diagnostics.map(\.message) == [#"front matter: "extra" holds more than 100000 values"#])
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() {
        let parsed = parse("---\n- title\n---\n")
        #expect(parsed.diagnostics.map(\.message) == ["front matter must be a mapping of keys to values, found a list"])
    }

    @Test func aMediaOffsetMayBeSecondsOrAClockTime() throws {
        let seconds = try #require(parse("---\ntitle: A\nmedia: {audio: a.mp3, offset: 12.5}\n---\n").document)
        #expect(seconds.frontMatter.media?.offset == 12.5)
        let clock = try #require(parse("---\ntitle: A\nmedia: {audio: a.mp3, offset: 1:02:03}\n---\n").document)
        #expect(clock.frontMatter.media?.offset == 3723)
        let bad = parse("---\ntitle: A\nmedia: {audio: a.mp3, offset: soon}\n---\n")
        #expect(bad.diagnostics.map(\.message) == [#"front matter: "media.offset" must be seconds or a time like 01:30, found "soon""#])
    }

    @Test func anUnknownKeyInsideSourceIsAWarningWithASuggestion() throws {
        let parsed = parse("---\ntitle: A\nsource: {url: https://a.org, publsher: AP}\n---\n")
        #expect(parsed.document != nil)
        #expect(parsed.diagnostics.map(\.message) == [#"front matter: unknown key "source.publsher" is ignored"#])
        #expect(parsed.diagnostics.map(\.note) == [#"did you mean "publisher"?"#])
    }

    @Test func columnsCountCharactersNotBytes() {
        let parsed = parse("---\ntitle: Ça va\nplace: [Zürich]\n---\n")
        #expect(parsed.diagnostics.map(\.place) == ["Content/x.md:3:8"])
        let afterAccent = parse("---\ntitle: A\nsource: {title: Zürich, url: [x]}\n---\n")
        #expect(afterAccent.diagnostics.map(\.place) == ["Content/x.md:3:30"])
    }
}
