import Foundation
import GlossContent
import GlossMarkdown
import GlossModel
import GlossQuotes
import Testing
@testable import GlossBuild

/// The seed article's Reuters passage built beside the sample site's speech.
@Suite struct QuoteBuildTests {
    static let sampleContent = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Content").standardizedFileURL.path

    let article = """
        ---
        title: Secretary Hegseth Says Ukraine Can’t Return to Old Borders
        date: 2025-02-13
        kind: article
        ---

        Reuters reported:

        “Speaking at a meeting of Ukraine’s military allies at NATO headquarters in Brussels on Wednesday, Hegseth delivered the clearest and bluntest public statement so far on the new U.S. administration’s approach to the nearly three-year-old war.

        ‘We want, like you, a sovereign and prosperous Ukraine. But we must start by recognizing that returning to Ukraine’s pre-2014 borders is an unrealistic objective’, Hegseth told the meeting of Ukrainian officials and more than 40 allies. ‘Chasing this illusionary goal will only prolong the war and cause more suffering’, he added.”

        He said the U.S. could not be ‘primarily focused on the security of Europe’, and that “the bloodshed must stop and this terrible war must end”.

        Hegseth said: “Europe will never again depend on American soldiers for its defence.”

        """

    func site() throws -> TemporaryDirectory {
        let temp = try TemporaryDirectory()
        for file in ["site.yaml", "speakers.yaml", "2025/hegseth-ukraine-defense-contact-group.md"] {
            let text = try String(contentsOfFile: Self.sampleContent + "/" + file, encoding: .utf8)
            try temp.write(text, to: "Content/" + file)
        }
        try temp.write(article, to: "Content/2025/article.md")
        return temp
    }

    @Test("every quotation of the Reuters report gets its verdict and source; the missing one is a warning at its line and column")
    func seedArticle() throws {
        let temp = try site()
        let outcome = SiteBuilder(settings: BuildSettings(
            contentDirectory: temp.path + "/Content", templatesDirectory: temp.path + "/Templates", outputDirectory: temp.path + "/Public"
        )).check()
        #expect(!outcome.diagnostics.hasErrors)
        let article = outcome.quotes.filter { $0.location.file.hasSuffix("article.md") }
        #expect(article.map(\.verdict) == ["not checked", "verbatim", "verbatim", "verbatim", "altered", "not found"])
        #expect(article.map(\.location.line) == [9, 11, 11, 13, 13, 15])
        #expect(article[1].source?.hasPrefix("2025/hegseth-ukraine-defense-contact-group/#p-") == true)
        #expect(article[4].details == ["added: “terrible”"])
        let warnings = outcome.diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("\(temp.path)/Content/2025/article.md:15:18: warning: quotation not found in the transcripts on this site") == true)
        #expect(warnings.first?.contains("credited to Hegseth") == true)
    }

    @Test("the sample site quotes nothing it cannot check")
    func sampleSiteHasNoQuoteWarnings() {
        let outcome = SiteBuilder(settings: BuildSettings(
            contentDirectory: Self.sampleContent, templatesDirectory: Self.sampleContent + "/../Templates", outputDirectory: "/nonexistent"
        )).check()
        #expect(!outcome.diagnostics.contains { $0.message.contains("quotation") })
        #expect(outcome.quotes.allSatisfy { $0.verdict == "not checked" || $0.verdict == "verbatim" })
    }

    @Test("the article lists each checked quotation with its verdict in words and a link to the passage; the speech lists where it is quoted")
    func pagesShowVerdictsAndBacklinks() throws {
        let temp = try site()
        let outcome = SiteBuilder(settings: BuildSettings(
            contentDirectory: temp.path + "/Content", templatesDirectory: temp.path + "/Templates", outputDirectory: temp.path + "/Public"
        )).build()
        #expect(!outcome.diagnostics.hasErrors)
        let article = try #require(temp.read("Public/2025/article/index.html"))
        #expect(article.contains("<h2 id=\"quotes-checked\">Quotations checked</h2>"))
        #expect(article.contains("<strong class=\"verdict\">verbatim</strong>: from <a href=\"../hegseth-ukraine-defense-contact-group/#p-"))
        #expect(article.contains("<strong class=\"verdict\">altered</strong>"))
        #expect(article.contains("<li>added: “terrible”</li>"))
        // Not found, said once: the detail says where it was looked for.
        #expect(article.contains("<strong class=\"verdict\">not found</strong></p>"))
        #expect(article.contains("<li>not in Pete Hegseth’s passages: no passage has its words in that order</li>"))
        #expect(!article.contains("not found in the transcripts on this site"))
        // The list comes before the data files.
        let list = try #require(article.range(of: "id=\"quotes-checked\""))
        let data = try #require(article.range(of: "id=\"data\""))
        #expect(list.lowerBound < data.lowerBound)
        #expect(article.contains("<li class=\"quote quote-not-found\" id=\"quote-5\">"))
        let speech = try #require(temp.read("Public/2025/hegseth-ukraine-defense-contact-group/index.html"))
        #expect(speech.contains("<h2 id=\"quoted-in\">Quoted in</h2>"))
        #expect(speech.contains("in <a href=\"../article/\">Secretary Hegseth Says Ukraine Can’t Return to Old Borders</a> (verbatim)"))
        // Each checked quotation of the article is marked in its words, linked to its entry.
        let marks = article.components(separatedBy: "<sup class=\"quote-verdict\"><a href=\"#quote-").count - 1
        #expect(marks == 5)
        #expect(article.contains("Hegseth told the meeting"))
        #expect(article.contains("<li class=\"quote quote-altered\" id=\"quote-4\">"))
        #expect(article.contains("this terrible war must end”<sup class=\"quote-verdict\"><a href=\"#quote-4\">altered</a></sup>"))
        // Each quoted passage of the speech says where it is quoted.
        #expect(speech.contains("<small class=\"quoted-in-note\">Quoted in <a href=\"../article/\">Secretary Hegseth Says Ukraine Can’t Return to Old Borders</a> (verbatim)</small></p>"))
        // Every passage a backlink names is on the page.
        for line in speech.split(separator: "\n") where line.contains("This passage</a> in") {
            guard let start = line.range(of: "href=\"#"), let end = line[start.upperBound...].firstIndex(of: "\"") else { continue }
            #expect(speech.contains("id=\"\(line[start.upperBound ..< end])\""))
        }
    }

    @Test("the check reads a body again without its front matter only when loading took the file as it is; a file with CRLF line endings and a byte order mark is read whole, with the same verdicts")
    func bodiesReadAgain() throws {
        let temp = try site()
        let settings = BuildSettings(
            contentDirectory: temp.path + "/Content", templatesDirectory: temp.path + "/Templates", outputDirectory: temp.path + "/Public"
        )
        let builder = SiteBuilder(settings: settings)
        let speech = "2025/hegseth-ukraine-defense-contact-group.md"
        let loader = ContentLoader(fileSystem: LocalFileSystem())
        let plain = try #require(loader.reload(speech, directory: settings.contentDirectory, displayPath: settings.contentDirectory))
        #expect(!plain.body.isEmpty)
        #expect(builder.markdownBody(of: plain.withoutBody()) == plain.body)
        // A body said to start on another line is not taken.
        var moved = plain.withoutBody()
        moved.bodyStartLine += 1
        #expect(builder.markdownBody(of: moved) == nil)
        let before = builder.check().quotes.map { [$0.verdict, $0.source ?? ""] + $0.details }

        let text = try #require(temp.read("Content/" + speech))
        try temp.write("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"), to: "Content/" + speech)
        let crlf = try #require(loader.reload(speech, directory: settings.contentDirectory, displayPath: settings.contentDirectory))
        #expect(crlf.body == plain.body)
        #expect(builder.markdownBody(of: crlf.withoutBody()) == nil)
        let after = builder.check().quotes.map { [$0.verdict, $0.source ?? ""] + $0.details }
        #expect(after == before)
        #expect(after.map(\.[0]).filter { $0 != "not checked" } == ["verbatim", "verbatim", "verbatim", "altered", "not found"])
    }

    @Test("a quotation's scored sources come out in the order of a sort by pairs held, then source, however they come in")
    func scoredOrder() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 7, 300] {
            // In the order of their sources, as the scan gives them, and shuffled.
            let inOrder = (0 ..< count).map { QuoteScanMemory.Scored(source: 3 * $0 + 1, hits: Int.random(in: 1 ... 9, using: &generator)) }
            let expected = inOrder.sorted { $0.precedes($1) }
            #expect(QuoteScanMemory.Scored.ordered(inOrder) == expected)
            #expect(QuoteScanMemory.Scored.ordered(inOrder.shuffled(using: &generator)) == expected)
            for (earlier, later) in zip(expected, expected.dropFirst()) {
                #expect(earlier.hits > later.hits || (earlier.hits == later.hits && earlier.source < later.source))
            }
        }
    }

    @Test("passages kept in the body store for the check when search is off read back as they were; anything else is not taken for them")
    func storedPassagesRoundTrip() {
        let passages = [
            Passage(id: "p-3f2a1c", turnID: "t-00-01-12", speakerID: "hegseth", seconds: 72, text: "We want, like you, a sovereign and prosperous Ukraine."),
            Passage(id: "p-000000", turnID: nil, speakerID: nil, seconds: nil, text: ""),
            Passage(id: "p-4", turnID: nil, speakerID: "", seconds: nil, text: "12:~Q “Zoë” \u{1E}\u{1F} 👍🏽 ~ 3:abc"),
        ]
        let stored = SiteBuilder.storedPassages(passages)
        #expect(stored.hasPrefix("Q"))
        let read = SiteBuilder.sourcePassages(stored: stored)
        #expect(read == passages.map { SourcePassage(id: $0.id, speakerID: $0.speakerID, text: $0.text) })
        #expect(SiteBuilder.sourcePassages(stored: SiteBuilder.storedPassages([])) == [])
        // Cut short, or not this form at all.
        #expect(SiteBuilder.sourcePassages(fromStored: String(stored.dropLast(3))) == nil)
        #expect(SiteBuilder.sourcePassages(fromStored: "Qx") == nil)
        #expect(SiteBuilder.sourcePassages(fromStored: "Q99999999999999999999:a") == nil)
        #expect(SiteBuilder.sourcePassages(fromStored: "[]") == nil)
        // The search index's JSON is read as JSON.
        #expect(SiteBuilder.sourcePassages(stored: "[]") == [])
    }

    @Test("with search off, a site with articles keeps its passages in the body store for the check, and the pages show what they show with search on")
    func passagesKeptWithSearchOff() throws {
        func checkedSection(search: Bool) throws -> (article: String, speech: String) {
            let temp = try site()
            let config = try #require(temp.read("Content/site.yaml"))
            try temp.write(config.replacingOccurrences(of: "search: true", with: "search: \(search)"), to: "Content/site.yaml")
            let builder = SiteBuilder(settings: BuildSettings(
                contentDirectory: temp.path + "/Content", templatesDirectory: temp.path + "/Templates", outputDirectory: temp.path + "/Public"
            ))
            let outcome = builder.build()
            #expect(!outcome.diagnostics.hasErrors)
            let page = try #require(temp.read("Public/2025/article/index.html"))
            let start = try #require(page.range(of: "id=\"quotes-checked\""))
            let end = try #require(page.range(of: "id=\"data\""))
            let speech = try #require(temp.read("Public/2025/hegseth-ukraine-defense-contact-group/index.html"))
            let quoted = try #require(speech.range(of: "id=\"quoted-in\""))
            return (String(page[start.lowerBound ..< end.lowerBound]), String(speech[quoted.lowerBound...].prefix(2000)))
        }
        let on = try checkedSection(search: true)
        let off = try checkedSection(search: false)
        #expect(on.article.contains("verbatim"))
        #expect(off.article == on.article)
        #expect(off.speech.contains("(verbatim)"))
        #expect(off.speech == on.speech)
    }
}
