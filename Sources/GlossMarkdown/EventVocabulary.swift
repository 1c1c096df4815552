/// The bracketed non-speech events the dialect recognises inline.
enum EventVocabulary {
    static let words: Set<String> = [
        "applause", "laughter", "laughs", "crosstalk", "inaudible", "unintelligible",
        "pause", "music", "cheers", "booing",
    ]

    /// No event's text is longer than this in UTF-8, even in capitals that
    /// lower-case to fewer bytes ("unintelligible 00:00:00.00" is 26).
    static let longestEventBytes = 96

    /// Whether `inner` (text between brackets) names an event:
    /// a word of the vocabulary (with or without a closing period), or
    /// `inaudible` with a time.
    static func isEvent(_ inner: Substring) -> Bool {
        let lowered = inner.lowercased()
        if words.contains(lowered) { return true }
        // Records and speech texts write the note as a sentence: `[Laughter.]`.
        if lowered.hasSuffix("."), words.contains(String(lowered.dropLast())) { return true }
        let parts = lowered.split(separator: " ", maxSplits: 1)
        if parts.count == 2, parts[0] == "inaudible" || parts[0] == "unintelligible" || parts[0] == "crosstalk",
           case .success = Timestamp.parse(parts[1]) {
            return true
        }
        return false
    }
}
