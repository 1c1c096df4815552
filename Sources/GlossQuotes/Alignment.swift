/// The best alignment of a quotation's words with a stretch of a source:
/// every word of the quotation placed, the source's ends free.
///
/// A dynamic program over (quotation element, source word): a shared word
/// scores +4, a changed word −2, a word of the quotation missing from the
/// source −3 (so that a changed word is read as one, not as a word
/// added and one left out), a word of the source left out −1 (so that a dropped clause
/// costs less than the words after it gain); an ellipsis skips any number
/// of source words for nothing, a bracketed insertion up to
/// ``QuotePattern/slotWords``.
struct Alignment {
    enum Op: Equatable {
        /// Source word `j` is the quotation's next word.
        case match(Int)
        /// Source word `j` was replaced by the quotation's `String`.
        case substitute(Int, String)
        /// The quotation has a word the source does not.
        case insert(String)
        /// Source word `j` was left out.
        case delete(Int)
        /// Source word `j` was left out where an ellipsis or a bracketed
        /// insertion says so.
        case skip(Int)
    }

    var ops: [Op]
    /// Source word indices of the first and last word matched.
    var first: Int
    var last: Int
    var matches: Int
    var coverage: Double
    var similarity: Double

    static let matchScore: Int32 = 4
    static let substituteScore: Int32 = -2
    static let insertScore: Int32 = -3
    static let deleteScore: Int32 = -1

    /// Aligns `pattern` (whose words are numbered `quote`, -2 for a word no
    /// source has) with `source[window]`; nil if no word is shared.
    static func align(_ pattern: QuotePattern, _ quote: [Int32], _ source: [Int32], _ window: Range<Int>) -> Alignment? {
        let elements = pattern.elements
        let m = elements.count
        let n = window.count
        guard m > 0, n > 0 else { return nil }
        let width = n + 1
        let minusInfinity = Int32.min / 4
        var score = [Int32](repeating: 0, count: (m + 1) * width)
        // 0 start, 1 diagonal, 2 up (insert / gap entered), 3 left (delete / gap skip), 10+d slot of d words
        var move = [UInt8](repeating: 0, count: (m + 1) * width)
        var wordIndex = 0
        for i in 1 ... m {
            let row = i * width, above = (i - 1) * width
            switch elements[i - 1] {
            case .word:
                let q = quote[wordIndex]
                wordIndex += 1
                score[row] = score[above] + insertScore
                move[row] = 2
                for j in 1 ... n {
                    let s = source[window.lowerBound + j - 1]
                    var best = score[above + j - 1] + (s == q && q >= 0 ? matchScore : substituteScore)
                    var how: UInt8 = 1
                    let up = score[above + j] + insertScore
                    if up > best { best = up; how = 2 }
                    let left = score[row + j - 1] + deleteScore
                    if left > best { best = left; how = 3 }
                    score[row + j] = best
                    move[row + j] = how
                }
            case .gap:
                score[row] = score[above]
                move[row] = 2
                for j in 1 ... n {
                    let up = score[above + j], left = score[row + j - 1]
                    if up >= left {
                        score[row + j] = up; move[row + j] = 2
                    } else {
                        score[row + j] = left; move[row + j] = 3
                    }
                }
            case .slot:
                for j in 0 ... n {
                    var best = minusInfinity
                    var how: UInt8 = 10
                    for d in 0 ... min(QuotePattern.slotWords, j) {
                        let candidate = score[above + j - d]
                        if candidate > best { best = candidate; how = UInt8(10 + d) }
                    }
                    score[row + j] = best
                    move[row + j] = how
                }
            }
        }
        // The best end: the highest score, the earliest on a tie.
        var end = 0
        for j in 0 ... n where score[m * width + j] > score[m * width + end] { end = j }

        var ops: [Op] = []
        var i = m, j = end
        var wordCursor = quote.count
        while i > 0 {
            let how = move[i * width + j]
            switch elements[i - 1] {
            case .word(_, let surface):
                switch how {
                case 1:
                    let s = window.lowerBound + j - 1
                    let q = quote[wordCursor - 1]
                    ops.append(source[s] == q && q >= 0 ? .match(s) : .substitute(s, surface))
                    i -= 1; j -= 1; wordCursor -= 1
                case 2:
                    ops.append(.insert(surface))
                    i -= 1; wordCursor -= 1
                default:
                    ops.append(.delete(window.lowerBound + j - 1))
                    j -= 1
                }
            case .gap:
                if how == 3 {
                    ops.append(.skip(window.lowerBound + j - 1))
                    j -= 1
                } else {
                    i -= 1
                }
            case .slot:
                let d = Int(how) - 10
                for k in 0 ..< d { ops.append(.skip(window.lowerBound + j - 1 - k)) }
                j -= d
                i -= 1
            }
        }
        ops.reverse()
        // Skips at either end are not part of the match.
        while case .skip? = ops.first { ops.removeFirst() }
        while case .skip? = ops.last { ops.removeLast() }

        var matches = 0, sourceWords = 0
        var first = Int.max, last = Int.min
        for op in ops {
            switch op {
            case .match(let s):
                matches += 1; sourceWords += 1
                first = min(first, s); last = max(last, s)
            case .substitute(let s, _), .delete(let s):
                sourceWords += 1
                first = min(first, s); last = max(last, s)
            case .skip(let s):
                first = min(first, s); last = max(last, s)
            case .insert: break
            }
        }
        guard matches > 0 else { return nil }
        // Deletions before the first match or after the last are not part of it.
        while let op = ops.first, case .delete = op { ops.removeFirst(); sourceWords -= 1 }
        while let op = ops.last, case .delete = op { ops.removeLast(); sourceWords -= 1 }
        first = Int.max; last = Int.min
        for op in ops {
            switch op {
            case .match(let s), .substitute(let s, _), .delete(let s), .skip(let s):
                first = min(first, s); last = max(last, s)
            case .insert: break
            }
        }
        let quoteCount = quote.count
        return Alignment(
            ops: ops, first: first, last: last, matches: matches,
            coverage: Double(matches) / Double(quoteCount),
            similarity: 2 * Double(matches) / Double(quoteCount + sourceWords)
        )
    }
}
