import GlossModel

/// "Did you mean …?" for a misspelt key or id.
enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely
    /// typo: at most one edit for short words, about one per three letters
    /// for longer ones. Ties go to the earliest candidate, so callers pass a
    /// stable order.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = EditDistance.between(word, candidate)
            let limit = max(1, candidate.unicodeScalars.count / 3)
            if distance <= limit, distance < best?.distance ?? .max {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        // An abbreviation (`lang`, `desc`) is no typo but just as likely meant.
        let lowered = word.lowercased()
        guard lowered.count >= 3 else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(lowered) }
    }

    /// `did you mean "x"?`, or nil when nothing is close.
    static func note(for word: String, among candidates: some Sequence<String>) -> String? {
        closest(to: word, among: candidates).map { "did you mean \"\($0)\"?" }
    }
}
