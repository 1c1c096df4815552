import GlossMarkdown
import GlossModel
import GlossQuotes
import GlossSearch
import GlossSite

/// What the first pass learns of each transcript before any page is written:
/// the ids a link may point at, the links it makes, and its speakers' turns.
struct TranscriptSurvey: Sendable {
    var anchors: Set<String>
    var links: [LinkReference]
    var turns: [TurnExcerpt]
    /// The transcript's terms for search (``SearchIndex/summary(passages:title:fields:)``),
    /// when in memory: a body read from the store has them in the store
    /// only (``searchTermsStored``), read when a shard needs them.
    var searchTerms: [UInt8] = []
    /// Where the store keeps ``searchTerms``, whose checksum is their digest.
    var searchTermsStored: BodyLocation?
    /// Its passages for search results (``SearchIndex/passagesJSON(_:)``),
    /// kept in the body store beside its HTML.
    var searchPassages: BodyHTML = .dropped
    /// The quotations in its Markdown, for the quote check (docs/quotes.md).
    var quotations: [LocatedQuotation] = []

    init(
        anchors: Set<String>, links: [LinkReference], turns: [TurnExcerpt], searchTerms: [UInt8] = [], searchTermsStored: BodyLocation? = nil,
        searchPassages: BodyHTML = .dropped, quotations: [LocatedQuotation] = []
    ) {
        self.searchTermsStored = searchTermsStored
        self.quotations = quotations
        self.anchors = anchors
        self.links = links
        self.turns = turns
        self.searchTerms = searchTerms
        self.searchPassages = searchPassages
    }

    init(_ document: Document, rendered: RenderedMarkdown, search: Bool = true) {
        var anchors = Set(rendered.headings.map(\.id)).union(rendered.pageAnchors)
        var turns: [TurnExcerpt] = []
        var turnIndex: [String: Int] = [:]
        // A speaker page shows a speaker's first turn in each transcript;
        // the others count, but their excerpt is never read.
        var excerpted: Set<String> = []
        for passage in rendered.passages {
            anchors.insert(passage.id)
            guard let turnID = passage.turnID, let speakerID = passage.speakerID else { continue }
            anchors.insert(turnID)
            let words = Self.wordCount(ofCollapsed: passage.text)
            if let index = turnIndex[turnID] {
                turns[index].wordCount += words
            } else {
                turnIndex[turnID] = turns.count
                turns.append(TurnExcerpt(
                    slug: document.slug, passageID: turnID, speakerID: speakerID,
                    excerpt: excerpted.insert(speakerID).inserted ? Self.excerpt(passage.text) : "",
                    wordCount: words, seconds: passage.seconds
                ))
            }
        }
        self.anchors = anchors
        links = rendered.links
        self.turns = turns
        quotations = QuoteFinder.quotations(inMarkdown: document.body, file: document.displayPath, firstLine: document.bodyStartLine)
        guard search else { return }
        searchTerms = Self.searchTerms(document, rendered: rendered)
    }

    /// The words of passage text, which is collapsed: one space between
    /// words. Counted over contiguous bytes, since this reads every word of
    /// every transcript; a string's UTF-8 view is several times slower.
    static func wordCount(ofCollapsed text: String) -> Int {
        guard !text.isEmpty else { return 0 }
        var text = text
        return text.withUTF8 { bytes in
            // Eight bytes at a time: XOR with spaces leaves a zero byte for
            // each space, and the arithmetic below sets the top bit of
            // exactly the zero bytes, with no carry between bytes.
            let raw = UnsafeRawBufferPointer(bytes)
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            var spaces = 0
            var index = 0
            while index + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x2020_2020_2020_2020
                spaces &+= (~(((word & low7) &+ low7) | word | low7)).nonzeroBitCount
                index += 8
            }
            while index < raw.count {
                if raw[index] == UInt8(ascii: " ") { spaces += 1 }
                index += 1
            }
            return spaces + 1
        }
    }

    /// A transcript's summary of terms for search.
    static func searchTerms(_ document: Document, rendered: RenderedMarkdown) -> [UInt8] {
        SearchIndex.summary(
            passages: searchPassages(rendered), title: document.frontMatter.title,
            fields: SearchIndex.fields(kind: document.frontMatter.kind, year: document.frontMatter.date?.year, topics: document.frontMatter.topics)
        )
    }

    /// The digest of ``searchTerms``, as the store's checksum of them.
    var searchTermsDigest: UInt64 {
        if let searchTermsStored { return searchTermsStored.checksum }
        return Self.digest(searchTerms)
    }

    static func digest(_ bytes: [UInt8]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.value
    }

    /// The passages of a rendered body as search shows them.
    static func searchPassages(_ rendered: RenderedMarkdown) -> [SearchPassage] {
        rendered.passages.map { SearchPassage(id: $0.id, speakerID: $0.speakerID, seconds: $0.seconds, text: $0.text) }
    }

    /// The first words of a passage, cut at a word boundary.
    static func excerpt(_ text: String, limit: Int = 240) -> String {
        // A text of no more bytes than the limit has no more characters either.
        guard text.utf8.count > limit else { return text }
        if let ascii = asciiExcerpt(text, limit: limit) { return ascii }
        let cut = text.prefix(limit)
        guard cut.endIndex < text.endIndex else { return text }
        // The cut ends inside a word unless a space follows it: drop that word.
        let end = text[cut.endIndex] == " " ? cut.endIndex : cut.lastIndex(of: " ") ?? cut.endIndex
        let words = text[..<end].trimmingSuffix(while: { $0 == " " })
        return (words.isEmpty ? String(cut) : String(words)) + "…"
    }
}

extension TranscriptSurvey {
    /// ``excerpt(_:limit:)`` on bytes, for a text whose first `limit + 2`
    /// bytes are printable ASCII, where a byte is a character (the one after
    /// the cut included, and the one after that, which could combine with it):
    /// counting characters is the slow part, and most text is like that.
    private static func asciiExcerpt(_ text: String, limit: Int) -> String? {
        let head = Array(text.utf8.prefix(limit + 2))
        guard head.count > limit, head.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let space = UInt8(ascii: " ")
        var end = head[limit] == space ? limit : head[..<limit].lastIndex(of: space) ?? limit
        while end > 0, head[end - 1] == space { end -= 1 }
        let words = end == 0 ? head[..<limit] : head[..<end]
        return String(decoding: words, as: UTF8.self) + "…"
    }
}

extension SiteIndex {
    /// Every link between transcripts, for "Cited by" lists.
    func citations(from document: Document, survey: TranscriptSurvey) -> [Citation] {
        survey.links.compactMap { link in
            guard case .page(_, let slug?, let anchor) = resolve(link.destination, from: document.path) else { return nil }
            return Citation(fromSlug: document.slug, fromPassageID: link.passageID, toSlug: slug, toPassageID: anchor, inAnnotation: link.inNote)
        }
    }
}

private extension Substring {
    func trimmingSuffix(while matches: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, matches(self[index(before: end)]) { end = index(before: end) }
        return self[..<end]
    }
}
