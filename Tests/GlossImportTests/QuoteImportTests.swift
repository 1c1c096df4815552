import Foundation
import GlossBuild
import GlossImport
import GlossModel
import Testing

/// The seed article imported as `gloss import` does, and checked beside the
/// sample site's copy of the Secretary's remarks (docs/quotes.md).
@Suite struct QuoteImportTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Content").standardizedFileURL

    @Test("every sentence the article quotes from the speech is found verbatim and linked to its passage")
    func seedArticleQuotesTheSpeech() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-quotes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let content = directory.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("2025"), withIntermediateDirectories: true)
        for file in ["site.yaml", "speakers.yaml", "2025/hegseth-ukraine-defense-contact-group.md"] {
            try FileManager.default.copyItem(at: Self.sample.appendingPathComponent(file), to: content.appendingPathComponent(file))
        }
        let plan = ImportPlan.make(
            inputs: [try Fixture.input("hegseth-article.txt")], format: .auto, into: content.appendingPathComponent("2025").path,
            force: false, exists: { _ in false }
        )
        #expect(!plan.diagnostics.hasErrors)
        for file in plan.files { try Data(file.markdown.utf8).write(to: URL(fileURLWithPath: file.path)) }
        let outcome = SiteBuilder(settings: BuildSettings(
            contentDirectory: content.path, templatesDirectory: directory.appendingPathComponent("Templates").path,
            templatesDirectoryRequired: false, outputDirectory: directory.appendingPathComponent("Public").path
        )).check()
        #expect(!outcome.diagnostics.hasErrors)
        let article = outcome.quotes.filter { $0.location.file.hasSuffix("hegseth-article.md") }
        let speech = "2025/hegseth-ukraine-defense-contact-group/#p-"
        // Hegseth's two sentences in the Reuters report, and the speech the article carries.
        for opening in ["We want, like you", "Chasing this illusionary goal", "primarily focused on the security of Europe", "This is my first Ukraine defense contact group"] {
            let quote = article.first { $0.text.hasPrefix(opening) }
            #expect(quote?.verdict == "verbatim", "\(opening)")
            #expect(quote?.source?.hasPrefix(speech) == true, "\(opening)")
        }
        // Reuters' own words are not checked: the site has no Reuters transcript.
        #expect(article.filter { $0.text.contains("Speaking at a meeting") }.allSatisfy { $0.verdict == "not checked" })
        #expect(!article.isEmpty && article.allSatisfy { $0.verdict != "altered" })
    }
}
