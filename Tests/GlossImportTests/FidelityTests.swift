import Foundation
import GlossBuild
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

/// The figures in docs/import.md: coverage over a whole corpus, imported
/// and built as one site. Runs only when GLOSS_CORPUS names a folder:
///     GLOSS_CORPUS=../shared/corpus/miller-center swift test --filter CorpusCoverage
@Suite struct CorpusCoverage {
    @Test func everyFileOfTheCorpusKeepsItsWords() throws {
        guard let folder = ProcessInfo.processInfo.environment["GLOSS_CORPUS"] else {
            try Test.cancel("set GLOSS_CORPUS to a folder of sources to measure coverage over it")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        let inputs = try names.map { ImportInput(name: $0, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)))) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let content = directory.appendingPathComponent("Content").path
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try Data("title: Corpus\n".utf8).write(to: URL(fileURLWithPath: content + "/site.yaml"))
        let plan = ImportPlan.make(inputs: inputs, format: .auto, into: content, force: false, exists: { _ in false })
        #expect(!plan.diagnostics.hasErrors)
        for file in plan.files { try Data(file.markdown.utf8).write(to: URL(fileURLWithPath: file.path)) }
        let output = directory.appendingPathComponent("Public").path
        let outcome = SiteBuilder(settings: BuildSettings(contentDirectory: content, templatesDirectory: directory.path + "/T",
                                                          templatesDirectoryRequired: false, outputDirectory: output, includeDrafts: true)).build()
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(10))")
        var sourceWords = 0
        var keptWords = 0
        var complete = 0
        var worst: [(String, Double, [String])] = []
        for (input, file) in zip(inputs, plan.files) {
            let slug = (file.path as NSString).lastPathComponent.dropLast(3)
            let page = (try? String(contentsOfFile: output + "/\(slug)/index.html", encoding: .utf8)) ?? ""
            let source = WordCoverage.words(try mainText(of: input))
            let measured = WordCoverage.measure(source: source, page: WordCoverage.words(WordCoverage.pageText(page)))
            sourceWords += source.count
            keptWords += Int((measured.coverage * Double(source.count)).rounded())
            if measured.coverage == 1 { complete += 1 } else { worst.append((input.name, measured.coverage, measured.missing)) }
        }
        let warnings = plan.diagnostics.count + outcome.diagnostics.count - errors.count
        print("corpus: \(inputs.count) files, \(plan.files.count) transcripts, \(sourceWords) words, \(keptWords) kept (\(Double(keptWords) / Double(max(sourceWords, 1)) * 100)%), \(complete) files at 100%, \(errors.count) build errors, \(warnings) warnings")
        for (name, value, missing) in worst.sorted(by: { $0.1 < $1.1 }).prefix(10) { print("  \(name): \(value) missing \(missing.prefix(3))") }
    }
}
