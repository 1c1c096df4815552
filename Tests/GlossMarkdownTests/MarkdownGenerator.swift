/// Composes odd but plausible Markdown from fragments, deterministically from
/// a seed, to find inputs on which Gloss and cmark disagree.
struct MarkdownGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A document of a few blocks, with its line endings picked per document.
    mutating func document() -> String {
        let blocks = (0..<int(1...8)).map { _ in block(depth: 0) }
        let text = blocks.joined(separator: pick(["\n", "\n\n", "\n\n\n"]))
        switch int(0...5) {
        case 0: return text.replacingLineEndings(with: "\r\n")
        case 1: return text.replacingLineEndings(with: "\r")
        default: return text
        }
    }

    private mutating func block(depth: Int) -> String {
        let nested = depth < 4
        switch int(0...(nested ? 13 : 8)) {
        case 0: return String(repeating: "#", count: int(1...7)) + pick([" ", "\t", ""]) + inlines() + pick(["", " #", " ##  "])
        case 1: return inlines() + "\n" + pick(["===", "---", "- - -", "=  "])
        case 2: return "```" + pick(["", "swift", "js extra words", "a&b\"<c>", "`x"]) + "\n" + raw() + "\n" + pick(["```", "", "~~~"])
        case 3: return "    " + raw() + "\n\t" + raw()
        case 4: return pick(["<div>\n", "<script>alert(1)</script>", "<!-- note -->", "<pre>\n*x*\n</pre>", "<?php x ?>", "<![CDATA[ y ]]>", "<!DOCTYPE html>", "<custom-tag a=\"b\">\n"]) + inlines()
        case 5: return pick(["***", "---", "___", " * * *"])
        case 6: return "[\(pick(["ref", "Ref", "föö", "a b"]))]: " + url() + pick(["", " \"title\"", " 'ti&tle'", " (t)"])
        case 7, 8: return (0..<int(1...3)).map { _ in inlines() }.joined(separator: pick(["\n", "  \n", "\\\n"]))
        case 9, 10:
            let marker = pick(["-", "*", "+", "1.", "2)", "10.", "0."])
            let loose = int(0...2) == 0 ? "\n" : ""
            return (0..<int(1...4)).map { _ in
                marker + " " + block(depth: depth + 1).replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: marker.count + 1))
            }.joined(separator: "\n" + loose)
        case 11, 12:
            let lazy = int(0...3) == 0
            return block(depth: depth + 1).split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated()
                .map { $0.offset > 0 && lazy ? String($0.element) : pick([">", "> ", ">\t", " > "]) + $0.element }
                .joined(separator: "\n")
        default:
            return pick(["- ", "1. ", "> "]) + pick(["", "[ ] ", "    code", "# h"]) + "\n" + block(depth: depth + 1)
        }
    }

    private mutating func inlines() -> String {
        (0..<int(1...6)).map { _ in inline(depth: 0) }.joined(separator: pick([" ", "", "  ", "\t", "\n"]))
    }

    private mutating func inline(depth: Int) -> String {
        let inner = depth < 3 ? inline(depth: depth + 1) : word()
        switch int(0...20) {
        case 0: return "*\(inner)*"
        case 1: return "**\(inner)**"
        case 2: return "_\(inner)_" + pick(["", "_", "a"])
        case 3: return pick(["`", "``", "` "]) + pick(["code", "a`b", "<tag>", "&amp;", " x "]) + pick(["`", "``", " `"])
        case 4: return "[\(inner)](\(url())\(pick(["", " \"t\"", " 'a\"b'"])))"
        case 5: return "![\(inner)](\(url()))"
        case 6: return pick(["[ref]", "[Ref][]", "[x][föö]", "[a b]", "![ref]"])
        case 7: return "<" + pick(["https://e.com/a?b=1&c=2", "mailto:a@b.c", "a@b.c", "javascript:alert(1)", "HTTP://X.y/<z"]) + ">"
        case 8: return pick(["<b>", "</b>", "<span class=\"x\">", "<a href='javascript:x'>", "<!-- c -->", "<?pi?>", "<img src=x onerror=alert(1)>", "< notatag>"])
        case 9: return pick(["&amp;", "&copy;", "&#35;", "&#x1F600;", "&bogus;", "&#0;", "&nbsp;", "&#xD800;", "&quot;"])
        case 10: return pick(["\\*", "\\_", "\\[", "\\\\", "\\`", "\\<", "\\&"])
        case 11: return pick(["\"quoted\"", "'single'", "it's", "--", "---", "...", "a--b", "\"'nested'\""])
        case 12: return pick(["é", "日本語", "😀", "Ελληνικά", "\u{0301}e", "\u{00A0}", "\u{FEFF}", "\u{0}", "ﬁ"])
        case 13: return pick(["*", "_", "**", "[", "]", "(", ")", "<", ">", "&", "!", "~", "|", "#", "'", "\"", "%20", "\t"])
        case 14: return "***\(inner)*\(word())**"
        case 15: return "[\(inner)](<\(word()) \(word())>)"
        default: return word()
        }
    }

    private mutating func url() -> String {
        pick([
            "http://example.com/a b", "https://e.com/path?q=1&r=2#frag", "/local/path", "../up.md", "#anchor",
            "javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:msgbox", "file:///etc/passwd", "data:text/html,x",
            "data:image/png;base64,AAA", "data:image/svg+xml,x", "Data:Image/Jpeg;x", "data:image/webp", "data:image/gifx",
            "<javascript:x>", "%6Aavascript:x", " javascript:x", "java\\nscript:x", "mailto:a@b.c", "ä/ö?ü=1",
            "a'b", "a~b", "a\"b", "a`b", "[x]", "\\(x\\)", "&amp;x", "&#106;avascript:x", "",
        ])
    }

    private mutating func word() -> String {
        pick(["word", "Hegseth", "a", "x_y", "snake_case_word", "2025", "foo*bar", "n't", "ação", "1.", "-", "+"])
    }

    private mutating func raw() -> String {
        pick(["let x = 1 < 2 && \"y\"", "<script>", "\ttabbed", "", "   ", "a\u{0}b", "&amp;"])
    }

    private mutating func pick(_ choices: [String]) -> String {
        choices[int(0...(choices.count - 1))]
    }

    /// SplitMix64: tiny, fast and the same on every platform, unlike the
    /// system generator, so a failing seed can be replayed.
    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return range.lowerBound + Int(z % UInt64(range.count))
    }
}

private extension String {
    func replacingLineEndings(with ending: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: ending)
    }
}
