import GlossModel

/// What every importer produces: a transcript's front matter and body as
/// values, before anything is written. `TranscriptWriter` turns it into
/// Gloss Markdown; the summary the CLI prints is counted from it.
public struct ImportedTranscript: Hashable, Sendable {
    public var title: String
    public var date: CalendarDate?
    public var kind: String?
    public var place: String?
    public var source: ImportedSource
    /// The recording the transcript is of, when the source names one Gloss can link.
    public var media: ImportedMedia?
    public var speakers: [ImportedSpeaker]
    public var topics: [String]
    public var blocks: [ImportedBlock]
    /// Editorial marks in the source, written as range notes of kind `correction`.
    public var corrections: [Correction]
    /// "Read more" links, kept in the body and listed in front matter.
    public var related: [RelatedLink]
    /// Other facts worth keeping (`start_time: 12:43 P.M. MDT`), as text, in order.
    public var params: [(key: String, value: String)]
    /// What the importer guessed or could not place, for the summary.
    public var warnings: [Diagnostic]
    /// A file name for the transcript without `.md`, made from its title or the input's name.
    public var suggestedName: String

    public init(title: String, suggestedName: String) {
        self.title = title
        self.suggestedName = suggestedName
        source = ImportedSource()
        speakers = []
        topics = []
        blocks = []
        corrections = []
        related = []
        params = []
        warnings = []
    }

    public static func == (lhs: ImportedTranscript, rhs: ImportedTranscript) -> Bool {
        lhs.title == rhs.title && lhs.date == rhs.date && lhs.kind == rhs.kind && lhs.place == rhs.place
            && lhs.source == rhs.source && lhs.media == rhs.media && lhs.speakers == rhs.speakers && lhs.topics == rhs.topics
            && lhs.blocks == rhs.blocks && lhs.corrections == rhs.corrections && lhs.related == rhs.related
            && lhs.params.map(\.key) == rhs.params.map(\.key) && lhs.params.map(\.value) == rhs.params.map(\.value)
            && lhs.warnings == rhs.warnings && lhs.suggestedName == rhs.suggestedName
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(blocks)
    }

    /// The speaker with `id`, if declared.
    public func speaker(_ id: String) -> ImportedSpeaker? {
        speakers.first { $0.id == id }
    }
}

public struct ImportedSource: Hashable, Sendable {
    public var title: String?
    public var publisher: String?
    public var url: String?

    public init(title: String? = nil, publisher: String? = nil, url: String? = nil) {
        self.title = title
        self.publisher = publisher
        self.url = url
    }

    var isEmpty: Bool { title == nil && publisher == nil && url == nil }
}

/// `media: {audio: URL}` or `{video: URL}` in the front matter.
public struct ImportedMedia: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case audio, video
    }

    public var kind: Kind
    public var url: String

    public init(kind: Kind, url: String) {
        self.kind = kind
        self.url = url
    }

    /// What the build accepts for a recording: an absolute http(s) URL, or
    /// a path relative to the page with no scheme (`media/briefing.mp3`).
    static func isUsable(_ url: String) -> Bool {
        if WebURL.isAbsolute(url) { return true }
        guard !url.isEmpty, !url.hasPrefix("//"), !url.contains(where: \.isWhitespace) else { return false }
        let beforePath = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !beforePath.contains(":")
    }

    /// Audio or video, from a key that says so or the file's extension.
    static func kind(key: String, url: String) -> Kind {
        if key.contains("audio") { return .audio }
        if key.contains("video") { return .video }
        let path = url.prefix { $0 != "?" && $0 != "#" }.lowercased()
        return [".mp3", ".m4a", ".aac", ".wav", ".ogg", ".oga", ".opus", ".flac"].contains(where: path.hasSuffix) ? .audio : .video
    }
}

/// A person heard in the transcript, with every label the source used for them.
public struct ImportedSpeaker: Hashable, Sendable {
    public var id: String
    public var name: String
    public var role: String?
    /// Labels as written in the source (`MR. KENNEDY`, `SENATOR KENNEDY`), other than `name`.
    public var aliases: [String]

    public init(id: String, name: String, role: String? = nil, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.role = role
        self.aliases = aliases
    }
}

/// One block of the body. Text is inline Markdown, already escaped where it
/// came from plain text or HTML, so the writer never escapes twice.
public enum ImportedBlock: Hashable, Sendable {
    /// Narration, framing, anything not said by a speaker.
    case paragraph(String)
    /// A speaker's turn: the label as it will be written, an optional
    /// timestamp in dialect form (`00:04:01.06`), and its paragraphs.
    case turn(Turn)
    /// A block quote with an optional attribution line (`Reuters`), and
    /// whether it is a social-media post copied as text.
    case quote(Quote)
    case heading(level: Int, text: String)
    /// A list of items, each inline Markdown.
    case list([String])
    /// A time of day on its own line (`12:43 P.M. MDT`).
    case timeOfDay(String)
    /// Markdown passed through as written (code, tables, HTML blocks).
    case verbatim(String)
    /// Ends a turn, so the article's framing after a speech stays apart from it.
    case separator

    public struct Turn: Hashable, Sendable {
        public var speakerID: String
        public var label: String
        public var timestamp: String?
        public var paragraphs: [String]

        public init(speakerID: String, label: String, timestamp: String? = nil, paragraphs: [String]) {
            self.speakerID = speakerID
            self.label = label
            self.timestamp = timestamp
            self.paragraphs = paragraphs
        }
    }

    public struct Quote: Hashable, Sendable {
        public var paragraphs: [String]
        public var attribution: String?
        public var isSocialPost: Bool

        public init(paragraphs: [String], attribution: String? = nil, isSocialPost: Bool = false) {
            self.paragraphs = paragraphs
            self.attribution = attribution
            self.isSocialPost = isSocialPost
        }
    }
}

/// `<s>Golden</s> [Arvada]`: the words as the reader sees them after import,
/// with what was struck and what was put in.
public struct Correction: Hashable, Sendable {
    public var quote: String
    public var prefix: String?
    public var note: String

    public init(quote: String, prefix: String? = nil, note: String) {
        self.quote = quote
        self.prefix = prefix
        self.note = note
    }
}

public struct RelatedLink: Hashable, Sendable {
    public var title: String
    public var url: String?

    public init(title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }
}

extension ImportedTranscript {
    /// Counts for the per-file summary.
    public var turnCount: Int { blocks.filter { if case .turn = $0 { true } else { false } }.count }
    /// Block quotes, counting those a record's turn holds (material a member had printed).
    public var quoteCount: Int {
        blocks.reduce(0) { count, block in
            switch block {
            case .quote: return count + 1
            case .turn(let turn): return count + turn.paragraphs.filter { $0.hasPrefix("> ") }.count
            default: return count
            }
        }
    }
    public var noteCount: Int { corrections.count }
}
