import Foundation
import GlossModel

/// Everything the site knows about itself once every transcript is loaded:
/// documents by path and slug, speakers, topics. Cross-references are resolved
/// and checked against it, and topic, related and backlink lists built from it.
///
/// Pure and immutable: lookups are dictionary reads, so resolving a link does
/// not depend on the size of the site; only a failed lookup scans for a
/// "did you mean".
public struct SiteIndex: Sendable {
    private(set) var documentsByPath: [String: IndexedDocument]
    private(set) var documentsBySlug: [String: IndexedDocument]
    /// Document paths by their last segment (`hegseth.md`), for suggesting the
    /// right folder when a link names the wrong one.
    let pathsByFileName: [String: [String]]
    let speakersByID: [String: Speaker]
    /// Speaker names and aliases, lowercased and as slugs, to the speaker id,
    /// for suggesting the id when a link names the person instead.
    let speakerIDsByLabel: [String: String]
    let topicsBySlug: [String: TopicSummary]
    /// Topic slugs of each document, without repeats, by document slug.
    let topicSlugsByDocument: [String: [String]]
    /// Slugs newest first (``IndexedDocument/newestFirst(_:_:)``); a
    /// document's place in it is its rank, and lower ranks are newer.
    let slugsNewestFirst: [String]
    let rankBySlug: [String: Int]
    /// Ranks of each speaker's documents, ascending (newest first), by speaker id.
    let ranksBySpeaker: [String: [Int]]
    /// Ranks of each topic's documents, ascending (newest first), by topic slug.
    let ranksByTopic: [String: [Int]]
    /// Years with at least one dated transcript, for `/archive/YEAR/`.
    let years: Set<Int>
    /// Score tables for ``related(to:limit:)``, one per thread at work.
    private let counters = CounterPool()

    /// Every topic some transcript lists, by slug.
    public let topics: [TopicSummary]

    /// Indexes `documents` and the speaker registry. Documents with a path or
    /// slug already taken keep the first (the loader reports such clashes).
    public init(documents: [IndexedDocument], speakers: [Speaker]) {
        documentsByPath = Dictionary(documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        documentsBySlug = Dictionary(documents.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var pathsByFileName: [String: [String]] = [:]
        for path in documentsByPath.keys.sorted() {
            let fileName = path.split(separator: "/").last.map(String.init) ?? path
            pathsByFileName[fileName, default: []].append(path)
        }
        self.pathsByFileName = pathsByFileName

        speakersByID = Dictionary(speakers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var labels: [String: String] = [:]
        for speaker in speakers.sorted(by: { $0.id < $1.id }) {
            for label in [speaker.name] + speaker.aliases {
                for key in [label.lowercased(), SiteIndex.topicSlug(label)] where labels[key] == nil {
                    labels[key] = speaker.id
                }
            }
        }
        speakerIDsByLabel = labels

        // "As first written": by the earliest transcript listing the topic.
        // Sorted as indices, so that the sort moves integers, not documents.
        let unique = Array(documentsBySlug.values)
        let chronological = unique.indices.sorted { i, j in
            let a = unique[i], b = unique[j]
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.path < b.path
            }
        }.map { unique[$0] }
        var names: [String: String] = [:]
        var members: [String: [IndexedDocument]] = [:]
        var topicSlugsByDocument: [String: [String]] = [:]
        var years: Set<Int> = []
        // A site has few topic names and many documents naming them.
        var slugsByName: [String: String] = [:]
        for document in chronological {
            var seen: Set<String> = []
            for name in document.topics {
                let slug = slugsByName[name] ?? SiteIndex.topicSlug(name)
                slugsByName[name] = slug
                guard seen.insert(slug).inserted else { continue }
                if names[slug] == nil { names[slug] = name }
                members[slug, default: []].append(document)
                topicSlugsByDocument[document.slug, default: []].append(slug)
            }
            if let date = document.date { years.insert(date.year) }
        }
        var topicsBySlug: [String: TopicSummary] = [:]
        for (slug, documents) in members {
            topicsBySlug[slug] = TopicSummary(
                name: names[slug] ?? slug,
                slug: slug,
                documentSlugs: documents.indices.sorted { IndexedDocument.newestFirst(documents[$0], documents[$1]) }.map { documents[$0].slug }
            )
        }
        self.topicsBySlug = topicsBySlug
        self.topicSlugsByDocument = topicSlugsByDocument
        self.years = years
        topics = topicsBySlug.values.sorted { $0.slug < $1.slug }

        slugsNewestFirst = unique.indices.sorted { IndexedDocument.newestFirst(unique[$0], unique[$1]) }.map { unique[$0].slug }
        var rankBySlug: [String: Int] = [:]
        rankBySlug.reserveCapacity(slugsNewestFirst.count)
        for (rank, slug) in slugsNewestFirst.enumerated() { rankBySlug[slug] = rank }
        self.rankBySlug = rankBySlug
        var ranksBySpeaker: [String: [Int]] = [:]
        var ranksByTopic: [String: [Int]] = [:]
        for (rank, slug) in slugsNewestFirst.enumerated() {
            guard let document = documentsBySlug[slug] else { continue }
            for id in Set(document.speakerIDs) { ranksBySpeaker[id, default: []].append(rank) }
            for topic in topicSlugsByDocument[slug] ?? [] { ranksByTopic[topic, default: []].append(rank) }
        }
        self.ranksBySpeaker = ranksBySpeaker
        self.ranksByTopic = ranksByTopic
    }

    /// The indexed transcript with `slug`, if any.
    public func document(forSlug slug: String) -> IndexedDocument? {
        documentsBySlug[slug]
    }

    /// Gives the transcript at `slug` the anchors its words have now: all a
    /// rebuild needs to change in the index when an edit left the front
    /// matter, and so the transcript's place in every list, as it was.
    public mutating func replaceAnchors(ofSlug slug: String, with anchors: Set<String>) {
        guard var document = documentsBySlug[slug] else { return }
        document.anchors = anchors
        documentsBySlug[slug] = document
        if documentsByPath[document.path]?.slug == slug { documentsByPath[document.path] = document }
    }

    /// The indexed transcript at `path` (relative to `Content/`), if any.
    public func document(atPath path: String) -> IndexedDocument? {
        documentsByPath[path]
    }

    /// The topic whose slug is `slug`, if some transcript lists it.
    public func topic(forSlug slug: String) -> TopicSummary? {
        topicsBySlug[slug]
    }

    /// The URL path segment for a topic name: diacritics dropped, lowercased,
    /// each run of characters other than letters, digits and `_` turned into
    /// one `-`, no `-` at either end. `European security` → `european-security`,
    /// `Défense  & NATO` → `defense-nato`. A name with nothing left gives `topic`.
    /// Two names with the same slug are the same topic.
    public static func topicSlug(_ name: String) -> String {
        if let slug = asciiTopicSlug(name) { return slug }
        var result = String.UnicodeScalarView()
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        for scalar in folded.unicodeScalars {
            if scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                result.append(scalar)
            } else if let last = result.last, last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        return result.isEmpty ? "topic" : String(result)
    }

    /// ``topicSlug(_:)`` for a name of ASCII characters, the usual case,
    /// without Foundation's folding: nil when the name has any other character.
    private static func asciiTopicSlug(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                bytes.append(byte + 32)
            case 0x80...:
                return nil
            default:
                if let last = bytes.last, last != UInt8(ascii: "-") { bytes.append(UInt8(ascii: "-")) }
            }
        }
        while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        return bytes.isEmpty ? "topic" : String(decoding: bytes, as: UTF8.self)
    }

    /// How many transcripts of one speaker or topic, newest first, are weighed
    /// for "related transcripts".
    static let relatedScanLimit = 200

    /// Up to `limit` other transcripts sharing the most speakers and topics with
    /// the one at `slug` (one point for each shared speaker and each shared
    /// topic), ties newest first. Transcripts sharing nothing are left out.
    public func related(to slug: String, limit: Int) -> [String] {
        guard limit > 0, let rank = rankBySlug[slug], let document = documentsBySlug[slug] else { return [] }
        // Each speaker's and topic's list is scanned only so far: a speaker in
        // thousands of transcripts must not make every page cost the whole site.
        let scanned = Self.relatedScanLimit
        var lists: [ArraySlice<Int>] = []
        for id in Set(document.speakerIDs) {
            if let ranks = ranksBySpeaker[id] { lists.append(ranks.prefix(scanned)) }
        }
        for topic in topicSlugsByDocument[slug] ?? [] {
            if let ranks = ranksByTopic[topic] { lists.append(ranks.prefix(scanned)) }
        }
        // A candidate's score is how many lists hold it, counted in a table
        // with a slot per rank (borrowed, so that this runs for every
        // transcript of every build without allocating one each time), then
        // the best kept by score, ties to the lower rank.
        var best: [(score: Int, rank: Int)] = []
        best.reserveCapacity(limit + 1)
        counters.borrow(size: slugsNewestFirst.count) { counts in
            var touched: [Int] = []
            touched.reserveCapacity(lists.reduce(0) { $0 + $1.count })
            for list in lists {
                for candidate in list {
                    if counts[candidate] == 0 { touched.append(candidate) }
                    counts[candidate] &+= 1
                }
            }
            for candidate in touched {
                let score = Int(counts[candidate])
                counts[candidate] = 0
                guard candidate != rank else { continue }
                if best.count == limit {
                    let last = best[limit - 1]
                    guard score > last.score || (score == last.score && candidate < last.rank) else { continue }
                }
                let place = best.firstIndex { score > $0.score || (score == $0.score && candidate < $0.rank) } ?? best.count
                best.insert((score, candidate), at: place)
                if best.count > limit { best.removeLast() }
            }
        }
        return best.map { slugsNewestFirst[$0.rank] }
    }

    /// "Cited by" lists: citations grouped by the slug of the transcript they
    /// cite, each list sorted by citing transcript, then citing passage (none
    /// first), then cited passage. Links from a transcript to itself and exact
    /// repeats are left out.
    public static func backlinks(_ citations: [Citation]) -> [String: [Citation]] {
        var grouped: [String: Set<Citation>] = [:]
        for citation in citations where citation.fromSlug != citation.toSlug {
            grouped[citation.toSlug, default: []].insert(citation)
        }
        return grouped.mapValues { $0.sorted(by: citedByOrder) }
    }

    private static func citedByOrder(_ a: Citation, _ b: Citation) -> Bool {
        if a.fromSlug != b.fromSlug { return a.fromSlug < b.fromSlug }
        if a.fromPassageID != b.fromPassageID { return (a.fromPassageID ?? "") < (b.fromPassageID ?? "") || a.fromPassageID == nil }
        if a.toPassageID != b.toPassageID { return (a.toPassageID ?? "") < (b.toPassageID ?? "") || a.toPassageID == nil }
        return !a.inAnnotation && b.inAnnotation
    }
}
