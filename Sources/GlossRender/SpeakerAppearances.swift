import GlossModel

/// Where one speaker appears among the listed transcripts: each transcript
/// they take part in (named in front matter or speaking a turn), newest
/// first, with how much they said there and their first turn.
public struct SpeakerAppearances: Sendable {
    public let speaker: Speaker
    /// One entry per transcript, newest first; a transcript is never listed twice.
    public private(set) var transcripts: [SpeakerTranscript]
    /// Turns in all of ``transcripts``.
    public private(set) var turnCount: Int
    /// Words in all of the speaker's turns.
    public private(set) var wordCount: Int

    init(speaker: Speaker, newestFirst transcripts: [SpeakerTranscript]) {
        self.speaker = speaker
        self.transcripts = transcripts
        turnCount = transcripts.reduce(0) { $0 + $1.turnCount }
        wordCount = transcripts.reduce(0) { $0 + $1.wordCount }
    }

    /// - Parameters:
    ///   - turns: turns of any speakers, each transcript's in the order
    ///     spoken; this speaker's are picked out. A turn in a transcript
    ///     missing from `documents` (a draft) is left out.
    ///   - documents: the listed transcripts by slug.
    public init(speaker: Speaker, turns: [TurnExcerpt], documents: [String: Document]) {
        var tallies: [String: SpeakerTranscript.Tally] = [:]
        for turn in turns where turn.speakerID == speaker.id && documents[turn.slug] != nil {
            tallies[turn.slug, default: SpeakerTranscript.Tally()].add(turn)
        }
        for (slug, document) in documents where document.speakers.contains(where: { $0.id == speaker.id }) {
            if tallies[slug] == nil { tallies[slug] = SpeakerTranscript.Tally() }
        }
        // Sorts the transcripts, which are few beside the turns.
        let order = tallies.keys.compactMap { documents[$0] }.sorted(by: PageRenderer.newestFirst)
        self.init(speaker: speaker, newestFirst: order.map { document in
            SpeakerTranscript(document: document, tally: tallies[document.slug] ?? SpeakerTranscript.Tally())
        })
    }
}

extension SpeakerAppearances {
    /// What ``update(_:turns:)`` did to the list of transcripts.
    public enum Change: Equatable, Sendable {
        /// The entry at this place was replaced: only its page and the first
        /// (the totals) can differ.
        case replaced(at: Int)
        /// An entry came or went: every page from this place on moves.
        case moved(from: Int)
    }

    /// Brings one transcript's entry up to date with `turns`, its turns in
    /// the order spoken, and its front matter: the entry is replaced, added
    /// or taken out. The transcript must keep its place among the others
    /// (its date, title and slug as before), as when only its words were
    /// edited; the result is then what ``all(speakers:documents:turns:)``
    /// would give. Nil when the speaker is not in the transcript, before or now.
    public mutating func update(_ document: Document, turns: [TurnExcerpt]) -> Change? {
        var tally = SpeakerTranscript.Tally()
        for turn in turns where turn.speakerID == speaker.id { tally.add(turn) }
        let named = document.speakers.contains { $0.id == speaker.id }
        // The entries are newest first: the transcript's place is found by halves.
        var low = 0, high = transcripts.count
        while low < high {
            let middle = (low + high) / 2
            if PageRenderer.newestFirst(transcripts[middle].document, document) { low = middle + 1 } else { high = middle }
        }
        let there = low < transcripts.count && transcripts[low].document.slug == document.slug
        if there {
            turnCount -= transcripts[low].turnCount
            wordCount -= transcripts[low].wordCount
        }
        guard tally.turnCount > 0 || named else {
            guard there else { return nil }
            transcripts.remove(at: low)
            return .moved(from: low)
        }
        let entry = SpeakerTranscript(document: document, tally: tally)
        turnCount += entry.turnCount
        wordCount += entry.wordCount
        if there {
            transcripts[low] = entry
            return .replaced(at: low)
        }
        transcripts.insert(entry, at: low)
        return .moved(from: low)
    }
}

/// One transcript a speaker appears in, as their page lists it.
public struct SpeakerTranscript: Sendable {
    public let document: Document
    /// The speaker's first turn in the transcript; nil when front matter
    /// names them but no turn is theirs.
    public let firstTurn: TurnExcerpt?
    public let turnCount: Int
    public let wordCount: Int

    init(document: Document, tally: Tally) {
        self.document = document
        firstTurn = tally.firstTurn
        turnCount = tally.turnCount
        wordCount = tally.wordCount
    }

    /// A speaker's turns in one transcript, counted as they come.
    struct Tally {
        var firstTurn: TurnExcerpt?
        var turnCount = 0
        var wordCount = 0

        /// `turn` must come after every turn already added, in the order spoken.
        mutating func add(_ turn: TurnExcerpt) {
            if firstTurn == nil { firstTurn = turn }
            turnCount += 1
            wordCount += max(0, turn.wordCount)
        }
    }
}

extension SpeakerAppearances {
    /// Every registry speaker's appearances at once, in one pass over the
    /// transcripts newest first and over each one's turns, with no sort of
    /// the turns and no pass per speaker: linear in turns however many
    /// speakers the registry has, as a build with hundreds of thousands of
    /// turns needs.
    ///
    /// - Parameters:
    ///   - speakers: the registry, without repeated ids (a repeat gets nothing).
    ///   - documents: the listed transcripts, in any order.
    ///   - turns: each transcript's turns in the order spoken, parallel to `documents`.
    public static func all(speakers: [Speaker], documents: [Document], turns: [[TurnExcerpt]]) -> [SpeakerAppearances] {
        let order = documents.indices.dropFirst().allSatisfy({ !PageRenderer.newestFirst(documents[$0], documents[$0 - 1]) })
            ? Array(documents.indices)
            : documents.indices.sorted { PageRenderer.newestFirst(documents[$0], documents[$1]) }
        let positions = Dictionary(speakers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var listed = Array(repeating: [SpeakerTranscript](), count: speakers.count)
        // One transcript's speakers: a handful, so a scan of them is cheaper
        // per turn than hashing its speaker id. `position` is nil for a
        // speaker the registry does not have (no page to list them on).
        var present: [(id: String, position: Int?, tally: SpeakerTranscript.Tally)] = []
        for index in order {
            let document = documents[index]
            present.removeAll(keepingCapacity: true)
            for turn in index < turns.count ? turns[index] : [] {
                if let slot = present.firstIndex(where: { $0.id == turn.speakerID }) {
                    present[slot].tally.add(turn)
                } else {
                    var tally = SpeakerTranscript.Tally()
                    tally.add(turn)
                    present.append((turn.speakerID, positions[turn.speakerID], tally))
                }
            }
            for named in document.speakers where !present.contains(where: { $0.id == named.id }) {
                present.append((named.id, positions[named.id], SpeakerTranscript.Tally()))
            }
            for speaker in present {
                guard let position = speaker.position else { continue }
                listed[position].append(SpeakerTranscript(document: document, tally: speaker.tally))
            }
        }
        return speakers.indices.map { SpeakerAppearances(speaker: speakers[$0], newestFirst: listed[$0]) }
    }
}
