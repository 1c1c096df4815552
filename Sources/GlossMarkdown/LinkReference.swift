import GlossModel

/// One link or image destination in a Markdown body, as the build's site
/// index sees it: what was written, where, and in which passage.
public struct LinkReference: Sendable, Hashable {
    /// The destination as written, after cmark's unescaping and entity
    /// decoding (`other.md#t-00-12-31`, `speaker:hegseth`, `#p-3f2a1c`);
    /// for an email autolink, cmark's `mailto:` form.
    public var destination: String
    /// Where the link starts in the `.md` file. Best effort, like raw-HTML
    /// warnings; approximate inside annotation notes, whose text comes from
    /// front matter or a sidecar file.
    public var location: SourceLocation
    /// An image source rather than a link.
    public var isImage: Bool
    /// The id of the transcript passage the link is in: the top-level
    /// paragraph's id (`p-3f2a1c`, turn paragraphs included), or the turn's
    /// id (`t-00-12-31`) for other blocks of a turn (a list, a quote). For a
    /// link inside a note, the passage the note is attached to. `nil` for
    /// plain Markdown and for blocks outside passages (headings, lists and
    /// quotes outside turns).
    public var passageID: String?
    /// The link is inside an annotation note or a point-note definition.
    public var inNote: Bool

    public init(destination: String, location: SourceLocation, isImage: Bool = false, passageID: String? = nil, inNote: Bool = false) {
        self.destination = destination
        self.location = location
        self.isImage = isImage
        self.passageID = passageID
        self.inNote = inNote
    }
}
