import Foundation
import GlossModel
import Testing
@testable import GlossBuild

/// The transcript dialect through the whole pipeline: speakers from the
/// registry, annotations from front matter and sidecars, errors at their place.
@Suite struct TranscriptBuildTests {
    static let speakersYAML = """
        hegseth:
          name: Pete Hegseth
          role: U.S. Secretary of Defense
          aliases: [HEGSETH]
        q:
          name: Reporter
          aliases: [Q]

        """

    func makeSite(body: String, frontMatter: String = "", sidecar: String? = nil) throws -> TemporaryDirectory {
        let temp = try TemporaryDirectory()
        try temp.write("title: Test Archive\n", to: "Content/site.yaml")
        try temp.write(Self.speakersYAML, to: "Content/speakers.yaml")
        try temp.write("---\ntitle: Remarks\ndate: 2025-02-12\nspeakers: [hegseth, q]\n\(frontMatter)---\n\n\(body)", to: "Content/remarks.md")
        if let sidecar { try temp.write(sidecar, to: "Content/remarks.annotations.yaml") }
        return temp
    }

    func build(_ temp: TemporaryDirectory) -> BuildOutcome {
        SiteBuilder(settings: BuildSettings(
            contentDirectory: temp.path + "/Content",
            templatesDirectory: temp.path + "/Templates",
            outputDirectory: temp.path + "/Public"
        )).build()
    }

    @Test("a link may point at a printed page's break; a page that is not there is a broken link")
    func linksToAPrintedPage() throws {
        let temp = try makeSite(body: "HEGSETH: We begin \\[\\[Page S703\\]\\] today.\n")
        try temp.write("---\ntitle: Notes\n---\n\nSee [the page](remarks.md#page-s703).\n", to: "Content/notes.md")
        let outcome = build(temp)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        #expect(try #require(temp.read("Public/notes/index.html")).contains(#"href="../remarks/#page-s703""#))
        #expect(try #require(temp.read("Public/remarks/index.html")).contains(#"<span class="page-break" id="page-s703">[[Page S703]]</span>"#))

        try temp.write("---\ntitle: Notes\n---\n\nSee [the page](remarks.md#page-s704).\n", to: "Content/notes.md")
        #expect(build(temp).diagnostics.hasErrors)
    }

    @Test func turnsNameTheRegisteredSpeakerWithTheirRole() throws {
        let temp = try makeSite(body: "HEGSETH: The bloodshed must stop.\n\nQ: Will troops go?\n")
        let outcome = build(temp)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        let page = try #require(temp.read("Public/remarks/index.html"))
        #expect(page.contains(#"<div class="turn""#))
        #expect(page.contains(#"<span class="speaker">Pete Hegseth</span>"#))
        #expect(page.contains("U.S. Secretary of Defense"))
        #expect(page.contains(#"data-speaker="q""#))
    }

    @Test func anUnknownSpeakerLabelFailsTheBuildAtItsPosition() throws {
        let temp = try makeSite(body: "Intro.\n\nHEGSET: The bloodshed must stop.\n")
        let outcome = build(temp)
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.location?.file.hasSuffix("Content/remarks.md") == true)
        #expect(error.location?.line == 9)
        #expect(error.location?.column == 1)
        #expect(error.message.contains("HEGSET"))
        #expect(error.note?.contains("HEGSETH") == true)
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/Public"))
    }

    @Test func aSidecarAnnotationIsMarkedAndItsNoteShown() throws {
        let temp = try makeSite(
            body: "HEGSETH: We must start by recognizing that returning to Ukraine’s pre-2014 borders is an *unrealistic* objective.\n",
            sidecar: """
                author: Fact desk
                annotations:
                  - quote: "returning to Ukraine's pre-2014 borders is an unrealistic objective"
                    kind: fact-check
                    rating: opinion
                    note: A judgement, not a checkable claim.

                """
        )
        let outcome = build(temp)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        let page = try #require(temp.read("Public/remarks/index.html"))
        #expect(page.contains(#"<mark class="annotation" id="mark-a1" aria-details="note-a1">returning to Ukraine’s pre-2014 borders is an </mark>"#))
        #expect(page.contains(#"<em><mark class="annotation" aria-details="note-a1">unrealistic</mark></em>"#))
        #expect(page.contains("Fact desk"))
        #expect(page.contains("Fact-check"))
    }

    @Test func aQuoteThatIsNotInTheTextFailsTheBuildAtTheAnnotation() throws {
        let temp = try makeSite(body: "HEGSETH: The bloodshed must stop.\n")
        #expect(!build(temp).diagnostics.hasErrors)
        let before = temp.snapshot("Public")

        try temp.write("""
            ---
            title: Remarks
            date: 2025-02-12
            speakers: [hegseth, q]
            annotations:
              - quote: "the bloodshed must end"
                note: Paraphrase.
            ---

            HEGSETH: The bloodshed must stop.

            """, to: "Content/remarks.md")
        let outcome = build(temp)
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.description.contains("Content/remarks.md:6:5: error: annotation quote not found: \"the bloodshed must end\""), "\(error)")
        #expect(temp.snapshot("Public") == before)
    }

    @Test func aQuoteFoundTwiceAsksForAPrefixOrSuffix() throws {
        let temp = try makeSite(
            body: "HEGSETH: Thank you.\n\nQ: Thank you.\n",
            frontMatter: "annotations:\n  - quote: Thank you.\n    note: Twice.\n"
        )
        let outcome = build(temp)
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("found 2 times"))
        #expect(error.note?.contains("prefix") == true)
    }

    @Test func aLinkToAnotherTranscriptBecomesARelativeURLToItsPage() throws {
        let temp = try makeSite(body: "HEGSETH: See [the earlier remarks](2024/earlier.md).\n")
        try temp.write("---\ntitle: Earlier\ndate: 2024-01-01\n---\n\nBefore.\n", to: "Content/2024/earlier.md")
        let outcome = build(temp)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        let page = try #require(temp.read("Public/remarks/index.html"))
        #expect(page.contains(#"<a href="../2024/earlier/">the earlier remarks</a>"#))
    }

    @Test func aBrokenReferenceFailsTheBuildAtItsPositionWithTheClosestTarget() throws {
        let temp = try makeSite(body: "HEGSETH: See [the earlier remarks](2024/earlir.md).\n")
        try temp.write("---\ntitle: Earlier\ndate: 2024-01-01\n---\n\nBefore.\n", to: "Content/2024/earlier.md")
        let outcome = build(temp)
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.location?.file.hasSuffix("Content/remarks.md") == true)
        #expect(error.location?.line == 7)
        #expect(error.location?.column == 14)
        #expect(error.message == #"no transcript "2024/earlir.md""#)
        #expect(error.note == #"did you mean "2024/earlier.md"?"#)
    }

    @Test func aLinkToAMissingPassageNamesTheAnchor() throws {
        let temp = try makeSite(body: "HEGSETH: The bloodshed must stop.\n\nQ: See [above](#t-99-99-99).\n")
        let outcome = build(temp)
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("#t-99-99-99"))
    }

    @Test func speakerAndTopicReferencesLinkToTheirPagesWhichAreWritten() throws {
        let temp = try makeSite(
            body: "Q: What did [the Secretary](speaker:hegseth) say about [NATO](topic:NATO)?\n",
            frontMatter: "topics: [nato]\n"
        )
        let outcome = build(temp)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        let page = try #require(temp.read("Public/remarks/index.html"))
        #expect(page.contains(#"<a href="../speakers/hegseth/">the Secretary</a>"#))
        #expect(page.contains(#"<a href="../topics/nato/">NATO</a>"#))
        #expect(temp.read("Public/speakers/hegseth/index.html")?.contains("Pete Hegseth") == true)
        #expect(temp.read("Public/topics/nato/index.html")?.contains("Remarks") == true)
    }

    @Test func anUnknownSpeakerReferenceSuggestsTheClosestID() throws {
        let temp = try makeSite(body: "Q: Ask [him](speaker:hegsteh).\n")
        let error = try #require(build(temp).diagnostics.first { $0.severity == .error })
        #expect(error.location?.line == 7)
        #expect(error.message.contains("hegsteh"))
        #expect(error.note?.contains("hegseth") == true)
    }

    @Test func aCitedTranscriptListsTheCitingPassage() throws {
        let temp = try makeSite(body: "HEGSETH: The bloodshed must stop.\n")
        try temp.write("---\ntitle: Reply\ndate: 2025-03-01\n---\n\nAn answer to [the remarks](remarks.md).\n", to: "Content/reply.md")
        #expect(!build(temp).diagnostics.hasErrors)
        let cited = try #require(temp.read("Public/remarks/index.html"))
        #expect(cited.contains("Cited by"))
        #expect(cited.contains(#"href="../reply/#p-"#))
    }
}
