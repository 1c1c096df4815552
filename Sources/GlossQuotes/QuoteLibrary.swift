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
    /// `vocabulary`, for looking a source's words up in.
    let numbering: WordNumbering
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
            numbering = WordNumbering([:])
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
        numbering = WordNumbering(vocabulary)
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
    /// The tokens' `word` is left empty: the numbers stand for it.
    struct Words {
        var numbers: [Int32]
        var tokens: [QuoteToken]
        var passage: [Int32]
    }

    func words(of sourceIndex: Int, speakers: Set<String>?) -> Words {
        words(of: sourceIndex, speakers: speakers, numbering: numbering)
    }

    /// ``words(of:speakers:)`` numbered by `numbering`, a word it does not
    /// hold numbered -1: with the quotation's words alone, this aligns as
    /// the whole site's vocabulary does, as only equal numbers count.
    func words(of sourceIndex: Int, speakers: Set<String>?, numbering: WordNumbering) -> Words {
        let source = sources[sourceIndex]
        var result = Words(numbers: [], tokens: [], passage: [])
        // A word is rarely shorter than five bytes with the space after it:
        // room enough for most passages' words without growing the arrays.
        let room = source.passages.reduce(0) { $0 + $1.text.utf8.count } / 5
        result.numbers.reserveCapacity(room)
        result.tokens.reserveCapacity(room)
        result.passage.reserveCapacity(room)
        for (p, passage) in source.passages.enumerated() {
            let eligible = speakers == nil || source.speaker(ofPassage: p).map { speakers?.contains($0) == true } ?? true
            numbering.appendWords(of: passage.text, passage: Int32(p), eligible: eligible, to: &result)
        }
        return result
    }
}

/// A vocabulary (folded word → number) as the check looks a source's
/// words up in it: a word of ASCII letters and digits, nearly every word,
/// by a 64-bit hash of its bytes checked against the bytes, with no
/// `String` made; any other word by `String` in the vocabulary itself.
///
/// `String` equality is canonical equivalence, not byte equality; an ASCII
/// word is canonically equivalent to a vocabulary word exactly when its
/// bytes are that word's canonical decomposition, so each word is entered
/// under its decomposition when that is ASCII.
struct WordNumbering: Sendable {
    let vocabulary: [String: Int32]
    /// Hash of an ASCII word → place in `entries`.
    private var table = IDTable(capacity: 64)
    /// Each entry's bytes, one after another, where `entryStarts` says:
    /// flat, so that a lookup copies no array (and retains none).
    private var entryBytes: [UInt8] = []
    private var entryStarts: [Int] = [0]
    private var entryNumbers: [Int32] = []
    /// Two ASCII words with one hash: every word is then looked up by `String`.
    private var collided = false

    init(_ vocabulary: [String: Int32]) {
        self.vocabulary = vocabulary
        for (word, number) in vocabulary {
            var bytes = Array(word.utf8)
            if bytes.contains(where: { $0 >= 0x80 }) {
                bytes = Array(word.decomposedStringWithCanonicalMapping.utf8)
                if bytes.contains(where: { $0 >= 0x80 }) { continue }
            }
            let place = Int(table.insert(WordHash.of(bytes)))
            if place < entryNumbers.count {
                // The same hash as a word entered before: a collision, or a
                // second word with the same decomposition (not a valid
                // vocabulary of distinct `String`s).
                if !entryBytes[entryStarts[place] ..< entryStarts[place + 1]].elementsEqual(bytes) || entryNumbers[place] != number {
                    collided = true
                }
                continue
            }
            entryBytes += bytes
            entryStarts.append(entryBytes.count)
            entryNumbers.append(number)
        }
    }

    /// The number of a folded word, given as bytes and their hash; -1 if
    /// the vocabulary does not hold it.
    func number(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, ascii: Bool) -> Int32 {
        if ascii, !collided {
            let place = Int(table.lookup(hash))
            guard place >= 0 else { return -1 }
            let start = entryStarts[place]
            guard entryStarts[place + 1] - start == bytes.count else { return -1 }
            return entryBytes.withUnsafeBufferPointer { stored in
                for k in 0 ..< bytes.count where stored[start + k] != bytes[k] { return -1 }
                return entryNumbers[place]
            }
        }
        return vocabulary[String(decoding: bytes, as: UTF8.self)] ?? -1
    }

    /// Cuts `text` into words as ``QuoteText/tokens(_:specials:)`` does,
    /// with the same offsets and sentence marks, and appends each with its
    /// number (-1 when not `eligible`) and `passage` to `words`. Reads the
    /// bytes once and makes no `String` for an ASCII word.
    func appendWords(of text: String, passage: Int32, eligible: Bool, to words: inout QuoteLibrary.Words) {
        var text = text
        text.withUTF8 { bytes in
            typealias Scan = QuoteProbe.Scanner
            let n = bytes.count
            let firstToken = words.tokens.count
            var folded: [UInt8] = []
            folded.reserveCapacity(32)
            var wordStart = -1
            var capitalized = false
            var sentenceOpen = true
            var startsSentence = true
            var lastWasDigit = false
            var ascii = true
            var hash = WordHash.basis

            func finish(at end: Int) {
                guard wordStart >= 0 else { return }
                if !folded.isEmpty {
                    let number = eligible ? folded.withUnsafeBufferPointer { self.number(of: $0, hash: hash, ascii: ascii) } : -1
                    words.numbers.append(number)
                    words.tokens.append(QuoteToken(word: "", start: wordStart, end: end, capitalized: capitalized, startsSentence: startsSentence))
                    words.passage.append(passage)
                }
                folded.removeAll(keepingCapacity: true)
                wordStart = -1
                lastWasDigit = false
                ascii = true
                hash = WordHash.basis
            }
            func open(at i: Int, upper: Bool) {
                guard wordStart < 0 else { return }
                wordStart = i
                capitalized = upper
                startsSentence = sentenceOpen
                sentenceOpen = false
            }

            var i = 0
            while i < n {
                let b = bytes[i]
                let scalar: Unicode.Scalar
                let width: Int
                if b < 0x80 {
                    if Scan.isAlnum(b) {
                        let upper = b >= 0x41 && b <= 0x5A
                        open(at: i, upper: upper)
                        let lower = upper ? b + 32 : b
                        folded.append(lower)
                        hash = (hash ^ UInt64(lower)) &* WordHash.prime
                        lastWasDigit = Scan.isDigit(b)
                        i += 1
                        continue
                    }
                    (scalar, width) = (Unicode.Scalar(b), 1)
                } else {
                    (scalar, width) = Scan.decode(bytes, at: i)
                    if QuoteText.isMark(scalar) {
                        i += width
                        continue
                    }
                    if QuoteText.isWordScalar(scalar) {
                        open(at: i, upper: scalar.properties.isUppercase)
                        for piece in QuoteText.fold(scalar) {
                            for byte in String(piece).utf8 {
                                folded.append(byte)
                                hash = (hash ^ UInt64(byte)) &* WordHash.prime
                            }
                        }
                        ascii = false
                        lastWasDigit = scalar.properties.numericType != nil
                        i += width
                        continue
                    }
                }
                // Inside a word: an apostrophe between letters, or `.`/`,` between digits.
                if wordStart >= 0, Scan.isWordScalar(bytes, at: i + width) {
                    if QuoteText.isSingleQuote(scalar) {
                        i += width
                        continue
                    }
                    if scalar == "." || scalar == ",", lastWasDigit, Scan.isNumeric(bytes, at: i + width) {
                        i += width
                        continue
                    }
                }
                finish(at: i)
                if scalar == "." || scalar == "?" || scalar == "!" {
                    if words.tokens.count > firstToken { words.tokens[words.tokens.count - 1].endsSentence = true }
                    sentenceOpen = true
                } else if scalar == ":" {
                    sentenceOpen = true
                }
                i += width
            }
            finish(at: n)
        }
    }
}
