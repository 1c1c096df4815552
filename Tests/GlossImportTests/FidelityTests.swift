import Foundation
import GlossModel
import Testing
@testable import GlossImport

/// Every word of the source survives import and build, in order, and the
/// imported file builds with no errors.
@Suite struct FidelityTests {
    @Test(arguments: ["hegseth-article.txt", "1952-10-22-rear-platform-remarks.txt", "briefing.md", "article.html", "interview.vtt", "panel.srt"])
    func fixturesBuildWithEveryWordKept(name: String) throws {
        let input = try Fixture.input(name)
        let built = try BuiltImport.build(input)
        #expect(!built.diagnostics.hasErrors, "\(built.diagnostics.filter { $0.severity == .error })")
        let page = try #require(built.pages.values.first ?? nil)
        if [".txt", ".md"].contains(where: name.hasSuffix) {
            let measured = try coverage(of: input, page: page)
            #expect(measured.coverage == 1, "missing: \(measured.missing)")
        }
    }

    @Test func theSeedArticlesPageShowsTurnsQuotesAndThePost() throws {
        let built = try BuiltImport.build(try Fixture.input("hegseth-article.txt"))
        let page = try #require(built.pages["hegseth-article"] ?? nil)
        #expect(page.contains("<div class=\"turn\""))
        #expect(page.contains("data-speaker=\"pete-hegseth\""))
        #expect(page.contains("<figure class=\"quote social-post\">"))
        #expect(page.contains("<cite>Reuters</cite>"))
        #expect(page.contains("The Gateway Pundit"))
    }

    @Test func everySharedSampleImportsBuildsAndKeepsEveryWord() throws {
        let samples = SharedSamples.files(in: "samples") + SharedSamples.files(in: "samples/real")
        guard !samples.isEmpty else {
            try Test.cancel("../shared/samples is not beside the project; the fixtures cover the formats")
        }
        for url in samples {
            let input = ImportInput(name: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)))
            let built = try BuiltImport.build(input)
            #expect(!built.diagnostics.hasErrors, "\(url.lastPathComponent): \(built.diagnostics.filter { $0.severity == .error })")
            let page = try #require(built.pages.values.first ?? nil, "\(url.lastPathComponent)")
            let measured = try coverage(of: input, page: page)
            #expect(measured.coverage == 1, "\(url.lastPathComponent): \(measured.coverage), missing: \(measured.missing)")
        }
    }

    @Test func coverageCountsWordsInOrder() {
        let words = WordCoverage.words
        #expect(WordCoverage.measure(source: words("a b c d"), page: words("x a b y c d z")).coverage == 1)
        #expect(WordCoverage.measure(source: words("a b c d"), page: words("a c b")).coverage == 0.5)
        #expect(WordCoverage.pageText("<p>A&amp;B <script>x()</script>&#8217;s</p>") == " A&B  ’s ")
    }
}
