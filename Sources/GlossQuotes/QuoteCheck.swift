import GlossModel

/// A word-level difference between a source and a quotation of it.
public struct WordChange: Sendable, Hashable {
    /// The source's words, as the transcript writes them; empty if the
    /// quotation added words.
    public var said: String
    /// The quotation's words; empty if it left words out.
    public var quoted: String

    public init(said: String, quoted: String) {
        self.said = said
        self.quoted = quoted
    }
}

/// What the check says about one quotation.
public enum QuoteVerdict: Sendable, Hashable {
    /// Every word is the source's, in order; ellipses and bracketed
    /// insertions stand only for what they may.
    case verbatim
    /// Every word is the source's, in order, but words were left out
    /// without an ellipsis; `omitted` holds them, one entry a run.
    case trimmed(omitted: [String])
    /// Words were changed or added: each change sets the source's words
    /// beside the quotation's (a run left out without an ellipsis is a
    /// change with empty `quoted`).
    case altered(changes: [WordChange])
    /// No passage on the site (of the credited speaker, when one is named)
    /// is close enough: the check does not guess.
    case notFound

    /// `verbatim`, `trimmed`, `altered`, `not found`.
    public var name: String {
        switch self {
        case .verbatim: "verbatim"
        case .trimmed: "trimmed"
        case .altered: "altered"
        case .notFound: "not found"
        }
    }

    /// Better verdicts are higher: a match that is verbatim beats one that
    /// is trimmed, and so on.
    var rank: Int {
        switch self {
        case .verbatim: 3
        case .trimmed: 2
        case .altered: 1
        case .notFound: 0
        }
    }
}

/// Where a quotation was found.
public struct QuoteSourceMatch: Sendable, Hashable {
    /// The index of the source in ``QuoteLibrary/sources``.
    public var sourceIndex: Int
    /// The source's id.
    public var sourceID: String
    /// The passages the match spans, first to last: the smallest range
    /// that holds the quotation.
    public var passageIDs: [String]
    /// The source's words from the first matched word to the last.
    public var text: String
}

/// The verdict on one quotation, with its evidence.
public struct QuoteResult: Sendable, Hashable {
    public var verdict: QuoteVerdict
    /// Nil when not found.
    public var match: QuoteSourceMatch?
    /// Of the best alignment found, whether or not it was good enough:
    /// `2 × shared words / (quotation's words + source's words)`.
    public var similarity: Double
    /// Of the same alignment: the share of the quotation's words it found.
    public var coverage: Double = 0
    /// How many words of the source the match spans, less one (0 when not
    /// found): what tells two matches apart when all else is equal.
    public var span: Int = 0

    /// Not found, with nothing near.
    public static let notFound = QuoteResult(verdict: .notFound, match: nil, similarity: 0)
}

/// What a quotation is checked against, and how.
public struct QuoteChecker: Sendable {
    /// A match must share at least this share of the quotation's words…
    public static let minimumCoverage = 0.7
    /// …and have at least this similarity (Dice over words: twice the words
    /// shared over the words of both sides; ellipses and bracketed
    /// insertions not counted), or it is not found.
    public static let minimumSimilarity = 0.6

    public let library: QuoteLibrary

    public init(library: QuoteLibrary) {
        self.library = library
    }

    /// Checks one quotation.
    ///
    /// - Parameters:
    ///   - text: the quotation, without its quote marks.
    ///   - speaker: the credited speaker's id: only their passages (and
    ///     passages whose speaker is not known) are searched.
    ///   - date: the quoting page's date: among equally good matches, one in
    ///     a transcript dated on or before it is preferred.
    ///   - excluding: a source never to match (the quoting page itself).
    public func check(_ text: String, speaker: String? = nil, date: CalendarDate? = nil, excluding: String? = nil) -> QuoteResult {
        check(text, speakers: speaker.map { [$0] }, date: date, excluding: excluding)
    }

    /// ``check(_:speaker:date:excluding:)`` for a credit that names any of
    /// several speaker ids (one person registered twice, say): the passages
    /// of each count.
    public func check(_ text: String, speakers: Set<String>?, date: CalendarDate? = nil, excluding: String? = nil) -> QuoteResult {
        check(text, speakers: speakers, date: date, excluding: excluding, candidates: nil)
    }

    /// ``check(_:speakers:date:excluding:)`` against the given sources
    /// alone, by place in ``QuoteLibrary/sources``, best candidate first,
    /// as a caller that picked them (``QuoteProbe``) gives them.
    public func check(_ text: String, speakers: Set<String>?, date: CalendarDate? = nil, excluding: String? = nil, candidates given: [Int]?) -> QuoteResult {
        let pattern = QuotePattern(text)
        // Given candidates, the quotation's words are numbered on their own
        // (the library numbers none).
        var local: [String: Int32] = [:]
        if given != nil {
            for element in pattern.elements {
                if case .word(let word, _) = element, local[word] == nil { local[word] = Int32(local.count) }
            }
        }
        let vocabulary = given == nil ? library.vocabulary : local
        let numbering = given == nil ? library.numbering : WordNumbering(local)
        let quoteWords = pattern.elements.compactMap { element -> Int32? in
            if case .word(let word, _) = element { return vocabulary[word] ?? -2 } else { return nil }
        }
        let notFound = QuoteResult(verdict: .notFound, match: nil, similarity: 0)
        guard !quoteWords.isEmpty else { return notFound }
        let startsMidSentence = QuotePattern.opensWithEllipsis(text)
        let endsMidSentence = QuotePattern.closesWithEllipsis(text)
        let claimsSentenceEnd = !endsMidSentence && Self.endsWithStop(text)

        var best: (result: QuoteResult, key: (Int, Int, Double, Int))?
        var nearest = (similarity: 0.0, coverage: 0.0)
        // Pairs of words that follow each other in the quotation (not across
        // an ellipsis or an insertion), for picking candidate transcripts.
        var pairs: [UInt64] = []
        var previous: Int32 = -1
        var wordIndex = 0
        for element in pattern.elements {
            if case .word = element {
                let number = quoteWords[wordIndex]
                wordIndex += 1
                if previous >= 0, number >= 0 { pairs.append(QuoteLibrary.pair(previous, number)) }
                previous = number
            } else {
                previous = -1
            }
        }
        for sourceIndex in given ?? library.candidates(forPairs: pairs) {
            let source = library.sources[sourceIndex]
            if source.id == excluding { continue }
            let words = library.words(of: sourceIndex, speakers: speakers, numbering: numbering)
            for window in windows(words.numbers, quote: Set(quoteWords.filter { $0 >= 0 }), length: pattern.elements.count, hasGap: pattern.elements.contains(.gap)) {
                guard let alignment = Alignment.align(pattern, quoteWords, words.numbers, window) else { continue }
                if alignment.similarity > nearest.similarity { nearest = (alignment.similarity, alignment.coverage) }
                guard alignment.coverage >= Self.minimumCoverage, alignment.similarity >= Self.minimumSimilarity else { continue }
                let verdict = verdict(alignment, words: words, source: source, pattern: pattern,
                                      startsMidSentence: startsMidSentence, claimsSentenceEnd: claimsSentenceEnd)
                let passages = Array(Set(words.passage[alignment.first ... alignment.last])).sorted()
                let match = QuoteSourceMatch(
                    sourceIndex: sourceIndex, sourceID: source.id,
                    passageIDs: (passages.first.map { Int($0) }.map { first in
                        (first ... Int(passages.last ?? Int32(first))).map { source.passages[$0].id }
                    }) ?? [],
                    text: surface(words, source: source, alignment.first ... alignment.last)
                )
                var onTime = 1
                if let date, let sourceDate = source.date, sourceDate > date { onTime = 0 }
                let key = (verdict.rank, onTime, alignment.similarity, -(alignment.last - alignment.first))
                if let known = best, key <= known.key { continue }
                best = (QuoteResult(verdict: verdict, match: match, similarity: alignment.similarity, coverage: alignment.coverage,
                                    span: alignment.last - alignment.first), key)
            }
        }
        return best?.result ?? QuoteResult(verdict: .notFound, match: nil, similarity: nearest.similarity, coverage: nearest.coverage)
    }

    /// Whether no later candidate can take `result`'s place: a verbatim
    /// match of every word (similarity 1), in a source dated on or before
    /// the quoting page, of a quotation without an ellipsis or insertion,
    /// spans exactly its words, and a candidate replaces the best only
    /// with a better (verdict, on time, similarity, shorter span): none is.
    /// A caller may then check a quotation against its first candidate
    /// alone and get the verdict all of them would give.
    public static func isUnbeatable(_ result: QuoteResult, text: String, date: CalendarDate?, sourceDate: CalendarDate?) -> Bool {
        guard case .verbatim = result.verdict, result.match != nil, result.similarity >= 1 else { return false }
        if let date, let sourceDate, sourceDate > date { return false }
        return !QuotePattern(text).elements.contains { element in
            if case .word = element { false } else { true }
        }
    }

    /// What ``check(_:speakers:date:excluding:candidates:)`` gives for
    /// some candidates followed by others, from its results for each part
    /// apart (`first` for the first part): a later candidate replaces the
    /// best only with a better (verdict, on time, similarity, shorter span),
    /// and when none is found, the nearest is the first of the most similar.
    /// A caller that checked a quotation against its best candidate alone
    /// then checks it against the others without aligning the best again.
    ///
    /// - Parameter sourceDate: a source's date, by the place the matches name.
    public static func merged(_ first: QuoteResult, _ later: QuoteResult, date: CalendarDate?,
                              sourceDate: (Int) -> CalendarDate?) -> QuoteResult {
        switch (first.match, later.match) {
        case (nil, nil): return later.similarity > first.similarity ? later : first
        case (nil, _?): return later
        case (_?, nil): return first
        case (let a?, let b?):
            func key(_ result: QuoteResult, _ match: QuoteSourceMatch) -> (Int, Int, Double, Int) {
                var onTime = 1
                if let date, let source = sourceDate(match.sourceIndex), source > date { onTime = 0 }
                return (result.verdict.rank, onTime, result.similarity, -result.span)
            }
            return key(later, b) > key(first, a) ? later : first
        }
    }

    // MARK: Verdicts

    private func verdict(_ alignment: Alignment, words: QuoteLibrary.Words, source: QuoteSource, pattern: QuotePattern,
                         startsMidSentence: Bool, claimsSentenceEnd: Bool) -> QuoteVerdict {
        var changes: [WordChange] = []
        var omitted: [String] = []
        var said: [Int] = []
        var quoted: [String] = []
        func flush() {
            if said.isEmpty && quoted.isEmpty { return }
            let saidText = said.isEmpty ? "" : surface(words, source: source, said[0] ... said[said.count - 1])
            if quoted.isEmpty {
                omitted.append(saidText)
            } else {
                changes.append(WordChange(said: saidText, quoted: quoted.joined(separator: " ")))
            }
            said = []
            quoted = []
        }
        for op in alignment.ops {
            switch op {
            case .match, .skip: flush()
            case .substitute(let j, let q):
                said.append(j)
                quoted.append(q)
            case .insert(let q): quoted.append(q)
            case .delete(let j): said.append(j)
            }
        }
        flush()
        if !changes.isEmpty {
            return .altered(changes: changes + omitted.map { WordChange(said: $0, quoted: "") })
        }
        // A quotation that opens with a capital as if it began a sentence,
        // from the middle of one, or closes with a full stop short of the end.
        let first = words.tokens[alignment.first]
        if !startsMidSentence, let firstWord = pattern.elements.first, case .word(_, let surfaceWord) = firstWord,
           surfaceWord.first?.isUppercase == true, !first.startsSentence, !first.capitalized {
            var j = alignment.first - 1
            let passage = words.passage[alignment.first]
            while j >= 0, words.passage[j] == passage, !words.tokens[j].startsSentence { j -= 1 }
            if j >= 0, words.passage[j] == passage {
                omitted.insert(surface(words, source: source, j ... (alignment.first - 1)), at: 0)
            }
        }
        let last = words.tokens[alignment.last]
        if claimsSentenceEnd, !last.endsSentence {
            var j = alignment.last + 1
            let passage = words.passage[alignment.last]
            while j < words.tokens.count, words.passage[j] == passage, !words.tokens[j].endsSentence { j += 1 }
            if j < words.tokens.count, words.passage[j] == passage {
                omitted.append(surface(words, source: source, (alignment.last + 1) ... j))
            }
        }
        return omitted.isEmpty ? .verbatim : .trimmed(omitted: omitted)
    }

    private static func endsWithStop(_ text: String) -> Bool {
        for scalar in text.unicodeScalars.reversed() {
            if QuoteText.isSpace(scalar) || QuoteText.isDoubleQuote(scalar) || QuoteText.isSingleQuote(scalar) { continue }
            return scalar == "." || scalar == "!" || scalar == "?"
        }
        return false
    }

    /// The source's words `range` as the transcript writes them: one
    /// stretch of each passage's text, passages joined by a space.
    private func surface(_ words: QuoteLibrary.Words, source: QuoteSource, _ range: ClosedRange<Int>) -> String {
        var parts: [String] = []
        var j = range.lowerBound
        while j <= range.upperBound {
            let passage = words.passage[j]
            var k = j
            while k + 1 <= range.upperBound, words.passage[k + 1] == passage { k += 1 }
            let text = source.passages[Int(passage)].text
            let bytes = Array(text.utf8)[words.tokens[j].start ..< words.tokens[k].end]
            parts.append(String(decoding: bytes, as: UTF8.self))
            j = k + 1
        }
        return parts.joined(separator: " ")
    }

    // MARK: Windows

    /// Stretches of a source worth aligning: around the places where the
    /// quotation's rarest words (in this source) occur, wide enough for the
    /// whole quotation either side. Several words anchor, so a window is
    /// still found when one of them is the word the quotation changed.
    private func windows(_ numbers: [Int32], quote: Set<Int32>, length: Int, hasGap: Bool) -> [Range<Int>] {
        var counts: [Int32: Int] = [:]
        for number in numbers where number >= 0 && quote.contains(number) { counts[number, default: 0] += 1 }
        let anchorsWords = Set(counts.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(4).map(\.key))
        guard !anchorsWords.isEmpty else { return [] }
        var anchors: [Int] = []
        for (j, number) in numbers.enumerated() where anchorsWords.contains(number) { anchors.append(j) }
        let reach = hasGap ? 4 * length + 2000 : length + 10
        var clusters: [(first: Int, last: Int, count: Int)] = []
        for anchor in anchors {
            if let last = clusters.last, anchor - last.last <= reach {
                clusters[clusters.count - 1].last = anchor
                clusters[clusters.count - 1].count += 1
            } else {
                clusters.append((anchor, anchor, 1))
            }
        }
        let margin = 2 * length + 10
        return clusters.sorted { ($0.count, -$0.first) > ($1.count, -$1.first) }
            .prefix(8)
            .map { max(0, $0.first - margin) ..< min(numbers.count, $0.last + margin + 1) }
    }
}
