/// "Did you mean …?" for a key, id, label or reference that names nothing.
/// Only run once a lookup has failed, so the scan over all candidates stays
/// off the happy path.
public enum ClosestMatch {
    /// The candidate closest to `word` when it is close enough to be a slip:
    /// at most one edit for short words, about one per three characters for
    /// longer ones. Ties go to the smaller candidate, so the answer does not
    /// depend on the order of `candidates`.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let length = word.unicodeScalars.count
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let limit = max(1, max(length, candidate.unicodeScalars.count) / 3)
            // Lengths further apart than the limit cannot be within it.
            guard abs(candidate.unicodeScalars.count - length) <= limit else { continue }
            let distance = EditDistance.between(word, candidate)
            guard distance <= limit else { continue }
            if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// `did you mean "x"?`
    public static func note(_ candidate: String) -> String {
        "did you mean \"\(candidate)\"?"
    }
}
