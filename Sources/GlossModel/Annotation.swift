/// An editor's note pinned to an exact quote in a transcript's text, in the
/// style of a W3C TextQuoteSelector: the quote must occur exactly once in the
/// rendered text (`prefix` and `suffix` only choose between repeats).
public struct Annotation: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case context
        case factCheck = "fact-check"
        case correction
        case translation

        /// The word shown on the page (`Fact-check`).
        public var label: String {
            switch self {
            case .context: "Context"
            case .factCheck: "Fact-check"
            case .correction: "Correction"
            case .translation: "Translation"
            }
        }
    }

    public var quote: String
    /// Text just before the quote, to tell one occurrence from another.
    public var prefix: String?
    /// Text just after the quote, to tell one occurrence from another.
    public var suffix: String?
    public var kind: Kind
    /// For fact-checks: the verdict as a word (`misleading`, `false`, `true`).
    public var rating: String?
    /// Markdown.
    public var note: String
    public var sources: [SourceLink]
    public var author: String?
    public var date: CalendarDate?
    /// Where the annotation is written: the front matter or a sidecar
    /// `NAME.annotations.yaml`, so a failed anchor can be reported there.
    public var location: SourceLocation

    public init(
        quote: String, prefix: String? = nil, suffix: String? = nil, kind: Kind = .context, rating: String? = nil,
        note: String, sources: [SourceLink] = [], author: String? = nil, date: CalendarDate? = nil, location: SourceLocation
    ) {
        self.quote = quote
        self.prefix = prefix
        self.suffix = suffix
        self.kind = kind
        self.rating = rating
        self.note = note
        self.sources = sources
        self.author = author
        self.date = date
        self.location = location
    }
}

/// A source backing a claim: a title to show and where it is.
public struct SourceLink: Hashable, Sendable {
    public var title: String?
    public var url: String

    public init(title: String? = nil, url: String) {
        self.title = title
        self.url = url
    }
}
