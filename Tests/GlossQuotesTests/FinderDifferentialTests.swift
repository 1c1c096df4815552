import Foundation
@testable import GlossQuotes
import Testing

/// The finder against its old self (``ReferenceQuoteFinder``), on fixed
/// inputs, the sample site and many random Markdown bodies built from the constructs the finder reads:
/// fences, `>` lines, headings, tables, indented code, list markers, curly and
/// straight marks, apostrophes, links, timestamps, no-break and other Unicode
/// spaces, combining marks after syntax, non-ASCII letters.
@Suite struct FinderDifferentialTests {
    /// A fixed-seed generator, so a failure is the same on every run.
    typealias SplitMix = QuoteEvaluationTests.Generator

    static let starts = [
        "", "", "", "", "", "", " ", "  ", "   ", "    ", "        ", "\t", "\u{00A0}", "\u{2003}", "\u{200B}", "\u{FEFF}",
        "> ", "> ", ">", " > ", ">> ", "> > ", ">\u{0301}", "\u{00A0}> ", "- ", "* ", "+ ", "-", "- \u{0301}", "-\u{0301} ", "- \u{00A0}",
        "# ", "## ", "#", "| ", "|", "```", "```swift", "~~~", " ```", "\u{1FEF}``", "`\u{1FEF}`", "``", "— ", "-- ", "– ",
        "> — ", "> -- ", "> – ", ">— ", "    - ", "1. ", "e\u{0301} ", "é", "日本 ", "“", "\"", "'", "‘", "«",
    ]
    static let words = [
        "We", "will", "only", "end", "this", "devastating", "war", "and", "establish", "a", "durable", "peace",
        "the", "of", "Secretary", "said", "Hegseth", "he", "He", "she", "told", "added", "Reuters", "reported:", "wrote",
        "“", "”", "\"", "'", "’", "‘", "«", "»", "„", "‹", "›", "don't", "Ukraine’s", "it’s", "’90s", "'til",
        "[NATO](https://www.nato.int/ \"t\")", "![img](a.png)", "[a][b]", "[01:02]", "[00:01:12]", "[^1]", "<b>", "</i>", "<!-- x -->",
        "\\\"", "\\", "...", ". . .", "..", ". .", "…", "[the President]", "[sic]", "[…]", "[T]he", "happen[ed]", "[", "]", "(", ")",
        "1,000", "3.5", "Zoë", "Ze\u{0308}", "\u{E000}", "\u{E001}", "—", "–", "-", "--", "«word»", "naïve", "Ω", "日本", "ﬁ",
        "\u{00A0}", "\u{2009}", "\u{3000}", "!", ".", ",", ":", "?", ";", "`", "```", "~~~", ">", "#", "|", "*", "\u{0301}", "Ⅻ", "½", "٣",
    ]

    static func word<G: RandomNumberGenerator>(_ g: inout G) -> String {
        // Plain words most of the time, so that spans reach six words.
        Int.random(in: 0 ..< 3, using: &g) == 0 ? words.randomElement(using: &g) ?? "" : words[Int.random(in: 0 ..< 25, using: &g)]
    }

    static func body<G: RandomNumberGenerator>(_ g: inout G) -> String {
        var lines: [String] = []
        for _ in 0 ..< Int.random(in: 0 ... 24, using: &g) {
            if Int.random(in: 0 ..< 5, using: &g) == 0 { lines.append(["", " ", ">", "> ", "\u{00A0}"].randomElement(using: &g) ?? ""); continue }
            var line = starts.randomElement(using: &g) ?? ""
            for k in 0 ..< Int.random(in: 0 ... 16, using: &g) {
                if k > 0 || Bool.random(using: &g) { line += [" ", " ", " ", "", "\u{00A0}", "  "].randomElement(using: &g) ?? " " }
                line += word(&g)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + (Bool.random(using: &g) ? "\n" : "")
    }

    static let fixed = [
        MarkdownQuotationsTests().article,
        "**Pete Hegseth** [00:01:12]: I said “the bloodshed must stop[^1] and this war must end” then.",
        "“We will never abandon our friends in the region,” the President said.",
        "> “He also told Washington’s NATO allies that they would have to step up. He said the U.S. could not be ‘primarily focused on the security of Europe’.”\n>\n> — Reuters",
        "", "\n", "\n\n> \n", "```\n“a b c d e f g”\n```\n“a b c d e f g”", "- \n- “one two three four five six seven”",
        "\u{1FEF}``\n“a b c d e f g”\n```\n“h i j k l m n”", "    “indented code is not quoted, six words”\ntext “but a continuation is six words”",
    ]

    static func sampleSite() -> [String] {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content")
        let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "md" }.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    @Test func theFinderReturnsWhatTheOldOneDid() {
        var g = SplitMix(state: 12)
        var inputs = Self.fixed + Self.sampleSite()
        for _ in 0 ..< 8000 { inputs.append(Self.body(&g)) }
        var total = 0, blocks = 0, credited = 0, mismatches = 0
        for (n, input) in inputs.enumerated() {
            let minimum = [1, 3, 6][n % 3]
            let new = QuoteFinder.quotations(inMarkdown: input, file: "f.md", firstLine: n % 7, minimumWords: minimum)
            let old = ReferenceQuoteFinder.quotations(inMarkdown: input, file: "f.md", firstLine: n % 7, minimumWords: minimum)
            if new != old {
                mismatches += 1
                if mismatches <= 3 { Issue.record("input \(n) differs:\n\(input.debugDescription)\nnew: \(new)\nold: \(old)") }
            }
            total += old.count
            blocks += old.filter(\.isBlock).count
            credited += old.filter { $0.quotation.attribution != nil }.count
        }
        #expect(mismatches == 0)
        // The inputs are worth comparing on: many quotations, block quotes and credits.
        #expect(total > 6000)
        #expect(blocks > 300)
        #expect(credited > 300)
    }

    @Test func quoteMarkLookAndTrimmingAreTheOldOnes() {
        var g = SplitMix(state: 7)
        let spaces = [" ", "  ", "\t", "\r", "\n", "\u{00A0}", "\u{2003}", "\u{200B}", "\u{FEFF}", "\u{0085}", " \u{0301}", "\u{0600} ", ""]
        var trimmed = 0
        for _ in 0 ..< 20000 {
            var text = ""
            for _ in 0 ..< Int.random(in: 0 ... 4, using: &g) { text += spaces.randomElement(using: &g) ?? "" }
            for _ in 0 ..< Int.random(in: 0 ... 12, using: &g) { text += (Bool.random(using: &g) ? " " : "") + Self.word(&g) }
            for _ in 0 ..< Int.random(in: 0 ... 4, using: &g) { text += spaces.randomElement(using: &g) ?? "" }
            #expect(text.trimmingSpaces() == text.referenceTrimmingSpaces(), "\(text.debugDescription)")
            #expect(text.trimmingSpaces().utf8.elementsEqual(text.referenceTrimmingSpaces().utf8), "\(text.debugDescription)")
            #expect(QuoteFinder.mayHoldQuotation(text) == ReferenceQuoteFinder.referenceMayHoldQuotation(text), "\(text.debugDescription)")
            if text.trimmingSpaces() != text { trimmed += 1 }
        }
        #expect(trimmed > 5000)
    }
}
