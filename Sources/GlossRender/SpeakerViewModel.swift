import GlossTemplate
import GlossModel
import GlossSite

/// One entry of `{{#speakers}}`: a speaker of the transcript, resolved from the registry.
struct SpeakerViewModel: TemplateObject {
    /// The registry id (`hegseth`).
    var id: String
    /// The registry name, or the id when the registry does not know it.
    var name: String
    /// The role at this event if the transcript gives one, else the registry's.
    var role: String?
    /// Link to the speaker's page, relative to the page being rendered;
    /// absent when the registry does not know the speaker (there is no page).
    var url: String?

    init(_ appearance: SpeakerAppearance, registry: [String: Speaker], page: String) {
        let speaker = registry[appearance.id]
        id = appearance.id
        name = speaker?.name.nonEmpty ?? appearance.id
        role = appearance.role.nonEmpty ?? speaker?.role.nonEmpty
        url = speaker.map { SiteURL.relative(from: page, to: PageRenderer.speakerDirectory(id: $0.id)) }
    }
}

extension SpeakerViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "id": id.templateValue
        case "name": name.templateValue
        case "role": role.templateValue
        case "url": url.templateValue
        default: nil
        }
    }
}

/// One entry of `{{#speakersIndex.speakers}}`, and the head of `{{#speaker}}`.
struct SpeakerSummaryViewModel: TemplateObject {
    var id: String
    var name: String
    /// The registry's role.
    var role: String?
    /// Link to `speakers/ID/`, relative to the page being rendered.
    var url: String
    var turnCount: Int
    /// `1 turn`, `12 turns`.
    var turnCountLabel: String
    var transcriptCount: Int
    /// `1 transcript`, `3 transcripts`.
    var transcriptCountLabel: String

    init(_ speaker: Speaker, turnCount: Int, transcriptCount: Int, page: String) {
        id = speaker.id
        name = speaker.name.nonEmpty ?? speaker.id
        role = speaker.role.nonEmpty
        url = SiteURL.relative(from: page, to: PageRenderer.speakerDirectory(id: speaker.id))
        self.turnCount = turnCount
        turnCountLabel = Plural.label(turnCount, "turn")
        self.transcriptCount = transcriptCount
        transcriptCountLabel = Plural.label(transcriptCount, "transcript")
    }
}

extension SpeakerSummaryViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "id": id.templateValue
        case "name": name.templateValue
        case "role": role.templateValue
        case "url": url.templateValue
        case "turnCount": turnCount.templateValue
        case "turnCountLabel": turnCountLabel.templateValue
        case "transcriptCount": transcriptCount.templateValue
        case "transcriptCountLabel": transcriptCountLabel.templateValue
        default: nil
        }
    }
}

/// `{{#speakersIndex}}` on `speakers/index.html`.
struct SpeakersIndexViewModel: TemplateObject {
    /// By name.
    var speakers: [SpeakerSummaryViewModel]
    var hasSpeakers: Bool

    init(speakers: [SpeakerSummaryViewModel]) {
        self.speakers = speakers
        hasSpeakers = !speakers.isEmpty
    }
}

extension SpeakersIndexViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "speakers": speakers.templateValue
        case "hasSpeakers": hasSpeakers.templateValue
        default: nil
        }
    }
}

/// `{{#speaker}}` on `speakers/ID/index.html` and its later pages.
struct SpeakerProfileViewModel: TemplateObject {
    var id: String
    var name: String
    var role: String?
    var turnCount: Int
    var turnCountLabel: String
    var transcriptCount: Int
    var transcriptCountLabel: String
    /// Words in all the speaker's turns.
    var wordCount: Int
    /// `1 word`, `1234 words`.
    var wordCountLabel: String
    /// The registry's `links`, http(s) only (not `links`, which every page has).
    var webLinks: [ExternalLinkViewModel]
    var hasWebLinks: Bool
    /// This page's transcripts the speaker appears in, newest first
    /// (``PageRenderer/speakerTranscriptsPerPage`` a page).
    var transcripts: [SpeakerTranscriptViewModel]
    var hasTranscripts: Bool
    /// The transcripts are listed a page at a time; the rest is on every page.
    var pagination: PaginationViewModel
    /// True on the first page only, which alone shows the turn and word
    /// totals: an edit of one transcript's words then rewrites the page
    /// listing it and the first, not every page of a prolific speaker.
    var showsTotals: Bool

    init(
        _ summary: SpeakerSummaryViewModel, links: [String], wordCount: Int,
        transcripts: [SpeakerTranscriptViewModel], pagination: PaginationViewModel
    ) {
        id = summary.id
        name = summary.name
        role = summary.role
        turnCount = summary.turnCount
        turnCountLabel = summary.turnCountLabel
        transcriptCount = summary.transcriptCount
        transcriptCountLabel = summary.transcriptCountLabel
        self.wordCount = wordCount
        wordCountLabel = Plural.label(wordCount, "word")
        webLinks = links.compactMap(ExternalLinkViewModel.init)
        hasWebLinks = !webLinks.isEmpty
        self.transcripts = transcripts
        hasTranscripts = !transcripts.isEmpty
        self.pagination = pagination
        showsTotals = pagination.number == 1
    }
}

extension SpeakerProfileViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "pagination": pagination.templateValue
        case "id": id.templateValue
        case "name": name.templateValue
        case "role": role.templateValue
        case "turnCount": turnCount.templateValue
        case "turnCountLabel": turnCountLabel.templateValue
        case "transcriptCount": transcriptCount.templateValue
        case "transcriptCountLabel": transcriptCountLabel.templateValue
        case "wordCount": wordCount.templateValue
        case "wordCountLabel": wordCountLabel.templateValue
        case "showsTotals": showsTotals.templateValue
        case "webLinks": webLinks.templateValue
        case "hasWebLinks": hasWebLinks.templateValue
        case "transcripts": transcripts.templateValue
        case "hasTranscripts": hasTranscripts.templateValue
        default: nil
        }
    }
}

/// One entry of `{{#speaker.transcripts}}`: a transcript the speaker appears
/// in, how much they said there, and their first turn to start reading from.
struct SpeakerTranscriptViewModel: TemplateObject {
    var title: String
    /// Link to the transcript's page, relative to the page being rendered.
    var url: String
    var date: DateViewModel?
    /// As written in front matter (`press-conference`).
    var kind: String?
    /// For reading (`Press conference`).
    var kindLabel: String?
    var isDraft: Bool
    /// The speaker's turns in this transcript.
    var turnCount: Int
    /// `1 turn`, `12 turns`.
    var turnCountLabel: String
    /// Words in those turns.
    var wordCount: Int
    /// `1 word`, `1840 words`.
    var wordCountLabel: String
    /// False when front matter names the speaker but no turn is theirs.
    var hasTurns: Bool
    /// The speaker's first turn here; absent when ``hasTurns`` is false.
    var firstTurn: TurnViewModel?

    init(_ appearance: SpeakerTranscript, page: String) {
        title = appearance.document.title
        url = SiteURL.relative(from: page, to: SiteURL.pageDirectory(forSlug: appearance.document.slug))
        date = appearance.document.date.map(DateViewModel.init)
        kind = appearance.document.kind.nonEmpty
        kindLabel = kind.map(TranscriptViewModel.label(forKind:))
        isDraft = appearance.document.isDraft
        turnCount = appearance.turnCount
        turnCountLabel = Plural.label(appearance.turnCount, "turn")
        wordCount = appearance.wordCount
        wordCountLabel = Plural.label(appearance.wordCount, "word")
        hasTurns = appearance.turnCount > 0
        // The transcript's URL is already relative to the page: the turn's
        // link adds only its fragment, rather than working the path out again.
        firstTurn = appearance.firstTurn.map { TurnViewModel($0, transcriptURL: url) }
    }
}

extension SpeakerTranscriptViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "title": title.templateValue
        case "url": url.templateValue
        case "date": date.templateValue
        case "kind": kind.templateValue
        case "kindLabel": kindLabel.templateValue
        case "isDraft": isDraft.templateValue
        case "turnCount": turnCount.templateValue
        case "turnCountLabel": turnCountLabel.templateValue
        case "wordCount": wordCount.templateValue
        case "wordCountLabel": wordCountLabel.templateValue
        case "hasTurns": hasTurns.templateValue
        case "firstTurn": firstTurn.templateValue
        default: nil
        }
    }
}

/// An `http(s)` link from content to another site (a speaker's `links`).
struct ExternalLinkViewModel: TemplateObject {
    var url: String
    /// The URL without its scheme and trailing `/`, to read (`en.wikipedia.org/wiki/…`).
    var text: String

    /// Nil unless `url` is an absolute http(s) URL.
    init?(_ url: String) {
        let lower = url.lowercased()
        guard let href = LinkPolicy.href(url), lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        self.url = href
        var text = url.drop { $0 != ":" }.dropFirst(3)
        if text.hasSuffix("/") { text = text.dropLast() }
        self.text = text.isEmpty ? url : String(text)
    }
}

extension ExternalLinkViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "url": url.templateValue
        case "text": text.templateValue
        default: nil
        }
    }
}

/// `{{#firstTurn}}` of a speaker's transcript: an excerpt linking to its passage.
struct TurnViewModel: TemplateObject {
    /// The first words of the turn, plain text.
    var excerpt: String
    /// Link to the passage (`../../2025/hegseth/#t-00-01-12`), relative to the page.
    var url: String
    /// Words in the whole turn.
    var wordCount: Int
    /// `00:01:12` when the turn has a timestamp.
    var time: String?

    /// - Parameter transcriptURL: the turn's transcript, relative to the page being rendered.
    init(_ turn: TurnExcerpt, transcriptURL: String) {
        excerpt = turn.excerpt
        url = transcriptURL + (turn.passageID.isEmpty ? "" : "#" + turn.passageID)
        wordCount = turn.wordCount
        time = turn.seconds.flatMap(Self.clock)
    }

    /// 72 → `00:01:12`.
    static func clock(_ seconds: Double) -> String? {
        guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return nil }
        let total = Int(seconds)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(two(total / 3600)):\(two(total / 60 % 60)):\(two(total % 60))"
    }
}

extension TurnViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "excerpt": excerpt.templateValue
        case "url": url.templateValue
        case "wordCount": wordCount.templateValue
        case "time": time.templateValue
        default: nil
        }
    }
}
