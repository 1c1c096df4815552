import GlossModel

/// Where one speaker appears among the listed transcripts: their turns,
/// newest transcript first, and the transcripts they take part in (named in
/// front matter or speaking a turn), newest first.
public struct SpeakerAppearances: Sendable {
    public let speaker: Speaker
    public let turns: [TurnExcerpt]
    public let documents: [Document]
    let documentsBySlug: [String: Document]

    /// - Parameters:
    ///   - turns: turns of any speakers; this speaker's are picked out. A turn
    ///     in a transcript missing from `documents` (a draft) is left out.
    ///   - documents: the listed transcripts by slug.
    public init(speaker: Speaker, turns: [TurnExcerpt], documents: [String: Document]) {
        self.speaker = speaker
        let own = turns.filter { $0.speakerID == speaker.id && documents[$0.slug] != nil }
        var slugs = Set(own.map(\.slug))
        for (slug, document) in documents where document.frontMatter.speakers.contains(where: { $0.id == speaker.id }) {
            slugs.insert(slug)
        }
        let order = slugs.compactMap { documents[$0] }.sorted(by: PageRenderer.newestFirst)
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1.slug, $0) })
        self.turns = own.enumerated().sorted {
            (rank[$0.element.slug] ?? 0, $0.offset) < (rank[$1.element.slug] ?? 0, $1.offset)
        }.map(\.element)
        self.documents = order
        documentsBySlug = Dictionary(uniqueKeysWithValues: order.map { ($0.slug, $0) })
    }
}

extension SpeakerAppearances {
    /// Every registry speaker's appearances at once, in one pass over the
    /// transcripts newest first, with no sort of the turns: what a build
    /// with hundreds of thousands of turns needs.
    ///
    /// - Parameters:
    ///   - documents: the listed transcripts, in any order.
    ///   - turns: each transcript's turns in the order spoken, parallel to `documents`.
    public static func all(speakers: [Speaker], documents: [Document], turns: [[TurnExcerpt]]) -> [SpeakerAppearances] {
        let order = documents.indices.dropFirst().allSatisfy({ !PageRenderer.newestFirst(documents[$0], documents[$0 - 1]) })
            ? Array(documents.indices)
            : documents.indices.sorted { PageRenderer.newestFirst(documents[$0], documents[$1]) }
        return speakers.parallelMap { speaker in
            var own: [TurnExcerpt] = []
            var appearing: [Document] = []
            for index in order {
                let document = documents[index]
                let spoken = index < turns.count ? turns[index].filter { $0.speakerID == speaker.id } : []
                if !spoken.isEmpty || document.frontMatter.speakers.contains(where: { $0.id == speaker.id }) {
                    appearing.append(document)
                    own += spoken
                }
            }
            return SpeakerAppearances(speaker: speaker, newestFirst: appearing, turns: own)
        }
    }

    private init(speaker: Speaker, newestFirst documents: [Document], turns: [TurnExcerpt]) {
        self.speaker = speaker
        self.turns = turns
        self.documents = documents
        documentsBySlug = Dictionary(documents.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
