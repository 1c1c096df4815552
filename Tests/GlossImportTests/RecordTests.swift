import Foundation
import GlossModel
import Testing
@testable import GlossImport

/// The Congressional Record's layout and speaker style, on a page written
/// for these tests in the record's layout (`Fixtures/house-record.txt`).
@Suite struct RecordTests {
    private func turns(_ transcript: ImportedTranscript) -> [ImportedBlock.Turn] {
        transcript.blocks.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
    }

    @Test("names printed in capitals read as names, mixed-case prefixes kept")
    func readableNames() {
        #expect(RecordSpeakers.readable("JACKSON-LEE") == "Jackson-Lee")
        #expect(RecordSpeakers.readable("McCAIN") == "McCain")
        #expect(RecordSpeakers.readable("DeLAURO") == "DeLauro")
        #expect(RecordSpeakers.readable("O'BRIEN") == "O'Brien")
        #expect(RecordSpeakers.readable("PRESIDING OFFICER pro tempore") == "Presiding Officer pro tempore")
        #expect(RecordSpeakers.readable("McGee") == "McGee")
    }

    @Test func theHeaderLinesBecomeFrontMatter() throws {
        let transcript = try Fixture.transcript("house-record.txt")
        #expect(transcript.title == "Harbor Lighthouse Preservation")
        #expect(transcript.date == CalendarDate(year: 2005, month: 7, day: 20))
        #expect(transcript.kind == "debate")
        #expect(transcript.source.publisher == "Government Publishing Office")
        #expect(transcript.source.title == "Congressional Record, Volume 151, Number 99, House, Pages H6190-H6191")
        let params = Dictionary(uniqueKeysWithValues: transcript.params.map { ($0.key, $0.value) })
        #expect(params == ["chamber": "House", "volume": "151", "number": "99", "pages": "H6190-H6191"])
        #expect(transcript.warnings.isEmpty, "\(transcript.warnings)")
    }

    @Test func membersAndOfficesAreSpeakers() throws {
        let transcript = try Fixture.transcript("house-record.txt")
        let byID = Dictionary(uniqueKeysWithValues: transcript.speakers.map { ($0.id, $0) })
        #expect(byID["oxley"]?.name == "Mr. Oxley")
        // Printed with and without the state: one member.
        let jacksonLee = try #require(byID["jackson-lee-texas"])
        #expect(jacksonLee.name == "Ms. Jackson-Lee of Texas")
        #expect(jacksonLee.aliases == ["Ms. JACKSON-LEE of Texas", "Ms. JACKSON-LEE"])
        // The office is the speaker, the member in parentheses who held it.
        let chair = try #require(byID["speaker-pro-tempore-poe"])
        #expect(chair.name == "The Speaker pro tempore")
        #expect(chair.role == "Mr. Poe presiding")
        #expect(byID["chairman"]?.name == "The Chairman")
        // A bare `The SPEAKER pro tempore.` later is the same holder.
        let chairTurns = turns(transcript).filter { $0.speakerID == chair.id }
        #expect(chairTurns.count == 2)
        #expect(chairTurns.allSatisfy { $0.label == "The SPEAKER pro tempore (Mr. Poe)" })
    }

    @Test func stageDirectionsAreNarrationAndRoomNotesEvents() throws {
        let transcript = try Fixture.transcript("house-record.txt")
        #expect(transcript.blocks.contains(.paragraph("There was no objection.")))
        #expect(!turns(transcript).contains { $0.paragraphs.contains { $0.contains("no objection") } })
        #expect(transcript.blocks.contains(.paragraph("The question was taken; and the Speaker pro tempore announced that the ayes appeared to have it.")))
        // A stage direction after a turn is set apart by a thematic break, which ends the turn.
        let objection = try #require(transcript.blocks.firstIndex(of: .paragraph("There was no objection.")))
        #expect(transcript.blocks[objection - 1] == .separator)
        let oxley = turns(transcript).first { $0.speakerID == "oxley" }
        #expect(oxley?.paragraphs.contains("[Applause.]") == true)
        #expect(turns(transcript).contains { $0.paragraphs.contains { $0.hasSuffix("those of Ohio. [Laughter.]") } })
    }

    @Test func insertsPageBreaksAndClockTimesStayInTheirTurn() throws {
        let transcript = try Fixture.transcript("house-record.txt")
        let all = turns(transcript)
        // The letter is a block quote inside the turn that introduced it.
        let letter = try #require(all.first { $0.paragraphs.first == "The letter reads as follows:" })
        #expect(letter.paragraphs.count == 2)
        #expect(letter.paragraphs[1].hasPrefix("> Harbor Commission,"))
        #expect(letter.paragraphs[1].contains("> Dear Chairman: The commission supports the transfer"))
        // The page break stays in the sentence it interrupts.
        #expect(all.contains { $0.paragraphs.first?.contains("deserve the same \\[\\[Page H6191\\]\\] care that this bill gives") == true })
        // `{time}  1430` is a clock heading, and the same member speaks on after it.
        let clock = try #require(transcript.blocks.firstIndex(of: .heading(level: 3, text: "14:30")))
        guard case .turn(let after) = transcript.blocks[clock + 1] else { Issue.record("no turn after the time"); return }
        #expect(after.speakerID == "jackson-lee-texas")
        #expect(after.paragraphs.first == "I yield back the balance of my time.")
    }

    @Test func theMarkdownBuildsWithEveryWordAndSpeakerKept() throws {
        let input = try Fixture.input("house-record.txt")
        let built = try BuiltImport.build(input)
        #expect(!built.diagnostics.hasErrors, "\(built.diagnostics)")
        let page = try #require(built.pages.values.first ?? nil)
        let measured = WordCoverage.measure(source: WordCoverage.words(recordText(of: input)), page: WordCoverage.words(WordCoverage.pageText(page)))
        #expect(measured.coverage == 1, "missing: \(measured.missing)")
        #expect(page.contains("<span class=\"event\">[Applause.]</span>"))
        #expect(page.contains("data-speaker=\"speaker-pro-tempore-poe\""))
        #expect(page.contains("<span class=\"speaker-role\">Mr. Poe presiding</span>"))
        let (attributed, unattributed) = attribution(of: try Fixture.transcript("house-record.txt"))
        #expect(unattributed == 0 && attributed > 0)
    }

    @Test func anHTMLPageWithTheRecordInPreIsReadTheSameWay() throws {
        let text = try String(contentsOf: Fixture.directory.appendingPathComponent("house-record.txt"), encoding: .utf8)
        let html = "<html>\n<head>\n<title>Congressional Record</title>\n</head>\n<body><pre>\n"
            + text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            + "</pre></body>\n</html>\n"
        let fromHTML = try imported(html, name: "CREC-2005-07-20-pt1-PgH6190.htm")
        let fromText = try imported(text, name: "CREC-2005-07-20-pt1-PgH6190.txt")
        #expect(fromHTML.blocks == fromText.blocks)
        #expect(fromHTML.speakers == fromText.speakers)
        #expect(fromHTML.source.url == "https://www.govinfo.gov/content/pkg/CREC-2005-07-20/html/CREC-2005-07-20-pt1-PgH6190.htm")
    }

    @Test(arguments: [
        ("Mr. LOTT. Mr. President, I yield.", "Mr. LOTT", "Mr. President, I yield."),
        ("Mrs. HUTCHISON. Thank you.", "Mrs. HUTCHISON", "Thank you."),
        ("Ms. JACKSON-LEE of Texas. Will the gentleman yield?", "Ms. JACKSON-LEE of Texas", "Will the gentleman yield?"),
        ("Mr. SMITH of New Jersey. I rise.", "Mr. SMITH of New Jersey", "I rise."),
        ("Mr. D'AMATO. Yes.", "Mr. D'AMATO", "Yes."),
        ("The PRESIDING OFFICER. Without objection, it is so ordered.", "The PRESIDING OFFICER", "Without objection, it is so ordered."),
        ("The PRESIDING OFFICER (Mr. Kyl). The clerk will report.", "The PRESIDING OFFICER (Mr. Kyl)", "The clerk will report."),
        ("The SPEAKER pro tempore (Mr. Poe). The gentleman is recognized.", "The SPEAKER pro tempore (Mr. Poe)", "The gentleman is recognized."),
        ("The PRESIDENT pro tempore. The Senator from Maine.", "The PRESIDENT pro tempore", "The Senator from Maine."),
        ("The CHAIRMAN.", "The CHAIRMAN", ""),
        ("THE PRESIDING OFFICER (Mr. Bennett). The Senator from Vermont.", "THE PRESIDING OFFICER (Mr. Bennett)", "The Senator from Vermont."),
    ])
    func readsTheRecordsLabels(text: String, written: String, rest: String) throws {
        let label = try #require(RecordLabel.parse(text))
        #expect(label.written == written)
        #expect(label.rest == rest)
    }

    @Test(arguments: [
        "Mr. REID addressed the Chair.", "Mr. President, I yield the floor.", "The IDEA Amendments of 1997 address these problems.",
        "The U.S. Senate met today.", "By Mr. KENNEDY (for himself and Mr. DODD):", "Mr. LOTT said that he would yield.",
        "The Senate is in session.",
    ])
    func leavesProseAlone(text: String) {
        #expect(RecordLabel.parse(text) == nil)
    }

    @Test func plainTextIsNotReadAsARecord() {
        #expect(!PreformattedText.isRecordLayout("President: Harry S. Truman\n\nMy fellow citizens:\nWe meet today.\n"))
        #expect(PreformattedText.isRecordLayout("\n[Congressional Record Volume 143, Number 8 (Tuesday, January 28, 1997)]\n[Senate]\n"))
    }

    @Test func nulPaddingAtLineEndsIsReadAsNothingAndBinaryIsStillRefused() throws {
        let padded = ImportInput(name: "p.txt", bytes: Array("Some text\u{0}\u{0}\u{0}\n\u{0}more text\n".utf8))
        #expect(try padded.text() == "Some text\nmore text\n")
        let binary = ImportInput(name: "b.txt", bytes: Array("ab\u{0}cd\n".utf8))
        #expect(throws: ImportFailure.self) { try binary.text() }
    }
}

/// The 98 pages of the Congressional Record in `../shared/samples`: every
/// word kept, no build error, and speech attributed on the debate pages.
/// Skipped when the samples are not beside the project.
@Suite struct RecordSampleTests {
    @Test func everyRecordPageKeepsEveryWordAndDebateIsAttributed() throws {
        let pages = SharedSamples.files(in: "samples/congressional-record")
        guard !pages.isEmpty else {
            try Test.cancel("../shared/samples/congressional-record is not beside the project; RecordTests cover the layout")
        }
        var figures: [String: (pages: Int, words: Int, kept: Int, attributed: Int, unattributed: Int)] = [:]
        for url in pages {
            let input = ImportInput(name: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)))
            let built = try BuiltImport.build(input)
            #expect(!built.diagnostics.hasErrors, "\(url.lastPathComponent): \(built.diagnostics.filter { $0.severity == .error })")
            let page = try #require(built.pages.values.first ?? nil, "\(url.lastPathComponent)")
            let source = WordCoverage.words(recordText(of: input))
            let measured = WordCoverage.measure(source: source, page: WordCoverage.words(WordCoverage.pageText(page)))
            #expect(measured.coverage == 1, "\(url.lastPathComponent): \(measured.coverage), missing: \(measured.missing)")
            let transcript = try #require(try Importer.read(input).transcripts.first)
            let kind = transcript.turnCount > 0 ? "debate" : (url.lastPathComponent.contains("PgD") ? "digest" : "no debate")
            let (attributed, unattributed) = attribution(of: transcript)
            var entry = figures[kind] ?? (0, 0, 0, 0, 0)
            entry.pages += 1
            entry.words += source.count
            entry.kept += Int((measured.coverage * Double(source.count)).rounded())
            entry.attributed += attributed
            entry.unattributed += unattributed
            figures[kind] = entry
            if kind == "debate" {
                let share = Double(attributed) / Double(max(attributed + unattributed, 1))
                #expect(share >= 0.9, "\(url.lastPathComponent): \(attributed) of \(attributed + unattributed) paragraphs attributed")
            }
        }
        for (kind, entry) in figures.sorted(by: { $0.key < $1.key }) {
            let share = Double(entry.attributed) / Double(max(entry.attributed + entry.unattributed, 1)) * 100
            print("record \(kind): \(entry.pages) pages, \(entry.kept) of \(entry.words) words kept, \(entry.attributed) of \(entry.attributed + entry.unattributed) paragraphs attributed (\(String(format: "%.1f", share))%)")
        }
    }
}

/// The room's reactions printed in a speech text become the dialect's events.
@Suite struct RoomNoteTests {
    @Test func applauseAndLaughterInASpeechTextAreEvents() throws {
        let transcript = try imported("President: Harry S. Truman\n\nThank you very much. (Applause.)\n\n(Laughter.)\n\nWe go on (applause) as before.\n")
        guard case .turn(let turn)? = transcript.blocks.first else { Issue.record("no turn"); return }
        #expect(turn.paragraphs == ["Thank you very much. [Applause.]", "[Laughter.]", "We go on (applause) as before."])
        let built = try BuiltImport.build(ImportInput(name: "speech.txt", bytes: Array("President: Harry S. Truman\n\nThank you very much. (Applause.)\n".utf8)))
        let page = try #require(built.pages.values.first ?? nil)
        #expect(page.contains("<span class=\"event\">[Applause.]</span>"))
    }
}

/// Reading files in parallel gives the plan reading them one at a time gives.
@Suite struct ParallelImportTests {
    @Test func theSamePlanForAnyNumberOfJobs() throws {
        let names = ["hegseth-article.txt", "1952-10-22-rear-platform-remarks.txt", "briefing.md", "article.html", "interview.vtt",
                     "panel.srt", "feed.rss", "feed.atom", "house-record.txt", "binary.txt", "truncated.html"]
        // Each file twice, so that names clash and are settled in order.
        let inputs = try (names + names).map(Fixture.input)
        let serial = ImportPlan.make(inputs: inputs, format: .auto, into: "Content", force: false, exists: { _ in false }, jobs: 1)
        var reported: [Int] = []
        let parallel = ImportPlan.make(inputs: inputs, format: .auto, into: "Content", force: false, exists: { _ in false }, jobs: 4) { done, _ in
            reported.append(done)
        }
        #expect(parallel.files.map(\.path) == serial.files.map(\.path))
        #expect(parallel.files.map(\.markdown) == serial.files.map(\.markdown))
        #expect(parallel.diagnostics == serial.diagnostics)
        #expect(serial.diagnostics.hasErrors)
        #expect(reported == Array(1...inputs.count))
    }
}

@Suite struct RecordErrorTests {
    @Test func aPageWhosePreIsEmptyIsAnError() {
        let input = ImportInput(name: "empty.htm", bytes: Array("<html><body><pre>\n\n   \n</pre></body></html>\n".utf8))
        #expect(throws: ImportFailure.self) { try Importer.read(input) }
        do {
            _ = try Importer.read(input)
        } catch {
            #expect(error.diagnostic.message.contains("or text in a <pre>"))
            #expect(error.diagnostic.location?.file == "empty.htm")
        }
    }
}

@Suite struct RecordSummaryTests {
    @Test func theSummaryCountsTheLetterInsideATurn() throws {
        let transcript = try Fixture.transcript("house-record.txt")
        #expect(transcript.quoteCount == 1)
    }
}

@Suite struct RecordChairTests {
    @Test func narrationThatNamesWhoTakesTheChairNamesTheNextPresidingOfficer() throws {
        let text = """
        [Congressional Record Volume 143, Number 8 (Tuesday, January 28, 1997)]
        [Senate]
        [Page S699]

                                         RECESS

          The PRESIDING OFFICER. The Senate will stand in recess until the
        hour of 2:15 p.m.
          Thereupon, the Senate, at 12:30 p.m., recessed until 2:15 p.m.;
        whereupon, the Senate reassembled when called to order by the Presiding
        Officer (Mr. Enzi).
          The PRESIDING OFFICER. The Senator from Virginia is recognized.

        """
        let transcript = try imported(text, name: "recess.txt")
        #expect(transcript.speakers.map(\.id) == ["presiding-officer", "presiding-officer-enzi"])
        #expect(transcript.speakers.last?.role == "Mr. Enzi presiding")
    }
}
