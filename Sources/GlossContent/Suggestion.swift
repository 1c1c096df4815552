import GlossModel

/// "Did you mean …?" for a misspelt key or id.
enum Suggestion {
    /// ``ClosestMatch``'s nearest candidate, else one that `word` abbreviates.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        if let near = ClosestMatch.closest(to: word, among: candidates) { return near }
        // An abbreviation (`lang`, `desc`) is no typo but just as likely meant.
        let lowered = word.lowercased()
        guard lowered.count >= 3 else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(lowered) }
    }

    /// `did you mean "x"?`, or nil when nothing is close.
    static func note(for word: String, among candidates: some Sequence<String>) -> String? {
        closest(to: word, among: candidates).map(ClosestMatch.note)
    }
}
