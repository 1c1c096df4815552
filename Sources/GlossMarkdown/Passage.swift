/// One top-level paragraph of a transcript, for speaker pages and citations.
public struct Passage: Sendable, Hashable {
    /// The paragraph's `id` (`p-3f2a1c`), a fragment that links to it.
    public var id: String
    /// The id of the turn it belongs to (`t-00-01-12`), if any.
    public var turnID: String?
    /// The speaker of that turn.
    public var speakerID: String?
    /// The turn's timestamp in seconds from the transcript's `00:00`.
    public var seconds: Double?
    /// The words as a reader sees them, whitespace collapsed.
    public var text: String

    public init(id: String, turnID: String? = nil, speakerID: String? = nil, seconds: Double? = nil, text: String) {
        self.id = id
        self.turnID = turnID
        self.speakerID = speakerID
        self.seconds = seconds
        self.text = text
    }
}
