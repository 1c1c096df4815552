@testable import GlossMarkdown
import GlossModel
import Testing

@Suite("The transcript dialect: turns, timestamps, events, passage ids")
struct TranscriptDialectTests {
    private func render(_ body: String, media: Media? = nil, firstLine: Int = 1) -> RenderedMarkdown {
        TranscriptFixtures.render(body, media: media, firstLine: firstLine)
    }

    @Test("a bold label with a timestamp opens a turn linked to the media")
    func boldLabelWithTimestamp() {
        let result = render("**Pete Hegseth** [00:01:12]: This is my first visit.\n\nIt continues.\n", media: TranscriptFixtures.media)
        let textID = "p-" + PassageHash.id(of: "This is my first visit.")
        let nextID = "p-" + PassageHash.id(of: "It continues.")
        #expect(result.html == """
        <div class="turn" id="t-00-01-12" data-speaker="hegseth">
        <p class="turn-head"><span class="speaker">Pete Hegseth</span> <span class="speaker-role">U.S. Secretary of Defense</span> <a class="timestamp" href="https://example.org/v.mp4#t=82" data-seconds="72"><time datetime="PT1M12S">00:01:12</time></a><a class="permalink" href="#t-00-01-12" aria-label="Permalink to this passage">#</a></p>
        <p id="\(textID)">This is my first visit.</p>
        <p id="\(nextID)">It continues.</p>
        </div>

        """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.passages.map(\.speakerID) == ["hegseth", "hegseth"])
        #expect(result.passages.first?.seconds == 72)
        #expect(result.passages.first?.turnID == "t-00-01-12")
    }

    @Test("label forms: colon inside bold, newsroom caps, honorific + surname, Q")
    func labelForms() {
        let body = "**Pete Hegseth:** One.\n\nHEGSETH: Two.\n\nMR. NIXON: Three.\n\nQ Four?\n\nQ: Five?\n\n**Richard Nixon**: Six.\n"
        let result = render(body)
        #expect(result.diagnostics.isEmpty)
        #expect(result.passages.map(\.speakerID) == ["hegseth", "hegseth", "nixon", "q", "q", "nixon"])
        #expect(result.passages.map(\.text) == ["One.", "Two.", "Three.", "Four?", "Five?", "Six."])
        #expect(!result.html.contains("HEGSETH:"))
        #expect(!result.html.contains("<strong>"))
    }

    @Test("a source link's text directive is the passage's first six words, percent-encoded", arguments: [
        ("We will  stand with Ukraine, as long as it takes", "We%20will%20stand%20with%20Ukraine%2C%20as"),
        ("  Bj\u{00F6}rn's-plan & co ", "Bj%C3%B6rn%27s%2Dplan%20%26%20co"),
        ("one", "one"),
    ])
    func sourceTextDirective(text: String, directive: String) {
        #expect(TranscriptDialect.textFragment(text) == directive)
    }

    @Test("no words, no text directive")
    func emptyTextDirective() {
        #expect(TranscriptDialect.textFragment("") == nil)
        #expect(TranscriptDialect.textFragment("   ") == nil)
    }

    @Test("collapsing whitespace agrees with a plain reading of the characters, whatever surrounds the runs")
    func collapsingAgreesWithCharacters() {
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["a", "word", "longer words", " ", "  ", "\t", "\n", "!", "~", "\u{7F}", "\u{A0}", "\u{2003}", "\u{E9}", "\u{1F600}", "0123456789"]
        for _ in 0..<2_000 {
            let text = (0..<next(30)).map { _ in pieces[next(pieces.count)] }.joined()
            let expected = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(PassageHash.collapsedText(utf8: Array(text.utf8)[...]) == expected, "\(text.debugDescription)")
        }
    }

    @Test("passage ids are the top 24 bits of FNV-1a 64 over the collapsed text, so links made by earlier builds still land")
    func passageHashIsStable() {
        #expect(PassageHash.id(of: "Hello there.") == "892362")
        #expect(PassageHash.id(of: "  Hello\n\tthere.  ") == "892362")
        #expect(PassageHash.id(of: "") == "cbf29c")
        #expect(PassageHash.id(of: "Bj\u{00F6}rn said \u{201C}yes\u{201D}.") == "9fbeab")
    }

    @Test("without a timestamp the turn id is t- plus the first paragraph's hash; no media means no link")
    func turnIDFromHash() {
        let result = render("HEGSETH: Hello there.\n")
        let hash = PassageHash.id(of: "Hello there.")
        #expect(result.html.hasPrefix("<div class=\"turn\" id=\"t-\(hash)\" data-speaker=\"hegseth\">"))
        let timed = render("HEGSETH [01:02:03.50]: Hi.\n")
        #expect(timed.html.contains("<span class=\"timestamp\"><time datetime=\"PT1H2M3.5S\">01:02:03.50</time></span>"))
        #expect(timed.html.contains("id=\"t-01-02-03-50\""))
    }

    @Test("a turn ends at a heading or a thematic break; paragraphs outside turns get permalinks")
    func turnEnds() {
        let result = render("HEGSETH: One.\n\n---\n\nAfter.\n")
        let id = "p-" + PassageHash.id(of: "After.")
        #expect(result.html.contains("</div>\n<hr />\n<p id=\"\(id)\">After.<a class=\"permalink\" href=\"#\(id)\" aria-label=\"Permalink to this passage\">#</a></p>\n"))
        #expect(result.passages.last?.speakerID == nil)
    }

    @Test("a label close to a declared speaker is an error at its position, with a suggestion")
    func unknownSpeaker() {
        let result = render("Intro.\n\nHEGSET: Hello.\n", firstLine: 5)
        #expect(result.diagnostics == [
            .error(at: SourceLocation(file: "t.md", line: 7, column: 1), "unknown speaker \"HEGSET\"", note: "did you mean \"HEGSETH\"?"),
        ])
    }

    @Test("a label far from every declared speaker is a warning and stays text")
    func farLabel() {
        let far = render("**Zelensky** [00:00:01]: Hi.\n\n**Update:** The talks resumed.\n")
        #expect(far.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(far.diagnostics.first?.message == "\"Zelensky\" reads like a speaker label but names no declared speaker; the paragraph is kept as text")
        #expect(far.diagnostics.first?.note?.contains("the declared speakers are Pete Hegseth (hegseth)") == true)
        #expect(far.html.contains("<strong>Update:</strong> The talks resumed."))
        #expect(!far.html.contains("class=\"turn\""))
    }

    @Test("invalid timestamps are errors at the bracket")
    func invalidTimestamps() {
        let result = render("HEGSETH [00:61:00]: Hi.\n\n**Richard Nixon** [1:2]: Yes.\n", firstLine: 3)
        #expect(result.diagnostics == [
            .error(at: SourceLocation(file: "t.md", line: 3, column: 9), "invalid timestamp \"[00:61:00]\": minutes and seconds run from 00 to 59"),
            .error(at: SourceLocation(file: "t.md", line: 5, column: 19), "invalid timestamp \"[1:2]\": write it as [mm:ss], [hh:mm:ss] or [hh:mm:ss.cc]"),
        ])
    }

    @Test("times read as written: mm:ss, h:mm:ss with any hours, two-digit hundredths", arguments: [
        ("01:12", 0, 1, 12, nil),
        ("1:02:03.50", 1, 2, 3, 50),
        ("100:00:59", 100, 0, 59, nil),
        ("12:34.05", 0, 12, 34, 5),
    ] as [(String, Int, Int, Int, Int?)])
    func timestampShapes(text: String, hours: Int, minutes: Int, seconds: Int, centiseconds: Int?) throws {
        let time = try Timestamp.parse(Substring(text)).get()
        #expect([time.hours, time.minutes, time.seconds] == [hours, minutes, seconds])
        #expect(time.centiseconds == centiseconds)
        #expect(time.text == text)
    }

    @Test("misshapen times and times out of range are told apart", arguments: [
        ("1:2", Timestamp.Problem.shape), ("", .shape), (":", .shape), ("00:01:02:03", .shape),
        ("00:01.5", .shape), ("00:01.-5", .shape), ("00:01.2.3", .shape), ("0a:01", .shape),
        ("1:01", .shape), ("00:001", .shape), ("99999999999999999999:00:00", .shape),
        ("00:61:00", .range), ("00:60", .range), ("00:00:75", .range),
    ])
    func timestampProblems(text: String, problem: Timestamp.Problem) {
        #expect(Timestamp.parse(Substring(text)) == .failure(problem))
    }

    @Test("without declared speakers, labels are plain text and never errors")
    func noSpeakers() {
        let result = TranscriptFixtures.render("HEGSET: Hello.\n", speakers: [])
        #expect(result.diagnostics.isEmpty)
        #expect(!result.html.contains("turn"))
        let plain = MarkdownRenderer.render("HEGSET: Hello [applause].\n", file: "t.md")
        #expect(plain.html == "<p>HEGSET: Hello [applause].</p>\n")
        #expect(plain.passages.isEmpty)
    }

    @Test("a printed record's page break is an anchor to cite the page by, its words kept in the text")
    func pageBreaks() {
        let result = render("HEGSETH: who has been our \\[\\[Page S703\\]\\] ranking member, [[Page 12]] and \\[\\[Page of notes\\]\\].\n\n\\[\\[Page S703\\]\\]\n")
        #expect(result.html.contains("our <span class=\"page-break\" id=\"page-s703\">[[Page S703]]</span> ranking member"))
        #expect(result.html.contains("<span class=\"page-break\" id=\"page-12\">[[Page 12]]</span>"))
        // Not a page name: plain text.
        #expect(result.html.contains("and [[Page of notes]].</p>"))
        // The same page twice (a quoted break) gets an id of its own.
        #expect(result.html.contains("id=\"page-s703-2\""))
        #expect(result.pageAnchors == ["page-s703", "page-12", "page-s703-2"])
        // The break's words are part of the passage's text, as they are of the page's.
        #expect(result.passages.first?.text.contains("our [[Page S703]] ranking member") == true)
    }

    @Test("events inline and on a line of their own; editorial brackets stay text")
    func events() {
        let result = render("HEGSETH: Thank you [Applause] in [Arvada].\n\n[laughter]\n")
        #expect(result.html.contains("Thank you <span class=\"event\">[Applause]</span> in [Arvada].</p>"))
        let id = "p-" + PassageHash.id(of: "[laughter]")
        #expect(result.html.contains("<p class=\"event-line\" id=\"\(id)\"><span class=\"event\">[laughter]</span></p>"))
        #expect(render("We heard [inaudible 00:12:03] there.\n").html.contains("<span class=\"event\">[inaudible 00:12:03]</span>"))
    }

    @Test("passage ids are stable when other passages change, and collisions get suffixes")
    func stableIDs() {
        let before = render("First.\n\nSecond.\n")
        let after = render("New one.\n\nFirst.\n\nSecond changed.\n")
        #expect(before.passages.first?.id == after.passages[1].id)
        let twins = render("Same.\n\nSame.\n\nSame.\n")
        let base = "p-" + PassageHash.id(of: "Same.")
        #expect(twins.passages.map(\.id) == [base, base + "-2", base + "-3"])
    }

    @Test("FNV-1a 64 of the collapsed text, first 6 hex digits")
    func hash() {
        // FNV-1a 64 of "" is cbf29ce484222325; of "a" is af63dc4c8601ec8c.
        #expect(PassageHash.id(of: "") == "cbf29c")
        #expect(PassageHash.id(of: "  a ") == "af63dc")
    }
}
