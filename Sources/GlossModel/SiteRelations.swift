/// What one transcript says about others, gathered across the whole site
/// before pages are rendered: who spoke where, and who cites whom.

/// One turn of a speaker, for the speaker's page: an excerpt that links to
/// the passage it comes from.
public struct TurnExcerpt: Hashable, Sendable {
    /// Slug of the transcript the turn is in.
    public var slug: String
    /// The turn's passage id in that transcript (`t-00-01-12`, `p-3f2a1c`).
    public var passageID: String
    public var speakerID: String
    /// The first words of the turn, plain text. A build makes it only for a
    /// speaker's first turn in each transcript, the one their page shows,
    /// and leaves it empty for the others.
    public var excerpt: String
    /// Words in the whole turn.
    public var wordCount: Int
    public var seconds: Double?

    public init(slug: String, passageID: String, speakerID: String, excerpt: String, wordCount: Int, seconds: Double? = nil) {
        self.slug = slug
        self.passageID = passageID
        self.speakerID = speakerID
        self.excerpt = excerpt
        self.wordCount = wordCount
        self.seconds = seconds
    }
}

/// A link from one transcript (or one of its annotations) to another, for
/// the target's "Cited by" list.
public struct Citation: Hashable, Sendable {
    /// Slug of the citing transcript.
    public var fromSlug: String
    /// The passage of the citing transcript the link is in, when known.
    public var fromPassageID: String?
    /// Slug of the cited transcript.
    public var toSlug: String
    /// The cited passage, when the link names one (`other.md#t-00-12-31`).
    public var toPassageID: String?
    /// True when the link is in an annotation's note rather than the transcript's words.
    public var inAnnotation: Bool

    public init(fromSlug: String, fromPassageID: String? = nil, toSlug: String, toPassageID: String? = nil, inAnnotation: Bool = false) {
        self.fromSlug = fromSlug
        self.fromPassageID = fromPassageID
        self.toSlug = toSlug
        self.toPassageID = toPassageID
        self.inAnnotation = inAnnotation
    }
}
