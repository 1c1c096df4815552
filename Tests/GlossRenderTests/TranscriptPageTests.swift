import GlossModel
import GlossRender
import Testing

@Suite struct TranscriptPageTests {
    @Test func showsDateForReadingAndForMachines() throws {
        let html = try Fixtures.transcriptPage(Fixtures.document(date: "2025-02-12"))
        #expect(html.contains(#"<time datetime="2025-02-12">12 February 2025</time>"#))
    }

    @Test func eventRoleOverridesRegistryRole() throws {
        let document = Fixtures.document(speakers: [
            SpeakerAppearance(id: "hegseth"),
            SpeakerAppearance(id: "healey", role: "Co-chair"),
        ])
        let html = try Fixtures.transcriptPage(document)
        #expect(html.contains(#"<a class="speaker-name" href="../../speakers/hegseth/">Pete Hegseth</a><span class="speaker-role">U.S. Secretary of Defense</span>"#))
        #expect(html.contains(#"<a class="speaker-name" href="../../speakers/healey/">John Healey</a><span class="speaker-role">Co-chair</span>"#))
    }

    @Test func missingNestedValueDoesNotFallBackToAnOuterOne() throws {
        // The source has no title of its own: the page title must not stand in for it.
        let document = Fixtures.document(title: "Page title", source: Source(publisher: "U.S. Department of Defense"))
        let html = try Fixtures.transcriptPage(document)
        #expect(html.contains("<dd>U.S. Department of Defense</dd>"))
    }

    @Test func pageHasTheDocumentSkeleton() throws {
        let html = try Fixtures.transcriptPage(Fixtures.document())
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("<title>Remarks to the Ukraine Defense Contact Group · Contact Group Transcripts</title>"))
        #expect(html.contains(#"<main id="main""#))
        #expect(html.contains("<article class=\"transcript\""))
    }
}
