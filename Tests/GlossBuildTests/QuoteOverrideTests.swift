import Foundation
import GlossModel
import Testing
@testable import GlossBuild

/// The front matter's `quotes:` entries: a quotation pinned to a passage, or
/// marked as from an unpublished source, and the errors of an entry that no
/// longer applies (docs/quotes.md, "Overrides").
@Suite struct QuoteOverrideTests {
    static let firstSpeech = """
        ---
        title: First speech
        date: 2025-01-01
        kind: speech
        speakers: [smith]
        ---

        **Jane Smith** [00:00:10]: Good morning to all of you who came so far today.

        We will never abandon our friends in the region, whatever it costs us.

        """
    static let secondSpeech = """
        ---
        title: Second speech
        date: 2025-02-01
        kind: speech
        speakers: [smith]
        ---

        **Jane Smith** [00:00:05]: We will never abandon our friends in the region, whatever it costs us.

        Thank you all for being here with us in this hall tonight.

        """

    /// The article, with `overrides` as its front matter's `quotes:` list.
    static func article(_ overrides: String = "") -> String {
        """
        ---
        title: Smith repeats her pledge
        date: 2025-03-01
        kind: article
        \(overrides)---

        Smith said: “We will never abandon our friends in the region, whatever it costs us.”

        “Our budget will double by the end of the decade, no question,” Smith said.

        """
    }

    func site(overrides: String = "") throws -> TemporaryDirectory {
        let temp = try TemporaryDirectory()
        try temp.write("title: Quote test\n", to: "Content/site.yaml")
        try temp.write("smith:\n  name: Jane Smith\n  role: Secretary of State\n", to: "Content/speakers.yaml")
        try temp.write(Self.firstSpeech, to: "Content/2025/first.md")
        try temp.write(Self.secondSpeech, to: "Content/2025/second.md")
        try temp.write(Self.article(overrides), to: "Content/2025/article.md")
        return temp
    }

    func builder(_ temp: TemporaryDirectory, output: String = "Public") -> SiteBuilder {
        SiteBuilder(settings: BuildSettings(
            contentDirectory: temp.path + "/Content", templatesDirectory: temp.path + "/Templates", outputDirectory: temp.path + "/" + output
        ))
    }

    /// Output paths that differ between two builds' trees.
    func differences(_ temp: TemporaryDirectory, _ a: String, _ b: String) -> [String] {
        let trees = IncrementalBuildTests()
        return trees.differences(trees.tree(temp, a), trees.tree(temp, b))
    }

    func errors(_ outcome: BuildOutcome) -> [String] {
        outcome.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test("without overrides the search finds the pledge in the second speech, and the budget line nowhere")
    func withoutOverrides() throws {
        let temp = try site()
        let outcome = builder(temp).check()
        #expect(outcome.quotes.map(\.verdict) == ["verbatim", "not found"])
        #expect(outcome.quotes.first?.source == "2025/second/#p-203f56")
    }

    @Test("a pinned quotation is checked against that passage alone: its source is the one named, and the check says so")
    func pinChangesTheSource() throws {
        let temp = try site(overrides: """
            quotes:
              - quote: "We will never abandon our friends"
                source: 2025/first#p-203f56

            """)
        let outcome = builder(temp).build()
        #expect(errors(outcome) == [])
        let pledge = try #require(outcome.quotes.first)
        #expect(pledge.verdict == "verbatim")
        #expect(pledge.source == "2025/first/#p-203f56")
        #expect(pledge.override == "pinned to this passage by the front matter at \(temp.path)/Content/2025/article.md:6:5")
        let page = try #require(temp.read("Public/2025/article/index.html"))
        #expect(page.contains("<strong class=\"verdict\">verbatim</strong>: from <a href=\"../first/#p-203f56\">First speech</a> (the passage named by the editor)"))
        let first = try #require(temp.read("Public/2025/first/index.html"))
        #expect(first.contains("<h2 id=\"quoted-in\">Quoted in</h2>"))
        let second = try #require(temp.read("Public/2025/second/index.html"))
        #expect(!second.contains("quoted-in"))
    }

    @Test("a pin to a turn's timestamp holds across edits of its words: the verdict is made against them, here altered")
    func pinToAnAlteredPassage() throws {
        let temp = try site(overrides: """
            quotes:
              - quote: "We will never abandon our friends"
                source: 2025/second/#t-00-00-05

            """)
        try temp.write(Self.secondSpeech.replacingOccurrences(of: "whatever it costs us", with: "whatever it may cost us"), to: "Content/2025/second.md")
        let outcome = builder(temp).check()
        #expect(errors(outcome) == [])
        #expect(outcome.quotes.first?.verdict == "altered")
        #expect(outcome.quotes.first?.source?.hasPrefix("2025/second/#p-") == true)
        #expect(outcome.quotes.first?.source != "2025/second/#p-203f56")
        #expect(outcome.quotes.first?.details == ["said “may cost”, quoted “costs”"])
    }

    @Test("a quotation from an unpublished source is listed as such, not warned about, and shown with its description")
    func unpublishedSource() throws {
        let temp = try site(overrides: """
            quotes:
              - quote: "Our budget will double"
                unpublished: "Interview with the author, 28 February 2025"

            """)
        let outcome = builder(temp).build()
        #expect(outcome.diagnostics.isEmpty)
        let budget = try #require(outcome.quotes.last)
        #expect(budget.verdict == "unpublished source")
        #expect(budget.source == nil)
        #expect(budget.details == ["source: Interview with the author, 28 February 2025"])
        #expect(!budget.fails)
        let page = try #require(temp.read("Public/2025/article/index.html"))
        #expect(page.contains("<strong class=\"verdict\">unpublished source</strong>: Interview with the author, 28 February 2025</p>"))
    }

    @Test("a pin whose passage no longer holds the quotation is an error at the entry, saying what the passage reads")
    func stalePin() throws {
        let temp = try site(overrides: """
            quotes:
              - quote: "We will never abandon our friends"
                source: 2025/second#t-00-00-05

            """)
        // The turn keeps its timestamp, and so its id, but not its words.
        try temp.write(Self.secondSpeech.replacingOccurrences(of: "We will never abandon our friends in the region, whatever it costs us.", with: "The weather in the capital was kind to us all this week."), to: "Content/2025/second.md")
        let outcome = builder(temp).check()
        let found = errors(outcome)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("\(temp.path)/Content/2025/article.md:6:5: error: quotes: “We will never abandon our friends in the region, whatever it costs …” is pinned to 2025/second#t-00-00-05, which no longer holds it") == true)
        #expect(found.first?.contains("the passage reads “The weather in the capital") == true)
    }

    @Test("a pin to a passage that is gone is an error at its source, pointing to where the quotation is now")
    func pinToAMissingPassage() throws {
        let temp = try site(overrides: """
            quotes:
              - quote: "We will never abandon our friends"
                source: 2025/first#p-000000

            """)
        let found = errors(builder(temp).check())
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("\(temp.path)/Content/2025/article.md:7:13: error: quotes: “We will never abandon") == true)
        #expect(found.first?.contains("but 2025/first has no passage \"p-000000\"") == true)
        #expect(found.first?.contains("`source: 2025/first#p-203f56`") == true)
    }

    @Test("a pin to a transcript that does not exist is an error with a did-you-mean")
    func pinToAMissingTranscript() throws {
        let temp = try site(overrides: """
            quotes:
              - quote: "We will never abandon our friends"
                source: 2025/frist#p-203f56

            """)
        let found = errors(builder(temp).check())
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("\(temp.path)/Content/2025/article.md:7:13: error: quotes: “We will never abandon") == true)
        #expect(found.first?.contains("no published transcript \"2025/frist\"") == true)
        #expect(found.first?.contains("did you mean \"2025/first\"?") == true)
    }

    @Test("an entry that names no quotation of the page is an error at the entry, listing the page's quotations")
    func entryMatchingNothing() throws {
        let temp = try site(overrides: """
            quotes:
              - quote: "We shall never abandon our friends"
                unpublished: "A letter"

            """)
        let found = errors(builder(temp).check())
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("\(temp.path)/Content/2025/article.md:6:5: error: quotes: no quotation on this page begins with “We shall never abandon our friends”") == true)
        #expect(found.first?.contains("“We will never abandon our friends in the region, whatever it costs …” (line 10)") == true, "\(found)")
    }

    @Test("malformed entries are errors at their place, and the build goes no further", arguments: [
        ("quotes: yes\n", "5:9", "front matter: \"quotes\" must be a list of quotations, found"),
        ("quotes:\n  - just words\n", "6:5", "front matter: \"quotes[0]\" must be a mapping with a quote and either a source or unpublished"),
        ("quotes:\n  - quote: \"We will never abandon\"\n", "6:5", "front matter: \"quotes[0]\" needs a \"source\""),
        ("quotes:\n  - source: 2025/first#p-203f56\n", "6:5", "front matter: \"quotes[0]\" needs a \"quote\""),
        ("quotes:\n  - quote: [We, will]\n    unpublished: A letter\n", "6:12", "front matter: \"quotes[0].quote\" must be a string"),
        ("quotes:\n  - quote: \"We will never abandon\"\n    source: 2025/first\n", "7:13", "front matter: \"quotes[0].source\" must name a passage"),
        ("quotes:\n  - quote: \"We will never abandon\"\n    source: 2025/first#p-203f56\n    unpublished: A letter\n", "6:5", "has both \"source\" and \"unpublished\""),
    ])
    func malformedEntry(overrides: String, position: String, message: String) throws {
        let temp = try site(overrides: overrides)
        let found = errors(builder(temp).check())
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("\(temp.path)/Content/2025/article.md:\(position): error: ") == true, "\(found)")
        #expect(found.first?.contains(message) == true, "\(found)")
    }

    @Test("editing an override, then the pinned speech, is reported by a rebuild as by a clean build, page for page")
    func incrementalOverrideEdit() throws {
        let temp = try site()
        var memory = BuildMemory()
        let first = builder(temp).build(memory: &memory, changed: [])
        #expect(first.quotes.first?.source == "2025/second/#p-203f56")

        // The editor pins the pledge to the first speech.
        try temp.write(Self.article("quotes:\n  - quote: \"We will never abandon\"\n    source: 2025/first#p-203f56\n"), to: "Content/2025/article.md")
        let pinned = builder(temp).build(memory: &memory, changed: ["2025/article.md"])
        #expect(errors(pinned) == [])
        #expect(pinned.quotes.first?.source == "2025/first/#p-203f56")
        try? FileManager.default.removeItem(atPath: temp.path + "/Clean")
        let clean = builder(temp, output: "Clean").build()
        #expect(pinned.quotes == clean.quotes)
        #expect(differences(temp, "Public", "Clean") == [])
        // A new process takes the overrides from the document cache and reports the same.
        var fresh = BuildMemory(keepsContent: false)
        let fromDisk = builder(temp).build(memory: &fresh, changed: [])
        #expect(fromDisk.bodiesRendered == 0)
        #expect(fromDisk.quotes == pinned.quotes)

        // The pinned passage's words change: the pin no longer applies.
        try temp.write(Self.firstSpeech.replacingOccurrences(of: "We will never abandon our friends in the region", with: "We may yet leave the region"), to: "Content/2025/first.md")
        let stale = builder(temp).build(memory: &memory, changed: ["2025/first.md"])
        #expect(errors(stale).count == 1)
        #expect(errors(stale).first?.contains("2025/first has no passage \"p-203f56\"") == true)
        try? FileManager.default.removeItem(atPath: temp.path + "/Clean")
        let cleanStale = builder(temp, output: "Clean").build()
        #expect(stale.diagnostics.map(\.description) == cleanStale.diagnostics.map(\.description))

        // Mended: the speech as it was, and the rebuild equals a clean build again.
        try temp.write(Self.firstSpeech, to: "Content/2025/first.md")
        let mended = builder(temp).build(memory: &memory, changed: ["2025/first.md"])
        #expect(errors(mended) == [])
        try? FileManager.default.removeItem(atPath: temp.path + "/Clean")
        let cleanMended = builder(temp, output: "Clean").build()
        #expect(mended.quotes == cleanMended.quotes)
        #expect(differences(temp, "Public", "Clean") == [])
    }
}
