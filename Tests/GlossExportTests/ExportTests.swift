import GlossExport
import GlossModel
import Testing

/// A body as GlossMarkdown writes it: a timed turn with a range note, an
/// untimed turn, a point note and a timed last turn.
private let body = """
<p id="p-intro">Opening &amp; words.<a class="permalink" href="#p-intro" aria-label="Permalink to this passage">#</a></p>
<div class="turn" id="t-00-01-12" data-speaker="ann">
<p class="turn-head"><span class="speaker">Ann Lee</span> <span class="timestamp"><time datetime="PT1M12S">00:01:12</time></span><a class="permalink" href="#t-00-01-12" aria-label="Permalink to this passage">#</a></p>
<p id="p-1">We spend <mark class="annotation" id="mark-a1" aria-details="note-a1">5% of <em>GDP</em></mark><mark class="annotation" aria-details="note-a1"> now</mark><a class="note-ref" id="ref-a1" href="#note-a1" aria-label="Note 1">1</a>. <span class="event">[applause]</span></p>
<aside class="note note-fact-check" id="note-a1" aria-label="Note 1: Fact-check">
<details class="note-details">
<summary><span class="note-number">1</span> <span class="note-kind">Fact-check</span></summary>
<div class="note-text"><p>About <strong>4 %</strong>.</p>
</div>
</details>
</aside>
</div>
<div class="turn" id="t-1e7275" data-speaker="bob">
<p class="turn-head"><span class="speaker">Bob &lt;B&gt;</span><a class="permalink" href="#t-1e7275" aria-label="Permalink to this passage">#</a></p>
<p id="p-2">The borders<a class="note-ref" id="ref-borders" href="#note-borders" aria-describedby="note-borders">2</a> matter.</p>
<aside class="note note-point" id="note-borders" aria-label="Note 2: Note">
<details class="note-details">
<summary><span class="note-number">2</span> <span class="note-kind">Note</span></summary>
<div class="note-text"><p>Of 1991.</p></div>
</details>
</aside>
</div>
<div class="turn" id="t-00-02-00" data-speaker="ann">
<p class="turn-head"><span class="speaker">Ann Lee</span> <a class="timestamp" href="x.mp4#t=120" data-seconds="120"><time datetime="PT2M">00:02:00</time></a></p>
<p id="p-3">Thank you.</p>
</div>

"""

private func export() -> TranscriptExport {
    let annotation = Annotation(
        quote: "5% of GDP now", kind: .factCheck, rating: "misleading", note: "About **4 %**.",
        sources: [SourceLink(title: "NATO", url: "https://example.org/nato")], author: "Desk",
        date: CalendarDate(year: 2025, month: 2, day: 13), location: SourceLocation(file: "x.md")
    )
    let document = Document(
        path: "x.md", displayPath: "Content/x.md", slug: "2025/x",
        frontMatter: FrontMatter(title: "Remarks", date: CalendarDate(year: 2025, month: 2, day: 12), speakers: [SpeakerAppearance(id: "ann")]),
        body: "", bodyStartLine: 1, annotations: [annotation]
    )
    return TranscriptExport(
        document: document, site: SiteConfig(title: "Site"), speakers: ["ann": Speaker(id: "ann", name: "Ann Lee", role: "Minister")],
        page: PageText(bodyHTML: body), links: ExportLinks(page: "./", directory: "", siteCollection: "../../annotations.jsonld")
    )
}

@Suite struct PageTextTests {
    @Test func textLeavesOutNotesNumbersAndPermalinks() {
        let page = PageText(bodyHTML: body)
        let text = page.text(0..<page.scalars.count)
        #expect(text.hasPrefix("Opening & words.\n"))
        #expect(!text.contains("About"))
        #expect(!text.contains("#"))
        #expect(text.contains("We spend 5% of GDP now. [applause]"))
        #expect(text.contains("The borders matter."))
        #expect(text.hasSuffix("Thank you."))
    }

    @Test func marksAcrossFormattingMakeOneRange() throws {
        let page = PageText(bodyHTML: body)
        let range = try #require(page.marks["a1"])
        #expect(page.text(range) == "5% of GDP now")
        #expect(page.passage(containing: range.lowerBound)?.id == "p-1")
    }

    @Test func turnsKnowTheirSpeakerAndTime() {
        let page = PageText(bodyHTML: body)
        #expect(page.turns.map(\.seconds) == [72, nil, 120])
        #expect(page.turns.map(\.speakerName) == ["Ann Lee", "Bob <B>", "Ann Lee"])
        #expect(page.notes.map(\.key) == ["a1", "borders"])
        #expect(page.notes.first?.html == "<p>About <strong>4 %</strong>.</p>\n")
    }
}

@Suite struct ExportWriterTests {
    @Test func cuesEndAtTheNextStartAndTheLastGetsTheDefault() {
        let cues = export().cues
        #expect(cues.map(\.start) == [72, 120])
        #expect(cues.map(\.end) == [120, 121])
        #expect(cues.first?.voices.map(\.name) == ["Ann Lee", "Bob <B>"])
    }

    @Test func webVTTEscapesVoicesAndText() {
        let vtt = String(decoding: export().webVTT(), as: UTF8.self)
        #expect(vtt.hasPrefix("WEBVTT\n\nt-00-01-12\n00:01:12.000 --> 00:02:00.000\n<v Ann Lee>We spend 5% of GDP now. [applause]</v>\n<v Bob &lt;B&gt;>The borders matter.</v>\n"))
        #expect(vtt.contains("00:02:00.000 --> 00:02:01.000"))
    }

    @Test func srtNumbersCues() {
        let srt = String(decoding: export().srt(), as: UTF8.self)
        #expect(srt.hasPrefix("1\n00:01:12,000 --> 00:02:00,000\nAnn Lee: We spend"))
        #expect(srt.contains("\n\n2\n00:02:00,000 --> 00:02:01,000\nAnn Lee: Thank you.\n"))
    }

    @Test func annotationsCarryQuotePositionAndPassage() {
        let export = export()
        let json = String(decoding: export.annotationCollection(), as: UTF8.self)
        let range = export.page.marks["a1"]!
        #expect(json.contains("\"motivation\": \"assessing\""))
        #expect(json.contains("\"exact\": \"5% of GDP now\""))
        #expect(json.contains("\"start\": \(range.lowerBound)"))
        #expect(json.contains("\"value\": \"p-1\""))
        #expect(json.contains("\"value\": \"<p>About <strong>4 %</strong>.</p>\\n\""))
        #expect(json.contains("\"created\": \"2025-02-13T00:00:00Z\""))
        // The point note is pinned to the word before its marker.
        #expect(json.contains("\"exact\": \"borders\""))
        #expect(json.contains("\"total\": 2"))
    }

    @Test func claimReviewNamesTheSpeakerAndRating() {
        let export = export()
        let json = StructuredData.json(
            document: export.document, site: SiteConfig(title: "Site", params: ["ratings": .dictionary(["false": .int(1), "misleading": .int(2), "true": .int(5)])]),
            speakers: export.speakers, page: export.page, pageURL: "https://example.org/2025/x/"
        )
        #expect(json.contains("\"@type\": \"ClaimReview\""))
        #expect(json.contains("\"alternateName\": \"Misleading\""))
        #expect(json.contains("\"ratingValue\": 2"))
        #expect(json.contains("\"bestRating\": 5"))
        #expect(json.contains("\"jobTitle\": \"Minister\""))
        #expect(json.contains("\"url\": \"https://example.org/2025/x/#p-1\""))
        #expect(!json.contains("<") && !json.contains("\\\""))
    }

    @Test func sameInputSameBytes() {
        #expect(export().glossJSON() == export().glossJSON())
        #expect(export().podcastJSON() == export().podcastJSON())
    }
}

@Suite struct JSONStringTests {
    private static func written(_ text: String, htmlSafe: Bool) -> String {
        var writer = JSONWriter(pretty: false, htmlSafe: htmlSafe)
        writer.value(text)
        return writer.string
    }

    @Test("strings escape what RFC 8259 requires, and with htmlSafe what could end a script element")
    func escapes() {
        let text = "Say \"hi\" \\ a\nb\rc\td\u{1}\u{1F} <b> & 'x' \u{E9}\u{1F600}"
        #expect(Self.written(text, htmlSafe: false)
            == #""Say \"hi\" \\ a\nb\rc\td\u0001\u001f <b> & 'x' é😀""#)
        #expect(Self.written(text, htmlSafe: true)
            == #""Say \u0022hi\u0022 \\ a\nb\rc\td\u0001\u001f \u003cb\u003e \u0026 \u0027x\u0027 é😀""#)
        #expect(Self.written("", htmlSafe: true) == "\"\"")
        #expect(Self.written("plain", htmlSafe: false) == "\"plain\"")
    }
}
