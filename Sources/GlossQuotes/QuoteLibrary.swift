import GlossModel

/// One paragraph of a transcript that quotations may come from.
public struct SourcePassage: Sendable, Hashable {
    /// The fragment that links to it (`p-3f2a1c`).
    public var id: String
    /// The speaker of the turn it is in, if any.
    public var speakerID: String?
    /// Its words as a reader sees them.
    public var text: String

    public init(id: String, speakerID: String? = nil, text: String) {
        self.id = id
        self.speakerID = speakerID
        self.text = text
    }
}

/// A transcript as the quote check sees it.
public struct QuoteSource: Sendable, Hashable {
    /// What identifies it to the caller (a path or a URL).
    public var id: String
    public var date: CalendarDate?
    /// Its declared speakers: a passage outside any turn of a transcript
    /// with one speaker is taken to be theirs.
    public var speakerIDs: [String]
    public var passages: [SourcePassage]

    public init(id: String, date: CalendarDate? = nil, speakerIDs: [String] = [], passages: [SourcePassage]) {
        self.id = id
        self.date = date
        self.speakerIDs = speakerIDs
        self.passages = passages
    }

    /// Who said `passages[index]`, as far as the transcript tells.
    func speaker(ofPassage index: Int) -> String? {
        passages[index].speakerID ?? (speakerIDs.count == 1 ? speakerIDs[0] : nil)
    }
}

/// Every passage quotations are checked against, with what picks the few
/// transcripts worth aligning a quotation with: for each transcript, a
/// Bloom filter of the pairs of words that follow each other in it.
///
/// Pairs, not words: on a site of many transcripts on the same subjects
/// (or a generated corpus of a few hundred words), every transcript holds
/// every word of a quotation, but few hold its words in that order. A
/// filter answers "does this transcript hold this pair?" with no false "no"
/// and about one false "yes" in fifty, in twelve bits a pair.
///
/// The words themselves are not kept: a candidate transcript is cut into
/// words again when a quotation is checked against it, which costs far less
/// memory on a large site than holding every word of every transcript.
public struct QuoteLibrary: Sendable {
    public let sources: [QuoteSource]
    /// Each distinct word, numbered.
    let vocabulary: [String: Int32]
    /// For each source, its filter of word pairs (a power of two of bits).
    let pairFilters: [[UInt64]]

    /// - Parameter filters: whether to number the words and make each
    ///   source's pair filter, which ``QuoteChecker/check(_:speakers:date:excluding:)``
    ///   picks candidates with; a caller that picked them itself
    ///   (``QuoteProbe``) and passes them to
    ///   ``QuoteChecker/check(_:speakers:date:excluding:candidates:)`` needs neither.
    public init(sources: [QuoteSource], filters: Bool = true) {
        self.sources = sources
        guard filters else {
            // A check given its candidates numbers the quotation's words alone.
            vocabulary = [:]
            pairFilters = []
            return
        }
        var vocabulary: [String: Int32] = [:]
        var made: [[UInt64]] = []
        made.reserveCapacity(sources.count)
        for source in sources {
            var pairs: [UInt64] = []
            for passage in source.passages {
                var previous: Int32 = -1
                for token in QuoteText.tokens(passage.text) {
                    let number: Int32
                    if let known = vocabulary[token.word] {
                        number = known
                    } else {
                        number = Int32(vocabulary.count)
                        vocabulary[token.word] = number
                    }
                    if previous >= 0 { pairs.append(Self.pair(previous, number)) }
                    previous = number
                }
            }
            var bits = 64
            while bits < pairs.count * 12 { bits *= 2 }
            var filter = [UInt64](repeating: 0, count: bits / 64)
            for pair in pairs {
                for probe in Self.probes(pair, bits: bits) { filter[probe >> 6] |= 1 << UInt64(probe & 63) }
            }
            made.append(filter)
        }
        self.vocabulary = vocabulary
        pairFilters = made
    }

    static func pair(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    /// The two hashes of a pair (a SplitMix mix, split), for double hashing.
    static func hashes(_ pair: UInt64) -> (Int, Int) {
        var z = pair &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (Int(truncatingIfNeeded: z & 0xFFFF_FFFF), Int(truncatingIfNeeded: z >> 32) | 1)
    }

    /// Three bit positions for a pair in a filter of `bits` bits.
    static func probes(_ pair: UInt64, bits: Int) -> [Int] {
        let (h1, h2) = hashes(pair)
        let mask = bits - 1
        return [h1 & mask, (h1 &+ h2) & mask, (h1 &+ 2 &* h2) & mask]
    }

    func holds(_ source: Int, hashes: (Int, Int)) -> Bool {
        pairFilters[source].withUnsafeBufferPointer { filter in
            let mask = filter.count * 64 - 1
            var probe = hashes.0
            for _ in 0 ..< 3 {
                let bit = probe & mask
                if filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
                probe &+= hashes.1
            }
            return true
        }
    }

    /// The sources worth aligning a quotation with, given its pairs of
    /// consecutive known words: those holding at least a third of them,
    /// most first, at most `limit`.
    func candidates(forPairs pairs: [UInt64], limit: Int = 8) -> [Int] {
        let distinct = Array(Set(pairs)).map(Self.hashes)
        guard !distinct.isEmpty else { return [] }
        let needed = max(1, distinct.count / 3)
        var scored: [(source: Int, hits: Int)] = []
        for source in sources.indices {
            var hits = 0
            for pair in distinct where holds(source, hashes: pair) { hits += 1 }
            if hits >= needed { scored.append((source, hits)) }
        }
        return scored.sorted { ($0.hits, -$0.source) > ($1.hits, -$1.source) }.prefix(limit).map(\.source)
    }

    /// A source cut into words, each numbered (-1 for a word the caller may
    /// not match, such as another speaker's), with the passage it is in.
    struct Words {
        var numbers: [Int32]
        var tokens: [QuoteToken]
        var passage: [Int32]
    }

    func words(of sourceIndex: Int, speakers: Set<String>?) -> Words {
        words(of: sourceIndex, speakers: speakers, vocabulary: vocabulary)
    }

    /// ``words(of:speakers:)`` numbered by `vocabulary`, a word it does not
    /// hold numbered -1: with the quotation's words alone, this aligns as
    /// the whole site's vocabulary does, as only equal numbers count.
    func words(of sourceIndex: Int, speakers: Set<String>?, vocabulary: [String: Int32]) -> Words {
        let source = sources[sourceIndex]
        var result = Words(numbers: [], tokens: [], passage: [])
        for (p, passage) in source.passages.enumerated() {
            let eligible = speakers == nil || source.speaker(ofPassage: p).map { speakers?.contains($0) == true } ?? true
            for token in QuoteText.tokens(passage.text) {
                result.numbers.append(eligible ? (vocabulary[token.word] ?? -1) : -1)
                result.tokens.append(token)
                result.passage.append(Int32(p))
            }
        }
        return result
    }
}
