import GlossContent
import GlossModel
import Testing

/// `annotations:` in front matter.
@Suite struct FrontMatterAnnotationTests {
    @Test func decodesEveryKeyAndKeepsAnnotationsOutOfParams() throws {
        let document = try #require(parse("""
            ---
            title: A
            annotations:
              - quote: "pre-2014 borders is an unrealistic objective"
                prefix: "recognizing that "
                suffix: ". Chasing"
                kind: fact-check
                rating: misleading
                note: |
                  Kyiv's *stated* aim.
                sources:
                  - {title: Reuters, url: "https://www.reuters.com/a"}
                  - https://example.org/b
                author: Jane Roe
                date: 2025-02-13
              - quote: allies
                note: Who they are.
            ---
            Body
            """).document)
        #expect(document.frontMatter.params.isEmpty)
        #expect(document.annotations == [
            Annotation(
                quote: "pre-2014 borders is an unrealistic objective", prefix: "recognizing that ", suffix: ". Chasing",
                kind: .factCheck, rating: "misleading", note: "Kyiv's *stated* aim.\n",
                sources: [SourceLink(title: "Reuters", url: "https://www.reuters.com/a"), SourceLink(url: "https://example.org/b")],
                author: "Jane Roe", date: CalendarDate(year: 2025, month: 2, day: 13),
                location: SourceLocation(file: "Content/x.md", line: 4, column: 5)),
            Annotation(quote: "allies", note: "Who they are.", location: SourceLocation(file: "Content/x.md", line: 16, column: 5)),
        ])
    }

    @Test func anEmptyListOrNothingIsNoAnnotations() throws {
        #expect(try #require(parse("---\ntitle: A\nannotations:\n---\n").document).annotations.isEmpty)
        #expect(try #require(parse("---\ntitle: A\nannotations: []\n---\n").document).annotations.isEmpty)
    }

    @Test func aMisspeltAnnotationsKeyIsSuggested() {
        let parsed = parse("---\ntitle: A\nanotations: []\n---\n")
        #expect(parsed.diagnostics.map(\.description) == [
            "Content/x.md:3:1: warning: front matter: unknown key \"anotations\" is passed to templates as a parameter\n    note: did you mean \"annotations\"?",
        ])
    }

    @Test func quoteAndNoteAreRequiredAndNotEmpty() {
        let parsed = parse("""
            ---
            title: A
            annotations:
              - kind: context
              - quote: ""
                note:
            ---
            """)
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map(\.description) == [
            #"Content/x.md:4:5: error: front matter: "annotations[0]" needs a "quote": the exact words it is about"#,
            #"Content/x.md:4:5: error: front matter: "annotations[0]" needs a "note": the Markdown text to show"#,
            #"Content/x.md:5:12: error: front matter: "annotations[1].quote" must not be empty"#,
            #"Content/x.md:6:10: error: front matter: "annotations[1].note" must not be empty"#,
        ])
    }

    @Test func anUnknownKindIsAnErrorWithASuggestion() {
        let parsed = parse("---\ntitle: A\nannotations:\n  - {quote: a, note: b, kind: fact-chek, rating: false}\n---\n")
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map(\.description) == [
            #"Content/x.md:4:31: error: front matter: "annotations[0].kind" must be one of context, fact-check, correction, translation, found "fact-chek""#
                + "\n    note: did you mean \"fact-check\"?",
        ], "no second error about the rating while the kind is unreadable")
    }

    @Test func aRatingBelongsOnlyToAFactCheck() {
        let parsed = parse("""
            ---
            title: A
            annotations:
              - {quote: a, note: b, rating: "true"}
              - {quote: a, note: b, kind: correction, rating: "false"}
              - {quote: a, note: b, kind: fact-check}
            ---
            """)
        #expect(parsed.diagnostics.map(\.description) == [
            #"Content/x.md:4:33: error: front matter: "annotations[0].rating" is allowed only with kind fact-check, found kind context"#
                + "\n    note: remove the rating, or set `kind: fact-check`",
            #"Content/x.md:5:51: error: front matter: "annotations[1].rating" is allowed only with kind fact-check, found kind correction"#
                + "\n    note: remove the rating, or set `kind: fact-check`",
            #"Content/x.md:6:31: error: front matter: "annotations[2]": a fact-check needs a rating"#
                + "\n    note: add a line like `rating: misleading` (the verdict as a word)",
        ])
    }

    @Test func sourcesMustBeWebURLsWithTitlesOptional() {
        let parsed = parse("""
            ---
            title: A
            annotations:
              - quote: a
                note: b
                sources:
                  - javascript:alert(1)
                  - {title: Reuters}
                  - {title: AP, url: "www.ap.org", link: x}
                  - [x]
            ---
            """)
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map(\.description) == [
            #"Content/x.md:7:9: error: front matter: "annotations[0].sources[0]" must be an absolute http(s) URL like https://example.org/, found "javascript:alert(1)""#,
            #"Content/x.md:8:9: error: front matter: "annotations[0].sources[1]" needs a "url""#,
            #"Content/x.md:9:26: error: front matter: "annotations[0].sources[2].url" must be an absolute http(s) URL like https://example.org/, found "www.ap.org""#,
            #"Content/x.md:9:40: warning: front matter: unknown key "annotations[0].sources[2].link" is ignored"#
                + "\n    note: known keys: title, url",
            #"Content/x.md:10:9: error: front matter: "annotations[0].sources[3]" must be a URL or {title:, url:}, found a list"#,
        ])
    }

    @Test func oneSourceMayStandAlone() throws {
        let document = try #require(parse("---\ntitle: A\nannotations:\n  - {quote: a, note: b, sources: https://a.org/x}\n---\n").document)
        #expect(document.annotations.map(\.sources) == [[SourceLink(url: "https://a.org/x")]])
    }

    @Test func anUnknownKeyIsAWarningWithASuggestionAndKeepsTheAnnotation() throws {
        let parsed = parse("---\ntitle: A\nannotations:\n  - quote: a\n    note: b\n    autor: Jane\n---\n")
        #expect(parsed.document?.annotations.count == 1)
        #expect(parsed.diagnostics.map(\.description) == [
            #"Content/x.md:6:5: warning: front matter: unknown key "annotations[0].autor" is ignored"#
                + "\n    note: did you mean \"author\"?",
        ])
    }

    @Test func badShapesAndTypesAreErrorsAtTheirPositions() {
        let parsed = parse("""
            ---
            title: A
            annotations:
              - just a string
              - {quote: [a], note: b, date: 13 Feb, author: {a: b}}
            ---
            """)
        #expect(parsed.diagnostics.map(\.description) == [
            #"Content/x.md:4:5: error: front matter: "annotations[0]" must be a mapping with a quote and a note, found "just a string""#,
            #"Content/x.md:5:13: error: front matter: "annotations[1].quote" must be a string, found a list"#,
            #"Content/x.md:5:33: error: front matter: "annotations[1].date" must be a date like 2025-02-12, found "13 Feb""#,
            #"Content/x.md:5:49: error: front matter: "annotations[1].author" must be a string, found a mapping"#,
        ])
        let mapping = parse("---\ntitle: A\nannotations:\n  quote: a\n  note: b\n---\n")
        #expect(mapping.diagnostics.map(\.place) == ["Content/x.md:4:3"])
        #expect(mapping.diagnostics.map(\.message) == [#"front matter: "annotations" must be a list of annotations, found a mapping"#])
    }
}

/// Sidecar `NAME.annotations.yaml` files.
@Suite struct SidecarAnnotationTests {
    @Test func aSidecarListIsAppendedAfterTheFrontMatterAnnotations() throws {
        let loaded = load(content([
            "2025/x.md": "---\ntitle: X\nannotations:\n  - {quote: a, note: from front matter}\n---\nBody\n",
            "2025/x.annotations.yaml": """
                # a second layer
                - quote: b
                  note: from the sidecar

                - quote: c
                  note: also
                """,
        ]))
        #expect(loaded.diagnostics.isEmpty)
        let document = try #require(loaded.documents.first)
        #expect(document.annotations.map(\.note) == ["from front matter", "from the sidecar", "also"])
        #expect(document.annotations.map(\.location.description) == [
            "Content/2025/x.md:4:5", "Content/2025/x.annotations.yaml:2:3", "Content/2025/x.annotations.yaml:5:3",
        ])
    }

    @Test func aSidecarMappingGivesItsAuthorToItemsWithoutOne() throws {
        let loaded = load(content([
            "x.md": "---\ntitle: X\n---\n",
            "x.annotations.yaml": """
                author: Fact-check desk
                annotations:
                  - quote: a
                    note: b
                  - quote: c
                    note: d
                    author: Jane Roe
                """,
        ]))
        #expect(loaded.diagnostics.isEmpty)
        let document = try #require(loaded.documents.first)
        #expect(document.annotations.map(\.author) == ["Fact-check desk", "Jane Roe"])
        #expect(document.annotations.first?.location.description == "Content/x.annotations.yaml:3:5")
    }

    @Test func anErrorInTheSidecarLeavesTheTranscriptOutAndPointsIntoTheSidecar() {
        let loaded = load(content([
            "x.md": "---\ntitle: X\n---\n",
            "x.annotations.yaml": "- quote: a\n  note: b\n  kind: fakt-check\n",
        ]))
        #expect(loaded.documents.isEmpty)
        #expect(loaded.diagnostics.map(\.description) == [
            #"Content/x.annotations.yaml:3:9: error: x.annotations.yaml: "[0].kind" must be one of context, fact-check, correction, translation, found "fakt-check""#
                + "\n    note: did you mean \"fact-check\"?",
        ])
    }

    @Test func sidecarShapeErrors() {
        func problems(_ yaml: String) -> [String] {
            ContentLoader.parseAnnotationsFile(Array(yaml.utf8), displayPath: "Content/x.annotations.yaml").diagnostics.map(\.description)
        }
        #expect(problems("") == [])
        #expect(problems("quote: a\nnote: b\n") == [
            "Content/x.annotations.yaml:1:1: error: x.annotations.yaml must be a list of annotations, found a single annotation without \"- \""
                + "\n    note: start each annotation with \"- \", as in:\n          - quote: \"the exact words\"\n            note: \"What the reader should know.\"",
        ])
        #expect(problems("author: Desk\n") == [
            "Content/x.annotations.yaml:1:1: error: x.annotations.yaml: \"annotations\" is required"
                + "\n    note: a sidecar is a list of annotations, or a mapping with an optional \"author\" and an \"annotations\" list",
        ])
        #expect(problems("author: Desk\nanotations: []\nannotations: []\n") == [
            "Content/x.annotations.yaml:2:1: warning: x.annotations.yaml: unknown key \"anotations\" is ignored\n    note: did you mean \"annotations\"?",
        ])
        #expect(problems("just text\n") == [
            "Content/x.annotations.yaml:1:1: error: x.annotations.yaml must be a list of annotations or a mapping {author:, annotations:}, found \"just text\"",
        ])
        #expect(problems("- quote: a\n  note: [b\n").first?.hasPrefix("Content/x.annotations.yaml:3:1: error: x.annotations.yaml: invalid YAML: ") == true)
    }

    @Test func aSidecarWithoutATranscriptIsAWarningNamingIt() {
        let loaded = load(content([
            "2025/x.md": "---\ntitle: X\n---\n",
            "2025/y.annotations.yaml": "- {quote: a, note: b}\n",
            "2025/x.annotations.yml": "not read: only .annotations.yaml is a sidecar",
        ]))
        #expect(loaded.documents.map(\.annotations) == [[]])
        #expect(loaded.diagnostics.map(\.description) == [
            "Content/2025/y.annotations.yaml:1:1: warning: annotations file without a transcript: there is no Content/2025/y.md, so it is ignored"
                + "\n    note: a sidecar NAME.annotations.yaml belongs to NAME.md in the same folder; rename it to match \"y.md\" or move it next to its transcript",
        ])
    }

    @Test func aSidecarInAnotherFolderDoesNotPair() {
        let loaded = load(content([
            "2025/x.md": "---\ntitle: X\n---\n",
            "x.annotations.yaml": "- {quote: a, note: b}\n",
        ]))
        #expect(loaded.documents.map(\.annotations) == [[]])
        #expect(loaded.diagnostics.map(\.place) == ["Content/x.annotations.yaml:1:1"])
    }

    @Test func anUnreadableSidecarIsAnErrorAndLeavesTheTranscriptOut() {
        let fileSystem = InMemoryFileSystem(
            ["Content/site.yaml": "title: T\n", "Content/a.md": "---\ntitle: A\n---\n", "Content/a.annotations.yaml": "[]"],
            unreadable: ["Content/a.annotations.yaml"])
        let loaded = load(fileSystem)
        #expect(loaded.documents.isEmpty)
        #expect(loaded.diagnostics.map(\.description) == ["Content/a.annotations.yaml:1:1: error: cannot read file: Permission denied"])
    }

    @Test func problemsInBothFilesAreReportedTogether() {
        let loaded = load(content([
            "x.md": "---\ntitle: X\nannotations:\n  - {note: b}\n---\n",
            "x.annotations.yaml": "- {quote: a}\n",
        ]))
        #expect(loaded.diagnostics.map(\.place) == ["Content/x.md:4:5", "Content/x.annotations.yaml:1:3"])
    }

    @Test func manyTranscriptsWithSidecarsParseInParallelInOrder() {
        var files: [String: String] = [:]
        for index in 0..<200 {
            let name = String(format: "%03d", index)
            files["t/\(name).md"] = "---\ntitle: T\(index)\n---\n"
            if index.isMultiple(of: 2) { files["t/\(name).annotations.yaml"] = "- {quote: q\(index), note: n}\n" }
        }
        let loaded = load(content(files))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.documents.count == 200)
        #expect(loaded.documents.map { $0.annotations.map(\.quote) } == (0..<200).map { $0.isMultiple(of: 2) ? ["q\($0)"] : [] })
    }
}

/// `media:` addresses.
@Suite struct MediaURLTests {
    @Test func httpAndRelativePathsAreAccepted() throws {
        for url in ["https://example.org/v.mp4", "http://example.org/a.mp3", "media/a.mp3", "../a.mp3", "/media/a.mp3", "a.mp3?t=1#x"] {
            let document = try #require(parse("---\ntitle: A\nmedia: {audio: \"\(url)\"}\n---\n").document, "\(url)")
            #expect(document.frontMatter.media?.url == url)
        }
    }

    @Test func otherSchemesAreErrors() {
        for url in ["javascript:alert(1)", "data:audio/mp3;base64,AA", " JavaScript:x", "java\\tscript:x", "file:///etc/passwd", "https:a.mp3", ""] {
            let parsed = parse("---\ntitle: A\nmedia: {video: \"\(url)\"}\n---\n")
            #expect(parsed.document == nil, "\(url)")
            #expect(parsed.diagnostics.first?.place == "Content/x.md:3:16")
            #expect(parsed.diagnostics.first?.message.hasPrefix(
                #"front matter: "media.video" must be an http(s) URL or a relative path like media/briefing.mp3, found "#) == true)
        }
        let parsed = parse("---\ntitle: A\nmedia:\n  audio: javascript:alert(1)\n---\n")
        #expect(parsed.diagnostics.map(\.description) == [
            #"Content/x.md:4:10: error: front matter: "media.audio" must be an http(s) URL or a relative path like media/briefing.mp3, found "javascript:alert(1)""#,
        ])
    }

    @Test func mediaWithNoValueIsAbsent() throws {
        let parsed = parse("---\ntitle: A\nmedia:\n---\n")
        #expect(parsed.diagnostics.isEmpty)
        #expect(try #require(parsed.document).frontMatter.media == nil)
        #expect(try #require(parse("---\ntitle: A\nmedia: ~\n---\n").document).frontMatter.media == nil)
    }
}

extension MediaURLTests {
    @Test func aRecordingKeyWithNoValueStillNeedsAURL() {
        let parsed = parse("---\ntitle: A\nmedia: {audio: ~}\n---\n")
        #expect(parsed.diagnostics.map(\.description) == [
            #"Content/x.md:3:8: error: front matter: "media" needs "audio" or "video" with the recording's URL"#,
        ])
    }
}
