/// What else, beyond whitespace and typographic punctuation, is ignored when
/// quotes are compared with the text.
///
/// Anchoring is always `.exact` (case-sensitive, punctuation kept); the looser
/// foldings only find near misses to suggest in a "not found" diagnostic.
struct QuoteFolding: Hashable, Sendable {
    /// Upper and lower case compare equal.
    var ignoresCase = false
    /// Punctuation is left out altogether.
    var ignoresPunctuation = false

    static let exact = QuoteFolding()
    static let caseInsensitive = QuoteFolding(ignoresCase: true)
    static let punctuationInsensitive = QuoteFolding(ignoresPunctuation: true)
    static let caseAndPunctuationInsensitive = QuoteFolding(ignoresCase: true, ignoresPunctuation: true)

    /// `units` with this folding's keys: lowercased, and without punctuation
    /// (whitespace on both sides of removed punctuation merging into one space).
    func apply(to units: [FoldedUnit]) -> [FoldedUnit] {
        guard ignoresCase || ignoresPunctuation else { return units }
        var result: [FoldedUnit] = []
        result.reserveCapacity(units.count)
        for var unit in units {
            if ignoresPunctuation, !unit.isSpace, unit.key.allSatisfy(\.isPunctuation) { continue }
            if unit.isSpace, let last = result.last, last.isSpace {
                result[result.count - 1].bytes = last.bytes.lowerBound..<unit.bytes.upperBound
                continue
            }
            if ignoresCase { unit.key = unit.key.lowercased() }
            result.append(unit)
        }
        return result
    }
}
