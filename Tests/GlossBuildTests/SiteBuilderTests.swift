import Foundation
import GlossModel
import GlossRender
import Testing
@testable import GlossBuild

/// End-to-end: a site in a temp directory, built through the whole pipeline.
@Suite struct SiteBuilderTests {
    static let siteYAML = "title: Test Archive\nbase_url: https://example.org/archive/\n"
    static let speakersYAML = "hegseth:\n  name: Pete Hegseth\n  role: U.S. Secretary of Defense\n"

    static func transcript(title: String, date: String, extra: String = "", body: String = "We are at a critical moment.\n") -> String {
        "---\ntitle: \(title)\ndate: \(date)\nspeakers: [hegseth]\n\(extra)---\n\n\(body)"
    }

    func makeSite() throws -> TemporaryDirectory {
        let temp = try TemporaryDirectory()
        try temp.write(Self.siteYAML, to: "Content/site.yaml")
        try temp.write(Self.speakersYAML, to: "Content/speakers.yaml")
        try temp.write(Self.transcript(title: "Remarks in Brussels", date: "2025-02-12"), to: "Content/2025/brussels.md")
        try temp.write(Self.transcript(title: "Earlier Remarks", date: "2024-06-01"), to: "Content/earlier.md")
        return temp
    }

    func builder(_ temp: TemporaryDirectory, output: String = "Public", drafts: Bool = false) -> SiteBuilder {
        SiteBuilder(settings: BuildSettings(
            contentDirectory: temp.path + "/Content",
            templatesDirectory: temp.path + "/Templates",
            outputDirectory: temp.path + "/" + output,
            includeDrafts: drafts
        ))
    }

    @Test func buildWritesPrettyURLsTheHomeAnd404PagesAndAssets() throws {
        let temp = try makeSite()
        let outcome = builder(temp).build()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        let files = Set(temp.snapshot("Public").keys)
        #expect(files.isSuperset(of: ["index.html", "404.html", "2025/brussels/index.html", "earlier/index.html"]))
        #expect(files.contains { $0.hasPrefix("assets/") && $0.hasSuffix(".css") })
    }

    @Test func twoCleanBuildsOfTheSameContentAreIdenticalByteForByte() throws {
        let temp = try makeSite()
        #expect(!builder(temp, output: "One").build().diagnostics.hasErrors)
        #expect(!builder(temp, output: "Two").build().diagnostics.hasErrors)
        let one = temp.snapshot("One")
        #expect(one.keys.contains(OutputDirectoryPolicy.markerName), "the marker is compared too")
        #expect(one == temp.snapshot("Two"))
        // A rebuild after an edit and its undoing gives the same bytes again, marker included.
        try temp.write(Self.transcript(title: "Earlier Remarks, revised", date: "2024-06-01"), to: "Content/earlier.md")
        _ = builder(temp, output: "One").build()
        #expect(temp.snapshot("One") != one)
        try temp.write(Self.transcript(title: "Earlier Remarks", date: "2024-06-01"), to: "Content/earlier.md")
        _ = builder(temp, output: "One").build()
        #expect(temp.snapshot("One") == one)
    }

    @Test func pageLinksAreRelativeToThePage() throws {
        let temp = try makeSite()
        _ = builder(temp).build()
        let page = try #require(temp.read("Public/2025/brussels/index.html"))
        #expect(page.contains("href=\"../../assets/"))
        #expect(!page.contains("href=\"/"), "no root-relative links: the site must work under a sub-path")
        let home = try #require(temp.read("Public/index.html"))
        #expect(home.contains("href=\"2025/brussels/\""))
    }

    @Test func homeListsTranscriptsNewestFirst() throws {
        let temp = try makeSite()
        _ = builder(temp).build()
        let home = try #require(temp.read("Public/index.html"))
        let newer = try #require(home.range(of: "Remarks in Brussels"))
        let older = try #require(home.range(of: "Earlier Remarks"))
        #expect(newer.lowerBound < older.lowerBound)
    }

    @Test func aFrontMatterErrorIsReportedAtItsPositionAndLeavesTheOutputByteIdentical() throws {
        let temp = try makeSite()
        #expect(!builder(temp).build().diagnostics.hasErrors)
        let before = temp.snapshot("Public")
        #expect(!before.isEmpty)

        try temp.write(Self.transcript(title: "Remarks in Brussels", date: "Feb 12"), to: "Content/2025/brussels.md")
        let outcome = builder(temp).build()

        let rendered = outcome.diagnostics.map(\.description)
        #expect(rendered.contains { $0.hasSuffix("Content/2025/brussels.md:3:7: error: front matter: \"date\" must be a date like 2025-02-12, found \"Feb 12\"") }, "\(rendered)")
        #expect(temp.snapshot("Public") == before)
        // The cache beside the output holds the previous generation; nothing else is left behind.
        #expect(temp.entries() == [".Public.gloss-cache", "Content", "Public"], "no staging directory left behind")
    }

    @Test func everyBrokenFileIsReportedInOneRun() throws {
        let temp = try makeSite()
        try temp.write("---\ntitle: [unclosed\n---\n", to: "Content/a.md")
        try temp.write("---\ndate: 2025-01-01\n---\nNo title.\n", to: "Content/b.md")
        try temp.write("---\ntitle: Never closed\n", to: "Content/c.md")
        let outcome = builder(temp).build()
        let files = Set(outcome.diagnostics.filter { $0.severity == .error }.compactMap { $0.location?.file })
        #expect(files.count == 3, "\(outcome.diagnostics)")
        #expect(files.allSatisfy { $0.hasSuffix("/a.md") || $0.hasSuffix("/b.md") || $0.hasSuffix("/c.md") })
    }

    @Test func checkReportsLikeBuildButWritesNothing() throws {
        let temp = try makeSite()
        let outcome = builder(temp).check()
        #expect(!outcome.diagnostics.hasErrors)
        #expect(outcome.pageCount >= 4)
        #expect(temp.entries() == ["Content"])
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let temp = try makeSite()
        try temp.write(Self.transcript(title: "Unfinished", date: "2025-03-01", extra: "draft: true\n"), to: "Content/unfinished.md")
        _ = builder(temp).build()
        #expect(temp.read("Public/unfinished/index.html") == nil)
        #expect(temp.read("Public/index.html")?.contains("Unfinished") == false)
        _ = builder(temp, drafts: true).build()
        #expect(temp.read("Public/unfinished/index.html") != nil)
    }

    @Test func aSiteTemplateReplacesTheBuiltInOneOfTheSameName() throws {
        let temp = try makeSite()
        try temp.write("<!doctype html><title>x</title><p>Not found, custom.</p>\n", to: "Templates/404.mustache")
        let outcome = builder(temp).build()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        #expect(temp.read("Public/404.html")?.contains("Not found, custom.") == true)
        #expect(temp.read("Public/index.html")?.contains("Test Archive") == true, "other templates stay built in")
    }

    @Test func rawHTMLIsLeftOutByDefaultWithAWarningAtItsLine() throws {
        let temp = try makeSite()
        try temp.write(Self.transcript(title: "Raw", date: "2025-01-01", body: "Text.\n\n<script>alert(1)</script>\n"), to: "Content/raw.md")
        let outcome = builder(temp).build()
        #expect(!outcome.diagnostics.hasErrors)
        #expect(temp.read("Public/raw/index.html")?.contains("<script>alert") == false)
        let warning = outcome.diagnostics.first { $0.severity == .warning && $0.location?.file.hasSuffix("raw.md") == true }
        #expect(warning?.location?.line == 9)
    }

    @Test func anOutputDirectoryThatContainsTheContentIsRefused() throws {
        let temp = try makeSite()
        let outcome = SiteBuilder(settings: BuildSettings(
            contentDirectory: temp.path + "/Content",
            templatesDirectory: temp.path + "/Templates",
            outputDirectory: temp.path
        )).build()
        #expect(outcome.diagnostics.hasErrors)
        #expect(temp.entries() == ["Content"])
    }

    @Test func bodyHeadingsNeverTakeAnIDTheThemeUses() throws {
        let temp = try makeSite()
        try temp.write(Self.transcript(title: "Ids", date: "2025-01-01", body: "## Main\n\nText.\n"), to: "Content/ids.md")
        _ = builder(temp).build()
        let page = try #require(temp.read("Public/ids/index.html"))
        #expect(page.components(separatedBy: "id=\"main\"").count == 2, "exactly one element with id main")
        #expect(page.contains("<h2 id=\"main-1\">Main</h2>"))
    }

    @Test func futureDatesWaitUntilTheirDayUnlessDraftsAreAsked() throws {
        let temp = try makeSite()
        try temp.write(Self.transcript(title: "Embargoed", date: "2025-03-01"), to: "Content/embargoed.md")
        func build(today: String, drafts: Bool = false) -> String? {
            _ = SiteBuilder(settings: BuildSettings(
                contentDirectory: temp.path + "/Content",
                templatesDirectory: temp.path + "/Templates",
                outputDirectory: temp.path + "/Public",
                includeDrafts: drafts,
                today: CalendarDate(iso: today)
            )).build()
            return temp.read("Public/embargoed/index.html")
        }
        #expect(build(today: "2025-02-28") == nil)
        #expect(build(today: "2025-03-01") != nil, "published on its day")
        #expect(build(today: "2025-02-28", drafts: true) != nil)
    }

    @Test func longTopicAndYearListsGoOnFurtherPagesListedInTheSitemap() throws {
        let temp = try TemporaryDirectory()
        try temp.write(Self.siteYAML, to: "Content/site.yaml")
        try temp.write(Self.speakersYAML, to: "Content/speakers.yaml")
        for number in 1...51 {
            let date = String(format: "2024-%02d-%02d", number / 28 + 1, number % 28 + 1)
            try temp.write(Self.transcript(title: "Remarks \(number)", date: date, extra: "topics: [NATO]\n"), to: "Content/r\(number).md")
        }
        let outcome = builder(temp).build()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        let topicPage = try #require(temp.read("Public/topics/nato/page/2/index.html"))
        #expect(topicPage.contains("Remarks 1<") && !topicPage.contains("Remarks 2<"), "the oldest, alone on the second page")
        #expect(temp.read("Public/archive/2024/page/2/index.html")?.contains("Remarks 1<") == true)
        let sitemap = try #require(temp.read("Public/sitemap.xml"))
        for directory in ["topics/nato/", "topics/nato/page/2/", "archive/2024/", "archive/2024/page/2/"] {
            #expect(sitemap.contains("<loc>https://example.org/archive/\(directory)</loc>"), "\(directory)")
        }

        // Fifty fit on one page: the second goes, from the output and the sitemap.
        try FileManager.default.removeItem(atPath: temp.path + "/Content/r51.md")
        #expect(!builder(temp).build().diagnostics.hasErrors)
        #expect(temp.read("Public/topics/nato/page/2/index.html") == nil)
        #expect(temp.read("Public/archive/2024/page/2/index.html") == nil)
        let shorter = try #require(temp.read("Public/sitemap.xml"))
        #expect(!shorter.contains("topics/nato/page/2/") && !shorter.contains("archive/2024/page/2/"))
        #expect(shorter.contains("<loc>https://example.org/archive/page/2/</loc>"), "the home page, 20 to a page, still has a second")
    }

    @Test("a transcript's page and data files, one folder in a row, are written by one worker")
    func folderRuns() {
        let paths = ["index.html", "feed.xml", "2025/a/index.html", "2025/a/transcript.vtt", "2025/a/transcript.srt",
                     "2025/b/index.html", "2025/index.html", "2025/a/annotations.jsonld"]
        let pages = paths.map { PlannedPage(path: $0, key: 0) { [] } }
        #expect(SiteBuilder.folderRuns(pages) == [0..<2, 2..<5, 5..<6, 6..<7, 7..<8])
        #expect(SiteBuilder.folderRuns([]) == [])
    }
}
