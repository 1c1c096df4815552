import GlossModel

/// What the transcript dialect needs to know about one transcript: who may
/// speak in it, the recording its timestamps point into, and the range notes
/// to anchor in its text. `nil` in `MarkdownOptions` means plain CommonMark.
public struct TranscriptContext: Sendable, Hashable {
    /// The transcript's `speakers:`, resolved against the registry. Empty:
    /// the body is plain Markdown, with no turns and no label errors.
    public var speakers: [DeclaredSpeaker]
    /// The recording that timestamps link into, if any.
    public var media: Media?
    /// Range notes, anchored by quote in the rendered text.
    public var annotations: [Annotation]
    /// The published original (an http(s) URL): turns without a link into the
    /// recording link to their words there, with a `#:~:text=` text fragment.
    public var sourceURL: String?

    public init(speakers: [DeclaredSpeaker] = [], media: Media? = nil, annotations: [Annotation] = [], sourceURL: String? = nil) {
        self.speakers = speakers
        self.media = media
        self.annotations = annotations
        self.sourceURL = sourceURL
    }
}
