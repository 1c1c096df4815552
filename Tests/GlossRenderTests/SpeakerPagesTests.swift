import Foundation
import GlossModel
import GlossRender
import Testing

/// A speaker's pages list the transcripts they appear in, one entry each,
/// newest first, a page at a time: built either way the renderer can build
/// them (from loose turns, and in one pass as a site build does).
@Suite struct SpeakerPagesTests {
    static let transcriptCount = 120

    /// `t000` … `t119`, dated a month apart so that a later number is newer.
    static let documents: [Document] = (0..<transcriptCount).map { number in
        let date = String(format: "%04d-%02d-01", 2000 + number / 12, number % 12 + 1)
        var speakers = [SpeakerAppearance(id: "hegseth"), SpeakerAppearance(id: "healey")]
        // Named twice in front matter, which must not list the transcript twice.
        if number == 7 { speakers.append(SpeakerAppearance(id: "hegseth")) }
        return Fixtures.document(slug: slug(number), title: "Remarks number \(number)", date: date, speakers: speakers)
    }

    static func slug(_ number: Int) -> String { String(format: "t%03d", number) }

    /// Hegseth speaks `number % 4` times in transcript `number` (none in every
    /// fourth: named in front matter only), each turn of `number + 1` words,
    /// after a turn of Healey's and interleaved with more of them.
    static let turnsByTranscript: [[TurnExcerpt]] = (0..<transcriptCount).map { number in
        var turns = [TurnExcerpt(slug: slug(number), passageID: "t-healey-0", speakerID: "healey", excerpt: "Healey opens \(number)", wordCount: 3)]
        for index in 0..<(number % 4) {
            turns.append(TurnExcerpt(
                slug: slug(number), passageID: "t-\(number)-\(index)", speakerID: "hegseth",
                excerpt: index == 0 ? "Hegseth first in \(number)" : "Hegseth later in \(number)", wordCount: number + 1,
                seconds: index == 0 && number.isMultiple(of: 2) ? Double(60 * number + 5) : nil
            ))
            turns.append(TurnExcerpt(slug: slug(number), passageID: "t-healey-\(index + 1)", speakerID: "healey", excerpt: "Healey replies", wordCount: 2))
        }
        return turns
    }

    /// Hegseth's pages built from loose turns (``PageRenderer/speakerPages(turns:documents:)``)
    /// and in one pass (``SpeakerAppearances/all(speakers:documents:turns:)``); they must agree.
    static func hegsethPages() throws -> [(path: String, html: String)] {
        let renderer = try Fixtures.renderer()
        // Shuffled, so that neither way may rely on the order it is given.
        let shuffled = Array(documents.enumerated().reversed().sorted { ($0.offset * 37) % 120 < ($1.offset * 37) % 120 })
        let loose = renderer.speakerPages(turns: shuffled.flatMap { turnsByTranscript[$0.offset] }, documents: shuffled.map(\.element))
            .filter { $0.path.hasPrefix("speakers/hegseth/") }
        let appearances = SpeakerAppearances.all(
            speakers: Fixtures.speakers, documents: shuffled.map(\.element), turns: shuffled.map { turnsByTranscript[$0.offset] }
        )
        let onePass = renderer.planSpeakerPages(appearances[0], seed: 0).map { ($0.path, String(decoding: $0.make(), as: UTF8.self)) }
        #expect(loose.map(\.path) == onePass.map(\.0))
        #expect(loose.map(\.html) == onePass.map(\.1), "both ways of building a speaker's pages render the same")
        return loose
    }

    /// Each `<li>` of the page's list of transcripts.
    static func entries(_ html: String) -> [String] {
        Array(html.components(separatedBy: "<li class=\"transcript-item\">").dropFirst()).map {
            $0.components(separatedBy: "</li>")[0]
        }
    }

    static func title(of entry: String) -> String? {
        guard let start = entry.range(of: "<h3 class=\"item-title\">"),
              let open = entry[start.upperBound...].range(of: "\">"),
              let close = entry[open.upperBound...].range(of: "</a>") else { return nil }
        return String(entry[open.upperBound..<close.lowerBound])
    }

    @Test func transcriptsArePagedFiftyToAPageNewestFirst() throws {
        let pages = try Self.hegsethPages()
        #expect(PageRenderer.speakerTranscriptsPerPage == 50)
        #expect(pages.map(\.path) == [
            "speakers/hegseth/index.html", "speakers/hegseth/page/2/index.html", "speakers/hegseth/page/3/index.html",
        ])
        let titles = pages.map { Self.entries($0.html).map { Self.title(of: $0) ?? "?" } }
        #expect(titles.map(\.count) == [50, 50, 20])
        #expect(titles.flatMap { $0 } == (0..<Self.transcriptCount).reversed().map { "Remarks number \($0)" })
    }

    @Test func thePagerLinksNewerAndOlderPages() throws {
        let pages = try Self.hegsethPages().map(\.html)
        try #require(pages.count == 3)
        for page in pages {
            #expect(page.contains("<nav class=\"pager\" aria-label=\"Pages of transcripts\">"))
        }
        #expect(pages[0].contains("<span>Page 1 of 3</span>"))
        for (index, page) in pages.enumerated() {
            #expect(page.contains("<title>Pete Hegseth · page \(index + 1) of 3 · Contact Group Transcripts</title>"), "each page has a title of its own")
            #expect(page.contains("Transcripts <span class=\"count\">page \(index + 1) of 3</span></h2>"))
        }
        #expect(!pages[0].contains("rel=\"prev\""))
        #expect(pages[0].contains(#"<a href="page/2/" rel="next">Older</a>"#))
        #expect(pages[1].contains(#"<a href="../../" rel="prev">Newer</a>"#))
        #expect(pages[1].contains(#"<a href="../3/" rel="next">Older</a>"#))
        #expect(pages[2].contains(#"<a href="../2/" rel="prev">Newer</a>"#))
        #expect(!pages[2].contains("rel=\"next\""))
        // The first page carries the totals of all pages together; the
        // others the transcript count alone, which a word edit leaves as it is.
        let turns = (0..<Self.transcriptCount).reduce(0) { $0 + $1 % 4 }
        let words = (0..<Self.transcriptCount).reduce(0) { $0 + ($1 % 4) * ($1 + 1) }
        #expect(pages[0].contains("<p class=\"item-meta\"><span>\(turns) turns</span><span>\(words) words</span><span>120 transcripts</span></p>"))
        for page in pages.dropFirst() {
            #expect(page.contains("<p class=\"item-meta\"><span>120 transcripts</span></p>"))
            #expect(!page.contains("\(words) words"))
        }
    }

    @Test func eachEntryShowsTheFirstTurnAndTheSpeakersCountsThere() throws {
        let pages = try Self.hegsethPages()
        let entries = pages.flatMap { page in Self.entries(page.html).map { (page.path, $0) } }
        try #require(entries.count == Self.transcriptCount)
        for (offset, (path, entry)) in entries.enumerated() {
            let number = Self.transcriptCount - 1 - offset
            let root = path.hasPrefix("speakers/hegseth/page/") ? "../../../../" : "../../"
            let transcript = root + Self.slug(number) + "/"
            #expect(entry.contains("<a href=\"\(transcript)\">Remarks number \(number)</a>"))
            #expect(entry.contains("<span class=\"item-kind\">Speech</span>"))
            let date = String(format: "%04d-%02d-01", 2000 + number / 12, number % 12 + 1)
            #expect(entry.contains("<time datetime=\"\(date)\">"))
            #expect(!entry.contains("Healey"))
            #expect(!entry.contains("Hegseth later"), "only the first turn is quoted")
            let turns = number % 4
            if turns == 0 {
                #expect(entry.contains("Named as a speaker, no turns transcribed"), "entry \(number)")
                #expect(!entry.contains("first-turn"))
                #expect(!entry.contains("words</span>"))
            } else {
                #expect(entry.contains("<span>\(turns) turn\(turns == 1 ? "" : "s")</span><span>\(turns * (number + 1)) words</span>"), "entry \(number)")
                let time = number.isMultiple(of: 2) ? "<span class=\"turn-time\">\(Self.clock(60 * number + 5))</span> " : ""
                #expect(entry.contains(
                    "<p class=\"first-turn\">\(time)<a href=\"\(transcript)#t-\(number)-0\">Hegseth first in \(number)</a></p>"
                ), "entry \(number)")
            }
        }
    }

    static func clock(_ seconds: Int) -> String {
        String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    @Test func noTranscriptIsListedTwice() throws {
        let titles = try Self.hegsethPages().flatMap { Self.entries($0.html).compactMap(Self.title(of:)) }
        #expect(titles.count == Self.transcriptCount)
        #expect(Set(titles).count == titles.count)
        #expect(titles.filter { $0 == "Remarks number 7" }.count == 1, "named twice in front matter, with turns of its own")
    }

    @Test func manyTurnsInOneTranscriptMakeOneEntryOnOnePage() throws {
        let turns = (0..<250).map {
            TurnExcerpt(slug: "2025/newer", passageID: "p-\($0)", speakerID: "hegseth", excerpt: "Turn \($0)", wordCount: 2)
        }
        let pages = try Fixtures.renderer().speakerPages(turns: turns, documents: SitePagesTests.documents)
            .filter { $0.path.hasPrefix("speakers/hegseth/") }
        #expect(pages.map(\.path) == ["speakers/hegseth/index.html"])
        let html = try #require(pages.first?.html)
        let entries = Self.entries(html)
        #expect(entries.map { Self.title(of: $0) } == ["Newer remarks", "Older remarks"])
        #expect(entries.first?.contains("<span>250 turns</span><span>500 words</span>") == true)
        #expect(entries.first?.contains("<a href=\"../../2025/newer/#p-0\">Turn 0</a>") == true)
        #expect(!html.contains("Turn 1<"))
        #expect(!html.contains("class=\"pager\""))
    }

    @Test func aSpeakerNamedOnlyInFrontMatterIsListedWithoutAnExcerpt() throws {
        let pages = try Fixtures.renderer().speakerPages(turns: SitePagesTests.turns, documents: SitePagesTests.documents)
        let healey = try #require(pages.first { $0.path == "speakers/healey/index.html" }?.html)
        let entries = Self.entries(healey)
        #expect(entries.map { Self.title(of: $0) } == ["Newer remarks", "Undated remarks"])
        #expect(entries.first?.contains("<a href=\"../../2025/newer/#t-00-00-09\">Healey speaks</a>") == true)
        let undated = try #require(entries.last)
        #expect(undated.contains("Named as a speaker, no turns transcribed"))
        #expect(!undated.contains("first-turn"))
        #expect(!undated.contains("<time"))
    }

    @Test func aSpeakerWithNoTranscriptsSaysSo() throws {
        let html = try Fixtures.renderer().speakerPage(speaker: Fixtures.speakers[0], turns: [], documents: [:])
        #expect(html.contains("<span>0 turns</span><span>0 words</span><span>0 transcripts</span>"))
        #expect(html.contains("<p class=\"empty\">"))
        #expect(Self.entries(html).isEmpty)
        #expect(!html.contains("class=\"pager\""))
    }

    @Test func pageKeysChangeExactlyWhenAnEntryOnThePageChanges() throws {
        let renderer = try Fixtures.renderer()
        func keys(_ documents: [Document], _ turns: [[TurnExcerpt]]) -> [UInt64] {
            let appearances = SpeakerAppearances.all(speakers: Fixtures.speakers, documents: documents, turns: turns)
            return renderer.planSpeakerPages(appearances[0], seed: 1).map(\.key)
        }
        let base = keys(Self.documents, Self.turnsByTranscript)
        // Transcript 5 is on page 3 (newest first: 119 … 70, 69 … 20, 19 … 0).
        var retitled = Self.documents
        retitled[5].frontMatter.title = "Renamed"
        let afterTitle = keys(retitled, Self.turnsByTranscript)
        #expect(afterTitle[0] == base[0] && afterTitle[1] == base[1] && afterTitle[2] != base[2])

        var rekinded = Self.documents
        rekinded[5].frontMatter.kind = "interview"
        #expect(keys(rekinded, Self.turnsByTranscript)[2] != base[2])

        var moreTurns = Self.turnsByTranscript
        moreTurns[5].append(TurnExcerpt(slug: Self.slug(5), passageID: "t-5-9", speakerID: "hegseth", excerpt: "More", wordCount: 1))
        let afterTurn = keys(Self.documents, moreTurns)
        // The header's totals are on the first page only: the middle page stays.
        #expect(afterTurn[2] != base[2] && afterTurn[0] != base[0] && afterTurn[1] == base[1])

        var otherFirst = Self.turnsByTranscript
        otherFirst[5][1].passageID = "t-5-other"
        let afterPassage = keys(Self.documents, otherFirst)
        #expect(afterPassage[0] == base[0] && afterPassage[1] == base[1] && afterPassage[2] != base[2])

        // Another speaker's turn changes nothing on Hegseth's pages.
        var healeyOnly = Self.turnsByTranscript
        healeyOnly[5].append(TurnExcerpt(slug: Self.slug(5), passageID: "t-healey-9", speakerID: "healey", excerpt: "More", wordCount: 9))
        #expect(keys(Self.documents, healeyOnly) == base)
    }
}
