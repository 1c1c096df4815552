import Testing
@testable import GlossBuild

@Suite struct SurveyExcerptTests {
    @Test("a short passage is its own excerpt, multi-byte characters counted as characters")
    func short() {
        #expect(TranscriptSurvey.excerpt("We stand together.", limit: 40) == "We stand together.")
        #expect(TranscriptSurvey.excerpt(String(repeating: "é", count: 30), limit: 40) == String(repeating: "é", count: 30))
    }

    @Test("a long passage is cut after the last whole word, with an ellipsis")
    func long() {
        #expect(TranscriptSurvey.excerpt("alpha beta gamma delta", limit: 13) == "alpha beta…")
        #expect(TranscriptSurvey.excerpt("alpha beta gamma delta", limit: 10) == "alpha beta…", "the cut ends right before a space")
        #expect(TranscriptSurvey.excerpt("alphabetagammadelta", limit: 5) == "alpha…", "one long word is cut inside it")
        #expect(TranscriptSurvey.excerpt("ça va très bien merci", limit: 12) == "ça va très…")
    }

    /// The rule as first written, on characters: the byte-level path taken
    /// for ASCII text must give the same excerpt.
    static func reference(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = text[cut.endIndex] == " " ? cut.endIndex : cut.lastIndex(of: " ") ?? cut.endIndex
        var words = text[..<end]
        while words.last == " " { words = words.dropLast() }
        return (words.isEmpty ? String(cut) : String(words)) + "…"
    }

    @Test("ASCII text is cut as the character rule cuts it, wherever the spaces fall")
    func asciiMatchesTheCharacterRule() {
        var random = SeededNumbers(seed: 7)
        func next(_ bound: Int) -> Int { random.next(below: bound) }
        let pieces = ["a", "bb", "word", " ", "  ", ".", "lengthy", "é", "e\u{301}"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<next(30) { text += pieces[next(pieces.count)] }
            let limit = 1 + next(20)
            #expect(TranscriptSurvey.excerpt(text, limit: limit) == Self.reference(text, limit: limit), "\(text.debugDescription) at \(limit)")
        }
    }

    @Test("a speaker's words are counted from collapsed passage text", arguments: [
        ("", 0), ("one", 1), ("two words", 2), ("Bj\u{00F6}rn\u{2019}s \u{201C}quoted\u{201D} words.", 3),
    ])
    func wordCount(text: String, words: Int) {
        #expect(TranscriptSurvey.wordCount(ofCollapsed: text) == words)
    }

    @Test("word counts agree with counting spaces one by one, whatever the bytes around them")
    func wordCountOnEveryByte() {
        var random = SeededNumbers(seed: 3)
        func next(_ bound: Int) -> Int { random.next(below: bound) }
        // Bytes next to a space's value, and characters whose UTF-8 holds 0x20-like bits.
        let pieces = ["a", " ", "!", "\u{0}", "\u{7F}", "\u{A0}", "\u{2020}", "\u{1F600}", "ab cd", "\u{E9}"]
        for _ in 0..<2_000 {
            let text = (0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined()
            let expected = text.isEmpty ? 0 : text.utf8.filter { $0 == UInt8(ascii: " ") }.count + 1
            #expect(TranscriptSurvey.wordCount(ofCollapsed: text) == expected, "\(text.debugDescription)")
        }
    }
}

/// The same numbers on every run, so that a failing random case fails again.
struct SeededNumbers {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(below bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
