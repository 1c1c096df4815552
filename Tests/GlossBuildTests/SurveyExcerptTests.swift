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
}
