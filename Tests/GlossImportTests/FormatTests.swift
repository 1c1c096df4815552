import Foundation
import GlossModel
import Testing
@testable import GlossImport

@Suite struct FormatDetectionTests {
    @Test(arguments: [
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", "a.txt", ImportFormat.vtt),
        ("1\n00:00:01,000 --> 00:00:02,000\nHi\n", "a.txt", .srt),
        ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", "a", .rss),
        ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "a", .atom),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", .html),
        ("---\ntitle: x\n---\nBody\n", "a.txt", .markdown),
        ("**Mat Ryer:** Hello.\n", "a", .markdown),
        ("Plain prose: with a colon.\n", "a.md", .markdown),
        ("Plain prose: with a colon.\n", "a.txt", .text),
        ("Hello\n", "broken.vtt", .vtt),
    ])
    func detectsFromContentThenExtension(text: String, name: String, expected: ImportFormat) {
        #expect(FormatDetector.detect(text, fileExtension: ImportInput(name: name, bytes: []).fileExtension) == expected)
    }
}

@Suite struct TextArticleTests {
    @Test func theSeedArticleBecomesATranscriptOfTheSecretarysRemarks() throws {
        let transcript = try Fixture.transcript("hegseth-article.txt")
        #expect(transcript.title.hasPrefix("Secretary Hegseth Says Ukraine Can’t Return to Old Borders"))
        #expect(transcript.date == CalendarDate(year: 2025, month: 2, day: 12))
        #expect(transcript.source.publisher == "The Gateway Pundit")
        #expect(transcript.kind == "article")
        let hegseth = try #require(transcript.speakers.first)
        #expect(transcript.speakers.count == 1)
        #expect(hegseth.name == "Pete Hegseth")
        #expect(hegseth.role == "Secretary of Defense")
        #expect(hegseth.aliases.contains("Hegseth"))
        let turns = transcript.blocks.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
        #expect(turns.count == 1)
        #expect(turns.first?.speakerID == hegseth.id)
        #expect(turns.first?.paragraphs.first?.hasPrefix("“This is my first Ukraine defense contact group") == true)
        #expect(turns.first?.paragraphs.last?.hasSuffix("Our transatlantic alliance has endured for decades.”") == true)
        let quotes = transcript.blocks.compactMap { if case .quote(let quote) = $0 { quote } else { nil } }
        #expect(quotes.map(\.attribution) == ["Reuters", "Reuters", "Karli Bonne’ ([@KarluskaP](https://twitter.com/KarluskaP)) February 12, 2025"])
        #expect(quotes.map(\.isSocialPost) == [false, false, true])
        #expect(transcript.related.map(\.title) == ["Secretary of Defense Pete Hegseth to Maria Bartiromo – “American Taxpayers Deserve to Know Exactly How and Where Their Money is Spent” (VIDEO)"])
        // The framing stays narration, apart from the speech.
        let written = TranscriptWriter.markdown(for: transcript)
        #expect(written.contains("\n\nReuters reported:\n\n> “Speaking at a meeting"))
        #expect(written.contains("Our transatlantic alliance has endured for decades.”\n\n---\n\nRead more:\n\n- Secretary of Defense"))
        #expect(!written.contains("appeared first on"))
    }

    @Test func aSpeechTextHasItsSpeakerFromTheHeaderAndOneParagraphPerLine() throws {
        let transcript = try Fixture.transcript("1952-10-22-rear-platform-remarks.txt")
        #expect(transcript.speakers == [ImportedSpeaker(id: "harry-s-truman", name: "Harry S. Truman", role: "President")])
        #expect(transcript.title == "Rear Platform Remarks")
        #expect(transcript.date == CalendarDate(year: 1952, month: 10, day: 22))
        #expect(transcript.kind == "speech")
        guard case .turn(let turn) = try #require(transcript.blocks.first) else { Issue.record("no turn"); return }
        #expect(turn.paragraphs.count == 3)
        #expect(turn.paragraphs[0].hasPrefix("I am more than happy to be with you here today."))
        #expect(transcript.warnings.map(\.message) == ["date 1952-10-22 taken from the file name", "title \"Rear Platform Remarks\" made from the file name"])
    }

    @Test func hardWrappedLinesAreReflowedIntoParagraphs() throws {
        let transcript = try imported("Title line\n\nThe first paragraph is\nwrapped at a short\nwidth.\n\nThe second one too,\nover two lines.\n")
        #expect(transcript.blocks == [.paragraph("The first paragraph is wrapped at a short width."), .paragraph("The second one too, over two lines.")])
    }

    @Test func aColonInOrdinaryProseIsNotASpeakerLabel() throws {
        let text = """
            Headline

            The answer is simple: we win.

            Officers, ladies and gentlemen of the Club and, as of late, fellow members:

            Note: this paragraph is a lead-in.

            Watch: the video below.

            WASHINGTON: A dateline in capitals, once.

            GENTLEMEN OF THE CONGRESS: A salutation.

            Someone said: nothing.
            """
        let transcript = try imported(text)
        #expect(transcript.speakers.isEmpty)
        #expect(transcript.blocks.allSatisfy { if case .paragraph = $0 { true } else { false } })
    }

    @Test(arguments: [
        ("HEGSETH: One.\n\nHEGSETH: Two.\n", "HEGSETH", nil as String?),
        ("MR. KENNEDY: One.\n\nMR. NIXON: Two.\n", "MR. KENNEDY", nil),
        ("HOWARD K. SMITH, MODERATOR: One.\n\nMR. NIXON: Two.\n", "HOWARD K. SMITH, MODERATOR", nil),
        ("Mat Ryer (00:14): One.\n\nJon Calhoun (01:02): Two.\n", "Mat Ryer", "00:14"),
        ("Mat Ryer: One.\n\nMat Ryer: Two.\n", "Mat Ryer", nil),
        ("Q    One.\n\nTHE PRESIDENT: An answer.\n", "Q", nil),
        ("HEGSETH [00:04:01.06]: One.\n\nHEGSETH [04:01]: Two.\n", "HEGSETH", "00:04:01.06"),
        ("HEGSETH: [00:04:01.06] One.\n\nHEGSETH: Two.\n", "HEGSETH", "00:04:01.06"),
    ])
    func recognisesEveryCommonLabelStyle(text: String, label: String, timestamp: String?) throws {
        let transcript = try imported("Headline\n\n" + text, name: "x.txt", format: .text)
        guard case .turn(let turn) = try #require(transcript.blocks.first) else { Issue.record("no turn in \(transcript.blocks)"); return }
        #expect(turn.label == label)
        #expect(turn.timestamp == timestamp)
        #expect(turn.paragraphs.first == "One.")
    }

    @Test func variantsOfOnePersonAreOneSpeakerWithAliases() throws {
        let transcript = try imported("Debate\n\nMR. KENNEDY: One.\n\nSENATOR KENNEDY: Two.\n\nHOWARD K. SMITH, MODERATOR: Three.\n\nMR. SMITH: Four.\n")
        #expect(transcript.speakers == [
            ImportedSpeaker(id: "kennedy", name: "Mr. Kennedy", aliases: ["SENATOR KENNEDY"]),
            ImportedSpeaker(id: "howard-k-smith", name: "Howard K. Smith", role: "Moderator", aliases: ["HOWARD K. SMITH, MODERATOR", "MR. SMITH"]),
        ])
        #expect(transcript.warnings.count == 2)
    }

    @Test func consecutiveParagraphsWithoutALabelContinueTheTurn() throws {
        let transcript = try imported("T\n\nHEGSETH: One.\n\nStill him.\n\nQ: Next?\n")
        guard case .turn(let turn) = transcript.blocks[0] else { Issue.record("no turn"); return }
        #expect(turn.paragraphs == ["One.", "Still him."])
    }

    @Test func eventsStayInTheTextForTheDialect() throws {
        let written = try markdown("T\n\nHEGSETH: Thanks. [laughs] Well [inaudible 00:12:03] so.\n\nHEGSETH: Again.\n")
        #expect(written.contains("HEGSETH: Thanks. \\[laughs\\] Well \\[inaudible 00:12:03\\] so."))
    }

    @Test func aPostCopiedAsTextBecomesACitation() throws {
        let transcript = try imported("T\n\nIntro.\n\n“We are here to stay. pic.twitter.com/abc123\n\n— Jane Roe (@jane_roe) March 3, 2024\n")
        guard case .quote(let quote) = transcript.blocks[1] else { Issue.record("no quote"); return }
        #expect(quote.isSocialPost)
        #expect(quote.attribution == "Jane Roe ([@jane\\_roe](https://twitter.com/jane_roe)) March 3, 2024")
        #expect(transcript.date == CalendarDate(year: 2024, month: 3, day: 3))
    }

    @Test func textThatLooksLikeMarkdownIsEscaped() throws {
        let written = try markdown("T\n\n# not a heading *nor emphasis* and [not a link](x) <b>no tag</b> 1. two &amp;\n\n1. Not a list\n")
        #expect(written.hasSuffix("\\# not a heading \\*nor emphasis\\* and \\[not a link\\](x) \\<b>no tag\\</b> 1. two \\&amp;\n\n1\\. Not a list\n"))
    }
}

@Suite struct MarkdownImportTests {
    @Test func briefingRoomPagesMapTheirFrontMatterAndStructure() throws {
        let transcript = try Fixture.transcript("briefing.md")
        #expect(transcript.title == "Press Gaggle by Principal Deputy Press Secretary Karine Jean-Pierre En Route Arvada,\u{00A0}Colorado")
        #expect(transcript.date == CalendarDate(year: 2021, month: 9, day: 14))
        #expect(transcript.source.url?.hasPrefix("https://bidenwhitehouse.archives.gov/briefing-room/") == true)
        #expect(transcript.kind == "press-briefing")
        #expect(transcript.topics == ["press-briefings"])
        #expect(transcript.speakers.map(\.id) == ["jean-pierre", "q"])
        #expect(transcript.speakers.map(\.name) == ["Ms. Jean-Pierre", "Q"])
        #expect(transcript.params.map(\.key) == ["start_time", "end_time"])
        #expect(transcript.params.map(\.value) == ["12:43 P.M. MDT", "12:59 P.M. MDT"])
        #expect(transcript.blocks.first == .timeOfDay("12:43 P.M. MDT"))
        #expect(transcript.corrections == [Correction(quote: "Golden [Arvada]", note: "The source strikes out “Golden” and puts “Arvada” in its place.")])
        let written = TranscriptWriter.markdown(for: transcript)
        #expect(written.contains("Laboratory in Golden \\[Arvada\\], Colorado"))
        #expect(written.contains("\n\nQ: Thanks, Karine."))
        #expect(!written.contains("<s>"))
    }

    @Test func podcastTranscriptsKeepBoldTurnsTimestampsAndBreaks() throws {
        let text = "**Mat Ryer:** Hello. \\[laughs\\]\n\n**Brian Ketelsen:** \\[04:30\\] Hi.\n\n**Break:** \\[33:51\\]\n\n**Mat Ryer:** Back.\n"
        let transcript = try imported(text, name: "go-time-1.md")
        #expect(transcript.speakers.map(\.name) == ["Mat Ryer", "Brian Ketelsen"])
        #expect(transcript.blocks.count == 4)
        #expect(transcript.blocks[2] == .heading(level: 3, text: "**Break:** \\[33:51\\]"))
        let written = TranscriptWriter.markdown(for: transcript)
        #expect(written.contains("**Mat Ryer:** Hello. \\[laughs\\]\n\n**Brian Ketelsen** [04:30]: Hi.\n\n### **Break:** \\[33:51\\]"))
    }

    @Test func placeLinesBeforeTheTimeGoToTheFrontMatter() throws {
        let transcript = try imported("---\ntitle: R\n---\nOld Post Office  \nChicago, Illinois\n\n11:58 A.M. CDT  \n  \nTHE PRESIDENT:  Hello.\n", name: "r.md")
        #expect(transcript.place == "Old Post Office, Chicago, Illinois")
        #expect(transcript.speakers.map(\.name) == ["The President"])
    }

    @Test func brokenFrontMatterIsAnErrorWithItsPosition() throws {
        #expect(throws: ImportFailure.self) { try imported("---\ntitle: [unclosed\n---\nBody\n", name: "x.md") }
        #expect(throws: ImportFailure.self) { try imported("---\ntitle: x\nBody without a closing fence\n", name: "x.md") }
    }
}

@Suite struct HTMLImportTests {
    @Test func findsTheArticleAndDropsNavigationScriptsAndShareWidgets() throws {
        let transcript = try Fixture.transcript("article.html")
        #expect(transcript.title == "Remarks at the Pentagon")
        #expect(transcript.date == CalendarDate(year: 2025, month: 2, day: 12))
        #expect(transcript.source == ImportedSource(title: "Remarks at the Pentagon", publisher: "Example News", url: "https://news.example.org/2025/02/remarks"))
        let written = TranscriptWriter.markdown(for: transcript)
        for dropped in ["do not import me", "color: red", "Home", "Share on Facebook", "Copyright"] {
            #expect(!written.contains(dropped), "\(dropped)")
        }
        #expect(written.contains("The Secretary spoke to reporters on *Wednesday*."))
        #expect(written.contains("HEGSETH: Thank you all for coming. \\[laughter\\] We are at a critical moment."))
        #expect(written.contains("Q: What about [NATO](https://example.org/nato)?"))
        #expect(written.contains("NATO matters & so do our allies \\<all of them>."))
        #expect(written.contains("> “We must act.”\n>\n> — Reuters, 12 February 2025"))
    }

    @Test func truncatedHTMLIsRefused() throws {
        let error = try #require(throws: ImportFailure.self) { try Fixture.transcript("truncated.html") }
        #expect(error.diagnostic.description == "truncated.html:3:43: error: truncated HTML: the file ends inside a tag\n    note: expected \">\" before the end of the file")
        #expect(throws: ImportFailure.self) { try imported("<html><body><p>No end", name: "a.html") }
    }
}

@Suite struct FeedImportTests {
    @Test func rssGivesOneTranscriptPerItemWithTheWordPressFooterAsPublisher() throws {
        let transcripts = try Importer.read(try Fixture.input("feed.rss")).transcripts
        #expect(transcripts.count == 2)
        let first = transcripts[0]
        #expect(first.title == "Secretary Speaks in Brussels")
        #expect(first.date == CalendarDate(year: 2025, month: 2, day: 12))
        #expect(first.source == ImportedSource(title: "Secretary Speaks in Brussels", publisher: "The Example Wire", url: "https://wire.example.org/2025/02/brussels"))
        #expect(first.suggestedName == "2025-02-12-Secretary Speaks in Brussels")
        let written = TranscriptWriter.markdown(for: first)
        #expect(written.contains("Reuters reported:\n\n> “Hegseth delivered the clearest statement so far.”\n>\n> — Reuters"))
        #expect(!written.contains("appeared first") && !written.contains("alert"))
        let second = transcripts[1]
        #expect(second.title == "Briefing & Questions")
        #expect(second.source.publisher == "Example Wire")
        #expect(second.speakers.map(\.name) == ["Ms. Smith", "Q"])
        #expect(Importer.fileNames(for: transcripts) == ["2025-02-12-secretary-speaks-in-brussels.md", "2025-02-13-briefing-questions.md"])
    }

    @Test("a file is never named after a page Gloss writes itself: page.html is imported as page-2.md")
    func fileNamesAvoidReservedSlugs() {
        let names = ["page", "archive", "index", "speakers", "Topics", "pages"].map { ImportedTranscript(title: "", suggestedName: $0) }
        #expect(Importer.fileNames(for: names) == ["page-2.md", "archive-2.md", "index-2.md", "speakers-2.md", "topics-2.md", "pages.md"])
    }

    @Test func atomReadsHTMLAndTextContent() throws {
        let transcripts = try Importer.read(try Fixture.input("feed.atom")).transcripts
        #expect(transcripts.map(\.title) == ["Remarks at the Summit", "Plain Entry"])
        #expect(transcripts[0].speakers.map(\.name) == ["The President", "Audience"])
        #expect(transcripts[0].source.url == "https://transcripts.example.org/summit")
        #expect(transcripts[1].date == CalendarDate(year: 2025, month: 2, day: 15))
        #expect(transcripts[1].blocks == [.paragraph("A note in plain text: nothing here is a label."), .paragraph("Second paragraph.")])
    }

    @Test func aFeedThatIsNotXMLIsAnErrorWithItsPosition() throws {
        let error = try #require(throws: ImportFailure.self) { try Fixture.transcript("not-xml.rss") }
        #expect(error.diagnostic.description.hasPrefix("not-xml.rss:1:1: error: not a valid RSS feed: Start tag expected"))
        #expect(throws: ImportFailure.self) { try imported("<?xml version=\"1.0\"?><html/>", name: "a.xml") }
        #expect(throws: ImportFailure.self) { try imported("<rss><channel><item><title>x</title></channel></rss>", name: "a.rss") }
    }
}

@Suite struct CaptionImportTests {
    @Test func webVTTVoicesMergeIntoTurnsTimedByTheirFirstCue() throws {
        let transcript = try Fixture.transcript("interview.vtt")
        #expect(transcript.title == "Code generation")
        #expect(transcript.speakers.map(\.name) == ["Mat Ryer", "Brian Ketelsen"])
        let turns = transcript.blocks.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
        #expect(turns.map(\.timestamp) == ["00:01", "00:00:07.25", "00:01:02.12"])
        #expect(turns[0].paragraphs == ["Hello, and welcome to Go Time. Today we're talking about code generation."])
        #expect(turns[1].paragraphs == ["I've done that. \\[laughs\\]"])
        #expect(turns[2].paragraphs == ["Brilliant & smashing."])
    }

    @Test func srtNamePrefixesMergeIntoTurns() throws {
        let transcript = try Fixture.transcript("panel.srt")
        #expect(transcript.speakers.map(\.name) == ["Jane Doe", "John Roe"])
        let turns = transcript.blocks.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
        #expect(turns.map(\.timestamp) == ["00:01", "00:05.50", "00:08"].map { $0 == "00:05.50" ? "00:00:05.50" : $0 })
        #expect(turns[0].paragraphs == ["Welcome to the panel. We have three guests today."])
        #expect(turns[1].paragraphs == ["Thank you, Jane. It is good to be here."])
    }

    @Test func brokenTimingsAreErrorsWithTheirPosition() throws {
        let error = try #require(throws: ImportFailure.self) { try Fixture.transcript("broken-timing.vtt") }
        #expect(error.diagnostic.description == "broken-timing.vtt:6:1: error: broken cue timing: expected a time like 00:01:02.500, found \"00:00:04,500\"")
        #expect(throws: ImportFailure.self) { try imported("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards\n", name: "a.vtt") }
        #expect(throws: ImportFailure.self) { try imported("1\n00:00:01,000 --> 00:0x:02,000\nHi\n", name: "a.srt") }
        #expect(throws: ImportFailure.self) { try imported("Not captions\n", name: "a.vtt") }
    }
}

@Suite struct BadInputTests {
    @Test func aBinaryFileIsRefusedNamingTheFile() throws {
        let error = try #require(throws: ImportFailure.self) { try Fixture.transcript("binary.txt") }
        #expect(error.diagnostic.description.hasPrefix("binary.txt:3:1: error: binary file: expected text, found a NUL byte"))
        let latin1 = try #require(throws: ImportFailure.self) { try Importer.read(ImportInput(name: "l.txt", bytes: [0x61, 0x0A, 0x62, 0xE9, 0x0A])) }
        #expect(latin1.diagnostic.description.hasPrefix("l.txt:2:2: error: not UTF-8 text"))
        #expect(throws: ImportFailure.self) { try imported("  \n\n", name: "empty.txt") }
    }

    @Test func anExistingFileIsNotReplacedWithoutForceAndNothingIsPlanned() throws {
        let input = ImportInput(name: "a.txt", bytes: Array("Title\n\nText.\n".utf8))
        let refused = ImportPlan.make(inputs: [input], format: .auto, into: "Content", force: false, exists: { $0 == "Content/a.md" })
        #expect(refused.diagnostics.hasErrors)
        #expect(refused.diagnostics.first?.message == "Content/a.md already exists; nothing was written")
        let forced = ImportPlan.make(inputs: [input], format: .auto, into: "Content", force: true, exists: { $0 == "Content/a.md" })
        #expect(!forced.diagnostics.hasErrors)
        #expect(forced.files.first?.replaces == true)
    }
}

@Suite struct WriterTests {
    @Test func yamlStringsAreQuotedSafely() {
        #expect(TranscriptWriter.quoted("a: b # c") == "\"a: b # c\"")
        #expect(TranscriptWriter.quoted("say \"hi\" \\ now\n") == "\"say \\\"hi\\\" \\\\ now\\n\"")
        #expect(TranscriptWriter.quoted("no\u{00A0}break\u{1}") == "\"no\\_break\\x01\"")
    }

    @Test func importingTwiceGivesTheSameBytes() throws {
        let inputs = try ["hegseth-article.txt", "briefing.md", "article.html", "feed.rss", "feed.atom", "interview.vtt", "panel.srt"].map(Fixture.input)
        let first = ImportPlan.make(inputs: inputs, format: .auto, into: "Content", force: false, exists: { _ in false })
        let second = ImportPlan.make(inputs: inputs, format: .auto, into: "Content", force: false, exists: { _ in false })
        #expect(first.files.map(\.markdown) == second.files.map(\.markdown))
        #expect(first.files.map(\.path) == second.files.map(\.path))
    }

    @Test func timecodesTakeTheDialectsForm() {
        #expect(Timecode("00:04:01.06")?.dialectForm == "00:04:01.06")
        #expect(Timecode("04:01")?.dialectForm == "04:01")
        #expect(Timecode("75:00")?.dialectForm == "01:15:00")
        #expect(Timecode("1:02:03,500")?.dialectForm == "01:02:03.50")
        #expect(Timecode("00:61") == nil)
    }
}

/// A recording named in a Markdown source's front matter.
@Suite struct MediaImportTests {
    @Test func aUsableRecordingIsKeptAsMedia() throws {
        let transcript = try imported("---\ntitle: Briefing\nvideo_url: https://example.org/briefing.mp4\n---\nQ: Hello?\n", name: "b.md")
        #expect(transcript.media == ImportedMedia(kind: .video, url: "https://example.org/briefing.mp4"))
        #expect(TranscriptWriter.markdown(for: transcript).contains("media:\n  video: \"https://example.org/briefing.mp4\"\n"))
        let nested = try imported("---\ntitle: Podcast\nmedia:\n  url: media/episode-12.mp3\n---\nText.\n", name: "p.md")
        #expect(nested.media == ImportedMedia(kind: .audio, url: "media/episode-12.mp3"))
    }

    @Test func aRecordingThatCannotBeUsedIsAWarningNamingItsLine() throws {
        let transcript = try imported("---\ntitle: Briefing\ndate: 2025-02-12\naudio: file:///Users/me/briefing.mp3\n---\nText.\n", name: "b.md")
        #expect(transcript.media == nil)
        let warning = try #require(transcript.warnings.first { $0.message.contains("media URL") })
        #expect(warning.location?.line == 4)
        #expect(warning.location?.column == 8)
        #expect(warning.message.contains("file:///Users/me/briefing.mp3"))
    }

    @Test func anImportedRecordingBuilds() throws {
        let built = try BuiltImport.build(ImportInput(name: "b.md", bytes: Array("---\ntitle: Briefing\naudio_url: media/b.mp3\n---\nQ: Hello?\n".utf8)))
        #expect(!built.diagnostics.hasErrors, "\(built.diagnostics)")
        #expect(try #require(built.pages.values.first ?? nil).contains("<audio controls"))
    }
}
