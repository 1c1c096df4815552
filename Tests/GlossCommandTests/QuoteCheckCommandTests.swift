import Foundation
import Testing

/// `gloss check --quotes` as an editor reads it: one pair of quote marks
/// around each quotation, and the front matter entry that ruled on one.
@Suite struct QuoteCheckCommandTests {
    @Test("a block quote in quote marks is listed with one opening mark, and an override is shown under its quotation")
    func listing() throws {
        let root = NSTemporaryDirectory() + "gloss-quotes-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = [
            "Content/site.yaml": "title: Quotes\n",
            "Content/speakers.yaml": "smith:\n  name: Jane Smith\n  role: Secretary of State\n",
            "Content/speech.md": "---\ntitle: Speech\ndate: 2025-01-01\nspeakers: [smith]\n---\n\n**Jane Smith:** We will never abandon our friends in the region, whatever it costs us.\n\nOur budget will double by the end of the decade, no question at all.\n",
            "Content/article.md": """
                ---
                title: Article
                date: 2025-02-01
                kind: article
                quotes:
                  - quote: "Our budget will"
                    unpublished: "Interview with the author"
                ---

                > “We will never abandon our friends in the region, whatever it costs us.”
                >
                > — Jane Smith

                “Our budget will double by the end of the decade, no question,” the Secretary said.

                """,
        ]
        for (path, text) in files {
            let target = root + "/" + path
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        }
        let result = try GlossProcess.run(["check", "--quotes", "--strict"], in: root)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        let lines = (result.standardOutput + result.standardError).split(separator: "\n").map(String.init)
        #expect(!lines.contains { $0.contains("““") })
        #expect(lines.contains { $0.hasPrefix("Content/article.md:10:3: verbatim: “We will never abandon our friends in the region, whatever it costs …” (Jane Smith) → speech/#p-") })
        #expect(lines.contains { $0.hasPrefix("Content/article.md:14:4: unpublished source: “Our budget will double by the end of the decade, no question,” (Secretary)") })
        #expect(lines.contains("    marked as from an unpublished source by the front matter at Content/article.md:6:5"))
    }
}
