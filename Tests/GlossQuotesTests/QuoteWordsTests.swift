import Testing
@testable import GlossQuotes

/// The byte-level cut of a source into numbered words
/// (``WordNumbering/appendWords(of:passage:eligible:to:)``) must give what
/// cutting it with ``QuoteText/tokens(_:specials:)`` and looking each word
/// up in the vocabulary gives: the same words, offsets, sentence marks and
/// numbers.
@Suite struct QuoteWordsTests {
    static let passages = [
        "We will build the bridge. Across the river? Yes! Before: the winter comes",
        "You’re seeing the power of Ukraine's allies — 1,000 troops, 2.5 billion, pre‑2014 and pre-2014.",
        "Zoë and ZOE met Ørsted in Île-de-France; naïve café “quoted” ‘single’ 'straight' words.",
        "The \u{212A}elvin sign, the \u{0130}stanbul road, e\u{0301}te\u{0301} and \u{00E9}t\u{00E9}, stra\u{00DF}e, \u{FB01}ne ligature.",
        "Digits ٣٤ and ½ and x² and 1.5.6, a.b, don't 'quote' ’tis rock ’n’ roll… . . . [the President] [sic]",
        "",
        "   —   ",
        "Ω ohm \u{2126} and \u{1E9E} capital; Ελληνικά ΣΟΦΙΑ σοφία; 日本語 テキスト; emoji 👍🏽 end.",
        "Ends with an apostrophe' and a digit 3. And a mark at the start \u{0301}word",
    ]

    /// The reference: the tokens and the vocabulary's numbers, as the check cut them before.
    static func reference(_ texts: [String], vocabulary: [String: Int32], eligible: [Bool]) -> QuoteLibrary.Words {
        var words = QuoteLibrary.Words(numbers: [], tokens: [], passage: [])
        for (p, text) in texts.enumerated() {
            for token in QuoteText.tokens(text) {
                words.numbers.append(eligible[p] ? vocabulary[token.word] ?? -1 : -1)
                var shown = token
                shown.word = ""
                words.tokens.append(shown)
                words.passage.append(Int32(p))
            }
        }
        return words
    }

    func check(vocabulary: [String: Int32], eligible: [Bool]) {
        let numbering = WordNumbering(vocabulary)
        var words = QuoteLibrary.Words(numbers: [], tokens: [], passage: [])
        for (p, text) in Self.passages.enumerated() {
            numbering.appendWords(of: text, passage: Int32(p), eligible: eligible[p], to: &words)
        }
        let expected = Self.reference(Self.passages, vocabulary: vocabulary, eligible: eligible)
        #expect(words.tokens == expected.tokens)
        #expect(words.numbers == expected.numbers)
        #expect(words.passage == expected.passage)
    }

    @Test("the byte-level cut gives the tokens' words, offsets, sentence marks and numbers")
    func sameAsTokens() {
        // Every word of the passages numbered, and some words no passage holds.
        var vocabulary: [String: Int32] = [:]
        for text in Self.passages {
            for token in QuoteText.tokens(text) where vocabulary[token.word] == nil { vocabulary[token.word] = Int32(vocabulary.count) }
        }
        for word in ["nowhere", "naïveté", "ｆｕｌｌ"] where vocabulary[word] == nil { vocabulary[word] = Int32(vocabulary.count) }
        #expect(vocabulary.count > 60)
        let all = [Bool](repeating: true, count: Self.passages.count)
        check(vocabulary: vocabulary, eligible: all)
        // Some passages another speaker's.
        check(vocabulary: vocabulary, eligible: all.indices.map { $0 % 2 == 0 })
        // A few words only, as a quotation numbers its own.
        check(vocabulary: ["bridge": 0, "the": 1, "zoe": 2, "1000": 3, "kelvin": 4, "istanbul": 5, "youre": 6, "σοφια": 7], eligible: all)
        let numbered = {
            var words = QuoteLibrary.Words(numbers: [], tokens: [], passage: [])
            WordNumbering(["bridge": 0, "kelvin": 4]).appendWords(of: Self.passages[0] + " " + Self.passages[3], passage: 0, eligible: true, to: &words)
            return words.numbers.filter { $0 >= 0 }
        }()
        #expect(numbered == [0, 4])
    }

    @Test("a vocabulary word that is canonically an ASCII word is found by its ASCII spelling, as String equality finds it")
    func canonicalEquivalence() {
        // U+212A KELVIN SIGN is canonically "K": as `String`s, the two are equal.
        let kelvin = "\u{212A}m"
        #expect(kelvin == "Km")
        let numbering = WordNumbering([kelvin: 7, "other": 1])
        // Looked up as given (a folded word would be lower case).
        let bytes = Array("Km".utf8)
        let number = bytes.withUnsafeBufferPointer { numbering.number(of: $0, hash: WordHash.of(bytes), ascii: true) }
        #expect(number == 7)
        let km = Array("km".utf8)
        #expect(km.withUnsafeBufferPointer { numbering.number(of: $0, hash: WordHash.of(km), ascii: true) } == -1)
        // A passage's words are folded: "km" is not "Km", as with `String`s.
        var words = QuoteLibrary.Words(numbers: [], tokens: [], passage: [])
        numbering.appendWords(of: "Km other", passage: 0, eligible: true, to: &words)
        #expect(words.numbers == [-1, 1])
    }
}
