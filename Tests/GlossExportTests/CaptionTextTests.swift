@testable import GlossExport
import Testing

/// The text the caption files and annotations are made of.
@Suite struct CaptionTextTests {
    @Test("WebVTT text escapes &, < and >, turns a lone line break into a space and keeps a CRLF pair", arguments: [
        ("Fish & chips <b>", "Fish &amp; chips &lt;b&gt;"),
        ("a\nb\rc", "a b c"),
        ("a\r\nb", "a\r\nb"),
        ("caf\u{E9} \u{1F600}", "caf\u{E9} \u{1F600}"),
        ("", ""),
    ])
    func vttText(text: String, escaped: String) {
        #expect(TranscriptExport.vttEscaped(text) == escaped)
    }

    @Test("page text reads scalars back as written, and collapses only ASCII whitespace")
    func pageTextStrings() {
        var page = PageText()
        page.scalars = Array("  Bj\u{F6}rn\u{A0}said \n\t\u{1F600} \u{201C}yes\u{201D}  ".unicodeScalars)
        #expect(page.text(0..<page.scalars.count) == "  Bj\u{F6}rn\u{A0}said \n\t\u{1F600} \u{201C}yes\u{201D}  ")
        #expect(page.text(2..<7) == "Bj\u{F6}rn")
        #expect(page.text(20..<100) == "s\u{201D}  ")
        #expect(page.collapsed(0..<page.scalars.count) == "Bj\u{F6}rn\u{A0}said \u{1F600} \u{201C}yes\u{201D}")
        #expect(page.collapsed(0..<2) == "")
    }

    @Test("SRT text cannot hold a timing arrow", arguments: [
        ("a --> b", "a -> b"), ("--->", "-->"), ("-->-->", "->->"), ("->", "->"), ("--", "--"), ("", ""),
    ])
    func srtArrows(text: String, written: String) {
        var out: [UInt8] = []
        TranscriptExport.appendReplacingArrows(text, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == written)
    }
}
