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

/// Every passage quotations are checked against, with an inverted index
/// from each word to the transcripts that hold it, so a quotation is only
/// aligned with the few transcripts that share its rarest words.
///
/// The words themselves are not kept: a candidate transcript is cut into
/// words again when a quotation is checked against it, which costs far less
/// memory on a large site than holding every word of every transcript.
public struct QuoteLibrary: Sendable {
    public let sources: [QuoteSource]
    /// Each distinct word, numbered.
    let vocabulary: [String: Int32]
    /// For each word number, the sources that hold it, ascending.
    let postings: [[Int32]]

    public init(sources: [QuoteSource]) {
        self.sources = sources
        var vocabulary: [String: Int32] = [:]
        var postings: [[Int32]] = []
        for (index, source) in sources.enumerated() {
            let sourceNumber = Int32(index)
            for passage in source.passages {
                for token in QuoteText.tokens(passage.text) {
                    let number: Int32
                    if let known = vocabulary[token.word] {
                        number = known
                    } else {
                        number = Int32(postings.count)
                        vocabulary[token.word] = number
                        postings.append([])
                    }
                    if postings[Int(number)].last != sourceNumber { postings[Int(number)].append(sourceNumber) }
                }
            }
        }
        self.vocabulary = vocabulary
        self.postings = postings
    }

    /// The number of sources a word is in.
    func frequency(_ word: Int32) -> Int { postings[Int(word)].count }

    /// The sources worth aligning a quotation with: those holding at least
    /// half of its rarest words, most shared words first.
    func candidates(for words: [Int32], limit: Int = 12) -> [Int] {
        let distinct = Array(Set(words)).sorted { (frequency($0), $0) < (frequency($1), $1) }
        let rare = distinct.prefix(8)
        guard !rare.isEmpty else { return [] }
        var hits: [Int32: Int] = [:]
        for word in rare {
            for source in postings[Int(word)] { hits[source, default: 0] += 1 }
        }
        let needed = max(1, (rare.count + 1) / 2)
        return hits.filter { $0.value >= needed }
            .sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }
            .prefix(limit)
            .map { Int($0.key) }
    }

    /// A source cut into words, each numbered (-1 for a word the caller may
    /// not match, such as another speaker's), with the passage it is in.
    struct Words {
        var numbers: [Int32]
        var tokens: [QuoteToken]
        var passage: [Int32]
    }

    func words(of sourceIndex: Int, speaker: String?) -> Words {
        let source = sources[sourceIndex]
        var result = Words(numbers: [], tokens: [], passage: [])
        for (p, passage) in source.passages.enumerated() {
            let eligible = speaker == nil || source.speaker(ofPassage: p) == nil || source.speaker(ofPassage: p) == speaker
            for token in QuoteText.tokens(passage.text) {
                result.numbers.append(eligible ? (vocabulary[token.word] ?? -1) : -1)
                result.tokens.append(token)
                result.passage.append(Int32(p))
            }
        }
        return result
    }
}
