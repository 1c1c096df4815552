import GlossModel

/// What a transcript page is made from.
public struct TranscriptPageInput: Sendable {
    public var document: Document
    /// The transcript body as HTML from GlossMarkdown. It is trusted: the
    /// theme inserts it unescaped (`{{{transcript.body}}}`).
    public var bodyHTML: String

    public init(document: Document, bodyHTML: String) {
        self.document = document
        self.bodyHTML = bodyHTML
    }
}
